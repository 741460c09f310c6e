// vitprune merge: the parts of a sharded sweep added up into the sweep of the whole dataset.
#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "eval/sweep_result.h"
#include "prune/knob.h"

namespace vp {
namespace {

std::string settingsOrNone(const std::map<std::string, std::string>& s) {
    const std::string text = settingsText(s, ",");
    return text.empty() ? "(none)" : text;
}

bool sameNumber(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); }

// Throws naming `path` when `p` is not a shard of the same sweep as `ref` (from `refPath`).
void checkSameSweep(const SweepResult& ref, const std::string& refPath, const SweepResult& p, const std::string& path) {
    auto differ = [&](const std::string& what, const std::string& mine, const std::string& theirs) {
        throw fileError(
            path, "not a shard of the same sweep as " + refPath + ": " + what + " '" + mine + "' vs '" + theirs + "'");
    };
    if (p.model != ref.model) differ("model", p.model, ref.model);
    if (p.dataset != ref.dataset) differ("dataset", p.dataset, ref.dataset);
    if (p.limit != ref.limit) differ("limit", std::to_string(p.limit), std::to_string(ref.limit));
    if (p.pointsPerMethod != ref.pointsPerMethod)
        differ("points", std::to_string(p.pointsPerMethod), std::to_string(ref.pointsPerMethod));
    if (p.shard.count != ref.shard.count)
        differ("shard count", std::to_string(p.shard.count), std::to_string(ref.shard.count));
    if (p.methods.size() != ref.methods.size())
        differ("method count", std::to_string(p.methods.size()), std::to_string(ref.methods.size()));
    for (size_t m = 0; m < p.methods.size(); ++m) {
        const SweepMethod& a = p.methods[m];
        const SweepMethod& b = ref.methods[m];
        if (a.id != b.id) differ("method #" + std::to_string(m + 1), a.id, b.id);
        if (a.points.size() != b.points.size())
            differ(a.id + " point count", std::to_string(a.points.size()), std::to_string(b.points.size()));
        for (size_t i = 0; i < a.points.size(); ++i) {
            if (a.points[i].settings != b.points[i].settings)
                differ(a.id + " point " + std::to_string(i + 1) + " settings", settingsOrNone(a.points[i].settings),
                       settingsOrNone(b.points[i].settings));
            if (!sameNumber(a.points[i].targetGMacs, b.points[i].targetGMacs))
                differ(a.id + " point " + std::to_string(i + 1) + " target GMACs",
                       std::to_string(a.points[i].targetGMacs), std::to_string(b.points[i].targetGMacs));
        }
    }
}

}  // namespace

SweepResult mergeSweeps(const std::vector<std::string>& paths, const std::vector<SweepResult>& parts) {
    if (parts.empty()) throw Error("merge: no sweep files given");
    if (parts.size() != paths.size()) throw Error("merge: paths and parts differ in number", Error::Kind::Internal);
    const SweepResult& first = parts[0];
    // Every shard exactly once: more parts than shards cannot be, fewer means some are missing
    // (reported below by index). The count is bounded by sweepFromJson.
    if (parts.size() > static_cast<size_t>(first.shard.count))
        throw fileError(paths[0], "is shard " + first.shard.text() + " of a sweep in " +
                                      std::to_string(first.shard.count) + " shards, but " +
                                      std::to_string(parts.size()) + " files are given");
    std::vector<std::string> owner(static_cast<size_t>(first.shard.count));
    for (size_t i = 0; i < parts.size(); ++i) {
        const SweepResult& p = parts[i];
        if (p.mergedShards > 0) throw fileError(paths[i], "is already a merged sweep, not a shard");
        if (!p.complete())
            throw fileError(
                paths[i], "shard " + p.shard.text() + " is unfinished (" + std::to_string(p.finishedPoints()) + " of " +
                              std::to_string(p.plannedPoints) + " points): run its sweep command again to resume it");
        if (i > 0) checkSameSweep(first, paths[0], p, paths[i]);
        std::string& who = owner[static_cast<size_t>(p.shard.index)];
        if (!who.empty()) throw fileError(paths[i], "holds shard " + p.shard.text() + ", as does " + who);
        who = paths[i];
    }
    std::string missing;
    size_t missingCount = 0;
    for (size_t k = 0; k < owner.size(); ++k) {
        if (!owner[k].empty()) continue;
        if (++missingCount <= 10) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
    }
    if (missingCount > 10) missing += " and " + std::to_string(missingCount - 10) + " more";
    if (!missing.empty())
        throw Error("merge: shards " + missing + " of 0.." + std::to_string(first.shard.count - 1) +
                    " are missing (every K of --shard K/" + std::to_string(first.shard.count) + " must be given once)");

    SweepResult out = first;
    out.shard = {};
    out.mergedShards = first.shard.count;
    for (size_t m = 0; m < out.methods.size(); ++m) {
        for (size_t i = 0; i < out.methods[m].points.size(); ++i) {
            SweepPoint& q = out.methods[m].points[i];
            double gmacsSum = 0, msSum = 0;
            q.correct = q.images = 0;
            for (const SweepResult& p : parts) {
                const SweepPoint& s = p.methods[m].points[i];
                q.correct += s.correct;
                q.images += s.images;
                gmacsSum += s.gmacs * s.images;
                msSum += s.msPerImage * s.images;
            }
            q.accuracy = q.images ? static_cast<double>(q.correct) / q.images : 0;
            q.gmacs = q.images ? gmacsSum / q.images : 0;
            q.msPerImage = q.images ? msSum / q.images : 0;
            if (q.images != out.limit)
                throw Error("merge: " + out.methods[m].id + " point " + std::to_string(i + 1) + " has " +
                            std::to_string(q.images) + " images over all shards, the sweep covers " +
                            std::to_string(out.limit));
        }
    }
    return out;
}

}  // namespace vp
