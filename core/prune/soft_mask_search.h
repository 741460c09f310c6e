#pragma once
// ViT-Slim's search (Chavan et al., CVPR 2022): a soft mask on every prunable unit, initialised
// to 1, learned with the weights frozen under an L1 penalty that pushes unimportant masks to zero;
// the masks' magnitudes are then the units' importance for one global ranking under the budget.
// Masks sit on each head's query/key dims (scaling the queries), each head's value dims (or one
// mask per head dim on queries, keys and values alike: ViT-Slim's search space), the MLP
// hidden neurons (scaling fc2's columns) and optionally the embedding dims (scaling the patch
// embedding, CLS token and position embedding). Calibration images carry no labels, so the loss
// distils the unmasked model: KL(unmasked || masked) + sparsity * mean |mask| per unit kind.
#include <ATen/ATen.h>

#include <vector>

#include "model/vit_model.h"
#include "prune/unit_importance.h"

namespace vp {

struct MaskSearchOptions {
    int steps = 60;    // Adam steps over the calibration batches, cycled
    double lr = 0.02;  // Adam step size on the masks
    // Weight of the L1 term against the distillation loss. The distillation gradient starts at zero
    // (the masked model begins as the unmasked one) and Adam moves every mask by about lr per step
    // whatever its gradient's size, so a small weight already sorts the units; at 0.5 most masks of
    // the default model ended at zero and 50% budgets lost 3 points more than at 0.05.
    double sparsity = 0.05;
    bool embed = false;  // also mask the embedding dims
    // ViT-Slim: one mask per head dim scales that dim's query, key and value alike (qk and v
    // slots then score the same); VTP: separate gates for the query/key and the value dims.
    bool sharedHeadDims = false;
};

// |mask| of every unit (UnitScores layout; heads: the sum of their dims' masks). Throws vp::Error
// on a calibration set of zero images or a model with hallucinated heads / factorised fc2.
UnitScores softMaskScores(const ViTModel& model, const std::vector<at::Tensor>& batches,
                          const MaskSearchOptions& options);

}  // namespace vp
