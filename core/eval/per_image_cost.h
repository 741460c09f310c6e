#pragma once
// Per-image cost over a labelled source: for every image its GMACs (from its own token counts in
// the trace), its kept tokens and whether the method classified it right. Dynamic methods (LTP)
// vary per image; the summary and histogram helpers are in eval/cost_distribution.h (plain data).
#include <string>
#include <vector>

#include "eval/cost_distribution.h"
#include "eval/evaluator.h"
#include "prune/token_trace.h"

namespace vp {

// Per sample of a trace (batch order): patch tokens (prefix excluded) that entered the MLP,
// averaged over the traced blocks; `patches` for a trace without blocks.
std::vector<double> sampleMeanTokens(const TokenTrace& trace);
// Per sample: patch tokens after the last traced block.
std::vector<double> sampleFinalTokens(const TokenTrace& trace);

// Runs `method` on samples [0, count) of `source` in batches and records each image. The result's
// method, settings, dataset and denseGmacs are left for the caller (a structural method's
// `model` is already the smaller copy, so dense must come from the original). `progress` as in
// evaluate(); on cancel the images done so far are kept and `cancelled` is set.
PerImageCosts evaluatePerImage(const ViTModel& model, PruneMethod& method, const BatchSource& source, int64_t count,
                               int64_t batchSize, const Progress& progress = {});

}  // namespace vp
