// IA-RED² — Pan et al., "IA-RED²: Interpretability-Aware Redundancy Reduction for Vision
// Transformers", NeurIPS 2021. No official code is public: this follows the paper's text.
// The blocks are split into G equal groups (3 groups of 4 on DeiT's 12 blocks); before each group a
// multi-head interpreter decides which patches go on: LayerNorm without affine, Linear(C, 2C')
// giving queries and keys (C' = C/2, the model's head count), and patch j's keep probability
// p_j = mean over heads of sigmoid(q_CLS . k_j / sqrt(d')). Inference keeps the patches with
// p_j >= threshold (CLS always); the others stop being computed, so counts differ per image
// (batches are padded, as LTP's). Parts: iared2.interpreter.{g}.{weight,bias}.
// Training is the paper's REINFORCE with the backbone frozen: every interpreter samples keep
// actions a_j ~ Bernoulli(p_j) among the patches still alive (dropped stay dropped; the dropped are
// masked out of attention), the reward is 1[correct] - cost * (fraction of patches kept, averaged
// over the groups), the baseline a moving average of the reward, and the loss
// -(R - b) * sum_j log pi(a_j). The paper trains the groups in turn and then fine-tunes jointly;
// here all interpreters learn together from the start.
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/threshold_prune.h"
#include "model/vit_model.h"
#include "prune/learned_parts.h"

namespace vp {
namespace {

constexpr const char* kPrefix = "iared2.interpreter.";
constexpr size_t kPrefixLength = 19;  // strlen(kPrefix)

struct Interpreter {
    at::Tensor w, b;  // [2C', C], [2C']
};

// Keep probability [B, P] of the patch tokens of x [B, N, C] (after `prefix` tokens).
at::Tensor keepProbability(const Interpreter& it, const at::Tensor& x, int64_t prefix, int64_t heads) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2), inner = it.w.size(0) / 2, d = inner / heads;
    const at::Tensor qk = at::linear(at::layer_norm(x, {C}, {}, {}, 1e-6), it.w, it.b);  // [B, N, 2C']
    const at::Tensor q = qk.select(1, 0).narrow(-1, 0, inner).view({B, heads, 1, d});
    const at::Tensor k = qk.narrow(1, prefix, N - prefix).narrow(-1, inner, inner).view({B, N - prefix, heads, d});
    const at::Tensor logits = at::matmul(q, k.permute({0, 2, 3, 1})).squeeze(2) / std::sqrt(static_cast<double>(d));
    return at::sigmoid(logits.to(at::kFloat)).mean(1);  // [B, P]
}

class IaRed2Method : public PruneMethod, public LearnedParts {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "ia-red2";
        s.name = VP_TEXT("vp::Methods", "IA-RED²");
        s.paper =
            "Pan et al., IA-RED²: Interpretability-Aware Redundancy Reduction for Vision Transformers, "
            "NeurIPS 2021";
        s.family = "token";
        s.trainingFree = false;
        s.costVariesPerImage = true;
        s.help = VP_TEXT("vp::Methods",
                         "Learned interpreters before each group of blocks keep the patches whose keep probability "
                         "reaches the threshold; trained with REINFORCE. No official code is public: this follows "
                         "the paper.");
        s.mainKnob = "threshold";
        s.mainKnobIncreasesCost = false;
        s.knobs = {{"threshold",
                    VP_TEXT("vp::Methods", "Decision threshold"),
                    KnobType::Number,
                    0.0,
                    1.0,
                    0.01,
                    "0.5",
                    {},
                    VP_TEXT("vp::Methods",
                            "A patch goes on to the next group when its interpreter's keep probability is at least "
                            "this (0 = dense; the paper uses 0.5).")},
                   {"cost",
                    VP_TEXT("vp::Methods", "Cost weight (training)"),
                    KnobType::Number,
                    0.0,
                    5.0,
                    0.01,
                    "0.2",
                    {},
                    VP_TEXT("vp::Methods",
                            "Training only: the reward is 1 for a correct prediction minus this times the fraction "
                            "of patches kept; larger learns to keep fewer.")}};
        s.requirements.learnedKeys = {kPrefix};
        s.requirements.learnedWhat = VP_TEXT("vp::Methods", "interpreters");
        s.requirements.trainCommand = "vitprune train-method ia-red2 --model {model} --out runs/ia-red2";
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_threshold = v.number(s, "threshold");
        m_cost = v.number(s, "cost");
    }

    void prepare(const ViTModel& model) override {
        const int depth = static_cast<int>(model.weights().blocks.size());
        const TensorMap parts = partsOf(model, *this, kPrefix, nullptr);
        std::set<std::string> groups;
        for (const auto& [key, t] : parts)
            groups.insert(key.substr(kPrefixLength, key.find('.', kPrefixLength) - kPrefixLength));
        const int G = static_cast<int>(groups.size());
        if (G < 1 || G > depth)
            throw fileError(model.extraOrigin(parts.begin()->first), "holds " + std::to_string(G) +
                                                                         " IA-RED² interpreters for a model of " +
                                                                         std::to_string(depth) + " blocks");
        const int64_t C = model.config().embedDim;
        m_heads = model.config().numHeads;
        m_interpreters.clear();
        m_starts.clear();
        for (int g = 0; g < G; ++g) {
            const std::string p = std::string(kPrefix) + std::to_string(g) + ".";
            m_interpreters.push_back(
                {requirePart(model, parts, p + "weight", {C, C}), requirePart(model, parts, p + "bias", {C})});
            m_starts.push_back(g * depth / G);
        }
    }

    void begin(TokenState& state) override {
        m_seen.assign(static_cast<size_t>(state.batch()), 0.0);
        m_logProb = at::Tensor();
        m_keptShare.clear();
        if (m_training) m_alive = at::ones({state.batch(), state.tokens() - state.prefix}, state.x.options());
    }

    void beforeBlock(int layer, TokenState& state) override {
        const auto at = std::find(m_starts.begin(), m_starts.end(), layer);
        if (at == m_starts.end()) return;
        const Interpreter& it = m_interpreters[static_cast<size_t>(at - m_starts.begin())];
        if (!m_training && m_threshold <= 0) return;  // dense: the interpreter is not run
        countSeen(state);
        if (m_training) return sample(it, state);
        const at::Tensor p = keepProbability(it, state.x, state.prefix, m_heads);
        const at::Tensor scores = at::cat({at::ones({state.batch(), state.prefix}, p.options()), p}, 1);
        dropBelowThreshold(state, scores, m_threshold);
    }

    std::vector<double> extraMacsOfLastForward(const ViTModel& model, int batch) const override {
        // Each interpreter: Linear(C, 2C') over the tokens it saw, plus the CLS query's dot products.
        const double C = model.config().embedDim;
        std::vector<double> out(static_cast<size_t>(batch), 0.0);
        for (int b = 0; b < batch && b < static_cast<int>(m_seen.size()); ++b) out[b] = m_seen[b] * (C * C + C / 2);
        return out;
    }

    LearnedParts* learnedParts() override { return this; }

    PartsRecipe recipe() const override {
        PartsRecipe r;
        // Measured on the default model (2,000 test images, ~350 img/s): lr 1e-3 barely moves the
        // interpreters in 3 x 10k images; 0.01 learns per-image decisions; 4 x 30k take ~6 minutes.
        r.epochs = 4;
        r.trainImages = 30000;
        r.batchSize = 64;
        r.lr = 0.01;
        r.distill = false;
        r.summary =
            "interpreters by REINFORCE (Bernoulli keep actions, reward 1[correct] - cost x kept fraction, "
            "moving-average baseline); backbone frozen";
        return r;
    }

    TensorMap initParts(const ViTModel& model, uint64_t seed) const override {
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed + 0x1a4ed2ULL);
        const int64_t C = model.config().embedDim;
        TensorMap parts;
        for (int g = 0; g < 3; ++g) {
            const std::string p = std::string(kPrefix) + std::to_string(g) + ".";
            parts[p + "weight"] = at::empty({C, C}, at::kFloat).normal_(0.0, 0.02, gen);
            parts[p + "bias"] = at::zeros({C});
        }
        return parts;
    }

    at::Tensor trainingLoss(const ViTModel& student, const TeacherOutputs&, const at::Tensor& images,
                            const at::Tensor& labels, at::Generator& gen) override {
        prepare(student);
        m_gen = &gen;
        ForwardResult out;
        {
            at::NoGradGuard noGrad;  // only the interpreters' log-probabilities need a graph
            out = trainingForward(student, *this, m_training, images);
        }
        const at::Tensor correct = out.logits.argmax(1).eq(labels).to(at::kFloat);
        at::Tensor kept = at::zeros_like(correct);
        for (const at::Tensor& k : m_keptShare) kept = kept + k;
        kept = kept / static_cast<double>(std::max<size_t>(1, m_keptShare.size()));
        const at::Tensor reward = correct - m_cost * kept;
        const double mean = reward.mean().item<double>();
        m_baseline = m_baselineSteps == 0 ? mean : 0.9 * m_baseline + 0.1 * mean;
        ++m_baselineSteps;
        return -((reward - m_baseline).detach() * m_logProb).mean();
    }

private:
    // The forward runs without autograd; the interpreters' log-probabilities record a graph.
    void sample(const Interpreter& it, TokenState& state) {
        at::AutoGradMode withGrad(true);
        const at::Tensor p = keepProbability(it, state.x.detach(), state.prefix, m_heads).clamp(1e-6, 1 - 1e-6);
        const at::Tensor action = at::bernoulli(p.detach(), *m_gen) * m_alive;
        const at::Tensor logPi = (m_alive * (action * p.log() + (1 - action) * (1 - p).log())).sum(1);  // [B]
        m_logProb = m_logProb.defined() ? m_logProb + logPi : logPi;
        m_keptShare.push_back(action.mean(1));
        m_alive = action;
        state.policy = at::cat({at::ones({state.batch(), state.prefix}, action.options()), action}, 1);
    }

    // The tokens an interpreter reads, per sample (real ones only when the batch is padded).
    void countSeen(const TokenState& state) {
        const int64_t B = state.batch();
        if (!state.valid.defined()) {
            for (int64_t b = 0; b < B; ++b) m_seen[b] += static_cast<double>(state.tokens());
            return;
        }
        const at::Tensor n = state.valid.sum(1).to(at::kCPU, at::kDouble).contiguous();
        for (int64_t b = 0; b < B; ++b) m_seen[b] += n.data_ptr<double>()[b];
    }

    double m_threshold = 0.5, m_cost = 0.5;
    int64_t m_heads = 1;
    std::vector<Interpreter> m_interpreters;
    std::vector<int> m_starts;
    std::vector<double> m_seen;  // per sample of the last forward: tokens the interpreters read
    // Training only.
    bool m_training = false;
    at::Generator* m_gen = nullptr;
    at::Tensor m_alive, m_logProb;
    std::vector<at::Tensor> m_keptShare;
    double m_baseline = 0;
    int64_t m_baselineSteps = 0;
};

}  // namespace

MethodPtr makeIaRed2Method() { return std::make_unique<IaRed2Method>(); }

}  // namespace vp
