#include "eval/latency.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "common/atomic_file.h"
#include "common/error.h"
#include "eval/timing.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "common/json_text.h"

namespace vp {

LatencyStats measureLatency(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                            const LatencyOptions& o, const std::function<bool()>& cancelled) {
    c10::InferenceMode guard;
    const bool dense = methodId.empty() || methodId == "dense";
    const at::Tensor x = randomInput(model, o.batch);
    const ReadyMethod ready = readyMethod(model, dense ? "dense" : methodId, values, calibrationFrom({x}));
    const ViTModel& used = ready.model();
    PruneMethod& method = *ready;
    // The dense path is the plain forward (no hooks), as a user of the dense model runs it.
    auto run = [&] {
        at::Tensor logits = dense ? used.forward(x) : used.forward(x, method).logits;
        syncDevice(logits);
    };
    for (int i = 0; i < o.warmup; ++i) run();
    std::vector<double> ms;
    const auto start = std::chrono::steady_clock::now();
    LatencyStats s;
    s.batch = std::max(1, o.batch);
    while (static_cast<int>(ms.size()) < o.maxRuns) {
        if (cancelled && cancelled()) return s;
        ms.push_back(timeMs(run));
        if (static_cast<int>(ms.size()) < o.minRuns) continue;
        const double med = quantile(ms, 0.5);
        const double spread = (quantile(ms, 0.9) - quantile(ms, 0.1)) / std::max(med, 1e-9);
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (spread < o.stableSpread || elapsed > o.maxSeconds) break;
    }
    s.ms = quantile(ms, 0.5);
    s.msP10 = quantile(ms, 0.1);
    s.msP90 = quantile(ms, 0.9);
    s.runs = static_cast<int>(ms.size());
    return s;
}

std::string machineId() {
    char host[256] = {0};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
    std::string cpu = "unknown CPU";
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);) {
        if (line.rfind("model name", 0) == 0) {
            const size_t colon = line.find(':');
            if (colon != std::string::npos) cpu = line.substr(line.find_first_not_of(' ', colon + 1));
            break;
        }
    }
    return std::string(host) + " | " + cpu + " | " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

std::string deviceId(const ViTModel& model) { return model.device().str(); }

std::string LatencyKey::text() const {
    std::ostringstream s;
    s << machine << " || " << device << " || batch " << batch << " || threads " << threads << " || " << model << " || "
      << method << " || " << settings << " || " << methodCacheTag(method);
    return s.str();
}

namespace {
nlohmann::json statsJson(const LatencyStats& s) {
    return {{"ms", s.ms}, {"ms_p10", s.msP10}, {"ms_p90", s.msP90}, {"runs", s.runs}, {"batch", s.batch}};
}
// A cache holds a few hundred entries of ~200 bytes; anything far larger is not ours.
constexpr uintmax_t kMaxCacheBytes = uintmax_t(16) << 20;

LatencyStats statsFrom(const nlohmann::json& j) {
    LatencyStats s;
    s.ms = j.at("ms").get<double>();
    s.msP10 = j.at("ms_p10").get<double>();
    s.msP90 = j.at("ms_p90").get<double>();
    s.runs = j.at("runs").get<int>();
    s.batch = j.at("batch").get<int>();
    return s;
}
}  // namespace

LatencyCache::LatencyCache(std::string path) : m_path(std::move(path)) {
    namespace fs = std::filesystem;
    if (m_path.empty()) return;
    // Nothing here may throw: the cache is opened at start-up. A path that cannot be a cache (a
    // symlink loop, a folder, a file larger than any cache) is left alone and the cache starts empty.
    std::error_code ec;
    const fs::file_status st = fs::status(m_path, ec);
    const bool absent = ec ? ec == std::errc::no_such_file_or_directory : !fs::exists(st);
    if (absent) return;  // a new cache, written on the first save
    if (ec || !fs::is_regular_file(st)) {
        std::cerr << "vitprune: latency cache " << m_path
                  << " is not used: " << (ec ? ec.message() : std::string("not a regular file")) << "\n";
        m_unusable = true;
        return;
    }
    if (fs::file_size(m_path, ec) > kMaxCacheBytes) {
        std::cerr << "vitprune: latency cache " << m_path << " is larger than " << (kMaxCacheBytes >> 20)
                  << " MiB; not used\n";
        m_unusable = true;
        return;
    }
    try {
        std::ifstream in(m_path);
        const nlohmann::json j = nlohmann::json::parse(in);
        if (j.at("format").get<std::string>() != "vitprune-latency-cache-1") throw Error("unknown format");
        for (const auto& e : j.at("entries")) m_entries[e.at("key").get<std::string>()] = statsFrom(e);
    } catch (const std::exception&) {
        // A cache is only a cache: keep the bad file for inspection and start empty.
        m_entries.clear();
        std::error_code ec;
        fs::rename(m_path, m_path + ".corrupt", ec);
    }
}

std::optional<LatencyStats> LatencyCache::find(const LatencyKey& key) const {
    auto it = m_entries.find(key.text());
    if (it == m_entries.end()) return std::nullopt;
    return it->second;
}

void LatencyCache::store(const LatencyKey& key, const LatencyStats& stats) { m_entries[key.text()] = stats; }

LatencyStats LatencyCache::getOrMeasure(const LatencyKey& key, const std::function<LatencyStats()>& measure) {
    if (auto hit = find(key)) return *hit;
    const LatencyStats s = measure();
    if (s.runs > 0) {  // a cancelled measurement is not a measurement
        store(key, s);
        save();
    }
    return s;
}

void LatencyCache::save() const {
    if (m_path.empty() || m_unusable) return;
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& [key, s] : m_entries) {
        nlohmann::json e = statsJson(s);
        e["key"] = key;
        entries.push_back(std::move(e));
    }
    const std::filesystem::path dir = std::filesystem::path(m_path).parent_path();
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    if (ec) throw fileError(dir.string(), "cannot create the latency cache's folder: " + ec.message());
    writeFileAtomic(m_path, jsonText(nlohmann::json{{"format", "vitprune-latency-cache-1"}, {"entries", entries}}, 1));
}

}  // namespace vp
