// ToMe — Bolya et al., "Token Merging: Your ViT But Faster", ICLR 2023
// (reference: github.com/facebookresearch/ToMe, tome/merge.py and tome/patch/timm.py).
// After the attention residual of every block: bipartite soft matching on the keys averaged over
// heads (cosine). Tokens alternate into A (even) and B (odd); each A token's best B match is an
// edge; the r best edges merge their A token into its B partner by a size-weighted average and
// sizes add. CLS (A[0]) never merges; a distillation token (B[0]) is never merged into.
// Proportional attention adds log(size) of each key to the attention logits.
// `layer_r` (one r per block) replaces r, schedule and inflect when set; every block's r is still
// capped at half its tokens.
#include <cmath>
#include <limits>

#include "methods/builtin_methods.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class TomeMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "tome";
        s.name = VP_TEXT("vp::Methods", "ToMe (token merging)");
        s.paper = "Bolya et al., Token Merging: Your ViT But Faster, ICLR 2023";
        s.family = "token";
        s.help =
            VP_TEXT("vp::Methods", "Merges the r most similar token pairs in every block (bipartite soft matching).");
        s.mainKnob = "r";
        s.mainKnobIncreasesCost = false;
        s.knobs = {
            {"r",
             VP_TEXT("vp::Methods", "Tokens merged per block"),
             KnobType::Integer,
             0,
             128,
             1,
             "8",
             {},
             VP_TEXT("vp::Methods",
                     "r: tokens removed by merging in each block (capped at half the tokens, as the reference).")},
            {"schedule",
             VP_TEXT("vp::Methods", "Schedule"),
             KnobType::Choice,
             0,
             0,
             0,
             "constant",
             {"constant", "decreasing"},
             VP_TEXT("vp::Methods", "constant: r in every block; decreasing: ToMe's (r, inflection) schedule.")},
            {"inflect",
             VP_TEXT("vp::Methods", "Inflection"),
             KnobType::Number,
             -1.0,
             1.0,
             0.05,
             "-0.5",
             {},
             VP_TEXT("vp::Methods",
                     "ToMe's inflection for the decreasing schedule (-0.5: start at 1.5r, end at 0.5r).")},
            {"layer_r",
             VP_TEXT("vp::Methods", "Per-block r"),
             KnobType::IntList,
             0,
             128,
             1,
             "",
             {},
             VP_TEXT("vp::Methods",
                     "One r per block (tokens merged there), comma-separated; replaces r and the schedule when set. "
                     "Empty: not used.")},
            {"prop_attn",
             VP_TEXT("vp::Methods", "Proportional attention"),
             KnobType::Bool,
             0,
             1,
             1,
             "true",
             {},
             VP_TEXT("vp::Methods", "Add log(token size) to the attention logits of the keys.")},
        };
        s.scheduleKnob = "layer_r";
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_r = v.integer(s, "r");
        m_decreasing = v.choice(s, "schedule") == "decreasing";
        m_inflect = v.number(s, "inflect");
        m_propAttn = v.flag(s, "prop_attn");
        m_layerR = v.intList(s, "layer_r");
    }

    // tome.utils.parse_r: r per layer from (r, inflection).
    int rAt(int layer, int depth) const {
        if (!m_layerR.empty()) return layer >= 0 && layer < static_cast<int>(m_layerR.size()) ? m_layerR[layer] : 0;
        if (!m_decreasing) return m_r;
        const double inflect = m_inflect;
        const int minVal = static_cast<int>(m_r * (1.0 - inflect));
        const int maxVal = 2 * m_r - minVal;
        const double step = depth > 1 ? static_cast<double>(maxVal - minVal) / (depth - 1) : 0;
        return static_cast<int>(minVal + step * layer);
    }

    void prepare(const ViTModel& model) override {
        m_depth = static_cast<int>(model.weights().blocks.size());
        checkPerBlockCount("layer_r", m_layerR.size(), m_depth);
    }
    std::vector<double> blockSchedule() const override {
        std::vector<double> out;
        for (int l = 0; l < m_depth; ++l) out.push_back(rAt(l, m_depth));
        return out;
    }
    void begin(TokenState& state) override { state.proportionalAttention = m_propAttn; }
    AttnNeeds needs(int layer) const override {
        AttnNeeds n;
        n.keys = rAt(layer, m_depth) > 0;
        return n;
    }

    void reduce(int layer, const AttnContext& ctx, TokenState& state) override {
        const int64_t N = state.tokens(), pre = state.prefix;
        const int64_t r = std::min<int64_t>(rAt(layer, m_depth), (N - pre) / 2);
        if (r <= 0) return;
        const int64_t B = state.batch(), C = state.x.size(2);
        const bool distill = pre >= 2;
        const at::Tensor keys = ctx.keysMean.to(at::kFloat);  // cosine ranking in fp32 for half models
        const at::Tensor metric = keys / keys.norm(2, -1, true);
        const at::Tensor a = metric.slice(1, 0, N, 2), b = metric.slice(1, 1, N, 2);
        at::Tensor scores = at::matmul(a, b.transpose(-1, -2)).to(at::kFloat);
        const float ninf = -std::numeric_limits<float>::infinity();
        scores.select(1, 0).fill_(ninf);               // CLS (A[0]) never merges
        if (distill) scores.select(2, 0).fill_(ninf);  // nothing merges into the dist token (B[0])
        const auto [nodeMax, nodeIdx] = scores.max(-1);
        const at::Tensor edgeIdx = nodeMax.argsort(-1, true);
        const int64_t Ta = a.size(1), Tb = b.size(1), Tu = Ta - r;
        const at::Tensor unmIdx = std::get<0>(edgeIdx.narrow(1, r, Tu).sort(1));  // CLS first
        const at::Tensor srcIdx = edgeIdx.narrow(1, 0, r);
        const at::Tensor dstIdx = nodeIdx.gather(1, srcIdx);

        // Size-weighted average: merge(x * size, sum) / merge(size, sum).
        const at::Tensor size = state.sizeOrOnes();
        auto merge = [&](const at::Tensor& t) {
            const int64_t c = t.size(2);
            const at::Tensor src = t.slice(1, 0, N, 2), dst = t.slice(1, 1, N, 2);
            const at::Tensor unm = src.gather(1, unmIdx.unsqueeze(-1).expand({B, Tu, c}));
            const at::Tensor moved = src.gather(1, srcIdx.unsqueeze(-1).expand({B, r, c}));
            const at::Tensor merged = dst.scatter_add(1, dstIdx.unsqueeze(-1).expand({B, r, c}), moved);
            if (distill)
                return at::cat({unm.narrow(1, 0, 1), merged.narrow(1, 0, 1), unm.narrow(1, 1, Tu - 1),
                                merged.narrow(1, 1, Tb - 1)},
                               1);
            return at::cat({unm, merged}, 1);
        };
        const at::Tensor sizeIn = size.unsqueeze(-1);
        const at::Tensor newSize = merge(sizeIn);
        state.x = merge(state.x * sizeIn.to(state.x.scalar_type())) / newSize.to(state.x.scalar_type());
        state.size = newSize.squeeze(-1);
        (void)C;
        if (state.tracking && state.patchToToken.defined())
            trackSources(state, nodeMax, unmIdx, srcIdx, dstIdx, N, Tu, distill);
    }

private:
    // New index of every old token, so each patch knows the token it was merged into.
    static void trackSources(TokenState& state, const at::Tensor& nodeMax, const at::Tensor& unmIdx,
                             const at::Tensor& srcIdx, const at::Tensor& dstIdx, int64_t N, int64_t Tu, bool distill) {
        const int64_t B = state.batch();
        const auto opts = unmIdx.options();
        at::Tensor newOfA = at::empty({B, (N + 1) / 2}, opts);
        at::Tensor unmPos = at::arange(Tu, opts).unsqueeze(0).expand({B, Tu});
        at::Tensor dstPos = at::arange(N / 2, opts).unsqueeze(0).expand({B, N / 2});
        if (distill) {  // order [unm0, dst0, unm1.., dst1..]
            unmPos = unmPos + (unmPos > 0).to(opts.dtype());
            dstPos = at::where(dstPos == 0, at::ones_like(dstPos), dstPos + Tu);
        } else {
            dstPos = dstPos + Tu;
        }
        newOfA.scatter_(1, unmIdx, unmPos);
        newOfA.scatter_(1, srcIdx, dstPos.gather(1, dstIdx));
        at::Tensor newIndex = at::empty({B, N}, opts);
        newIndex.slice(1, 0, N, 2).copy_(newOfA);
        newIndex.slice(1, 1, N, 2).copy_(dstPos);
        // Score shown per patch: an A token's best similarity to B (NaN for B tokens).
        at::Tensor score = at::full({B, N}, std::numeric_limits<float>::quiet_NaN(), nodeMax.options());
        score.slice(1, 0, N, 2).copy_(nodeMax);
        recordPatchScores(state, score.narrow(1, state.prefix, N - state.prefix));
        state.remapPatches(newIndex);
    }

    int m_r = 8;
    bool m_decreasing = false;
    double m_inflect = -0.5;
    bool m_propAttn = true;
    std::vector<int> m_layerR;
    int m_depth = 12;
};

}  // namespace

MethodPtr makeTomeMethod() { return std::make_unique<TomeMethod>(); }

}  // namespace vp
