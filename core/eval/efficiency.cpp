#include "eval/efficiency.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.h"
#include "eval/latency.h"
#include "eval/timing.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "common/json_text.h"

namespace vp {

EfficiencyRow measureEfficiency(const ViTModel& model, const std::string& methodId, const KnobValues& values, int batch,
                                const PairTiming& timing, const std::function<bool()>& cancelled) {
    c10::InferenceMode guard;
    EfficiencyRow row;
    row.method = methodId;
    row.values = values;
    row.setting = settingsText(values);
    row.batch = std::max(1, batch);
    row.threads = at::get_num_threads();
    row.device = deviceId(model);
    const at::Tensor x = randomInput(model, row.batch);
    const ReadyMethod ready = readyMethod(model, methodId, values, calibrationFrom({x}));
    const ViTModel& pruned = ready.model();
    PruneMethod& method = *ready;
    ForwardResult last;
    auto runDense = [&] { syncDevice(model.forward(x)); };
    auto runPruned = [&] {
        last = pruned.forward(x, method);
        syncDevice(last.logits);
    };
    for (int i = 0; i < timing.warmup; ++i) {
        runDense();
        runPruned();
    }
    std::vector<double> denseMs, prunedMs, ratio;
    for (int i = 0; i < timing.pairs; ++i) {
        if (cancelled && cancelled()) return row;
        const double d = timeMs(runDense);
        const double p = timeMs(runPruned);
        denseMs.push_back(d);
        prunedMs.push_back(p);
        ratio.push_back(d / p);
    }
    if (prunedMs.empty()) runPruned();  // pairs == 0: still report the GMACs
    row.pairs = static_cast<int>(ratio.size());
    row.denseMs = quantile(denseMs, 0.5);
    row.ms = quantile(prunedMs, 0.5);
    row.speedup = quantile(ratio, 0.5);
    row.speedupP10 = quantile(ratio, 0.1);
    row.speedupP90 = quantile(ratio, 0.9);
    row.gmacsDense = toG(denseMacs(model));
    row.gmacs = toG(traceMacs(pruned, last.trace));
    return row;
}

std::vector<std::string> efficiencyDefaultMethods() {
    std::vector<std::string> out;
    for (const MethodSpec& s : builtinRegistry().specs()) {
        // A method whose token counts depend on the image (LTP): a random input says nothing of its cost.
        if (s.id == "dense" || !s.trainingFree || !s.requirements.learnedKeys.empty() || s.costVariesPerImage) continue;
        if (s.family == "token" || s.family == "baseline") out.push_back(s.id);
    }
    return out;
}

std::vector<EfficiencyRow> efficiencyTable(const ViTModel& model, const EfficiencyPlan& plan,
                                           const EfficiencyProgress& progress) {
    const std::vector<std::string> methods = plan.methods.empty() ? efficiencyDefaultMethods() : plan.methods;
    if (plan.batches.empty()) throw Error("no batch sizes to measure");
    for (int b : plan.batches)
        if (b < 1 || b > 4096) throw Error("batch size " + std::to_string(b) + " is outside 1..4096");
    for (double f : plan.budgets)
        if (!(f > 0 && f <= 1))
            throw Error("budget " + std::to_string(f) + " is not a fraction of the dense GMACs in (0, 1]");
    // Settings first (cheap batch-1 forwards), so a bad method name fails before any timing.
    struct Setting {
        std::string method;
        KnobValues values;
        double budget;
    };
    std::vector<Setting> settings;
    const double dense = toG(denseMacs(model));
    for (const std::string& id : methods) {
        builtinRegistry().spec(id);
        BudgetSolver solver(model, id, {});
        const auto [lo, hi] = solver.range();
        for (double f : plan.budgets) {
            const double target = std::clamp(f * dense, lo, hi);
            settings.push_back({id, solver.solve(target, 0.01), f});
        }
    }
    std::vector<EfficiencyRow> rows;
    const int total = static_cast<int>(settings.size() * plan.batches.size());
    bool stop = false;
    for (int b : plan.batches) {
        const PairTiming timing{b == 1 ? plan.pairsBatch1 : plan.pairsLarge, plan.warmup};
        for (const Setting& s : settings) {
            EfficiencyRow row = measureEfficiency(model, s.method, s.values, b, timing, [&] { return stop; });
            row.budget = s.budget;
            rows.push_back(row);
            if (progress && !progress(static_cast<int>(rows.size()), total, row)) stop = true;
            if (stop) return rows;
        }
    }
    return rows;
}

namespace {
nlohmann::json rowJson(const EfficiencyRow& r) {
    nlohmann::json settings = nlohmann::json::object();
    for (const auto& [k, v] : r.values.raw()) settings[k] = v;
    return {{"method", r.method},
            {"setting", r.setting},
            {"settings", settings},
            {"budget", r.budget},
            {"batch", r.batch},
            {"threads", r.threads},
            {"device", r.device},
            {"pairs", r.pairs},
            {"dense_ms", r.denseMs},
            {"ms", r.ms},
            {"ms_per_image", r.ms / r.batch},
            {"speedup", r.speedup},
            {"speedup_p10", r.speedupP10},
            {"speedup_p90", r.speedupP90},
            {"gmacs_dense", r.gmacsDense},
            {"gmacs", r.gmacs},
            {"gmacs_speedup", r.gmacsSpeedup()},
            {"efficiency", r.efficiency()}};
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}
}  // namespace

std::string efficiencyJson(const std::vector<EfficiencyRow>& rows, int indent) {
    nlohmann::json out = nlohmann::json::array();
    for (const EfficiencyRow& r : rows) out.push_back(rowJson(r));
    return jsonText(nlohmann::json{{"format", "vitprune-efficiency-1"}, {"rows", out}}, indent);
}

std::vector<EfficiencyRow> efficiencyFromJson(const std::string& text, const std::string& origin) {
    std::vector<EfficiencyRow> rows;
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        if (j.at("format").get<std::string>() != "vitprune-efficiency-1") throw Error("not an efficiency table");
        for (const auto& e : j.at("rows")) {
            EfficiencyRow r;
            r.method = e.at("method").get<std::string>();
            r.setting = e.at("setting").get<std::string>();
            for (const auto& [k, v] : e.at("settings").items()) r.values.set(k, v.get<std::string>());
            r.budget = e.at("budget").get<double>();
            r.batch = e.at("batch").get<int>();
            r.threads = e.at("threads").get<int>();
            r.device = e.at("device").get<std::string>();
            r.pairs = e.at("pairs").get<int>();
            r.denseMs = e.at("dense_ms").get<double>();
            r.ms = e.at("ms").get<double>();
            r.speedup = e.at("speedup").get<double>();
            r.speedupP10 = e.at("speedup_p10").get<double>();
            r.speedupP90 = e.at("speedup_p90").get<double>();
            r.gmacsDense = e.at("gmacs_dense").get<double>();
            r.gmacs = e.at("gmacs").get<double>();
            rows.push_back(std::move(r));
        }
    } catch (const Error& e) {
        throw fileError(origin, e.what());
    } catch (const std::exception& e) {
        throw fileError(origin, std::string("is not a valid efficiency table: ") + e.what());
    }
    return rows;
}

std::string efficiencyMarkdown(const std::vector<EfficiencyRow>& rows) {
    std::ostringstream s;
    s << "| method | setting | batch | GMACs | GMACs speed-up | measured speed-up (p10–p90) | efficiency |\n"
      << "|---|---|---|---|---|---|---|\n";
    for (const EfficiencyRow& r : rows) {
        s << "| " << r.method << " | " << r.setting << " | " << r.batch << " | " << fmt("%.2f", r.gmacs) << " | "
          << fmt("%.2f", r.gmacsSpeedup()) << "× | " << fmt("%.2f", r.speedup) << "× (" << fmt("%.2f", r.speedupP10)
          << "–" << fmt("%.2f", r.speedupP90) << ") | **" << fmt("%.2f", r.efficiency()) << "** |\n";
    }
    return s.str();
}

}  // namespace vp
