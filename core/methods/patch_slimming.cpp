// Patch Slimming — Tang et al., "Patch Slimming for Efficient Vision Transformers", CVPR 2022
// (no public code). TRAINING-FREE APPROXIMATION: the paper selects patches top-down with an
// estimate of each patch's impact on the output and fine-tunes after each layer's selection; here
// the impact is approximated by attention-weighted relevance averaged over a calibration set and
// nothing is fine-tuned.
// Calibration: the dense model runs on `calib` images; per block l the attention map averaged
// over images and heads, M_l [N, N], is kept. Masks are decided top-down and are static (the same
// for every image) and nested:
//   relevance at the output of the last block: the prefix tokens (CLS/dist) for a CLS head, the
//   patch tokens (uniform) for a mean-pooling head; relevance entering block l, following the
//   attention and the residual (as attention rollout):
//     R_l(j) = 0.5 * R_{l+1}(j) + 0.5 * sum_{i in prefix + S_l+1} R_{l+1}(i) M_l[i, j]
//   (R_{l+1} restricted to the tokens block l+1 keeps, S_L = none). Block l keeps S_l = S_{l+1}
//   plus the patches of highest R_l outside it, n_l in all, so for the last block the patches the
//   CLS attends to most.
// Counts: linear schedule of the keep ratio from 1 at block `start` to `keep` at the last block,
// n_l = ceil(ratio_l * P). Tokens are gathered out before each block (kept in patch order).
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class PatchSlimmingMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "patch-slimming";
        s.name = VP_TEXT("vp::Methods", "Patch Slimming (training-free approximation)");
        s.paper = "Tang et al., Patch Slimming for Efficient Vision Transformers, CVPR 2022";
        s.family = "token";
        s.help = VP_TEXT("vp::Methods",
                         "Static nested patch masks decided top-down from the attention of a calibration set (the "
                         "same patches for every image). Training-free approximation: the paper fine-tunes the model.");
        s.mainKnob = "keep";
        s.knobs = {
            {"keep",
             VP_TEXT("vp::Methods", "Last-block keep ratio"),
             KnobType::Number,
             0.02,
             1.0,
             0.01,
             "0.5",
             {},
             VP_TEXT("vp::Methods",
                     "Fraction of the patches the last block keeps; earlier blocks keep linearly more.")},
            {"start",
             VP_TEXT("vp::Methods", "Start block"),
             KnobType::Integer,
             0,
             63,
             1,
             "0",
             {},
             VP_TEXT("vp::Methods",
                     "Block where the linear schedule starts at 100%; later blocks keep fewer patches.")},
            {"calib",
             VP_TEXT("vp::Methods", "Calibration images"),
             KnobType::Integer,
             1,
             60000,
             1,
             "256",
             {},
             VP_TEXT("vp::Methods", "Images whose averaged attention decides the masks.")},
        };
        // Uses the full attention map and follows the head's pooling (CLS or mean): no CLS need.
        s.requirements.blockKnobs = {"start"};
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_keep = v.number(s, "keep");
        m_start = v.integer(s, "start");
        m_calib = v.integer(s, "calib");
        if (m_calib != m_calibratedWith) m_maps.clear();  // other calibration size: calibrate again
        m_index.clear();
        if (!m_maps.empty()) computeMasks();  // same calibration, other schedule: no new forwards
    }

    int calibrationImages() const override { return m_calib; }

    void calibrate(const ViTModel& model, const std::vector<at::Tensor>& batches) override {
        c10::InferenceMode guard;
        const ViTConfig& c = model.config();
        const auto& blocks = model.weights().blocks;
        const int64_t C = c.embedDim;
        std::vector<at::Tensor> sums(blocks.size());
        int used = 0;
        for (const at::Tensor& batch : batches) {
            if (used >= m_calib) break;
            const int64_t take = std::min<int64_t>(batch.size(0), m_calib - used);
            if (take <= 0) continue;
            TokenState state = model.embedTokens(batch.narrow(0, 0, take).to(model.device()), false);
            const int64_t N = state.tokens();
            if (used > 0 && sums[0].size(0) != N) throw Error("patch-slimming: calibration images differ in size");
            for (size_t l = 0; l < blocks.size(); ++l) {
                const BlockWeights& b = blocks[l];
                at::Tensor map;
                if (b.attentionRemoved) {
                    state.x = model.removedAttention(static_cast<int>(l), state);
                    map = at::eye(N, at::kDouble).mul(static_cast<double>(take));
                } else {
                    AttnNeeds needs;
                    needs.fullMap = true;
                    AttnContext ctx;
                    at::Tensor xn = at::layer_norm(state.x, {C}, b.norm1W, b.norm1B, c.lnEps);
                    state.x = state.x + model.attention(static_cast<int>(l), xn, state, needs, ctx);
                    map = ctx.map.to(at::kDouble).mean(1).sum(0).cpu();
                }
                sums[l] = sums[l].defined() ? sums[l] + map : map;
                state.x =
                    state.x + model.mlp(static_cast<int>(l), at::layer_norm(state.x, {C}, b.norm2W, b.norm2B, c.lnEps));
            }
            used += static_cast<int>(take);
        }
        if (used == 0) throw Error("patch-slimming needs calibration images: none were given");
        m_maps.clear();
        for (auto& s : sums) m_maps.push_back(s / used);
        m_prefix = c.numPrefixTokens();
        m_patches = m_maps[0].size(0) - m_prefix;
        m_meanHead = c.pool == "avg";
        m_calibratedWith = m_calib;
        computeMasks();
    }

    void begin(TokenState& state) override {
        if (m_maps.empty())
            throw Error("patch-slimming needs calibration images: its static masks come from the attention of " +
                        std::to_string(m_calib) + " calibration images (knob 'calib'); none were given");
        if (state.tokens() - state.prefix != m_patches || state.prefix != m_prefix)
            throw Error("patch-slimming: calibrated for " + std::to_string(m_patches) + " patches, the input has " +
                        std::to_string(state.tokens() - state.prefix));
    }

    void beforeBlock(int layer, TokenState& state) override {
        if (layer >= static_cast<int>(m_index.size())) return;
        if (state.tracking && state.patchToToken.defined())
            state.score = m_relevance[layer].to(state.x.device()).unsqueeze(0).expand({state.batch(), m_patches});
        if (!m_index[layer].defined()) return;
        at::Tensor& idx = m_index[layer];
        if (idx.device() != state.x.device()) idx = idx.to(state.x.device());
        state.gather(idx.unsqueeze(0).expand({state.batch(), idx.size(0)}));
    }

private:
    // Keep ratio of block l under the linear schedule.
    double ratioAt(int l, int depth) const {
        if (l <= m_start) return l == depth - 1 ? m_keep : 1.0;
        return 1.0 - (1.0 - m_keep) * (l - m_start) / static_cast<double>(depth - 1 - m_start);
    }

    void computeMasks() {
        const int L = static_cast<int>(m_maps.size());
        if (m_start >= L)
            throw Error("patch-slimming: knob 'start' (" + std::to_string(m_start) +
                        ") must be below the model's depth (" + std::to_string(L) + ")");
        const int64_t pre = m_prefix, P = m_patches, N = pre + P;
        std::vector<int64_t> counts(L);
        for (int l = 0; l < L; ++l) counts[l] = std::max<int64_t>(1, keptCount(ratioAt(l, L), P));
        // Top-down: relevance at the output of the last block, then block by block towards the input.
        at::Tensor R = at::zeros({N}, at::kDouble);
        if (m_meanHead)
            R.narrow(0, pre, P).fill_(1.0 / P);
        else
            R.narrow(0, 0, pre).fill_(1.0);
        std::vector<bool> inNext(P, false);  // S_{l+1}
        m_kept.assign(L, {});
        m_relevance.assign(L, at::Tensor());
        for (int l = L - 1; l >= 0; --l) {
            R = 0.5 * R + 0.5 * at::matmul(R.unsqueeze(0), m_maps[l]).squeeze(0);
            at::Tensor patchR = R.narrow(0, pre, P).contiguous();
            m_relevance[l] = patchR.to(at::kFloat);
            // S_l = S_{l+1} + the most relevant others.
            std::vector<int64_t> order(P);
            for (int64_t j = 0; j < P; ++j) order[j] = j;
            const double* r = patchR.data_ptr<double>();
            std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
                if (inNext[a] != inNext[b]) return static_cast<bool>(inNext[a]);
                return r[a] > r[b];
            });
            const int64_t n = l == L - 1 ? counts[l] : std::max(counts[l], counts[l + 1]);
            std::vector<bool> inThis(P, false);
            for (int64_t k = 0; k < n; ++k) inThis[order[k]] = true;
            for (int64_t j = 0; j < P; ++j)
                if (inThis[j]) m_kept[l].push_back(j);
            // Tokens dropped before block l carry no relevance further down.
            std::vector<double> mask(N, 1.0);
            for (int64_t j = 0; j < P; ++j) mask[pre + j] = inThis[j] ? 1.0 : 0.0;
            R = R * at::tensor(mask, at::kDouble);
            inNext = inThis;
        }
        // Gather index per block, relative to the previous block's tokens (prefix first).
        m_index.assign(L, at::Tensor());
        std::vector<int64_t> prev(P);
        for (int64_t j = 0; j < P; ++j) prev[j] = j;
        for (int l = 0; l < L; ++l) {
            const auto& cur = m_kept[l];
            if (cur.size() == prev.size()) continue;
            std::vector<int64_t> idx;
            for (int64_t i = 0; i < pre; ++i) idx.push_back(i);
            size_t k = 0;
            for (size_t i = 0; i < prev.size() && k < cur.size(); ++i)
                if (prev[i] == cur[k]) {
                    idx.push_back(pre + static_cast<int64_t>(i));
                    ++k;
                }
            m_index[l] = at::tensor(idx, at::kLong);
            prev = cur;
        }
    }

    double m_keep = 0.5;
    int m_start = 0;
    int m_calib = 256;
    int m_calibratedWith = -1;
    int64_t m_prefix = 1, m_patches = 0;
    bool m_meanHead = false;
    std::vector<at::Tensor> m_maps;  // [N, N] per block, mean over images and heads (double)
    std::vector<std::vector<int64_t>> m_kept;
    std::vector<at::Tensor> m_relevance;  // [P] per block (trace score)
    std::vector<at::Tensor> m_index;      // per block: gather index into the previous tokens, or undefined
};

}  // namespace

MethodPtr makePatchSlimmingMethod() { return std::make_unique<PatchSlimmingMethod>(); }

}  // namespace vp
