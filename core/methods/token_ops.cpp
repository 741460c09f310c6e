#include "methods/token_ops.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vp {

int64_t keptCount(double ratio, int64_t n) {
    const auto k = static_cast<int64_t>(std::ceil(ratio * static_cast<double>(n)));
    return std::clamp<int64_t>(k, 0, n);
}

void recordPatchScores(TokenState& state, const at::Tensor& scores) {
    if (!state.tracking || !state.patchToToken.defined()) return;
    const int64_t B = scores.size(0);
    at::Tensor full = at::cat(
        {at::full({B, state.prefix}, std::numeric_limits<float>::quiet_NaN(), scores.options().dtype(at::kFloat)),
         scores.to(at::kFloat)},
        1);
    at::Tensor alive = state.patchToToken >= 0;
    at::Tensor perPatch = full.gather(1, state.patchToToken.clamp_min(0));
    at::Tensor nan = at::full_like(perPatch, std::numeric_limits<float>::quiet_NaN());
    at::Tensor fresh = at::where(alive, perPatch, nan);
    // Dropped patches keep the score they had when they were dropped.
    state.score = state.score.defined() ? at::where(alive, fresh, state.score) : fresh;
}

at::Tensor keepTopPatches(TokenState& state, const at::Tensor& scores, int64_t keep, bool sortByScore,
                          at::Tensor* dropped) {
    const int64_t B = scores.size(0), patches = scores.size(1);
    at::Tensor order = std::get<1>(scores.topk(patches == keep || dropped ? patches : keep, 1, true, true));
    at::Tensor kept = order.narrow(1, 0, keep);
    if (dropped) *dropped = order.narrow(1, keep, patches - keep);
    if (!sortByScore) kept = std::get<0>(kept.sort(1));
    at::Tensor prefix = at::arange(state.prefix, kept.options()).unsqueeze(0).expand({B, state.prefix});
    state.gather(at::cat({prefix, kept + state.prefix}, 1));
    return kept;
}

}  // namespace vp
