// DynamicViT — Rao et al., "DynamicViT: Efficient Vision Transformers with Dynamic Token
// Sparsification", NeurIPS 2021 (reference: github.com/raoyongming/DynamicViT, vit.py).
// Before each pruning block a prediction module scores the current patch tokens:
//   h = GELU(Linear(LayerNorm_eps1e-5(x)))            (in_conv)
//   [h_local = h[:C/2], h_global = mask-weighted mean over the tokens of h[C/2:]]
//   log p = LogSoftmax(Linear(GELU(Linear(GELU(Linear([h_local, h_global])))))) (out_conv)
// and channel 0 is the keep score. Inference keeps int(P * ratio^(k+1)) patches at stage k (the
// count relative to the original P patches), highest scores first, CLS prepended, as the
// reference's argsort does. Training (vitprune train-method) samples hard Gumbel-softmax
// decisions, multiplies them by the previous stage's, and masks attention with them
// (softmax_with_policy, ViTModel::attention); the loss is the reference's DeiT recipe
// (main.py: DistillDiffPruningLoss_dynamic): CE + 2.0 * (batch keep fraction - rho^k)^2 + 0.5 *
// KL to the dense teacher + 0.5 * MSE of the kept final tokens. The paper also tunes the backbone
// at 0.01 x the predictors' learning rate (lr_scale); the default recipe here keeps it frozen
// (the spec allows it; measured on the default model it is as good), and `vitprune train-method
// dynamicvit --tune-backbone 0.01` follows the paper: the tuned backbone is then saved among the
// parts (dynamicvit.backbone.*) and patchModel() runs on it (an official checkpoint is its tuned
// backbone itself). Predictors trained at one ratio serve every ratio of the slider.
// Official checkpoints (.pth with `model`, keys score_predictor.{k}.in_conv.{0,1}.*,
// out_conv.{0,2,4}.*) load with their predictors.
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"
#include "prune/learned_parts.h"

namespace vp {
namespace {

// A literal, not a std::string: specs are read during static initialisation of other files.
constexpr const char* kPrefix = "score_predictor.";
constexpr size_t kPrefixLength = 16;  // strlen(kPrefix)

struct Predictor {
    at::Tensor lnW, lnB, inW, inB, w0, b0, w2, b2, w4, b4;
};

// The stage-k predictor's log-probabilities [B, N, 2] (keep, drop) for patch tokens x [B, N, C]
// under the keep decisions `policy` [B, N, 1] (ones at inference).
at::Tensor predict(const Predictor& p, const at::Tensor& x, const at::Tensor& policy) {
    const int64_t C = x.size(2);
    const at::Tensor h = at::gelu(at::linear(at::layer_norm(x, {C}, p.lnW, p.lnB, 1e-5), p.inW, p.inB));
    const at::Tensor local = h.narrow(2, 0, C / 2);
    const at::Tensor global =
        // (A sample whose every token was dropped in training would divide 0 by 0: floor it.)
        (h.narrow(2, C / 2, C - C / 2) * policy).sum(1, /*keepdim=*/true) /
        policy.sum(1, /*keepdim=*/true).clamp_min(1e-6);
    at::Tensor y = at::cat({local, global.expand({x.size(0), x.size(1), C - C / 2})}, 2);
    y = at::gelu(at::linear(y, p.w0, p.b0));
    y = at::gelu(at::linear(y, p.w2, p.b2));
    return at::log_softmax(at::linear(y, p.w4, p.b4), -1);
}

// F.gumbel_softmax(logits, tau=1, hard=True): one-hot of the noisy argmax in the forward, the
// soft sample's gradient in the backward.
at::Tensor gumbelHard(const at::Tensor& logits, at::Generator& gen) {
    const at::Tensor gumbels = -at::empty_like(logits).exponential_(1.0, gen).log();
    const at::Tensor soft = (logits + gumbels).softmax(-1);
    const at::Tensor hard = at::zeros_like(soft).scatter_(-1, std::get<1>(soft.max(-1, true)), 1.0);
    return hard - soft.detach() + soft;
}

class DynamicVitMethod : public PruneMethod, public LearnedParts {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "dynamicvit";
        s.name = VP_TEXT("vp::Methods", "DynamicViT");
        s.paper =
            "Rao et al., DynamicViT: Efficient Vision Transformers with Dynamic Token Sparsification, NeurIPS 2021";
        s.family = "token";
        s.trainingFree = false;
        s.help = VP_TEXT("vp::Methods",
                         "Learned prediction modules score the patches before the pruning blocks; stage k keeps "
                         "ratio^k of the original patches with the highest scores.");
        s.mainKnob = "ratio";
        s.knobs = {{"ratio",
                    VP_TEXT("vp::Methods", "Keep ratio"),
                    KnobType::Number,
                    0.3,
                    1.0,
                    0.01,
                    "0.7",
                    {},
                    VP_TEXT("vp::Methods",
                            "rho: stage k (k = 1, 2, 3) keeps int(P * rho^k) of the P original patches. Training "
                            "targets this ratio too.")},
                   {"locations",
                    VP_TEXT("vp::Methods", "Pruning blocks"),
                    KnobType::IntList,
                    0,
                    63,
                    1,
                    "3,6,9",
                    {},
                    VP_TEXT("vp::Methods",
                            "0-based blocks before which a prediction module prunes (DeiT: 3,6,9; LV-ViT-S: 4,8,12; "
                            "LV-ViT-M: 5,10,15); one trained module per block.")}};
        s.requirements.blockKnobs = {"locations"};
        s.requirements.learnedKeys = {kPrefix};
        s.requirements.learnedWhat = VP_TEXT("vp::Methods", "score predictors");
        s.requirements.trainCommand = "vitprune train-method dynamicvit --model {model} --out runs/dynamicvit";
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_ratio = v.number(s, "ratio");
        std::vector<int> loc = v.intList(s, "locations");
        if (loc.empty()) throw Error("dynamicvit: knob 'locations' lists no block");
        if (!std::is_sorted(loc.begin(), loc.end()) || std::adjacent_find(loc.begin(), loc.end()) != loc.end())
            throw Error("dynamicvit: knob 'locations' must list distinct blocks in increasing order");
        m_locations = std::move(loc);
    }

    void prepare(const ViTModel& model) override {
        const int depth = static_cast<int>(model.weights().blocks.size());
        if (m_locations.back() >= depth)
            throw Error("dynamicvit: knob 'locations' names block " + std::to_string(m_locations.back()) +
                        " but the model has " + std::to_string(depth) + " blocks");
        const TensorMap parts = partsOf(model, *this, kPrefix, &m_randomParts);
        std::set<std::string> stages;
        for (const auto& [key, t] : parts)
            stages.insert(key.substr(kPrefixLength, key.find('.', kPrefixLength) - kPrefixLength));
        if (stages.size() != m_locations.size())
            throw fileError(model.extraOrigin(parts.begin()->first),
                            "holds " + std::to_string(stages.size()) + " score predictors but knob 'locations' lists " +
                                std::to_string(m_locations.size()) + " pruning blocks; set locations to " +
                                std::to_string(stages.size()) + " blocks");
        const int64_t C = model.config().embedDim;
        m_predictors.clear();
        for (size_t k = 0; k < m_locations.size(); ++k) {
            const std::string p = std::string(kPrefix) + std::to_string(k) + ".";
            auto get = [&](const std::string& key, at::IntArrayRef shape) {
                return requirePart(model, parts, p + key, shape);
            };
            m_predictors.push_back({get("in_conv.0.weight", {C}), get("in_conv.0.bias", {C}),
                                    get("in_conv.1.weight", {C, C}), get("in_conv.1.bias", {C}),
                                    get("out_conv.0.weight", {C / 2, C}), get("out_conv.0.bias", {C / 2}),
                                    get("out_conv.2.weight", {C / 4, C / 2}), get("out_conv.2.bias", {C / 4}),
                                    get("out_conv.4.weight", {2, C / 4}), get("out_conv.4.bias", {2})});
        }
    }

    void begin(TokenState& state) override {
        m_stage = 0;
        m_initPatches = state.tokens() - state.prefix;
        m_stageDecisions.clear();
        if (m_training) m_prevDecision = at::ones({state.batch(), m_initPatches, 1}, state.x.options());
    }

    void beforeBlock(int layer, TokenState& state) override {
        if (m_stage >= m_locations.size() || m_locations[m_stage] != layer) return;
        const Predictor& p = m_predictors[m_stage];
        const int64_t B = state.batch(), pre = state.prefix, patches = state.tokens() - pre;
        const at::Tensor spatial = state.x.narrow(1, pre, patches);
        if (m_training) {
            const at::Tensor logp = predict(p, spatial, m_prevDecision);
            const at::Tensor keep = gumbelHard(logp, *m_gen).narrow(2, 0, 1) * m_prevDecision;  // [B, P, 1]
            m_stageDecisions.push_back(keep.view({B, patches}));
            state.policy = at::cat({at::ones({B, pre}, keep.options()), keep.view({B, patches})}, 1);
            m_prevDecision = keep;
        } else {
            // After a stage the kept decisions are all ones: the global feature is a plain mean.
            const at::Tensor logp = predict(p, spatial, at::ones({B, patches, 1}, spatial.options()));
            const at::Tensor score = logp.select(2, 0).to(at::kFloat);
            recordPatchScores(state, score.exp());
            keepTopPatches(state, score, std::min(patches, keptAtStage(m_stage)), /*sortByScore=*/true);
        }
        ++m_stage;
    }

    void finish(TokenState& state) override {
        if (m_training) m_finalTokens = state.x;
    }

    double extraMacsPerSample(const ViTModel& model) const override {
        const double C = model.config().embedDim;
        const double perToken = C * C + C * (C / 2) + (C / 2) * (C / 4) + (C / 4) * 2;
        double macs = 0;
        int64_t tokens = model.config().numPatches();
        for (size_t k = 0; k < m_locations.size(); ++k) {
            macs += perToken * static_cast<double>(tokens);
            tokens = std::min(tokens, keptAtStage(k, model.config().numPatches()));
        }
        return macs;
    }

    LearnedParts* learnedParts() override { return this; }
    std::string backbonePrefix() const override { return "dynamicvit.backbone."; }

    // Parts trained here carry the backbone they were tuned with; run on it.
    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        return withTunedBackbone(model, backbonePrefix());
    }

    PartsRecipe recipe() const override {
        PartsRecipe r;
        // Measured on the default model (2,000 test images, rho 0.7): lr 1e-3 learns only the keep
        // rate in a few thousand steps (scores stay nearly uniform, worse than random keep);
        // 0.02 at batch 32 learns to rank within one epoch of 5k images.
        r.epochs = 4;
        r.trainImages = 30000;
        r.batchSize = 32;
        r.lr = 0.02;
        r.backboneLrScale = 0;  // frozen; the paper's 0.01 with --tune-backbone 0.01
        r.summary =
            "score predictors, Gumbel-softmax decisions with attention masking; loss CE + 2.0 ratio MSE + "
            "0.5 KL(teacher) + 0.5 kept-token MSE; backbone frozen";
        return r;
    }

    TensorMap initParts(const ViTModel& model, uint64_t seed) const override {
        // The reference's _init_weights: Linear weights N(0, 0.02) (truncated at +-2, i.e. never),
        // biases 0, LayerNorm 1/0.
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed + 0x5eedULL);
        const int64_t C = model.config().embedDim;
        auto normal = [&](at::IntArrayRef shape) { return at::empty(shape, at::kFloat).normal_(0.0, 0.02, gen); };
        TensorMap parts;
        for (size_t k = 0; k < m_locations.size(); ++k) {
            const std::string p = std::string(kPrefix) + std::to_string(k) + ".";
            parts[p + "in_conv.0.weight"] = at::ones({C});
            parts[p + "in_conv.0.bias"] = at::zeros({C});
            parts[p + "in_conv.1.weight"] = normal({C, C});
            parts[p + "in_conv.1.bias"] = at::zeros({C});
            parts[p + "out_conv.0.weight"] = normal({C / 2, C});
            parts[p + "out_conv.0.bias"] = at::zeros({C / 2});
            parts[p + "out_conv.2.weight"] = normal({C / 4, C / 2});
            parts[p + "out_conv.2.bias"] = at::zeros({C / 4});
            parts[p + "out_conv.4.weight"] = normal({2, C / 4});
            parts[p + "out_conv.4.bias"] = at::zeros({2});
        }
        return parts;
    }

    at::Tensor trainingLoss(const ViTModel& student, const TeacherOutputs& teacher, const at::Tensor& images,
                            const at::Tensor& labels, at::Generator& gen) override {
        prepare(student);
        m_gen = &gen;
        const ForwardResult out = trainingForward(student, *this, m_training, images);
        const int64_t pre = student.config().numPrefixTokens();
        const at::Tensor ce = at::cross_entropy_loss(out.logits, labels, {}, at::Reduction::Mean, -100, 0.1);
        at::Tensor ratio = at::zeros({}, ce.options());
        for (size_t k = 0; k < m_stageDecisions.size(); ++k) {
            const double target = std::pow(m_ratio, static_cast<double>(k + 1));
            ratio = ratio + (m_stageDecisions[k].mean() - target).pow(2);  // "dynamic": over the batch
        }
        ratio = ratio / static_cast<double>(std::max<size_t>(1, m_stageDecisions.size()));
        const at::Tensor logT = at::log_softmax(teacher.logits, 1), logS = at::log_softmax(out.logits, 1);
        const at::Tensor kl = (logT.exp() * (logT - logS)).sum(1).mean();
        // Token distillation: the final tokens the student kept against the teacher's.
        const at::Tensor mine = finalNorm(student, m_finalTokens).narrow(1, pre, m_initPatches);
        const at::Tensor theirs = teacher.features.narrow(1, pre, m_initPatches);
        const at::Tensor kept = (m_prevDecision > 0.5).to(mine.scalar_type());  // [B, P, 1]
        const at::Tensor token = ((mine - theirs).pow(2) * kept).sum() / (kept.sum() * mine.size(2)).clamp_min(1.0);
        m_finalTokens = at::Tensor();
        return ce + 2.0 * ratio + 0.5 * kl + 0.5 * token;
    }

private:
    int64_t keptAtStage(size_t stage, int64_t patches = -1) const {
        // The reference: int(init_n * base_rate ** (k + 1)), Python's float power.
        const double n = static_cast<double>(patches >= 0 ? patches : m_initPatches);
        return static_cast<int64_t>(n * std::pow(m_ratio, static_cast<double>(stage + 1)));
    }

    double m_ratio = 0.7;
    std::vector<int> m_locations{3, 6, 9};
    std::vector<Predictor> m_predictors;
    bool m_randomParts = false;
    // Per forward.
    size_t m_stage = 0;
    int64_t m_initPatches = 0;
    // Training only.
    bool m_training = false;
    at::Generator* m_gen = nullptr;
    at::Tensor m_prevDecision;
    std::vector<at::Tensor> m_stageDecisions;
    at::Tensor m_finalTokens;
};

}  // namespace

MethodPtr makeDynamicVitMethod() { return std::make_unique<DynamicVitMethod>(); }

}  // namespace vp
