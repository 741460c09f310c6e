#include "prune/token_state.h"

namespace vp {

at::Tensor TokenState::sizeOrOnes() const {
    if (size.defined()) return size;
    return at::ones({x.size(0), x.size(1)}, x.options().dtype(at::kFloat));
}

void TokenState::remapPatches(const at::Tensor& newIndexOfOld) {
    if (!tracking || !patchToToken.defined()) return;
    at::Tensor alive = patchToToken >= 0;
    at::Tensor moved = newIndexOfOld.gather(1, patchToToken.clamp_min(0));
    patchToToken = at::where(alive, moved, patchToToken);  // keeps -1 (dropped) and -2-j (parked)
}

void TokenState::gather(const at::Tensor& index) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2), K = index.size(1);
    x = x.gather(1, index.unsqueeze(-1).expand({B, K, C}));
    if (size.defined()) size = size.gather(1, index);
    if (fused.defined()) fused = fused.gather(1, index);
    if (valid.defined()) valid = valid.gather(1, index);
    if (tracking && patchToToken.defined()) {
        at::Tensor newIndex = at::full({B, N}, -1, index.options());
        newIndex.scatter_(1, index, at::arange(K, index.options()).unsqueeze(0).expand({B, K}));
        remapPatches(newIndex);
    }
}

}  // namespace vp
