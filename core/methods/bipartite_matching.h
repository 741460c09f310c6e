#pragma once
// ToMe's bipartite soft matching (Bolya et al., ICLR 2023; tome/merge.py), as "where does every
// token go": tokens alternate into A (even) and B (odd), each A token's most similar B token is
// its edge, the r best edges merge their A token into the B partner. The result is each old
// token's index in the merged sequence, in the reference's order: the unmerged A tokens in their
// order, then the B tokens; with a distillation token [A0, B0, other unmerged A, other B]. The
// class token (A0) never merges and nothing merges into the distillation token (B0).
#include <ATen/ATen.h>

namespace vp {

struct Matching {
    at::Tensor nodeMax;   // [B, Ta] float32: each A token's best similarity (-inf for the class token)
    at::Tensor newIndex;  // [B, N] int64: each token's index among the N - r merged tokens
};

// Cosine similarities of the A tokens to the B tokens [B, Ta, Tb] in float32 from `keys` [B, N, d],
// -inf where an edge is not allowed (from the class token; into the distillation token).
at::Tensor matchingScores(const at::Tensor& keys, bool distill);

// With tensor ops only (any device; no host synchronisation on CUDA).
Matching matchWithTensors(const at::Tensor& scores, int64_t N, int64_t r, bool distill);

// The same on the CPU in one pass over the scores in plain C++: at small sizes the ~20 tensor
// ops of matchWithTensors cost more than their arithmetic (batch 1, DeiT-S: 0.3 ms a block).
// Ties between edges go to the lower A index (the tensor path leaves their order unspecified).
Matching matchOnHost(const at::Tensor& scores, int64_t N, int64_t r, bool distill);

// The merge itself, the reference's merge_wavg: each new token is sum(x * size) / sum(size) over
// the old tokens `newIndex` [B, N] sends to it. x [B, N, C]; size [B, N] float32, undefined when
// every token is one patch. Returns the new tokens [B, tokensAfter, C] and sizes [B, tokensAfter].
struct MergedTokens {
    at::Tensor x, size;
};
MergedTokens mergeWithTensors(const at::Tensor& x, const at::Tensor& size, const at::Tensor& newIndex,
                              int64_t tokensAfter);
// The same in one pass of plain C++ for float32 tokens on the CPU (the tensor path is six
// kernels, whose fixed costs dominate at tens of tokens); same summation order, same result.
MergedTokens mergeOnHost(const at::Tensor& x, const at::Tensor& size, const at::Tensor& newIndex, int64_t tokensAfter);

// Whether the host paths pay at this size: a CPU tensor of at most 2^18 token values (DeiT-S at
// batch 1; larger batches keep the tensor ops, which use every thread) that records no gradients.
bool hostPathPays(const at::Tensor& x);

}  // namespace vp
