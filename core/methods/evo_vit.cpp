// Evo-ViT — Xu et al., "Evo-ViT: Slow-Fast Token Evolution for Dynamic Vision Transformer",
// AAAI 2022 (reference: github.com/YifanXu74/Evo-ViT, deit/evo_deit.py, eval mode, stage-wise).
// A global class-attention score g per patch (CLS row summed over heads) is taken from the block
// before `start` (the reference's tradeoff is 1 for blocks 0-3), then updated for the informative
// tokens only: g <- (1 - alpha) g + alpha s. Before each of two equal stages (DeiT: blocks 4 and 8)
// every patch token, placeholders included, is sorted by g (descending, g sorted alongside) and
// the first int(P * keep) go through the stage's blocks; the rest are placeholders that skip them
// and re-join at the end of the stage, in the sorted order.
// mode "code" (default): the authors' DeiT code, placeholders stay frozen (their issue #3).
// mode "paper": the paper's fast updating, approximated: a g-weighted average of the placeholders
// (representative token) runs through each block with the informative tokens and its residual
// update is added to every placeholder.
// Head: the reference's DeiT head is head(norm(mean of patch tokens)); "auto" uses it only for
// checkpoints read as Evo-ViT's, since a standard DeiT head reads the CLS token.
#include <algorithm>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class EvoVitMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "evo-vit";
        s.name = VP_TEXT("vp::Methods", "Evo-ViT");
        s.paper = "Xu et al., Evo-ViT: Slow-Fast Token Evolution for Dynamic Vision Transformer, AAAI 2022";
        s.family = "token";
        s.help = VP_TEXT("vp::Methods",
                         "Sorts patches by a global class-attention score in two stages; the informative ones go "
                         "through the blocks, the others are placeholders that skip them and re-join later.");
        s.mainKnob = "keep";
        s.knobs = {
            {"keep",
             VP_TEXT("vp::Methods", "Keep ratio"),
             KnobType::Number,
             0.2,
             1.0,
             0.01,
             "0.5",
             {},
             VP_TEXT("vp::Methods",
                     "Fraction of the patches that are informative in each stage: int(P * keep) (98 of 196).")},
            {"start",
             VP_TEXT("vp::Methods", "Start block"),
             KnobType::Integer,
             1,
             63,
             1,
             "4",
             {},
             VP_TEXT("vp::Methods",
                     "First block of the first stage; the blocks from here on form two stages of equal length.")},
            {"alpha",
             VP_TEXT("vp::Methods", "Score tradeoff"),
             KnobType::Number,
             0.0,
             1.0,
             0.05,
             "0.5",
             {},
             VP_TEXT("vp::Methods",
                     "g <- (1 - alpha) g + alpha * CLS attention, for the informative tokens from the start block.")},
            {"head",
             VP_TEXT("vp::Methods", "Head"),
             KnobType::Choice,
             0,
             0,
             0,
             "auto",
             {"auto", "cls", "mean"},
             VP_TEXT("vp::Methods",
                     "mean: head(norm(mean of patch tokens)), the reference's head (Evo-ViT checkpoints); cls: the "
                     "checkpoint's own head (CLS token for DeiT); auto: mean for Evo-ViT checkpoints, cls otherwise.")},
            {"mode",
             VP_TEXT("vp::Methods", "Placeholders"),
             KnobType::Choice,
             0,
             0,
             0,
             "code",
             {"code", "paper"},
             VP_TEXT("vp::Methods",
                     "code: authors' code, placeholders frozen; paper: paper's description (approximation), a "
                     "representative token carries the blocks' update to the placeholders.")},
        };
        // The score g is the CLS attention row; `start` must leave a block before it (g's first
        // value) and be below the depth (prepare() throws otherwise).
        s.requirements.clsAttention = true;
        s.requirements.minDepth = 2;
        s.requirements.blockKnobs = {"start"};
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_keep = v.number(s, "keep");
        m_start = v.integer(s, "start");
        m_alpha = v.number(s, "alpha");
        m_head = v.choice(s, "head");
        m_paper = v.choice(s, "mode") == "paper";
    }

    void prepare(const ViTModel& model) override {
        m_depth = static_cast<int>(model.weights().blocks.size());
        if (m_start >= m_depth)
            throw Error("evo-vit: knob 'start' (" + std::to_string(m_start) + ") must be below the model's depth (" +
                        std::to_string(m_depth) + ")");
        m_evoCheckpoint = model.family().find("evo") != std::string::npos;
    }

    void begin(TokenState& state) override {
        m_g = at::Tensor();
        m_parked = at::Tensor();
        m_rep = at::Tensor();
        m_informative = 0;
        const bool mean = m_head == "mean" || (m_head == "auto" && m_evoCheckpoint);
        if (mean) state.pool = "mean_then_norm";
    }

    AttnNeeds needs(int layer) const override {
        AttnNeeds n;
        n.clsAttn = active() && layer >= m_start - 1;
        return n;
    }

    void beforeBlock(int layer, TokenState& state) override {
        if (!active()) return;
        if (layer == m_start || layer == secondStage()) {
            rejoin(state);
            select(state);
        }
        if (m_paper && m_parked.defined() && m_parked.size(1) > 0) appendRepresentative(state);
    }

    void reduce(int layer, const AttnContext& ctx, TokenState& state) override {
        if (!active() || layer < m_start - 1) return;
        const at::Tensor s = ctx.clsAttn.sum(1).to(at::kFloat);  // [B, N] CLS row summed over heads
        const int64_t pre = state.prefix;
        if (layer < m_start) {  // tradeoff 1 before the start block: g is this block's score
            m_g = s.narrow(1, pre, s.size(1) - pre);
        } else {  // slow updating: informative tokens only (the representative token is last, excluded)
            const int64_t K = m_informative;
            at::Tensor upd = (1 - m_alpha) * m_g.narrow(1, 0, K) + m_alpha * s.narrow(1, pre, K);
            m_g = at::cat({upd, m_g.narrow(1, K, m_g.size(1) - K)}, 1);
        }
        recordScores(state);
    }

    void afterBlock(int, TokenState& state) override {
        if (!m_rep.defined()) return;
        // Fast updating (paper): the representative token's residual update goes to every placeholder.
        const int64_t N = state.tokens();
        const at::Tensor delta = state.x.narrow(1, N - 1, 1) - m_rep;
        m_parked = m_parked + delta;
        state.x = state.x.narrow(1, 0, N - 1);
        m_rep = at::Tensor();
    }

    void finish(TokenState& state) override { rejoin(state); }

private:
    bool active() const { return m_keep < 1.0; }
    // Two stages of equal length from `start` (the second one longer by one when odd); one stage
    // when only one block follows `start`.
    int secondStage() const {
        const int half = (m_depth - m_start) / 2;
        return half >= 1 ? m_start + half : -1;
    }

    // Sort every patch token by g (descending); the first int(P * keep) stay, the rest are parked.
    void select(TokenState& state) {
        if (!m_g.defined())
            throw Error("evo-vit: no class-attention score before block " + std::to_string(m_start),
                        Error::Kind::Internal);
        const int64_t B = state.batch(), pre = state.prefix, P = state.tokens() - pre, C = state.x.size(2);
        const int64_t K = std::max<int64_t>(1, static_cast<int64_t>(static_cast<double>(P) * m_keep));
        auto [sortedG, order] = m_g.sort(1, /*descending=*/true);
        m_g = sortedG;
        const at::Tensor patches = state.x.narrow(1, pre, P).gather(1, order.unsqueeze(-1).expand({B, P, C}));
        state.x = at::cat({state.x.narrow(1, 0, pre), patches.narrow(1, 0, K)}, 1);
        m_parked = patches.narrow(1, K, P - K);
        m_informative = K;
        if (state.tracking && state.patchToToken.defined()) {
            // Sorted position i: informative -> token pre + i, placeholder -> slot i - K (-2 - slot).
            const at::Tensor pos = at::arange(P, order.options()).unsqueeze(0).expand({B, P});
            const at::Tensor target = at::where(pos < K, pos + pre, -2 - (pos - K));
            at::Tensor newIndex = at::arange(pre + P, order.options()).unsqueeze(0).repeat({B, 1});
            newIndex.narrow(1, pre, P).scatter_(1, order, target);
            state.remapPatches(newIndex);
        }
        recordScores(state);
    }

    // Placeholders come back after the informative tokens, in the sorted order.
    void rejoin(TokenState& state) {
        if (!m_parked.defined()) return;
        const int64_t pre = state.prefix, K = state.tokens() - pre;
        state.x = at::cat({state.x, m_parked}, 1);
        if (state.tracking && state.patchToToken.defined()) {
            const at::Tensor& p2t = state.patchToToken;
            state.patchToToken = at::where(p2t <= -2, pre + K + (-2 - p2t), p2t);
        }
        m_parked = at::Tensor();
    }

    void appendRepresentative(TokenState& state) {
        at::Tensor w = m_g.narrow(1, m_informative, m_parked.size(1)).clamp_min(0);
        w = w / w.sum(1, true).clamp_min(1e-12);
        m_rep = (m_parked * w.unsqueeze(-1).to(m_parked.scalar_type())).sum(1, true);
        state.x = at::cat({state.x, m_rep}, 1);
    }

    // The trace's score of each original patch: its g, wherever it lives (token or placeholder slot).
    void recordScores(TokenState& state) const {
        if (!state.tracking || !state.patchToToken.defined() || !m_g.defined()) return;
        const at::Tensor& p2t = state.patchToToken;
        const at::Tensor slot = at::where(p2t <= -2, m_informative + (-2 - p2t), p2t - state.prefix);
        state.score = m_g.gather(1, slot.clamp(0, m_g.size(1) - 1));
    }

    double m_keep = 0.5;
    int m_start = 4;
    double m_alpha = 0.5;
    std::string m_head = "auto";
    bool m_paper = false;
    int m_depth = 12;
    bool m_evoCheckpoint = false;
    // Per forward: g in the current order (informative first, then placeholder slots).
    at::Tensor m_g, m_parked, m_rep;
    int64_t m_informative = 0;
};

}  // namespace

MethodPtr makeEvoVitMethod() { return std::make_unique<EvoVitMethod>(); }

}  // namespace vp
