#pragma once
// What a structural method keeps of a model, and the slicing that makes the physically smaller
// model from it (shared machinery of VTP, ViT-Slim, NViT, S²ViTE, WDPruning, attention-layer
// removal, ...). The prunable units are heads, per-head query/key dims, per-head value dims, MLP
// hidden neurons, embedding dims, whole attention sub-blocks and whole blocks (WDPruning's exit).
#include <string>
#include <vector>

#include "model/vit_model.h"

namespace vp {

struct BlockKeep {
    bool attention = true;                 // false: the sub-block is removed (x <- 2x)
    std::vector<int> heads;                // kept heads (ascending original indices)
    std::vector<std::vector<int>> qkDims;  // per kept head: its kept query/key dims (equal counts)
    std::vector<std::vector<int>> vDims;   // per kept head: its kept value dims (equal counts)
    std::vector<int> neurons;              // kept MLP hidden neurons (ascending)

    int qkPerHead() const { return heads.empty() ? 0 : static_cast<int>(qkDims.front().size()); }
    int vPerHead() const { return heads.empty() ? 0 : static_cast<int>(vDims.front().size()); }
    BlockWidth width() const;
};

struct KeepPlan {
    std::vector<BlockKeep> blocks;  // the blocks that stay; fewer than the model's: cut after them
    std::vector<int> embedDims;     // kept embedding dims (ascending); empty: all of them
};

// Everything kept: the plan of the model as it is.
KeepPlan keepEverything(const ViTModel& model);

// Dense GMACs-style MACs per image (full token count) of the model `plan` would make, without
// slicing (prune/flops.h conventions): what a global ranking checks after each step.
double planMacs(const ViTModel& model, const KeepPlan& plan);

// The smaller model. Query weights absorb the change of the 1/sqrt(d) scale when query/key dims
// go, so keeping a unit set whose removed weights are zero gives the same logits. A removed
// attention sub-block has no weights; the config records the per-block widths (block_widths) and
// `prunedBy`. Throws vp::Error on a plan that is out of range or keeps nothing of a block
// (no head while attention stays, no neuron, no embedding dim) naming the block.
ViTModel applyPlan(const ViTModel& model, const KeepPlan& plan, const std::string& prunedBy);

// `model` as a structurally changed model: its config records every block's widths (block_widths),
// not the unpruned model's reported accuracy, and `prunedBy` after any earlier pruning; validated
// (vp::Error naming the origin when weights and widths disagree).
ViTModel withRecordedWidths(ViTModel model, const std::string& prunedBy);

// 0..n-1
std::vector<int> allIndices(int n);

// Slicing and unit ranking read the plain layout: throws vp::Error naming `who` and the block
// when a block has hallucinated heads or a factorised fc2 (hmhsa-cffn comes last).
void requirePlainBlocks(const ViTModel& model, const std::string& who);

}  // namespace vp
