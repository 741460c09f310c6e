#pragma once
// What a sweep writes: per method, points of (setting, accuracy, GMACs, ms) on one shard of a
// dataset. Plain data (no Torch, no JSON types) so the GUI's Pareto plot can read it too.
// Files: FILE (JSON, format "vitprune-sweep/1") and FILE's .csv beside it, written atomically.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "eval/confidence.h"
#include "eval/shard.h"

namespace vp {

struct SweepPoint {
    std::map<std::string, std::string> settings;  // knob id -> value text ({} for dense)
    double targetGMacs = 0;
    double gmacs = 0;  // mean per image, measured on the data
    int64_t correct = 0;
    int64_t images = 0;
    double accuracy = 0;    // correct / images
    double msPerImage = 0;  // forward time only (data loading excluded)

    // 95% Wilson interval of the accuracy, from correct/images (so files written before the
    // JSON's "top1_ci95" existed read the same, and merged shards get the whole count's interval).
    ConfidenceInterval top1Ci95() const { return wilsonInterval(correct, images); }
};

struct SweepMethod {
    std::string id;
    std::vector<SweepPoint> points;  // finished points, in plan order
};

struct SweepResult {
    std::string model, dataset;
    int64_t limit = 0;  // images of the dataset the sweep covers (first `limit`)
    Shard shard;
    int pointsPerMethod = 0;  // --points
    int plannedPoints = 0;    // dense + every method's points
    double denseGMacs = 0;
    int mergedShards = 0;  // > 0 for the output of merge
    // The "provenance" object (common/provenance.h) of the run that last wrote the file, as
    // compact JSON text; empty: none (files written before it existed).
    std::string provenance;
    std::vector<SweepMethod> methods;  // "dense" first

    int finishedPoints() const;
    bool complete() const { return finishedPoints() == plannedPoints; }
    SweepMethod* method(const std::string& id);
    const SweepMethod* method(const std::string& id) const;
};

std::string sweepToJson(const SweepResult& r);
std::string sweepToCsv(const SweepResult& r);
// Throws vp::Error naming `origin` when the text is not a sweep file.
SweepResult sweepFromJson(const std::string& text, const std::string& origin);
// FILE.json -> FILE.csv; any other name gets ".csv" appended.
std::string sweepCsvPath(const std::string& jsonPath);
// Both files, each atomically (JSON last, so a JSON on disk always has its CSV).
void saveSweep(const SweepResult& r, const std::string& jsonPath);
SweepResult loadSweep(const std::string& jsonPath);

// Sums shards of one sweep: same model/dataset/limit/points/settings, shard indices covering
// 0..N-1 exactly once, every part complete. Throws vp::Error naming the part that differs.
SweepResult mergeSweeps(const std::vector<std::string>& paths, const std::vector<SweepResult>& parts);

}  // namespace vp
