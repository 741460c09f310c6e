#include "methods/eventful_block.h"

#include <cmath>
#include <limits>

#include "common/error.h"
#include "model/vit_model.h"

namespace vp {
namespace {

// The picked tokens idx [B,M] of t along `dim` (1 for [B,N,D] tokens, 2 for the rows and 3 for
// the columns of [B,h,N,*] per-head tensors), and writing them back. One stream (B = 1, the video
// case) takes index_select / index_copy_, which copy whole rows; gather / scatter with an index
// expanded to every element were most of the gates' overhead on the CPU.
at::Tensor expandedIndex(const at::Tensor& idx, const at::Tensor& like, int64_t dim) {
    std::vector<int64_t> view(like.dim(), 1);
    view[0] = idx.size(0);
    view[dim] = idx.size(1);
    std::vector<int64_t> sizes = like.sizes().vec();
    sizes[dim] = idx.size(1);
    return idx.view(view).expand(sizes);
}

at::Tensor pickAlong(const at::Tensor& t, const at::Tensor& idx, int64_t dim) {
    if (t.size(0) == 1) return t.index_select(dim, idx[0]);
    return t.gather(dim, expandedIndex(idx, t, dim));
}

void writeAlong(at::Tensor& dst, const at::Tensor& idx, int64_t dim, const at::Tensor& src) {
    if (dst.size(0) == 1)
        dst.index_copy_(dim, idx[0], src);
    else
        dst.scatter_(dim, expandedIndex(idx, src, dim), src);
}

}  // namespace

double eventfulBlockMacs(int C, int A, int H, int N, int m1, int m2, int m3, EventfulAttention attention,
                         bool firstFrame) {
    if (firstFrame) m1 = m2 = m3 = N;
    const double n = N, a = A, c = C, h = H;
    const double tokenwise = m1 * c * 3 * a + m2 * a * c + 2.0 * m3 * c * h;
    const bool sparseQk = !firstFrame && attention != EventfulAttention::Dense;
    const bool deltaAv =
        !firstFrame && (attention == EventfulAttention::Delta || attention == EventfulAttention::DeltaExact);
    const double qk = sparseQk ? 2 * n * m1 * a : n * n * a;
    const double av = !deltaAv ? n * n * a : (attention == EventfulAttention::DeltaExact ? 3 : 2) * n * m1 * a;
    return tokenwise + qk + av;
}

at::Tensor EventfulBlockState::pick(const at::Tensor& error, int prefix, const EventfulPolicy& policy) const {
    at::Tensor norm = error.norm(2, {-1}).to(at::kFloat);  // [B,N] L2 norm per token
    if (policy.alwaysPrefix && prefix > 0) norm.narrow(1, 0, prefix).fill_(std::numeric_limits<float>::infinity());
    if (policy.topR) {
        const int64_t k = std::min<int64_t>(policy.r, norm.size(1));
        return std::get<1>(norm.topk(k, -1, true, false));
    }
    // Token counts differ per stream under a threshold, so the reference runs one stream at a time.
    if (norm.size(0) != 1)
        throw Error("the Eventful Transformer's threshold policy runs one video at a time (batch 1), got a batch of " +
                    std::to_string(norm.size(0)));
    return norm[0].gt(policy.threshold).nonzero().view({1, -1});
}

BlockWork EventfulBlockState::run(const ViTModel& model, int layer, const at::Tensor& x, int prefix,
                                  const EventfulPolicy& policy, EventfulAttention attention, at::Tensor& out,
                                  at::Tensor& recomputed) {
    const ViTConfig& c = model.config();
    const BlockWeights& b = model.weights().blocks[layer];
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2), heads = b.heads, d = b.headDim, A = heads * d;
    const double eps = c.lnEps;
    if (b.attentionRemoved && b.standIn == StandIn::Conv)
        throw Error("eventful: block " + std::to_string(layer) +
                    "'s attention is a convolution (SPViT), which token gates cannot update sparsely");
    if (b.mapCount() < b.heads || b.fc2InW.defined())
        throw Error("eventful: block " + std::to_string(layer) +
                    " has hallucinated heads or a factorised fc2 (hMHSA + cFFN); the gated block reads plain weights");
    if (!b.attentionRemoved && b.valueDim() != b.headDim)
        throw Error("eventful: block " + std::to_string(layer) + " has query/key width " + std::to_string(b.headDim) +
                    " and value width " + std::to_string(b.valueDim()) +
                    " per head; the gated attention needs them equal (prune heads, not qk/v dims, to combine them)");
    // A new stream shape (another model input size or batch) starts again from a dense frame.
    const bool first = !m_primed || !m_mlp.reference.defined() || m_mlp.reference.sizes() != x.sizes();
    if (first) reset();

    // One gate: pick tokens by the error against the reference, recompute `op` for them only and
    // write them into the buffer; the first frame computes every token. Returns the picked indices
    // (undefined: all); `rows`, when given, receives the recomputed rows and the buffer's rows they
    // replaced, in the order of the indices.
    struct Rows {
        at::Tensor now, before;
    };
    auto gate = [&](Gate& g, const at::Tensor& input, auto&& op, Rows* rows = nullptr) -> at::Tensor {
        if (first) {
            g.reference = input.clone();
            g.buffer = op(input).contiguous();
            return at::Tensor();
        }
        at::Tensor idx = pick(input - g.reference, prefix, policy);
        at::Tensor picked = pickAlong(input, idx, 1);
        writeAlong(g.reference, idx, 1, picked);
        at::Tensor computed = op(picked);
        if (rows) *rows = {computed, pickAlong(g.buffer, idx, 1)};
        writeAlong(g.buffer, idx, 1, computed);
        return idx;
    };
    auto count = [&](const at::Tensor& idx) { return first ? static_cast<int>(N) : static_cast<int>(idx.size(1)); };
    // [B,M,3A] qkv rows → q, k or v of each head [B,h,M,d].
    auto part = [&](const at::Tensor& rows, int which) {
        return rows.view({B, rows.size(1), 3, heads, d}).select(2, which).permute({0, 2, 1, 3});
    };

    int m1 = 0, m2 = 0;
    at::Tensor x1;
    at::Tensor idx1;
    if (b.attentionRemoved) {
        x1 = b.standIn == StandIn::Identity ? x : x * 2;
    } else {
        at::Tensor h1 = at::layer_norm(x, {C}, b.norm1W, b.norm1B, eps);
        // The qkv buffer holds every token's last q, k and v, so the rows the gate recomputed (and the
        // ones they replaced) are the picked queries, keys and values: no reference of V is needed.
        Rows qkvRows;
        idx1 = gate(
            m_qkv, h1, [&](const at::Tensor& t) { return at::linear(t, b.qkvW, b.qkvB); }, &qkvRows);
        m1 = count(idx1);
        at::Tensor qkv = m_qkv.buffer.view({B, N, 3, heads, d}).permute({2, 0, 3, 1, 4});
        const double scale = 1.0 / std::sqrt(static_cast<double>(d));
        at::Tensor q = qkv[0], k = qkv[1], v = qkv[2];  // [B,h,N,d] views of the buffer
        at::Tensor av;
        if (attention == EventfulAttention::Dense) {
            av = at::matmul(at::matmul(q * scale, k.transpose(-2, -1)).softmax(-1), v);
        } else {
            if (first) {
                m_logits = at::matmul(q * scale, k.transpose(-2, -1));
            } else {  // the rows and the columns of the picked tokens
                writeAlong(m_logits, idx1, 2, at::matmul(part(qkvRows.now, 0), k.transpose(-2, -1)).mul_(scale));
                writeAlong(m_logits, idx1, 3, at::matmul(q, part(qkvRows.now, 1).transpose(-2, -1)).mul_(scale));
            }
            at::Tensor probs = m_logits.softmax(-1);
            if (attention == EventfulAttention::SparseQk) {
                av = at::matmul(probs, v);
            } else if (first) {
                m_aReference = probs;
                m_av = at::matmul(probs, v);
                if (attention == EventfulAttention::DeltaExact) m_lse = m_logits.logsumexp(-1, true);
                av = m_av;
            } else if (attention == EventfulAttention::Delta) {
                // A'V' - AV at the picked tokens: A'[:,S] (V'[S] - V[S]) + (A'[:,S] - A[:,S]) V[S], as one
                // product of the side-by-side factors. Columns of A outside S keep their old contribution
                // (the reference's approximation).
                at::Tensor vNew = part(qkvRows.now, 2), vOld = part(qkvRows.before, 2);
                at::Tensor aNew = pickAlong(probs, idx1, 3);
                at::Tensor aDelta = aNew - pickAlong(m_aReference, idx1, 3);
                writeAlong(m_aReference, idx1, 3, aNew);
                m_av += at::matmul(at::cat({aNew, aDelta}, 3), at::cat({vNew - vOld, vOld}, 2));
                av = m_av;
            } else {
                // Rows of unpicked queries: their logits changed only at the picked columns S, so outside S
                // the new probabilities are the old ones times rho = Z_old / Z_new:
                //   P' = rho * (P - A[:,S] V[S]) + A'[:,S] V'[S].
                // Rows of picked queries changed everywhere: A'[S,:] V'. m_aReference holds last frame's A.
                at::Tensor lse = m_logits.logsumexp(-1, true);
                at::Tensor vNew = part(qkvRows.now, 2), vOld = part(qkvRows.before, 2);
                at::Tensor kept = m_av - at::matmul(pickAlong(m_aReference, idx1, 3), vOld);
                m_av = (m_lse - lse).exp_() * kept + at::matmul(pickAlong(probs, idx1, 3), vNew);
                writeAlong(m_av, idx1, 2, at::matmul(pickAlong(probs, idx1, 2), v));
                m_aReference = probs;
                m_lse = lse;
                av = m_av;
            }
        }
        at::Tensor attnOut = av.transpose(1, 2).reshape({B, N, A});
        if (attnOut.data_ptr() == av.data_ptr()) attnOut = attnOut.clone();  // one head: a view of the state
        at::Tensor idx2 = gate(m_proj, attnOut, [&](const at::Tensor& t) { return at::linear(t, b.projW, b.projB); });
        m2 = count(idx2);
        x1 = x + m_proj.buffer;
    }
    at::Tensor h2 = at::layer_norm(x1, {C}, b.norm2W, b.norm2B, eps);
    at::Tensor idx3 = gate(m_mlp, h2, [&](const at::Tensor& t) { return model.mlp(layer, t); });
    const int m3 = count(idx3);
    out = x1 + m_mlp.buffer;
    m_primed = true;

    // What the overlay shows as recomputed: the tokens the block's first gate picked (the MLP's
    // gate when the block has no attention).
    const at::Tensor& shown = b.attentionRemoved ? idx3 : idx1;
    if (first)
        recomputed = at::ones({B, N}, x.options().dtype(at::kBool));
    else
        recomputed = at::zeros({B, N}, x.options().dtype(at::kBool)).scatter_(1, shown, true);

    BlockWork work;
    const double macs = b.attentionRemoved ? 2.0 * m3 * C * b.mlpHidden()
                                           : eventfulBlockMacs(static_cast<int>(C), static_cast<int>(A), b.mlpHidden(),
                                                               static_cast<int>(N), m1, m2, m3, attention, first);
    work.attnTokens.assign(B, m1);
    work.mlpTokens.assign(B, m3);
    work.macs.assign(B, macs);
    return work;
}

}  // namespace vp
