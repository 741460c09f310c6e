#pragma once
// One global ranking of prunable units across all blocks under a GMACs budget (NViT's global
// structural pruning, VTP's and ViT-Slim's global thresholds). Scores are normalised per unit
// kind (each kind's mean becomes 1) so that heads, dims and neurons compare; units are then
// removed from the least important up, skipping any whose removal would leave a block with no
// head, dim or neuron, until the model's dense MACs meet the target. Widths therefore end up
// different per block: the "redistribution" is where the ranking put them.
#include <string>

#include "prune/structure_plan.h"
#include "prune/unit_importance.h"

namespace vp {

struct RankingUnits {
    bool heads = true;
    bool qkDims = false;  // one query/key dim slot of every kept head of a block at a time
    bool vDims = false;   // one value dim slot of every kept head of a block at a time
    bool neurons = true;
    bool embed = false;  // embedding dims (every block, the stem and the head)
};

// The plan that meets `targetMacs` (per image, prune/flops.h) by removing the least important units.
// Throws vp::Error naming `who` when the target is below what removing every allowed unit reaches.
KeepPlan rankUnderBudget(const ViTModel& model, const UnitScores& scores, double targetMacs, const RankingUnits& units,
                         const std::string& who);

// A short text of what a plan removed: "12 of 48 heads, 1,024 of 6,144 neurons" (plus dims and
// removed attention layers when there are any), for pruned_by and the result panel.
std::string planSummary(const ViTModel& model, const KeepPlan& plan);

}  // namespace vp
