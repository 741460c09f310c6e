// S-ViTE — Chen et al., "Chasing Sparsity in Vision Transformers: An End-to-End Exploration",
// NeurIPS 2021 (reference: github.com/VITA-Group/SViTE, vision_gumbel.py). Two of its sparsities:
// - Data sparsity: a learned token selector scores the patch embeddings (Linear(C, 1)) before
//   block 0 and keeps the top k = round(keep * P) patches for the whole network. Training (backbone
//   frozen here; the paper trains it jointly) samples the reference's hard Gumbel top-k: softmax
//   over the patches of (score + Gumbel noise) / tau, the k largest kept, straight-through
//   gradients through the attention mask (DynamicViT's policy). Loss: CE + KL to the dense
//   teacher.
// - Weight sparsity: the paper explores unstructured sparse topologies with prune-and-grow
//   training (SViTE); here a one-shot magnitude pruning of every block's linear weights (per
//   layer, the smallest |w| zeroed), labelled so. GMACs count the non-zero weights, as the paper
//   does; dense kernels multiply the zeros too, so measured time stays the dense model's
//   (the studio says so). The structured variant S²ViTE is its own method (s2vite.cpp).
// Parts: svite.selector.{weight [1, C], bias [1]}.
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"
#include "prune/learned_parts.h"

namespace vp {
namespace {

constexpr const char* kPrefix = "svite.selector.";

// Zeroes the `sparsity` share of smallest-magnitude entries of w (in place); returns the non-zeros.
int64_t magnitudePrune(at::Tensor& w, double sparsity) {
    const int64_t n = w.numel(), drop = static_cast<int64_t>(std::floor(sparsity * static_cast<double>(n)));
    if (drop > 0) {
        const at::Tensor order = w.abs().flatten().argsort();
        w = w.flatten().index_fill(0, order.narrow(0, 0, drop), 0.0).view(w.sizes());
    }
    return w.ne(0).sum().item<int64_t>();
}

class SviteMethod : public PruneMethod, public LearnedParts {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "svite";
        s.name = VP_TEXT("vp::Methods", "S-ViTE");
        s.paper = "Chen et al., Chasing Sparsity in Vision Transformers: An End-to-End Exploration, NeurIPS 2021";
        s.family = "token";
        s.trainingFree = false;
        s.help = VP_TEXT("vp::Methods",
                         "A learned token selector keeps the top-k patches before block 0; optional unstructured "
                         "magnitude sparsity of the linear weights, whose GMACs count the non-zeros while the "
                         "measured time stays dense.");
        s.mainKnob = "keep";
        s.knobs = {{"keep",
                    VP_TEXT("vp::Methods", "Patches kept (top-k)"),
                    KnobType::Number,
                    0.05,
                    1.0,
                    0.01,
                    "0.7",
                    {},
                    VP_TEXT("vp::Methods", "Share of the patches the selector keeps before block 0 (1 = dense).")},
                   {"sparsity",
                    VP_TEXT("vp::Methods", "Weight sparsity"),
                    KnobType::Number,
                    0.0,
                    0.95,
                    0.05,
                    "0",
                    {},
                    VP_TEXT("vp::Methods",
                            "Share of every block's linear weights zeroed by magnitude (one-shot). GMACs count the "
                            "non-zeros; dense kernels still multiply the zeros, so the measured time does not "
                            "drop.")},
                   {"tau",
                    VP_TEXT("vp::Methods", "Gumbel temperature (training)"),
                    KnobType::Number,
                    0.01,
                    10.0,
                    0.01,
                    "1",
                    {},
                    VP_TEXT("vp::Methods", "Training only: temperature of the Gumbel top-k sampling.")}};
        s.requirements.learnedKeys = {kPrefix};
        s.requirements.learnedWhat = VP_TEXT("vp::Methods", "token selector");
        s.requirements.trainCommand = "vitprune train-method svite --model {model} --out runs/svite";
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_keep = v.number(s, "keep");
        m_sparsity = v.number(s, "sparsity");
        m_tau = v.number(s, "tau");
    }

    void prepare(const ViTModel& model) override {
        const TensorMap parts = partsOf(model, *this, kPrefix, nullptr);
        const int64_t C = model.config().embedDim;
        m_w = requirePart(model, parts, std::string(kPrefix) + "weight", {1, C});
        m_b = requirePart(model, parts, std::string(kPrefix) + "bias", {1});
    }

    void beforeBlock(int layer, TokenState& state) override {
        if (layer != 0) return;
        const int64_t P = state.tokens() - state.prefix;
        const int64_t k = selectedCount(P);
        if (k >= P && !m_training) return;  // dense: the selector is not run
        const at::Tensor patches = state.x.narrow(1, state.prefix, P);
        const at::Tensor score = at::linear(patches, m_w, m_b).squeeze(-1).to(at::kFloat);  // [B, P]
        recordPatchScores(state, score);
        if (m_training) return sampleTopK(state, score, k);
        // Keep the k best in their original order.
        const at::Tensor best = std::get<0>(std::get<1>(score.topk(k, 1)).sort(1));
        const auto longOpts = best.options();
        const at::Tensor prefix = at::arange(state.prefix, longOpts).unsqueeze(0).expand({state.batch(), state.prefix});
        state.gather(at::cat({prefix, best + state.prefix}, 1));
    }

    // The selector's Linear(C, 1) over the patches, when it runs (not when it would keep them all).
    double extraMacsPerSample(const ViTModel& model) const override {
        const int64_t P = model.config().numPatches();
        return selectedCount(P) >= P ? 0.0 : static_cast<double>(P) * model.config().embedDim;
    }

    // Weight sparsity: the blocks' linear weights pruned by magnitude, their density recorded
    // for the GMACs.
    std::optional<ViTModel> patchModel(const ViTModel& model) const override {
        if (m_sparsity <= 0) return std::nullopt;
        ViTModel sparse = model;
        for (BlockWeights& b : sparse.weights().blocks) {
            double kept = 0, total = 0;
            for (at::Tensor* w : {&b.qkvW, &b.projW, &b.fc1W, &b.fc2W, &b.fc2InW}) {
                if (!w->defined()) continue;
                *w = w->clone();
                kept += static_cast<double>(magnitudePrune(*w, m_sparsity));
                total += static_cast<double>(w->numel());
            }
            b.linearDensity = total > 0 ? kept / total : 1.0;
        }
        return sparse;
    }

    LearnedParts* learnedParts() override { return this; }

    PartsRecipe recipe() const override {
        PartsRecipe r;
        // Measured on the default model (keep 0.7, 2,000 test images, ~135 img/s): 84.4% after one
        // epoch of 10k, 87.2% after two; 4 x 20k take ~10 minutes.
        r.epochs = 4;
        r.trainImages = 20000;
        r.batchSize = 32;
        r.lr = 0.01;
        r.distill = true;
        r.summary =
            "token selector by hard Gumbel top-k at the keep share, CE + KL to the dense teacher; backbone frozen";
        return r;
    }

    TensorMap initParts(const ViTModel& model, uint64_t seed) const override {
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed + 0x5e1ec7ULL);
        const int64_t C = model.config().embedDim;
        return {{std::string(kPrefix) + "weight", at::empty({1, C}, at::kFloat).normal_(0.0, 0.02, gen)},
                {std::string(kPrefix) + "bias", at::zeros({1})}};
    }

    at::Tensor trainingLoss(const ViTModel& student, const TeacherOutputs& teacher, const at::Tensor& images,
                            const at::Tensor& labels, at::Generator& gen) override {
        prepare(student);
        m_gen = &gen;
        const ForwardResult out = trainingForward(student, *this, m_training, images);
        const at::Tensor ce = at::cross_entropy_loss(out.logits, labels);
        const at::Tensor kl = at::kl_div(at::log_softmax(out.logits, -1), at::log_softmax(teacher.logits, -1),
                                         at::Reduction::None, /*log_target=*/true)
                                  .sum(-1)
                                  .mean();
        return ce + kl;
    }

private:
    int64_t selectedCount(int64_t patches) const {
        return std::clamp<int64_t>(std::llround(m_keep * static_cast<double>(patches)), 1, patches);
    }

    // The reference's gumbel_softmax(hard=True) with top-k: the k largest of the noisy softmax
    // kept, straight-through. The decisions mask attention (as DynamicViT's policy: forward hard,
    // backward through the soft sample), so the dropped patches get a gradient too: how much the
    // loss would change were they attended to.
    void sampleTopK(TokenState& state, const at::Tensor& score, int64_t k) {
        const at::Tensor gumbels = -at::empty_like(score).exponential_(1.0, *m_gen).log();
        const at::Tensor soft = ((score + gumbels) / m_tau).softmax(1);
        const at::Tensor hard = at::zeros_like(soft).scatter_(1, std::get<1>(soft.topk(k, 1)), 1.0);
        const at::Tensor ones = at::ones({state.batch(), state.prefix}, soft.options());
        state.policy = at::cat({ones, hard - soft.detach() + soft}, 1);
    }

    double m_keep = 0.7, m_sparsity = 0, m_tau = 1;
    at::Tensor m_w, m_b;
    bool m_training = false;
    at::Generator* m_gen = nullptr;
};

}  // namespace

MethodPtr makeSviteMethod() { return std::make_unique<SviteMethod>(); }

}  // namespace vp
