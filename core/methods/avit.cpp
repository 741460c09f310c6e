// A-ViT — Yin et al., "A-ViT: Adaptive Tokens for Efficient Vision Transformer", CVPR 2022
// (reference: github.com/NVlabs/A-ViT, act_vision_transformer.py and engine_act.py).
// After every block each token's halting score is read from the first channel of its output,
//   h = sigmoid(gate_scale * x[:, 0] - gate_center)          (h = 1 at the last block)
// and accumulated, c += h. A token whose c exceeds 1 - eps (eps 0.01) halts: it adds its output
// times the remainder R = 1 - (the h it accumulated before) to its halting-weighted output and is
// computed no further; until then it adds h times each block's output. The head reads the class
// token's halting-weighted output. The reference masks halted tokens (zeroed inputs, -1000 on
// their attention logits); here they leave the sequence, which computes the same for the others
// (batches with different counts are padded, as LTP's). Once the class token halts nothing can
// change the prediction, so the image's other tokens stop too (the reference keeps computing
// them; training does not take this shortcut): logits as the reference, token depths
// min(reference depth, class-token depth).
// Training tunes the whole backbone (the halting channel is an ordinary channel of the model), as
// the paper: CE + ponder loss (mean over tokens of depth + remainder, x ponder) + the
// distributional prior (KL between the halting scores' distribution over blocks and a Gaussian
// around block 8 of 12, x prior). Parts: avit.gate_scale, avit.gate_center [1] (fixed while
// training, as the reference's arguments) and the tuned backbone under avit.backbone.*; an
// official A-ViT checkpoint is its tuned backbone and runs with a parts file of the two gates.
// The inference knob shifts the gate centre: positive halts later (more compute).
#include <ATen/ATen.h>

#include <cmath>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/threshold_prune.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"
#include "prune/learned_parts.h"

namespace vp {
namespace {

constexpr const char* kPrefix = "avit.";
constexpr double kEps = 0.01;  // the reference's self.eps

// The reference's distributional target (utils.get_distribution_target): a unit Gaussian over
// the block index around `target`, scaled so that its first `target` entries sum to 0.98.
at::Tensor depthPrior(int depth, int target) {
    std::vector<float> p(static_cast<size_t>(depth));
    double head = 0;
    for (int i = 0; i < depth; ++i) {
        p[i] = static_cast<float>(std::exp(-0.5 * (i - target) * (i - target)) / std::sqrt(2 * M_PI));
        if (i < target) head += p[i];
    }
    for (float& v : p) v = static_cast<float>(v * 0.98 / head);
    return at::tensor(p);
}

class AvitMethod : public PruneMethod, public LearnedParts {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "avit";
        s.name = VP_TEXT("vp::Methods", "A-ViT");
        s.paper = "Yin et al., A-ViT: Adaptive Tokens for Efficient Vision Transformer, CVPR 2022";
        s.family = "token";
        s.trainingFree = false;
        s.costVariesPerImage = true;
        s.help = VP_TEXT("vp::Methods",
                         "Each token halts when the halting scores read from its first channel add up to 1; the "
                         "prediction is the class token's halting-weighted output. The backbone is tuned with a "
                         "ponder loss and a depth prior.");
        s.mainKnob = "center_shift";
        s.mainKnobIncreasesCost = true;
        s.knobs = {
            {"center_shift",
             VP_TEXT("vp::Methods", "Gate centre shift"),
             KnobType::Number,
             -30.0,
             30.0,
             0.5,
             "0",
             {},
             VP_TEXT("vp::Methods",
                     "Added to the trained gate centre at inference: positive makes tokens halt later (more "
                     "compute), negative earlier.")},
            {"gate_scale",
             VP_TEXT("vp::Methods", "Gate scale (training)"),
             KnobType::Number,
             0.1,
             1000.0,
             0.1,
             "10",
             {},
             VP_TEXT("vp::Methods", "Training only: gamma in h = sigmoid(gamma * x0 - beta), kept in the parts.")},
            {"gate_center",
             VP_TEXT("vp::Methods", "Gate centre (training)"),
             KnobType::Number,
             -100.0,
             1000.0,
             0.5,
             "30",
             {},
             VP_TEXT("vp::Methods", "Training only: beta in h = sigmoid(gamma * x0 - beta), kept in the parts.")},
            {"ponder",
             VP_TEXT("vp::Methods", "Ponder loss weight (training)"),
             KnobType::Number,
             0.0,
             1.0,
             0.0001,
             "0.0005",
             {},
             VP_TEXT("vp::Methods", "Training only: weight of the mean token depth; larger halts earlier.")},
            {"prior",
             VP_TEXT("vp::Methods", "Depth prior weight (training)"),
             KnobType::Number,
             0.0,
             1.0,
             0.001,
             "0.001",
             {},
             VP_TEXT("vp::Methods",
                     "Training only: weight of the KL between where tokens halt and a Gaussian around two "
                     "thirds of the depth.")}};
        s.requirements.learnedKeys = {kPrefix};
        s.requirements.learnedWhat = VP_TEXT("vp::Methods", "halting gates and tuned backbone");
        s.requirements.trainCommand = "vitprune train-method avit --model {model} --out runs/avit";
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_shift = v.number(s, "center_shift");
        m_trainScale = v.number(s, "gate_scale");
        m_trainCenter = v.number(s, "gate_center");
        m_ponder = v.number(s, "ponder");
        m_prior = v.number(s, "prior");
    }

    void prepare(const ViTModel& model) override {
        const ViTConfig& c = model.config();
        if (c.pool != "token" || c.distilled)
            throw Error(
                "A-ViT reads the class token's halting-weighted output: it needs a model pooled by one class "
                "token (this one " +
                std::string(c.distilled ? "has a distillation token" : "averages its patch tokens") + ")");
        const TensorMap parts = partsOf(model, *this, kPrefix, nullptr);
        m_scale = requirePart(model, parts, std::string(kPrefix) + "gate_scale", {1}).item<double>();
        m_center = requirePart(model, parts, std::string(kPrefix) + "gate_center", {1}).item<double>();
        m_depth = static_cast<int>(model.weights().blocks.size());
    }

    void begin(TokenState& state) override {
        const int64_t B = state.batch(), N = state.tokens();
        const auto f = state.x.options().dtype(at::kFloat);
        m_total = at::zeros({B, N}, f);
        m_remainder = at::ones({B, N}, f);
        m_clsOn = at::ones({B, 1}, f);
        m_output = at::zeros({B, 1, state.x.size(2)}, state.x.options());
        m_tokensAtStart = static_cast<double>(N);
        m_rho = at::zeros({B}, f);
        m_layerHalting.clear();
    }

    void afterBlock(int layer, TokenState& state) override {
        const int64_t N = state.tokens(), pre = state.prefix;
        at::Tensor on = state.valid.defined() ? state.valid.to(at::kFloat) : at::ones_like(m_total);
        on = at::cat({m_clsOn, on.narrow(1, pre, N - pre)}, 1);  // the tokens still being computed
        const at::Tensor x0 = state.x.select(2, 0).to(at::kFloat);
        // Training runs at the trained centre (the shift is an inference knob).
        const at::Tensor score = at::sigmoid(x0 * m_scale - (m_training ? m_center : m_center + m_shift));
        // The prior reads the block's scores before the last block's are forced to 1, as the reference.
        if (m_training)
            m_layerHalting.push_back((score * on).sum() / (m_tokensAtStart * static_cast<double>(score.size(0))));
        const at::Tensor h = layer == m_depth - 1 ? at::ones_like(score) : score;
        m_total = m_total + h * on;
        const at::Tensor reached = (m_total > 1 - kEps).to(at::kFloat) * on;
        const at::Tensor going = (m_total < 1 - kEps).to(at::kFloat) * on;
        if (m_training) m_rho = m_rho + on.sum(1) + (m_remainder * reached).sum(1);
        const at::Tensor weight = (m_remainder * reached + h * going).narrow(1, 0, pre).unsqueeze(-1);
        m_output = m_output + state.x.narrow(1, 0, pre) * weight.to(state.x.scalar_type());
        m_remainder = m_remainder - going * h;

        recordPatchScores(state, m_total.narrow(1, pre, N - pre));
        if (layer == m_depth - 1) return;  // everything halts here: nothing left to drop for
        // Halted tokens leave. At inference every token of an image whose class token halted leaves
        // with it (they cannot change the prediction); training keeps them until they halt
        // themselves, as the reference, so their depth and remainder reach the ponder loss.
        m_clsOn = going.narrow(1, 0, 1);
        const at::Tensor keep =
            m_training ? going.to(at::kBool) : going.to(at::kBool).logical_and(m_clsOn.to(at::kBool));
        const at::Tensor index = keepTokens(state, keep);
        if (index.defined()) {
            m_total = m_total.gather(1, index);
            m_remainder = m_remainder.gather(1, index);
        }
        // Training: a halted class token stays in the sequence (prefix tokens are never dropped) but,
        // as in the reference, is no longer attended to.
        if (m_training)
            state.policy = at::cat({m_clsOn, at::ones({state.batch(), state.tokens() - 1}, m_clsOn.options())}, 1);
    }

    // The head reads the class token's halting-weighted output.
    void finish(TokenState& state) override {
        state.x = at::cat({m_output, state.x.narrow(1, 1, state.tokens() - 1)}, 1);
    }

    LearnedParts* learnedParts() override { return this; }
    std::string backbonePrefix() const override { return "avit.backbone."; }
    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        return withTunedBackbone(model, backbonePrefix());
    }

    PartsRecipe recipe() const override {
        PartsRecipe r;
        // Measured on the default model: ~100 img/s on 2 cores (training computes every token until it
        // halts itself), so 3 x 30k images take ~20 minutes.
        r.epochs = 3;
        r.trainImages = 30000;
        r.batchSize = 64;
        r.lr = 1e-4;  // the backbone's (parts lr x 1): the gates themselves stay fixed
        r.backboneLrScale = 1.0;
        r.weightDecay = 0.0;
        r.distill = false;  // the reference trains A-ViT without a teacher by default
        r.summary =
            "whole backbone tuned with CE + ponder loss + depth prior (KL to a Gaussian around 2/3 of the depth); "
            "gates fixed";
        return r;
    }

    TensorMap initParts(const ViTModel&, uint64_t) const override {
        return {{std::string(kPrefix) + "gate_scale", at::full({1}, m_trainScale, at::kFloat)},
                {std::string(kPrefix) + "gate_center", at::full({1}, m_trainCenter, at::kFloat)}};
    }

    at::Tensor trainingLoss(const ViTModel& student, const TeacherOutputs&, const at::Tensor& images,
                            const at::Tensor& labels, at::Generator&) override {
        prepare(student);
        const ForwardResult out = trainingForward(student, *this, m_training, images);
        at::Tensor loss = at::cross_entropy_loss(out.logits, labels);
        loss = loss + m_ponder * (m_rho / m_tokensAtStart).mean();
        if (m_prior > 0) {
            at::Tensor dist = at::stack(m_layerHalting);
            dist = (dist / dist.sum()).clamp(0.01, 0.99);
            const at::Tensor target = depthPrior(m_depth, (2 * m_depth + 2) / 3).to(dist.device());
            // KLDivLoss(reduction='batchmean') of the reference on a 1-D input: the sum over blocks /
            // depth, a zero target contributing zero (deep models' first entries underflow).
            loss =
                loss + m_prior * (at::xlogy(target, target) - target * dist.log()).sum() / static_cast<double>(m_depth);
        }
        return loss;
    }

private:
    double m_shift = 0, m_trainScale = 10, m_trainCenter = 30, m_ponder = 5e-4, m_prior = 1e-3;
    double m_scale = 10, m_center = 30;
    int m_depth = 12;
    // Per forward, aligned with the current tokens: cumulative halting score and remainder [B, N].
    at::Tensor m_total, m_remainder;
    at::Tensor m_clsOn;   // [B, 1]: 1 while the class token computes
    at::Tensor m_output;  // [B, 1, C]: the class token's halting-weighted output
    double m_tokensAtStart = 1;
    // Training only: per-sample depth + remainder summed over tokens, and the mean halting score per block.
    bool m_training = false;
    at::Tensor m_rho;
    std::vector<at::Tensor> m_layerHalting;
};

}  // namespace

MethodPtr makeAvitMethod() { return std::make_unique<AvitMethod>(); }

}  // namespace vp
