#include "eval/sweep_result.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
#include <sstream>

#include "common/atomic_file.h"
#include "common/error.h"
#include "prune/knob.h"

namespace vp {
namespace {

constexpr const char* kFormat = "vitprune-sweep/1";

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
            {"ms_per_image", p.msPerImage}};
}

SweepPoint pointFromJson(const nlohmann::json& j) {
    SweepPoint p;
    for (const auto& [k, v] : j.at("settings").items()) p.settings[k] = v.get<std::string>();
    p.targetGMacs = j.at("target_gmacs").get<double>();
    p.gmacs = j.at("gmacs").get<double>();
    p.correct = j.at("correct").get<int64_t>();
    p.images = j.at("images").get<int64_t>();
    p.accuracy = j.at("accuracy").get<double>();
    p.msPerImage = j.at("ms_per_image").get<double>();
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
    j["methods"] = methods;
    return j.dump(1) + "\n";
}

SweepResult sweepFromJson(const std::string& text, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        throw fileError(origin, std::string("not valid JSON (") + e.what() + ")");
    }
    if (!j.is_object() || j.value("format", "") != kFormat)
        throw fileError(origin, std::string("not a vitprune sweep file (no \"format\": \"") + kFormat + "\")");
    try {
        SweepResult r;
        r.model = j.at("model").get<std::string>();
        r.dataset = j.at("dataset").get<std::string>();
        r.limit = j.at("limit").get<int64_t>();
        r.shard.index = j.at("shard").at("index").get<int>();
        r.shard.count = j.at("shard").at("count").get<int>();
        r.pointsPerMethod = j.at("points").get<int>();
        r.plannedPoints = j.at("planned_points").get<int>();
        r.denseGMacs = j.at("dense_gmacs").get<double>();
        r.mergedShards = j.value("merged_shards", 0);
        for (const auto& mj : j.at("methods")) {
            SweepMethod m;
            m.id = mj.at("id").get<std::string>();
            for (const auto& pj : mj.at("points")) m.points.push_back(pointFromJson(pj));
            r.methods.push_back(std::move(m));
        }
        if (r.shard.count < 1 || r.shard.index < 0 || r.shard.index >= r.shard.count)
            throw fileError(origin, "shard " + r.shard.text() + " is not K/N with 0 <= K < N");
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
    writeFileAtomic(sweepCsvPath(jsonPath), sweepToCsv(r));
    writeFileAtomic(jsonPath, sweepToJson(r));
}

SweepResult loadSweep(const std::string& jsonPath) {
    std::ifstream in(jsonPath, std::ios::binary);
    if (!in) throw fileError(jsonPath, "cannot open");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return sweepFromJson(text, jsonPath);
}

}  // namespace vp
