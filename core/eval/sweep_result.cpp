#include "eval/sweep_result.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "common/atomic_file.h"
#include "common/error.h"
#include "prune/knob.h"
#include "common/json_text.h"

namespace vp {
namespace {

constexpr const char* kFormat = "vitprune-sweep/1";
// A sweep of 1000 methods x 1000 points is ~250 MB; real ones are kilobytes.
constexpr uintmax_t kMaxSweepFileBytes = uintmax_t(64) << 20;

// ordered_json: the file reads header first, then the points, each key in a stable place.
nlohmann::ordered_json pointToJson(const SweepPoint& p) {
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& [k, v] : p.settings) settings[k] = v;
    return {{"settings", settings},
            {"target_gmacs", p.targetGMacs},
            {"gmacs", p.gmacs},
            {"correct", p.correct},
            {"images", p.images},
            {"accuracy", p.accuracy},
            {"top1_ci95", {p.top1Ci95().lo, p.top1Ci95().hi}},  // derived, not read back
            {"ms_per_image", p.msPerImage}};
}

// Limits of a plausible sweep file: they bound what a hand-edited or hostile file can make
// merge allocate (one slot per shard) or print.
constexpr int64_t kMaxShards = 1000000;  // as --shard K/N
constexpr int64_t kMaxImages = int64_t(1) << 30;
constexpr int64_t kMaxPointsPerMethod = 1000;
constexpr size_t kMaxMethods = 1000;

// A count in [lo, hi], read as int64 (a larger number is refused, never truncated).
int64_t countIn(const nlohmann::json& j, const char* key, int64_t lo, int64_t hi, const std::string& origin,
                const std::string& where = "") {
    const nlohmann::json& v = j.at(key);
    if (!v.is_number_integer()) throw fileError(origin, where + "\"" + key + "\" is not an integer");
    const bool isUnsigned = v.is_number_unsigned();
    const int64_t n = isUnsigned && v.get<uint64_t>() > uint64_t(INT64_MAX) ? INT64_MAX : v.get<int64_t>();
    if (n < lo || n > hi)
        throw fileError(origin, where + "\"" + key + "\" is " +
                                    (isUnsigned ? std::to_string(v.get<uint64_t>()) : std::to_string(n)) +
                                    ", outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return n;
}

// A finite, non-negative measurement.
double measureIn(const nlohmann::json& j, const char* key, const std::string& origin, const std::string& where) {
    const double v = j.at(key).get<double>();
    if (!std::isfinite(v) || v < 0)
        throw fileError(origin, where + "\"" + key + "\" is " + std::to_string(v) + ", not a number >= 0");
    return v;
}

SweepPoint pointFromJson(const nlohmann::json& j, int64_t limit, const std::string& origin, const std::string& where) {
    SweepPoint p;
    for (const auto& [k, v] : j.at("settings").items()) p.settings[k] = v.get<std::string>();
    p.targetGMacs = measureIn(j, "target_gmacs", origin, where);
    p.gmacs = measureIn(j, "gmacs", origin, where);
    p.images = countIn(j, "images", 0, limit, origin, where);
    p.correct = countIn(j, "correct", 0, p.images, origin, where);
    p.accuracy = measureIn(j, "accuracy", origin, where);
    const double expected = p.images ? static_cast<double>(p.correct) / p.images : 0.0;
    if (std::abs(p.accuracy - expected) > 1e-9)
        throw fileError(origin, where + "\"accuracy\" " + std::to_string(p.accuracy) + " is not correct/images = " +
                                    std::to_string(p.correct) + "/" + std::to_string(p.images));
    p.msPerImage = measureIn(j, "ms_per_image", origin, where);
    return p;
}

std::string csvQuote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

int SweepResult::finishedPoints() const {
    int n = 0;
    for (const SweepMethod& m : methods) n += static_cast<int>(m.points.size());
    return n;
}

SweepMethod* SweepResult::method(const std::string& id) {
    for (SweepMethod& m : methods)
        if (m.id == id) return &m;
    return nullptr;
}

const SweepMethod* SweepResult::method(const std::string& id) const {
    return const_cast<SweepResult*>(this)->method(id);
}

std::string sweepToJson(const SweepResult& r) {
    nlohmann::ordered_json methods = nlohmann::ordered_json::array();
    for (const SweepMethod& m : r.methods) {
        nlohmann::ordered_json points = nlohmann::ordered_json::array();
        for (const SweepPoint& p : m.points) points.push_back(pointToJson(p));
        methods.push_back({{"id", m.id}, {"points", points}});
    }
    nlohmann::ordered_json j{{"format", kFormat},
                             {"model", r.model},
                             {"dataset", r.dataset},
                             {"limit", r.limit},
                             {"shard", {{"index", r.shard.index}, {"count", r.shard.count}}},
                             {"points", r.pointsPerMethod},
                             {"planned_points", r.plannedPoints},
                             {"finished_points", r.finishedPoints()},
                             {"complete", r.complete()},
                             {"dense_gmacs", r.denseGMacs}};
    if (r.mergedShards > 0) j["merged_shards"] = r.mergedShards;
    if (!r.provenance.empty()) j["provenance"] = nlohmann::ordered_json::parse(r.provenance);
    j["methods"] = methods;
    return jsonText(j, 1) + "\n";
}

SweepResult sweepFromJson(const std::string& text, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        throw fileError(origin, std::string("not valid JSON (") + e.what() + ")");
    }
    // (value("format", "") would throw a type_error for a format that is not a string.)
    const auto format = j.is_object() ? j.find("format") : j.end();
    if (!j.is_object() || format == j.end() || !format->is_string() || format->get<std::string>() != kFormat)
        throw fileError(origin, std::string("not a vitprune sweep file (no \"format\": \"") + kFormat + "\")");
    try {
        SweepResult r;
        r.model = j.at("model").get<std::string>();
        r.dataset = j.at("dataset").get<std::string>();
        r.limit = countIn(j, "limit", 1, kMaxImages, origin);
        r.shard.count = static_cast<int>(countIn(j.at("shard"), "count", 1, kMaxShards, origin, "shard: "));
        r.shard.index = static_cast<int>(countIn(j.at("shard"), "index", 0, r.shard.count - 1, origin, "shard: "));
        r.pointsPerMethod = static_cast<int>(countIn(j, "points", 1, kMaxPointsPerMethod, origin));
        const nlohmann::json& methods = j.at("methods");
        if (!methods.is_array() || methods.size() > kMaxMethods)
            throw fileError(origin, "\"methods\" is not a list of at most " + std::to_string(kMaxMethods) + " methods");
        const int64_t maxPlanned = 1 + static_cast<int64_t>(methods.size()) * kMaxPointsPerMethod;
        r.plannedPoints = static_cast<int>(countIn(j, "planned_points", 0, maxPlanned, origin));
        r.denseGMacs = measureIn(j, "dense_gmacs", origin, "");
        r.mergedShards =
            j.contains("merged_shards") ? static_cast<int>(countIn(j, "merged_shards", 0, kMaxShards, origin)) : 0;
        // Informative only: kept as written when it is an object, otherwise left out.
        if (const auto prov = j.find("provenance"); prov != j.end() && prov->is_object())
            r.provenance = jsonText(*prov);
        for (const auto& mj : methods) {
            SweepMethod m;
            m.id = mj.at("id").get<std::string>();
            const nlohmann::json& points = mj.at("points");
            if (!points.is_array() || static_cast<int64_t>(points.size()) > kMaxPointsPerMethod + 1)
                throw fileError(origin, m.id + ": \"points\" is not a list of at most " +
                                            std::to_string(kMaxPointsPerMethod) + " points");
            for (const auto& pj : points)
                m.points.push_back(
                    pointFromJson(pj, r.limit, origin, m.id + " point " + std::to_string(m.points.size() + 1) + ": "));
            r.methods.push_back(std::move(m));
        }
        if (r.finishedPoints() > r.plannedPoints)
            throw fileError(origin, std::to_string(r.finishedPoints()) + " points finished of " +
                                        std::to_string(r.plannedPoints) + " planned");
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw fileError(origin, std::string("malformed sweep file (") + e.what() + ")");
    }
}

std::string sweepToCsv(const SweepResult& r) {
    std::ostringstream s;
    s << "method,settings,target_gmacs,gmacs,correct,images,accuracy,ms_per_image\n";
    s << std::setprecision(10);
    for (const SweepMethod& m : r.methods)
        for (const SweepPoint& p : m.points)
            s << m.id << "," << csvQuote(settingsText(p.settings, ";")) << "," << p.targetGMacs << "," << p.gmacs << ","
              << p.correct << "," << p.images << "," << p.accuracy << "," << p.msPerImage << "\n";
    return s.str();
}

std::string sweepCsvPath(const std::string& jsonPath) {
    const std::string ext = ".json";
    if (jsonPath.size() > ext.size() && jsonPath.compare(jsonPath.size() - ext.size(), ext.size(), ext) == 0)
        return jsonPath.substr(0, jsonPath.size() - ext.size()) + ".csv";
    return jsonPath + ".csv";
}

void saveSweep(const SweepResult& r, const std::string& jsonPath) {
    // Both written and synced before either replaces its file, CSV first: the two renames are
    // all that can be interrupted, and loadSweep mends a CSV that lags its JSON.
    writeFilesAtomic({{sweepCsvPath(jsonPath), sweepToCsv(r)}, {jsonPath, sweepToJson(r)}});
}

SweepResult loadSweep(const std::string& jsonPath) {
    const SweepResult r = sweepFromJson(readSmallFile(jsonPath, kMaxSweepFileBytes, "sweep file"), jsonPath);
    // A kill between the two renames of saveSweep leaves the CSV one save behind: the JSON is the
    // record, so the CSV is rewritten from it.
    const std::string csvPath = sweepCsvPath(jsonPath);
    const std::string csv = sweepToCsv(r);
    std::string onDisk;
    try {
        onDisk = readSmallFile(csvPath, kMaxSweepFileBytes, "sweep CSV");
    } catch (const Error&) {
    }
    if (onDisk != csv) {
        try {
            writeFileAtomic(csvPath, csv);
        } catch (const Error&) {  // a read-only folder: the JSON is still the result
        }
    }
    return r;
}

}  // namespace vp
