#include "methods/bipartite_matching.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace vp {

at::Tensor matchingScores(const at::Tensor& keys, bool distill) {
    const at::Tensor k = keys.to(at::kFloat);
    const at::Tensor metric = k / k.norm(2, -1, true);
    const int64_t N = metric.size(1);
    at::Tensor scores = at::matmul(metric.slice(1, 0, N, 2), metric.slice(1, 1, N, 2).transpose(-1, -2));
    const float ninf = -std::numeric_limits<float>::infinity();
    scores.select(1, 0).fill_(ninf);               // CLS (A[0]) never merges
    if (distill) scores.select(2, 0).fill_(ninf);  // nothing merges into the dist token (B[0])
    return scores;
}

Matching matchWithTensors(const at::Tensor& scores, int64_t N, int64_t r, bool distill) {
    const auto [nodeMax, nodeIdx] = scores.max(-1);
    // The r best edges; the reference sorts all of them, only which r matters.
    const at::Tensor srcIdx = std::get<1>(nodeMax.topk(r, -1, /*largest=*/true, /*sorted=*/false));
    const int64_t B = scores.size(0), Ta = scores.size(1), Tb = scores.size(2), Tu = Ta - r;
    const auto opts = nodeIdx.options();
    // Ranks from a cumulative count instead of the reference's sort, gathers and concatenations.
    const at::Tensor merged = at::zeros({B, Ta}, opts.dtype(at::kBool)).scatter_(1, srcIdx, true);
    at::Tensor unmPos = merged.logical_not().cumsum(1) - 1;  // rank among the unmerged A tokens
    at::Tensor bPos = at::arange(Tu, Tu + Tb, opts);
    if (distill) {
        unmPos = unmPos + (unmPos > 0).to(opts.dtype());  // B0 sits right after A0
        bPos[0].fill_(1);
    }
    const at::Tensor bPosRows = bPos.unsqueeze(0).expand({B, Tb});
    at::Tensor newIndex = at::empty({B, N}, opts);
    newIndex.slice(1, 0, N, 2).copy_(at::where(merged, bPosRows.gather(1, nodeIdx), unmPos));
    newIndex.slice(1, 1, N, 2).copy_(bPosRows);
    return {nodeMax, newIndex};
}

Matching matchOnHost(const at::Tensor& scores, int64_t N, int64_t r, bool distill) {
    const at::Tensor s = scores.contiguous();
    const int64_t B = s.size(0), Ta = s.size(1), Tb = s.size(2), Tu = Ta - r;
    at::Tensor nodeMax = at::empty({B, Ta}, s.options());
    at::Tensor newIndex = at::empty({B, N}, s.options().dtype(at::kLong));
    const float* sp = s.data_ptr<float>();
    float* maxp = nodeMax.data_ptr<float>();
    int64_t* out = newIndex.data_ptr<int64_t>();
    std::vector<int64_t> best(Ta), order(Ta);
    std::vector<char> merged(Ta);
    auto posOfB = [&](int64_t j) { return distill && j == 0 ? int64_t{1} : Tu + j; };
    for (int64_t b = 0; b < B; ++b) {
        const float* rows = sp + b * Ta * Tb;
        float* m = maxp + b * Ta;
        for (int64_t i = 0; i < Ta; ++i) {
            const float* row = rows + i * Tb;
            const int64_t j = std::max_element(row, row + Tb) - row;  // first of equal maxima
            best[i] = j;
            m[i] = row[j];
        }
        std::iota(order.begin(), order.end(), int64_t{0});
        std::partial_sort(order.begin(), order.begin() + r, order.end(),
                          [&](int64_t x, int64_t y) { return m[x] > m[y] || (m[x] == m[y] && x < y); });
        std::fill(merged.begin(), merged.end(), 0);
        for (int64_t e = 0; e < r; ++e) merged[order[e]] = 1;
        int64_t* idx = out + b * N;
        int64_t unmerged = 0;
        for (int64_t i = 0; i < Ta; ++i) {
            if (merged[i]) {
                idx[2 * i] = posOfB(best[i]);
            } else {
                idx[2 * i] = distill && unmerged > 0 ? unmerged + 1 : unmerged;
                ++unmerged;
            }
        }
        for (int64_t j = 0; j < Tb; ++j) idx[2 * j + 1] = posOfB(j);
    }
    return {nodeMax, newIndex};
}

MergedTokens mergeWithTensors(const at::Tensor& x, const at::Tensor& size, const at::Tensor& newIndex,
                              int64_t tokensAfter) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2);
    const at::Tensor flatIndex =
        B == 1 ? newIndex.reshape({N})
               : (newIndex + at::arange(B, newIndex.options()).unsqueeze(1) * tokensAfter).reshape({B * N});
    // Every size is 1 before the first merge: the tokens are their own weighted sum.
    const at::Tensor ones = size.defined() ? size : at::ones({B, N}, x.options().dtype(at::kFloat));
    const at::Tensor newSize =
        at::zeros({B * tokensAfter}, ones.options()).index_add_(0, flatIndex, ones.reshape({B * N}));
    const at::Tensor weighted = (size.defined() ? x * size.unsqueeze(-1).to(x.scalar_type()) : x).reshape({B * N, C});
    const at::Tensor sum = at::zeros({B * tokensAfter, C}, x.options()).index_add_(0, flatIndex, weighted);
    return {(sum / newSize.unsqueeze(-1).to(x.scalar_type())).view({B, tokensAfter, C}), newSize.view({B, tokensAfter})};
}

MergedTokens mergeOnHost(const at::Tensor& x, const at::Tensor& size, const at::Tensor& newIndex, int64_t tokensAfter) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2), M = tokensAfter;
    const at::Tensor xc = x.contiguous(), idx = newIndex.contiguous();
    const at::Tensor sc = size.defined() ? size.contiguous() : at::Tensor();
    at::Tensor out = at::zeros({B, M, C}, xc.options());
    at::Tensor outSize = at::zeros({B, M}, xc.options());
    const float* xp = xc.data_ptr<float>();
    const float* sp = sc.defined() ? sc.data_ptr<float>() : nullptr;
    const int64_t* ip = idx.data_ptr<int64_t>();
    float* op = out.data_ptr<float>();
    float* osp = outSize.data_ptr<float>();
    for (int64_t b = 0; b < B; ++b)
        for (int64_t i = 0; i < N; ++i) {  // old tokens in order, as index_add adds them
            const int64_t j = b * M + ip[b * N + i];
            const float s = sp ? sp[b * N + i] : 1.0f;
            osp[j] += s;
            const float* src = xp + (b * N + i) * C;
            float* dst = op + j * C;
            if (sp)
                for (int64_t c = 0; c < C; ++c) dst[c] += src[c] * s;
            else
                for (int64_t c = 0; c < C; ++c) dst[c] += src[c];
        }
    for (int64_t j = 0; j < B * M; ++j) {
        float* row = op + j * C;
        for (int64_t c = 0; c < C; ++c) row[c] /= osp[j];
    }
    return {out, outSize};
}

bool hostPathPays(const at::Tensor& x) {
    // Not while recording gradients: the host merge writes through raw pointers, outside autograd.
    return x.device().is_cpu() && x.numel() <= (int64_t{1} << 18) && !x.requires_grad();
}

}  // namespace vp
