#pragma once
// Measured cost of one setting on this machine: forward latency at a batch size and thread
// count, repeated until stable, and a cache of such measurements keyed by everything that
// changes them (machine, device, batch, threads, model, method, settings), so a plot can switch
// to a latency axis without re-timing what it already timed, and a new key always re-measures.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "model/vit_model.h"
#include "prune/knob.h"

namespace vp {

struct LatencyStats {
    double ms = 0;  // median wall time of one batch forward
    double msP10 = 0, msP90 = 0;
    int runs = 0;  // timed runs the median is over
    int batch = 1;
    double msPerImage() const { return batch > 0 ? ms / batch : 0; }
    double imagesPerSecond() const { return ms > 0 ? 1000.0 * batch / ms : 0; }
};

struct LatencyOptions {
    int batch = 1;
    int warmup = 2;
    int minRuns = 5;             // at least this many timed runs...
    int maxRuns = 25;            // ...and more, up to this, while the spread is wide
    double stableSpread = 0.15;  // stop once (p90 - p10) / median is below this
    double maxSeconds = 20;      // never spend longer than this on one setting
};

// Times `methodId` with `values` on `model` (dense when methodId is "dense" or empty) on a fixed
// seeded input. Calibrated methods calibrate on that input (their cost does not depend on it).
// `cancelled` is polled between runs; a cancelled measurement returns runs == 0.
LatencyStats measureLatency(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                            const LatencyOptions& options, const std::function<bool()>& cancelled = {});

// "hostname | CPU model name | N cores": the machine part of a cache key.
std::string machineId();
// "cpu" or e.g. "cuda:0": the device part.
std::string deviceId(const ViTModel& model);

// text() also holds methodCacheTag(method): a new app version or method behaviour re-measures.
struct LatencyKey {
    std::string machine, device, model, method, settings;
    int batch = 1, threads = 1;
    std::string text() const;
};

// JSON file of measurements. Not thread-safe: one owner (the GUI's measuring worker).
class LatencyCache {
public:
    LatencyCache() = default;  // in memory only
    // Loads `path` if it exists; a corrupt file is set aside (renamed *.corrupt) and started
    // afresh; a path that is no regular file (a symlink loop, a folder, > 16 MiB) is left alone,
    // never written, and the cache lives in memory. Never throws.
    explicit LatencyCache(std::string path);
    std::optional<LatencyStats> find(const LatencyKey& key) const;
    void store(const LatencyKey& key, const LatencyStats& stats);
    // The cached value, or `measure()`'s, stored (and saved when the cache has a path).
    LatencyStats getOrMeasure(const LatencyKey& key, const std::function<LatencyStats()>& measure);
    void save() const;  // atomic; no-op without a path
    size_t size() const { return m_entries.size(); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::map<std::string, LatencyStats> m_entries;
    bool m_unusable = false;  // the path is not a regular file (a loop, a folder): never written
};

}  // namespace vp
