// LTP with learned thresholds — Kim et al., "Learned Token Pruning for Transformers", KDD 2022
// (reference: github.com/kssteven418/LTP, AbsoluteThresholdTokenPruner and LTPLayer). The
// authors evaluate on BERT/GLUE only; running it on ViTs is this app's adaptation.
// Inference as ltp.cpp (a token is pruned after block l when the attention it receives, relative
// to the uniform 1/N, is below theta_l), but theta_l is one learned number per block
// (parts key ltp.threshold [depth]), scaled by the `scale` knob, or replaced by a hand-edited
// `schedule`.
// Training is LTP's soft stage: after block l every token's output is multiplied by
// sigmoid((s_i - theta_l / N) / T) with T = 1e-3 in attention units, as the reference's
// LTPLayer does, and the loss is CE + KL to the dense model + lambda * the mean soft mask (the
// keep-ratio regulariser). The thresholds start from the linear schedule theta * (l+1) / L with
// theta = 1. LTP's hard stage fine-tunes the backbone under hard masks; with the backbone frozen
// here there is nothing left for it to train, so it is not run.

#include "common/error.h"
#include "methods/builtin_methods.h"
#include "methods/threshold_prune.h"
#include "model/vit_model.h"
#include "prune/learned_parts.h"

namespace vp {
namespace {

constexpr const char* kKey = "ltp.threshold";
constexpr double kTemperature = 1e-3;  // the reference's, in attention-probability units

class LtpLearnedMethod : public PruneMethod, public LearnedParts {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "ltp-learned";
        s.name = VP_TEXT("vp::Methods", "LTP (learned thresholds)");
        s.paper = "Kim et al., Learned Token Pruning for Transformers, KDD 2022";
        s.family = "token";
        s.trainingFree = false;
        s.costVariesPerImage = true;
        s.help = VP_TEXT("vp::Methods",
                         "Drops tokens that receive less attention than a threshold learned per block (LTP's soft-mask "
                         "training); the count varies per image. The authors evaluate on BERT only: applying it to "
                         "ViTs is this app's adaptation.");
        s.mainKnob = "scale";
        s.mainKnobIncreasesCost = false;
        s.scheduleKnob = "schedule";
        s.knobs = {{"scale",
                    VP_TEXT("vp::Methods", "Threshold scale"),
                    KnobType::Number,
                    0.0,
                    3.0,
                    0.01,
                    "1.0",
                    {},
                    VP_TEXT("vp::Methods",
                            "Multiplies every learned threshold: 1 = as trained, 0 = dense, larger prunes more.")},
                   {"schedule",
                    VP_TEXT("vp::Methods", "Per-block thresholds"),
                    KnobType::NumberList,
                    0.0,
                    10.0,
                    0.01,
                    "",
                    {},
                    VP_TEXT("vp::Methods",
                            "One threshold per block, relative to the uniform score 1/N, comma-separated; replaces "
                            "the learned ones when set. Empty: the learned thresholds times the scale.")},
                   {"lambda",
                    VP_TEXT("vp::Methods", "Keep-ratio weight (training)"),
                    KnobType::Number,
                    0.0,
                    10.0,
                    0.01,
                    "0.2",
                    {},
                    VP_TEXT("vp::Methods",
                            "Training only: weight of the mean soft mask in the loss; larger learns higher "
                            "thresholds.")}};
        s.requirements.learnedKeys = {kKey};
        s.requirements.learnedWhat = VP_TEXT("vp::Methods", "thresholds");
        s.requirements.trainCommand = "vitprune train-method ltp-learned --model {model} --out runs/ltp-learned";
        return s;
    }

    void configure(const KnobValues& v) override {
        const MethodSpec s = spec();
        m_scale = v.number(s, "scale");
        m_schedule = v.numberList(s, "schedule");
        m_lambda = v.number(s, "lambda");
    }

    void prepare(const ViTModel& model) override {
        m_depth = static_cast<int>(model.weights().blocks.size());
        checkPerBlockCount("schedule", m_schedule.size(), m_depth);
        const TensorMap parts = partsOf(model, *this, kKey, nullptr);
        m_thresholds = requirePart(model, parts, kKey, {m_depth});
        const at::Tensor cpu = m_thresholds.detach().to(at::kCPU, at::kDouble).contiguous();
        m_learned.assign(cpu.data_ptr<double>(), cpu.data_ptr<double>() + m_depth);
    }

    std::vector<double> blockSchedule() const override {
        std::vector<double> out;
        for (int l = 0; l < m_depth; ++l) out.push_back(thresholdAt(l));
        return out;
    }

    AttnNeeds needs(int layer) const override {
        AttnNeeds n;
        n.fullMap = m_training || thresholdAt(layer) > 0;
        return n;
    }

    void reduce(int layer, const AttnContext& ctx, TokenState& state) override {
        if (!ctx.map.defined()) return;
        const at::Tensor relative = attentionReceived(ctx.map, state);
        if (!m_training) {
            if (thresholdAt(layer) > 0) dropBelowThreshold(state, relative, thresholdAt(layer));
            return;
        }
        // Soft stage: s_i - theta / N in attention units is (s_i * N - theta) / N.
        const double n = static_cast<double>(state.tokens());
        at::Tensor mask = at::sigmoid((relative - m_thresholds[layer]) / (n * kTemperature));
        mask = at::cat({at::ones({state.batch(), state.prefix}, mask.options()),
                        mask.narrow(1, state.prefix, state.tokens() - state.prefix)},
                       1);
        m_masks.push_back(mask.narrow(1, state.prefix, state.tokens() - state.prefix));
        m_pending = mask;
    }

    void afterBlock(int, TokenState& state) override {
        if (!m_training || !m_pending.defined()) return;
        state.x = state.x * m_pending.unsqueeze(-1).to(state.x.scalar_type());
        m_pending = at::Tensor();
    }

    LearnedParts* learnedParts() override { return this; }

    PartsRecipe recipe() const override {
        PartsRecipe r;
        r.epochs = 2;
        r.trainImages = 10000;
        r.batchSize = 64;
        r.lr = 0.02;
        r.summary =
            "per-block thresholds, LTP's soft masks sigmoid((s - theta/N) / 1e-3) on each block's output; "
            "loss CE + KL(teacher) + lambda * mean mask; backbone frozen";
        return r;
    }

    TensorMap initParts(const ViTModel& model, uint64_t) const override {
        const int depth = static_cast<int>(model.weights().blocks.size());
        return {{kKey, (at::arange(1, depth + 1, at::kFloat) / static_cast<double>(depth))}};
    }

    at::Tensor trainingLoss(const ViTModel& student, const TeacherOutputs& teacher, const at::Tensor& images,
                            const at::Tensor& labels, at::Generator&) override {
        prepare(student);
        m_masks.clear();
        const ForwardResult out = trainingForward(student, *this, m_training, images);
        const at::Tensor ce = at::cross_entropy_loss(out.logits, labels, {}, at::Reduction::Mean, -100, 0.1);
        const at::Tensor logT = at::log_softmax(teacher.logits, 1), logS = at::log_softmax(out.logits, 1);
        const at::Tensor kl = (logT.exp() * (logT - logS)).sum(1).mean();
        at::Tensor keep = at::zeros({}, ce.options());
        for (const at::Tensor& m : m_masks) keep = keep + m.mean();
        keep = keep / static_cast<double>(std::max<size_t>(1, m_masks.size()));
        m_masks.clear();
        return ce + kl + m_lambda * keep;
    }

private:
    double thresholdAt(int layer) const {
        if (!m_schedule.empty()) return layer < static_cast<int>(m_schedule.size()) ? m_schedule[layer] : 0.0;
        return layer < static_cast<int>(m_learned.size()) ? m_scale * m_learned[layer] : 0.0;
    }

    double m_scale = 1.0, m_lambda = 0.2;
    std::vector<double> m_schedule;
    int m_depth = 12;
    at::Tensor m_thresholds;  // [depth], the parts' tensor (trainable while training)
    std::vector<double> m_learned;
    bool m_training = false;
    std::vector<at::Tensor> m_masks;
    at::Tensor m_pending;
};

}  // namespace

MethodPtr makeLtpLearnedMethod() { return std::make_unique<LtpLearnedMethod>(); }

}  // namespace vp
