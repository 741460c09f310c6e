#pragma once
// Per-layer time breakdown of one setting, dense vs pruned (model/stage_times.h): where a
// method's speed-up is won in attention and MLP and lost again in its own selection/merge ops.
// Both run through the hooked forward (dense = the no-op "dense" method), interleaved run by
// run, and every stage's figure is its median over the runs.
#include <functional>
#include <string>

#include "model/stage_times.h"
#include "model/vit_model.h"
#include "prune/knob.h"

namespace vp {

struct TimeBreakdown {
    std::string method, setting, device;
    int batch = 1, runs = 0, threads = 1;
    StageTimes dense, pruned;  // per-stage medians, ms per batch forward
    double gmacsDense = 0, gmacs = 0;
    // Sums over the blocks of one stage, for the summary line.
    static LayerStageMs sum(const StageTimes& t);
};

TimeBreakdown measureTimeBreakdown(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                                   int batch, int runs, const std::function<bool()>& cancelled = {});

std::string timeBreakdownJson(const TimeBreakdown& b, int indent = 1);
// Plain-text table: one line per block, dense and pruned ms per stage, and the totals.
std::string timeBreakdownText(const TimeBreakdown& b);

}  // namespace vp
