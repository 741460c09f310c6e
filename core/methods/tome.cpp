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

#include "methods/bipartite_matching.h"
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
        const bool distill = pre >= 2;
        // ToMe's metric, the keys averaged over heads (fp32 for half models).
        const at::Tensor scores = matchingScores(ctx.keysMean, distill);
        // Small CPU sizes (the studio's live forwards): plain C++ passes instead of ~25 small kernels.
        const bool host = hostPathPays(state.x);
        const Matching match = host ? matchOnHost(scores, N, r, distill) : matchWithTensors(scores, N, r, distill);
        const MergedTokens merged = host && state.x.scalar_type() == at::kFloat
                                        ? mergeOnHost(state.x, state.size, match.newIndex, N - r)
                                        : mergeWithTensors(state.x, state.size, match.newIndex, N - r);
        state.x = merged.x;
        state.size = merged.size;
        if (state.tracking && state.patchToToken.defined()) {
            // Score shown per patch: an A token's best similarity to B (NaN for B tokens).
            at::Tensor score =
                at::full({state.batch(), N}, std::numeric_limits<float>::quiet_NaN(), match.nodeMax.options());
            score.slice(1, 0, N, 2).copy_(match.nodeMax);
            recordPatchScores(state, score.narrow(1, state.prefix, N - state.prefix));
            state.remapPatches(match.newIndex);
        }
    }

private:
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
