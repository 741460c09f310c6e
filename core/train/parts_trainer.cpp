#include "train/parts_trainer.h"

#include <c10/core/InferenceMode.h>
#include <torch/optim/adamw.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "common/atomic_file.h"
#include "common/error.h"
#include "model/key_map.h"
#include "model/method_parts.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "train/epoch_steps.h"
#include "train/lr_schedule.h"
#include "train/train_state.h"

namespace fs = std::filesystem;

namespace vp {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A run may be resumed with another --epochs: only that may differ.
std::string withoutEpochs(const std::string& fingerprint) {
    const size_t at = fingerprint.find(" epochs=");
    if (at == std::string::npos) return fingerprint;
    const size_t end = fingerprint.find(' ', at + 1);
    return fingerprint.substr(0, at) + (end == std::string::npos ? "" : fingerprint.substr(end));
}

int64_t firstN(int64_t wanted, int64_t available) { return wanted < 0 ? available : std::min(wanted, available); }

}  // namespace

PartsTrainer::PartsTrainer(const ViTModel& model, MethodPtr method, PartsTrainOptions options)
    : m_student(model.to(at::kCPU, at::kFloat)), m_method(std::move(method)),
      m_dense(builtinRegistry().create("dense")), m_options(std::move(options)) {
    // Own, ordinary tensors: a model loaded under InferenceMode holds inference tensors, which
    // autograd cannot save for the backward pass through the frozen backbone.
    for (at::Tensor* t : m_student.weights().all()) *t = t->detach().clone();
    m_learned = m_method->learnedParts();
    const MethodSpec spec = m_method->spec();
    m_methodId = spec.id;
    if (!m_learned) throw Error("method '" + spec.id + "' has no learned parts to train (it is training-free)");
    if (m_student.config().inChans != 1 || m_student.config().mean.size() != 1)
        throw Error("train-method reads grey images (Fashion-MNIST): this model takes " +
                    std::to_string(m_student.config().inChans) + " channels");
    m_method->configure(m_options.knobs);
    m_recipe = m_learned->recipe();
    if (m_options.epochs <= 0) m_options.epochs = m_recipe.epochs;
    if (m_options.trainImages == 0) m_options.trainImages = m_recipe.trainImages;
    if (m_options.batchSize <= 0) m_options.batchSize = m_recipe.batchSize;
    if (m_options.lr <= 0) m_options.lr = m_recipe.lr;

    // Fresh parts replace whatever the model brought for this method.
    const TensorMap fresh = m_learned->initParts(m_student, m_options.seed);
    for (const auto& [key, t] : fresh) {
        at::Tensor p = t.to(at::kFloat).clone().requires_grad_(true);
        m_student.extras()[key] = p;
        m_student.setExtraOrigin(key, m_options.outDir.empty() ? "(training run)" : partsPath());
        m_keys.push_back(key);
        m_params.push_back(p);
    }
    m_method->prepare(m_student);  // shape checks before any training
    auto groupOptions = [&](double lr) {
        return std::make_unique<torch::optim::AdamWOptions>(
            torch::optim::AdamWOptions(lr).betas({0.9, 0.999}).weight_decay(m_recipe.weightDecay));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(m_params, groupOptions(m_options.lr));
    m_lrScales = {1.0};
    if (tunesBackbone()) {
        // The dense teacher (when the recipe distils) stays the model as it came; the student's
        // backbone learns too.
        if (m_recipe.distill) {
            m_teacher = std::make_unique<ViTModel>(m_student);
            for (at::Tensor* t : m_teacher->weights().all()) *t = t->detach().clone();
        }
        std::vector<at::Tensor> backbone;
        for (at::Tensor* t : m_student.weights().all()) backbone.push_back(t->requires_grad_(true));
        groups.emplace_back(backbone, groupOptions(m_options.lr * backboneLrScale()));
        m_lrScales.push_back(backboneLrScale());
        m_params.insert(m_params.end(), backbone.begin(), backbone.end());
    }
    m_optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups), torch::optim::AdamWOptions(m_options.lr));
}

PartsTrainer::~PartsTrainer() = default;

double PartsTrainer::backboneLrScale() const {
    return m_options.backboneLrScale >= 0 ? m_options.backboneLrScale : m_recipe.backboneLrScale;
}

bool PartsTrainer::tunesBackbone() const { return backboneLrScale() > 0 && !m_learned->backbonePrefix().empty(); }

TensorMap PartsTrainer::parts() const {
    TensorMap out;
    for (const std::string& key : m_keys) out[key] = m_student.extras().at(key).detach().clone();
    if (tunesBackbone())
        for (const auto& [key, t] : weightsToTimmKeys(m_student.weights()))
            out[m_learned->backbonePrefix() + key] = t.detach().clone();
    return out;
}

std::string PartsTrainer::partsPath() const {
    return m_options.outDir.empty() ? "" : (fs::path(m_options.outDir) / (m_methodId + ".safetensors")).string();
}

double PartsTrainer::evaluate(const at::Tensor& images, const at::Tensor& labels, double* gmacsShare) {
    c10::InferenceMode guard;
    const ViTConfig& c = m_student.config();
    m_method->prepare(m_student);
    const int64_t n = images.size(0), batch = 500;
    int64_t correct = 0;
    double macs = 0;
    for (int64_t s = 0; s < n; s += batch) {
        const int64_t b = std::min(batch, n - s);
        const at::Tensor x = normalizeGrey(images.narrow(0, s, b), c.mean[0], c.std[0]);
        const ForwardResult r = m_student.forward(x, *m_method);
        correct += r.logits.argmax(1).eq(labels.narrow(0, s, b)).sum().item<int64_t>();
        for (double m : sampleMacs(m_student, r.trace)) macs += m;
    }
    if (gmacsShare) *gmacsShare = n > 0 ? macs / static_cast<double>(n) / denseMacs(m_student) : 0.0;
    return n > 0 ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
}

double PartsTrainer::step(const at::Tensor& images, const at::Tensor& labels, double lr, at::Generator& gen) {
    for (size_t i = 0; i < m_optimizer->param_groups().size(); ++i)
        static_cast<torch::optim::AdamWOptions&>(m_optimizer->param_groups()[i].options()).lr(lr * m_lrScales[i]);
    m_optimizer->zero_grad();
    TeacherOutputs teacher;
    if (m_recipe.distill) {
        at::NoGradGuard noGrad;
        std::vector<at::Tensor> tokens;
        ForwardOptions o;
        o.layerTokens = &tokens;
        const ViTModel& dense = m_teacher ? *m_teacher : m_student;  // frozen backbone: the student's
        teacher.logits = dense.forward(images, *m_dense, o).logits;
        teacher.features = finalNorm(dense, tokens.back());
    }
    at::Tensor loss = m_learned->trainingLoss(m_student, teacher, images, labels, gen);
    loss.backward();
    clipGradNorm(m_params, 1.0);
    m_optimizer->step();
    return loss.item<double>();
}

std::string PartsTrainer::fingerprint(int64_t trainCount) const {
    const PartsTrainOptions& o = m_options;
    std::ostringstream s;
    s << "method=" << m_methodId << " settings=" << settingsText(o.knobs.raw(), ",")
      << " model=" << m_student.config().architecture << " params=" << m_student.parameterCount()
      << " epochs=" << o.epochs << " batch=" << o.batchSize << " lr=" << o.lr << " seed=" << o.seed
      << " pad=" << o.augment.padding << " flip=" << o.augment.flip << " erase=" << o.augment.eraseProb
      << " train_images=" << trainCount << " backbone_lr_scale=" << (tunesBackbone() ? backboneLrScale() : 0.0);
    return s.str();
}

void PartsTrainer::save(const std::vector<EpochRecord>& log, int64_t trainCount) const {
    const EpochRecord& last = log.back();
    std::ostringstream top1;
    top1 << last.testTop1;
    saveMethodParts(partsPath(), parts(), m_methodId,
                    {{"model", m_student.origin()},
                     {"architecture", m_student.config().architecture},
                     {"settings", settingsText(m_options.knobs.raw(), ",")},
                     {"epochs", std::to_string(last.epoch)},
                     {"train_images", std::to_string(trainCount)},
                     {"test_top1", top1.str()},
                     {"recipe", m_recipe.summary}});
    writeFileAtomic((fs::path(m_options.outDir) / "log.csv").string(), logCsv(log));
}

std::vector<EpochRecord> PartsTrainer::run(const TrainData& data, const TrainCallbacks& cb) {
    const PartsTrainOptions& o = m_options;
    const ViTConfig& cfg = m_student.config();
    m_cancelled = false;
    const int64_t n = firstN(o.trainImages, data.trainImages.size(0));
    if (n <= 0 || data.trainLabels.size(0) < n) throw Error("training set is empty or its labels do not match");
    const int64_t stepsPerEpoch = (n + o.batchSize - 1) / o.batchSize;
    LrSchedule schedule{o.lr, std::min(m_recipe.minLr, o.lr),
                        static_cast<int64_t>(std::llround(m_recipe.warmupEpochs * stepsPerEpoch)),
                        stepsPerEpoch * o.epochs};
    const bool files = !o.outDir.empty();
    const fs::path statePath = fs::path(o.outDir) / "parts_state.pt";
    const std::vector<at::Tensor>& params = m_params;

    TrainState state;
    state.fingerprint = fingerprint(n);
    if (files) fs::create_directories(o.outDir);
    if (o.resume) {
        if (!files || !fs::exists(statePath)) throw fileError(statePath.string(), "no training state to resume from");
        TrainState loaded = loadTrainState(statePath.string(), params, *m_optimizer);
        if (withoutEpochs(loaded.fingerprint) != withoutEpochs(state.fingerprint))
            throw fileError(statePath.string(),
                            "was written with different settings; resume with the same ones.\n  saved: " +
                                loaded.fingerprint + "\n  now:   " + state.fingerprint);
        if (loaded.epochsDone > o.epochs)
            throw fileError(statePath.string(), "has " + std::to_string(loaded.epochsDone) + " epochs done; --epochs " +
                                                    std::to_string(o.epochs) + " would end before them");
        state = loaded;
        state.fingerprint = fingerprint(n);
        if (cb.onMessage)
            cb.onMessage("resuming after epoch " + std::to_string(state.epochsDone) + " of " +
                         std::to_string(o.epochs));
    } else if (files && fs::exists(statePath)) {
        throw fileError(statePath.string(), "exists: pass --resume to continue that run, or choose another --out");
    }

    const int64_t evalCount = data.testImages.defined() ? firstN(o.evalImages, data.testImages.size(0)) : 0;
    int ranThisCall = 0;
    for (int epoch = state.epochsDone + 1; epoch <= o.epochs; ++epoch) {
        if (o.stopAfterEpochs > 0 && ranThisCall >= o.stopAfterEpochs) break;
        const auto epochStart = Clock::now();
        at::Generator gen = epochGenerator(o.seed, epoch);
        const at::Tensor order = at::randperm(n, gen, at::TensorOptions().dtype(at::kLong));
        const EpochSteps done = runEpochSteps(
            data, order, o.batchSize, epoch, o.augment, cfg, schedule, gen, state, cb,
            [&](const at::Tensor& x, const at::Tensor& labels, double lr) { return step(x, labels, lr, gen); },
            o.cancel);
        if (done.cancelled) {
            m_cancelled = true;
            if (cb.onMessage)
                cb.onMessage("cancelled in epoch " + std::to_string(epoch) + "; finished epochs are kept");
            return state.log;
        }
        const double lossSum = done.lossSum, lr = done.seen > 0 ? done.lr : o.lr;
        const int64_t seen = done.seen;
        EpochRecord rec;
        rec.epoch = epoch;
        rec.trainLoss = lossSum / std::max<int64_t>(1, seen);
        rec.lr = lr;
        if (evalCount > 0) {
            double share = 0;
            rec.testTop1 =
                evaluate(data.testImages.narrow(0, 0, evalCount), data.testLabels.narrow(0, 0, evalCount), &share);
            if (cb.onMessage) {
                std::ostringstream m;
                m << "epoch " << epoch << ": " << m_methodId << " top-1 " << 100 * rec.testTop1 << "% at "
                  << 100 * share << "% of the dense GMACs on " << evalCount << " test images";
                cb.onMessage(m.str());
            }
        }
        rec.epochSeconds = secondsSince(epochStart);
        rec.totalSeconds = rec.epochSeconds + (state.log.empty() ? 0.0 : state.log.back().totalSeconds);
        state.log.push_back(rec);
        state.epochsDone = epoch;
        if (files) {
            save(state.log, n);  // the parts and the log first; the state file is the commit point
            saveTrainState(statePath.string(), params, *m_optimizer, state);
        }
        ++ranThisCall;
        if (cb.onEpoch) cb.onEpoch(rec);
    }
    return state.log;
}

}  // namespace vp
