#pragma once
// The Eventful Transformer's gated block (Dutson et al., ICCV 2023; reference:
// github.com/WISION-Lab/eventful-transformer, eventful_transformer/{modules,blocks,policies}.py).
// Each block keeps, from one video frame to the next, a reference per token at three token gates
// (after norm1 before qkv, before the attention's output projection, after norm2 before the MLP)
// and a buffer of the last outputs behind each gate. A policy picks the tokens whose error
// (current - reference) is largest; only those are recomputed and written into the buffer, and
// only their references move. The query-key product is updated at the rows and columns of the
// tokens the qkv gate picked, and the attention-value product by deltas at those tokens. The first
// frame (or the first after reset()) is computed densely and fills every reference and buffer.
#include <ATen/ATen.h>

#include <optional>
#include <vector>

#include "prune/prune_method.h"

namespace vp {

class ViTModel;

// How the attention is updated: Delta = sparse query-key and delta attention-value updates (the
// reference's EventfulBlock); SparseQk = sparse query-key update, full attention-value product
// (EventfulMatmul1Block); Dense = both products in full (EventfulTokenwiseBlock).
// DeltaExact (ours, not in the paper): the delta update also rescales the rows by the change of
// the softmax denominator and recomputes the rows of picked queries, so tokens that did not
// change contribute exactly; the reference's Delta keeps the old probabilities of unpicked
// columns, which drift once the softmax renormalises. 3*N*m*A MACs instead of 2*N*m*A.
enum class EventfulAttention { Delta, SparseQk, Dense, DeltaExact };

struct EventfulPolicy {
    bool topR = true;           // top-r by error norm; else the threshold policy
    int r = 24;                 // tokens picked per gate (capped at the token count)
    double threshold = 0;       // error norm above which a token is picked (policy "threshold")
    bool alwaysPrefix = false;  // also recompute the CLS (and distillation) tokens at every gate
};

// MACs of one block as the reference counts them (CountedLinear and CountedMatmul, multiply-adds
// only): N tokens, C embedding width, A attention width (heads x head dim), H MLP hidden width;
// m1, m2, m3 tokens picked at the qkv, projection and MLP gates. Sparse query-key: 2*N*m1*A
// (rows and columns); delta attention-value: 2*N*m1*A (exact delta: 3*N*m1*A); dense products
// N^2*A each. On a first
// frame every gate picks N and both products are dense, which equals the dense block.
double eventfulBlockMacs(int C, int A, int H, int N, int m1, int m2, int m3, EventfulAttention attention,
                         bool firstFrame);

// One block's state across frames and its gated forward.
class EventfulBlockState {
public:
    void reset() { *this = EventfulBlockState(); }
    bool primed() const { return m_primed; }
    // The qkv gate's reference [B,N,C] (norm1 of the tokens when they were last picked; tests).
    const at::Tensor& qkvReference() const { return m_qkv.reference; }
    // Runs block `layer` of `model` on x [B,N,C] (B streams, N tokens, `prefix` of them CLS/dist)
    // and returns the block output. `recomputed` receives, per token, whether the qkv gate picked it.
    BlockWork run(const ViTModel& model, int layer, const at::Tensor& x, int prefix, const EventfulPolicy& policy,
                  EventfulAttention attention, at::Tensor& out, at::Tensor& recomputed);

private:
    // One token gate with its reference and the buffer of the operation behind it.
    struct Gate {
        at::Tensor reference;  // [B,N,D]: the input the buffered output was computed from
        at::Tensor buffer;     // [B,N,E]: the last output per token
    };
    at::Tensor pick(const at::Tensor& error, int prefix, const EventfulPolicy& policy) const;

    bool m_primed = false;
    Gate m_qkv, m_proj, m_mlp;
    at::Tensor m_logits;      // [B,h,N,N] scaled q k^T
    at::Tensor m_aReference;  // [B,h,N,N] attention probabilities, by columns
    at::Tensor m_av;          // [B,h,N,d]
    at::Tensor m_lse;         // [B,h,N,1] log of each row's softmax denominator (DeltaExact)
};

}  // namespace vp
