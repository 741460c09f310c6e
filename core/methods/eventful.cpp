// Eventful Transformer — Dutson, Li and Gupta, "Eventful Transformers: Leveraging Temporal
// Redundancy in Vision Transformers", ICCV 2023 (reference: github.com/WISION-Lab/eventful-transformer).
// A video method: it keeps state from one frame to the next and recomputes, at each of three token
// gates per block, only the tokens that changed most since they were last computed (top-r) or
// changed more than a threshold; the rest reuse their buffered outputs. The first frame after
// creation or resetStream() is dense. The gates and the attention updates are in eventful_block.h.
// On a single image it is the dense model; its savings show on video (`vitprune video`, the
// studio's video page).
#include <algorithm>

#include "methods/builtin_methods.h"
#include "methods/eventful_block.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class EventfulMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "eventful";
        s.name = VP_TEXT("vp::Methods", "Eventful Transformer");
        s.paper =
            "Dutson et al., Eventful Transformers: Leveraging Temporal Redundancy in Vision Transformers, ICCV 2023";
        s.family = "video";
        s.help = VP_TEXT("vp::Methods",
                         "Video: recomputes only the tokens that changed since the previous frame; the first frame is "
                         "dense, so a single image shows the dense model.");
        s.mainKnob = "r";
        s.knobs = {
            {"policy",
             VP_TEXT("vp::Methods", "Gate policy"),
             KnobType::Choice,
             0,
             0,
             0,
             "top-r",
             {"top-r", "threshold"},
             VP_TEXT("vp::Methods",
                     "top-r: the r tokens with the largest change at each gate; threshold: every token whose change "
                     "(L2 norm) exceeds the threshold.")},
            {"r",
             VP_TEXT("vp::Methods", "Tokens recomputed per gate"),
             KnobType::Integer,
             1,
             4096,
             1,
             "24",
             {},
             VP_TEXT("vp::Methods",
                     "r for the top-r policy, CLS included; r at or above the token count recomputes every token.")},
            {"threshold",
             VP_TEXT("vp::Methods", "Change threshold"),
             KnobType::Number,
             0,
             1000,
             0.05,
             "1",
             {},
             VP_TEXT("vp::Methods",
                     "For the threshold policy: a token is recomputed when the L2 norm of its change since it was "
                     "last computed exceeds this.")},
            {"attention",
             VP_TEXT("vp::Methods", "Attention update"),
             KnobType::Choice,
             0,
             0,
             0,
             "delta",
             {"delta", "delta-exact", "sparse-qk", "dense"},
             VP_TEXT(
                 "vp::Methods",
                 "delta: sparse query-key and delta attention-value updates (the paper's full method, which "
                 "keeps old attention weights of unpicked tokens); delta-exact: the same with the softmax "
                 "renormalised (ours: exact for unchanged tokens, about 1.25x the delta's attention cost); sparse-qk: "
                 "only the query-key product is updated sparsely; dense: both products in full.")},
            {"cls",
             VP_TEXT("vp::Methods", "Always recompute CLS"),
             KnobType::Bool,
             0,
             1,
             1,
             "false",
             {},
             VP_TEXT("vp::Methods",
                     "Recompute the CLS token at every gate (not in the paper, whose gates treat it like any "
                     "token; one token per gate).")},
        };
        return s;
    }

    void configure(const KnobValues& values) override {
        const MethodSpec s = spec();
        m_policy.topR = values.choice(s, "policy") == "top-r";
        m_policy.r = values.integer(s, "r");
        m_policy.threshold = values.number(s, "threshold");
        m_policy.alwaysPrefix = values.flag(s, "cls");
        const std::string attention = values.choice(s, "attention");
        m_attention = attention == "delta"         ? EventfulAttention::Delta
                      : attention == "delta-exact" ? EventfulAttention::DeltaExact
                      : attention == "sparse-qk"   ? EventfulAttention::SparseQk
                                                   : EventfulAttention::Dense;
        resetStream();
    }

    void prepare(const ViTModel& model) override {
        m_blocks.assign(model.weights().blocks.size(), EventfulBlockState());
    }

    bool replacesBlocks() const override { return true; }

    BlockWork runBlock(int layer, const ViTModel& model, TokenState& state) override {
        if (layer >= static_cast<int>(m_blocks.size())) m_blocks.resize(layer + 1);
        at::Tensor out, recomputed;
        BlockWork work =
            m_blocks[layer].run(model, layer, state.x, state.prefix, m_policy, m_attention, out, recomputed);
        state.x = out;
        if (state.tracking) state.recomputed = recomputed;
        return work;
    }

    void resetStream() override {
        for (EventfulBlockState& b : m_blocks) b.reset();
    }

private:
    EventfulPolicy m_policy;
    EventfulAttention m_attention = EventfulAttention::Delta;
    std::vector<EventfulBlockState> m_blocks;
};

}  // namespace

MethodPtr makeEventfulMethod() { return std::make_unique<EventfulMethod>(); }

}  // namespace vp
