#include "eval/time_breakdown.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eval/latency.h"
#include "prune/method_setup.h"
#include "eval/timing.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "common/json_text.h"

namespace vp {
namespace {

// Element-wise median of the runs' stage times.
StageTimes medianOf(const std::vector<StageTimes>& runs) {
    StageTimes out;
    if (runs.empty()) return out;
    auto med = [&](auto get) {
        std::vector<double> v;
        for (const StageTimes& r : runs) v.push_back(get(r));
        return quantile(v, 0.5);
    };
    out.embed = med([](const StageTimes& r) { return r.embed; });
    out.head = med([](const StageTimes& r) { return r.head; });
    out.layers.resize(runs.front().layers.size());
    for (size_t l = 0; l < out.layers.size(); ++l) {
        out.layers[l].attention = med([l](const StageTimes& r) { return r.layers[l].attention; });
        out.layers[l].mlp = med([l](const StageTimes& r) { return r.layers[l].mlp; });
        out.layers[l].select = med([l](const StageTimes& r) { return r.layers[l].select; });
        out.layers[l].other = med([l](const StageTimes& r) { return r.layers[l].other; });
    }
    return out;
}

nlohmann::json stagesJson(const StageTimes& t) {
    nlohmann::json layers = nlohmann::json::array();
    for (const LayerStageMs& l : t.layers)
        layers.push_back(
            {{"attention_ms", l.attention}, {"mlp_ms", l.mlp}, {"select_ms", l.select}, {"other_ms", l.other}});
    return {{"embed_ms", t.embed}, {"head_ms", t.head}, {"total_ms", t.total()}, {"layers", layers}};
}

std::string ms(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%7.2f", v);
    return buf;
}

}  // namespace

LayerStageMs TimeBreakdown::sum(const StageTimes& t) {
    LayerStageMs s;
    for (const LayerStageMs& l : t.layers) {
        s.attention += l.attention;
        s.mlp += l.mlp;
        s.select += l.select;
        s.other += l.other;
    }
    return s;
}

TimeBreakdown measureTimeBreakdown(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                                   int batch, int runs, const std::function<bool()>& cancelled) {
    c10::InferenceMode guard;
    TimeBreakdown b;
    b.method = methodId;
    b.setting = settingsText(values);
    b.batch = std::max(1, batch);
    b.device = deviceId(model);
    b.threads = at::get_num_threads();
    const at::Tensor x = randomInput(model, b.batch);
    const ReadyMethod dense = readyMethod(model, "dense", {});
    const ReadyMethod method = readyMethod(model, methodId, values, calibrationFrom({x}));
    const ViTModel& pruned = method.model();
    std::vector<StageTimes> denseRuns, prunedRuns;
    ForwardResult last;
    for (int i = -1; i < runs; ++i) {  // i = -1: warm-up
        if (cancelled && cancelled()) return b;
        StageTimes d, p;
        ForwardOptions od, op;
        od.stageTimes = &d;
        op.stageTimes = &p;
        (void)model.forward(x, *dense, od);
        last = pruned.forward(x, *method, op);
        if (i < 0) continue;
        denseRuns.push_back(d);
        prunedRuns.push_back(p);
    }
    b.runs = static_cast<int>(denseRuns.size());
    b.dense = medianOf(denseRuns);
    b.pruned = medianOf(prunedRuns);
    b.gmacsDense = toG(denseMacs(model));
    b.gmacs = toG(traceMacs(pruned, last.trace));
    return b;
}

std::string timeBreakdownJson(const TimeBreakdown& b, int indent) {
    const nlohmann::json j{{"format", "vitprune-time-breakdown-1"},
                           {"method", b.method},
                           {"setting", b.setting},
                           {"device", b.device},
                           {"batch", b.batch},
                           {"threads", b.threads},
                           {"runs", b.runs},
                           {"gmacs_dense", b.gmacsDense},
                           {"gmacs", b.gmacs},
                           {"dense", stagesJson(b.dense)},
                           {"pruned", stagesJson(b.pruned)}};
    return jsonText(j, indent);
}

std::string timeBreakdownText(const TimeBreakdown& b) {
    std::ostringstream s;
    s << b.method << " " << b.setting << ", batch " << b.batch << " on " << b.device << " (" << b.threads
      << " threads), median of " << b.runs << " runs, ms per forward\n"
      << "block   attention (dense/pruned)     MLP (dense/pruned)   select   other (dense/pruned)\n";
    for (size_t l = 0; l < b.dense.layers.size() && l < b.pruned.layers.size(); ++l) {
        const LayerStageMs &d = b.dense.layers[l], &p = b.pruned.layers[l];
        s << (l < 10 ? "  " : " ") << l << "   " << ms(d.attention) << " " << ms(p.attention) << "        " << ms(d.mlp)
          << " " << ms(p.mlp) << "  " << ms(p.select) << "  " << ms(d.other) << " " << ms(p.other) << "\n";
    }
    const LayerStageMs d = TimeBreakdown::sum(b.dense), p = TimeBreakdown::sum(b.pruned);
    s << "all     " << ms(d.attention) << " " << ms(p.attention) << "        " << ms(d.mlp) << " " << ms(p.mlp) << "  "
      << ms(p.select) << "  " << ms(d.other) << " " << ms(p.other) << "\n"
      << "embed+head " << ms(b.dense.embed + b.dense.head) << " " << ms(b.pruned.embed + b.pruned.head) << "\n"
      << "total      " << ms(b.dense.total()) << " " << ms(b.pruned.total()) << "  (GMACs " << b.gmacsDense << " -> "
      << b.gmacs << ")\n";
    return s.str();
}

}  // namespace vp
