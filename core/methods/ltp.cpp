// LTP — Kim et al., "Learned Token Pruning for Transformers", KDD 2022 (reference:
// github.com/kssteven418/LTP). The authors evaluate on BERT/GLUE only; running it on ViTs is this
// app's adaptation. Here with fixed thresholds (ltp_learned.cpp learns them):
// after block l's attention, token i's importance is the attention it receives, averaged over
// heads and queries, s_i = mean_h mean_q A_h[q, i]; it is pruned when s_i < theta_l / N with
// theta_l = theta * (l + 1) / L (linear schedule) and N the sample's current token count, i.e. the
// threshold is relative to the uniform score 1/N so it does not depend on the resolution. Pruned
// tokens stay pruned; prefix tokens (CLS, dist) never are.
// Counts differ per image. Batches are padded to the largest kept count and the padding is marked
// in state.valid: attention never attends to it, pooling ignores it, the importance averages only
// over real queries, and the trace counts real tokens per sample (GMACs per sample). A batch of one
// image is never padded.
#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/threshold_prune.h"
#include "model/vit_model.h"

namespace vp {
namespace {

class LtpMethod : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "ltp";
        s.name = VP_TEXT("vp::Methods", "LTP (fixed thresholds)");
        s.paper = "Kim et al., Learned Token Pruning for Transformers, KDD 2022";
        s.family = "token";
        s.costVariesPerImage = true;  // thresholds on attention: the kept count depends on the image
        s.help = VP_TEXT("vp::Methods",
                         "Drops tokens that receive little attention (below theta_l / N, thresholds rising linearly "
                         "over the blocks); the count varies per image. The authors evaluate on BERT only: applying "
                         "it to ViTs is this app's adaptation.");
        s.mainKnob = "theta";
        s.mainKnobIncreasesCost = false;
        s.knobs = {
            {"theta",
             VP_TEXT("vp::Methods", "Final threshold"),
             KnobType::Number,
             0.0,
             2.0,
             0.01,
             "1.0",
             {},
             VP_TEXT("vp::Methods",
                     "theta_final, relative to the uniform score 1/N: after block l a token is pruned when the "
                     "attention it receives is below theta_final * (l+1)/L / N. 0 = dense; larger prunes more.")},
        };
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_theta = v.number(s, "theta");
    }

    void prepare(const ViTModel& model) override { m_depth = static_cast<int>(model.weights().blocks.size()); }

    AttnNeeds needs(int) const override {
        AttnNeeds n;
        n.fullMap = m_theta > 0;
        return n;
    }

    void reduce(int layer, const AttnContext& ctx, TokenState& state) override {
        if (m_theta <= 0 || !ctx.map.defined()) return;
        dropBelowThreshold(state, attentionReceived(ctx.map, state), m_theta * (layer + 1) / m_depth);
    }

private:
    double m_theta = 1.0;
    int m_depth = 12;
};

}  // namespace

MethodPtr makeLtpMethod() { return std::make_unique<LtpMethod>(); }

}  // namespace vp
