#include "methods/threshold_prune.h"

#include "methods/token_ops.h"

namespace vp {
namespace {

at::Tensor validOrAll(const TokenState& state) {
    return state.valid.defined() ? state.valid
                                 : at::ones({state.batch(), state.tokens()},
                                            at::TensorOptions().dtype(at::kBool).device(state.x.device()));
}

}  // namespace

at::Tensor attentionReceived(const at::Tensor& map, const TokenState& state) {
    // s_i = attention received, mean over heads and the N real queries; relative to 1/N that is
    // s_i * N = the sum over the real queries of the head-mean attention.
    const at::Tensor vf = validOrAll(state).to(at::kFloat);
    return (map.to(at::kFloat).mean(1) * vf.unsqueeze(-1)).sum(1);
}

void dropBelowThreshold(TokenState& state, const at::Tensor& relative, double threshold) {
    const int64_t N = state.tokens(), pre = state.prefix;
    at::Tensor keep = relative >= threshold;
    recordPatchScores(state, relative.narrow(1, pre, N - pre));
    keepTokens(state, keep);
}

at::Tensor keepTokens(TokenState& state, const at::Tensor& keepWanted) {
    const int64_t B = state.batch(), N = state.tokens(), pre = state.prefix;
    const auto longOpts = at::TensorOptions().dtype(at::kLong).device(state.x.device());
    const at::Tensor valid = validOrAll(state);
    at::Tensor keep = valid.logical_and(keepWanted);
    keep.narrow(1, 0, pre).fill_(true);
    if (at::equal(keep, valid)) return {};  // nothing new pruned

    const at::Tensor kept = keep.sum(1);  // [B]
    const int64_t K = kept.max().item<int64_t>();
    // Kept tokens first in their order, then the others (they fill the padding slots).
    const at::Tensor pos = at::arange(N, longOpts).unsqueeze(0).expand({B, N});
    const at::Tensor index = at::where(keep, pos, pos + N).argsort(/*dim=*/1, /*descending=*/false).narrow(1, 0, K);
    state.gather(index);
    const at::Tensor newValid = at::arange(K, longOpts).unsqueeze(0) < kept.unsqueeze(1);
    const bool padded = !newValid.all().item<bool>();
    state.valid = padded ? newValid : at::Tensor();
    if (padded && state.tracking && state.patchToToken.defined()) {
        // Patches whose token ended in a padding slot are pruned.
        const at::Tensor& p2t = state.patchToToken;
        // (Parked patches, -2-j, stay parked.)
        const at::Tensor padded = (p2t >= 0).logical_and(newValid.gather(1, p2t.clamp_min(0)).logical_not());
        state.patchToToken = at::where(padded, at::full_like(p2t, -1), p2t);
    }
    return index;
}

}  // namespace vp
