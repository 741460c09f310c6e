#include "eval/sweep.h"

#include <c10/core/InferenceMode.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "common/error.h"
#include "common/provenance.h"
#include "prune/method_setup.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "common/json_text.h"

namespace vp {
namespace {

std::string label(const std::string& id, const std::map<std::string, std::string>& settings) {
    std::string s = id;
    for (const auto& [k, v] : settings) s += " " + k + "=" + v;
    return s;
}

bool sameTarget(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); }

// Pre-processed batches kept in memory across points while they fit in `cap` bytes.
class BatchCache {
public:
    BatchCache(const BatchSource& source, int64_t count, int64_t cap) : m_source(source), m_count(count), m_cap(cap) {}
    LabelledBatch get(int64_t start, int64_t n) {
        auto it = m_batches.find({start, n});
        if (it != m_batches.end()) return it->second;
        LabelledBatch b = m_source(start, n);
        if (m_enabled) {
            const double perImage =
                static_cast<double>(b.images.nbytes() + b.labels.nbytes()) / std::max<int64_t>(1, n);
            if (perImage * m_count > static_cast<double>(m_cap)) {
                m_enabled = false;
                m_batches.clear();
            } else {
                m_batches[{start, n}] = b;
            }
        }
        return b;
    }

private:
    const BatchSource& m_source;
    int64_t m_count, m_cap;
    bool m_enabled = true;
    std::map<std::pair<int64_t, int64_t>, LabelledBatch> m_batches;
};

void checkResumable(const SweepResult& old, const SweepResult& now, const std::string& path) {
    auto differ = [&](const std::string& what, const std::string& was, const std::string& is) {
        throw fileError(path, "holds a different sweep (" + what + " '" + was + "' there, '" + is +
                                  "' now): use another --out, or delete the file to start over");
    };
    if (old.mergedShards > 0) throw fileError(path, "is a merged sweep; use another --out");
    if (old.model != now.model) differ("model", old.model, now.model);
    if (old.dataset != now.dataset) differ("dataset", old.dataset, now.dataset);
    if (old.limit != now.limit) differ("images", std::to_string(old.limit), std::to_string(now.limit));
    if (old.shard.index != now.shard.index || old.shard.count != now.shard.count)
        differ("shard", old.shard.text(), now.shard.text());
    if (old.pointsPerMethod != now.pointsPerMethod)
        differ("points", std::to_string(old.pointsPerMethod), std::to_string(now.pointsPerMethod));
    std::string a, b;
    for (const SweepMethod& m : old.methods) a += (a.empty() ? "" : ",") + m.id;
    for (const SweepMethod& m : now.methods) b += (b.empty() ? "" : ",") + m.id;
    if (a != b) differ("methods", a, b);
}

}  // namespace

int SweepPlan::size() const {
    int n = 0;
    for (const SweepMethod& m : methods) n += static_cast<int>(m.points.size());
    return n;
}

SweepPlan planSweep(const ViTModel& model, const std::vector<std::string>& methodIds, int pointsPerMethod,
                    double tolerance, const CalibrationProvider& calibration) {
    if (pointsPerMethod < 1) throw Error("--points: must be at least 1");
    if (methodIds.empty()) throw Error("--methods: give at least one method id");
    SweepPlan plan;
    plan.denseGMacs = toG(denseMacs(model));
    SweepPoint densePoint;
    densePoint.targetGMacs = plan.denseGMacs;
    plan.methods.push_back({"dense", {densePoint}});
    std::set<std::string> seen;
    for (const std::string& id : methodIds) {
        if (id == "dense") continue;  // always swept, once
        if (!seen.insert(id).second) throw Error("--methods: '" + id + "' is listed twice");
        BudgetSolver solver(model, id, {}, calibration ? gmacsCost(model, id, calibration) : SettingCost{});
        const auto [lo, hi] = solver.range();
        const double top = std::min(hi, plan.denseGMacs);
        if (!(lo < top * (1 - 1e-9)))
            throw Error("--methods: '" + id + "' cannot make this model cheaper (its " + solver.mainKnob() +
                        " reaches " + std::to_string(lo) + " to " + std::to_string(hi) + " GMACs)");
        SweepMethod m{id, {}};
        for (int i = 0; i < pointsPerMethod; ++i) {
            SweepPoint p;
            p.targetGMacs = lo + (top - lo) * i / pointsPerMethod;
            p.settings = solver.solve(p.targetGMacs, tolerance).raw();
            m.points.push_back(p);
        }
        plan.methods.push_back(std::move(m));
    }
    return plan;
}

SweepResult emptySweep(const SweepPlan& plan, const SweepOptions& opts) {
    SweepResult res;
    // As the JSON file will hold them (paths are bytes; JSON is UTF-8), so a resume compares like
    // with like.
    res.model = validUtf8(opts.model);
    res.dataset = validUtf8(opts.dataset);
    res.limit = opts.limit;
    res.shard = opts.shard;
    res.pointsPerMethod = opts.pointsPerMethod;
    res.plannedPoints = plan.size();
    res.denseGMacs = plan.denseGMacs;
    for (const SweepMethod& m : plan.methods) res.methods.push_back({m.id, {}});
    return res;
}

void checkSweepOut(const std::vector<std::string>& methodIds, const SweepOptions& opts) {
    if (!std::filesystem::exists(opts.out)) return;
    SweepPlan skeleton;  // the ids alone: what checkResumable compares besides the options
    skeleton.methods.push_back({"dense", {}});
    for (const std::string& id : methodIds)
        if (id != "dense") skeleton.methods.push_back({id, {}});
    checkResumable(loadSweep(opts.out), emptySweep(skeleton, opts), opts.out);
}

SweepRun runSweep(const ViTModel& model, const SweepPlan& plan, const SweepOptions& opts, const BatchSource& source,
                  int64_t count, const SweepProgressFn& progress) {
    if (count < 1) throw Error("sweep: the shard " + opts.shard.text() + " holds no images");
    SweepRun run;
    run.result = emptySweep(plan, opts);
    SweepResult& res = run.result;

    // done[m][i]: the measured point, from this run or the file being resumed.
    std::vector<std::vector<std::optional<SweepPoint>>> done;
    for (const SweepMethod& m : plan.methods) done.emplace_back(m.points.size());
    if (std::filesystem::exists(opts.out)) {
        const SweepResult old = loadSweep(opts.out);
        checkResumable(old, res, opts.out);
        res.provenance = old.provenance;  // until this run writes the file
        for (size_t m = 0; m < plan.methods.size(); ++m) {
            const SweepMethod* om = old.method(plan.methods[m].id);
            if (!om) continue;
            for (size_t i = 0; i < plan.methods[m].points.size(); ++i) {
                const SweepPoint& want = plan.methods[m].points[i];
                for (const SweepPoint& have : om->points) {
                    if (have.settings == want.settings && sameTarget(have.targetGMacs, want.targetGMacs)) {
                        done[m][i] = have;
                        ++run.resumed;
                        break;
                    }
                }
            }
        }
    }
    if (opts.pointDone)
        for (size_t m = 0; m < plan.methods.size(); ++m)
            for (const auto& p : done[m])
                if (p) opts.pointDone(plan.methods[m].id, *p, true);
    auto rebuild = [&] {
        for (size_t m = 0; m < plan.methods.size(); ++m) {
            res.methods[m].points.clear();
            for (const auto& p : done[m])
                if (p) res.methods[m].points.push_back(*p);
        }
    };

    SweepProgress prog;
    prog.pointsTotal = plan.size();
    prog.pointsDone = run.resumed;
    prog.imagesTotal = static_cast<int64_t>(plan.size() - run.resumed) * count;
    BatchCache cache(source, count, opts.cacheBytes);
    for (size_t m = 0; m < plan.methods.size() && !run.cancelled; ++m) {
        const std::string& id = plan.methods[m].id;
        for (size_t i = 0; i < plan.methods[m].points.size(); ++i) {
            if (done[m][i]) continue;
            const SweepPoint& want = plan.methods[m].points[i];
            prog.current = label(id, want.settings);
            if (progress && !progress(prog)) {
                run.cancelled = true;
                break;
            }
            // Integer knobs can give two targets the same setting: measure it once.
            std::optional<SweepPoint> same;
            for (size_t j = 0; j < i && !same; ++j)
                if (done[m][j] && done[m][j]->settings == want.settings) same = done[m][j];
            SweepPoint p = want;
            if (same) {
                p = *same;
                p.targetGMacs = want.targetGMacs;
            } else {
                const ReadyMethod ready = readyMethod(model, id, knobValuesFrom(want.settings), opts.calibration);
                const ViTModel& used = ready.model();
                PruneMethod* method = ready.method.get();
                {  // one untimed batch, so the first point does not pay for allocator warm-up
                    c10::InferenceMode guard;
                    LabelledBatch b = cache.get(0, std::min(opts.batch, count));
                    (void)used.forward(b.images.to(used.device(), used.dtype()), *method);
                }
                double loadSeconds = 0;
                BatchSource timed = [&](int64_t start, int64_t n) {
                    const auto t0 = std::chrono::steady_clock::now();
                    LabelledBatch b = cache.get(start, n);
                    loadSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                    return b;
                };
                const int64_t before = prog.imagesDone;
                EvalResult r = evaluate(used, *method, timed, count, opts.batch, [&](int64_t d, int64_t) {
                    prog.imagesDone = before + d;
                    return progress ? progress(prog) : true;
                });
                if (r.cancelled) {
                    run.cancelled = true;
                    break;
                }
                p.gmacs = r.gmacs;
                p.correct = r.correct;
                p.images = r.images;
                p.accuracy = r.accuracy;
                p.msPerImage = r.images ? 1000.0 * std::max(0.0, r.seconds - loadSeconds) / r.images : 0;
            }
            done[m][i] = p;
            ++run.evaluated;
            ++prog.pointsDone;
            ++prog.evaluatedThisRun;
            prog.imagesDone = static_cast<int64_t>(prog.evaluatedThisRun) * count;
            rebuild();
            res.provenance = provenanceText(model.device().str());
            saveSweep(res, opts.out);
            if (opts.pointDone) opts.pointDone(id, p, false);
        }
    }
    rebuild();
    if (run.evaluated == 0 && !std::filesystem::exists(opts.out)) {
        res.provenance = provenanceText(model.device().str());
        saveSweep(res, opts.out);
    }
    if (progress && !run.cancelled) {
        prog.current.clear();
        progress(prog);
    }
    return run;
}

}  // namespace vp
