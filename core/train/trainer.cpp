#include "train/trainer.h"

#include <c10/core/InferenceMode.h>
#include <torch/optim/adamw.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "common/atomic_file.h"
#include "common/error.h"
#include "eval/fashion_mnist_idx.h"
#include "model/model_loader.h"
#include "train/epoch_steps.h"
#include "train/lr_schedule.h"
#include "train/train_state.h"

namespace fs = std::filesystem;

namespace vp {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A run may be resumed with a different --epochs (shortened or extended): the warm-up + cosine is
// laid over the new total from the current step on. Every other setting must match.
std::string withoutEpochs(const std::string& fingerprint) {
    const size_t at = fingerprint.find(" epochs=");
    if (at == std::string::npos) return fingerprint;
    const size_t end = fingerprint.find(' ', at + 1);
    return fingerprint.substr(0, at) + (end == std::string::npos ? "" : fingerprint.substr(end));
}

}  // namespace

void clipGradNorm(const std::vector<at::Tensor>& params, double maxNorm) {
    if (maxNorm <= 0) return;
    at::NoGradGuard noGrad;
    std::vector<at::Tensor> norms;
    for (const at::Tensor& p : params)
        if (p.grad().defined()) norms.push_back(p.grad().norm());
    if (norms.empty()) return;
    const double total = at::stack(norms).norm().item<double>();
    const double scale = maxNorm / (total + 1e-6);
    if (scale >= 1.0) return;
    for (const at::Tensor& p : params)
        if (p.grad().defined()) p.grad().mul_(scale);
}

ViTConfig fashionVitConfig(int dim, int heads, int depth, int mlp) {
    ViTConfig c;
    c.architecture = "fashion_vit_tiny";
    c.imageSize = 28;
    c.inChans = 1;
    c.patchSize = 4;
    c.embedDim = dim;
    c.numHeads = heads;
    c.depth = depth;
    c.mlpHidden = mlp;
    c.numClasses = 10;
    c.cropPct = 1.0;
    c.interpolation = "bilinear";
    c.mean = {0.2860};
    c.std = {0.3530};
    c.labelNames = fashionMnistClassNames();
    c.validate("fashion_vit_tiny");
    return c;
}

Trainer::Trainer(const ViTConfig& config, TrainOptions options)
    : m_model(randomModel(config, options.seed)), m_options(std::move(options)) {
    if (m_options.epochs < 1) throw Error("--epochs must be at least 1");
    if (m_options.batchSize < 1) throw Error("--batch must be at least 1");
    m_model.setFamily("timm");
    m_model.setOrigin(config.architecture);
    if (!m_options.initFrom.empty()) {
        const ViTModel init = loadModel(m_options.initFrom);
        auto dst = m_model.weights().all();
        auto src = const_cast<ViTModel&>(init).weights().all();
        if (src.size() != dst.size()) throw fileError(m_options.initFrom, "is not shaped like the model to train");
        for (size_t i = 0; i < dst.size(); ++i) {
            if (src[i]->sizes() != dst[i]->sizes())
                throw fileError(m_options.initFrom,
                                "is not shaped like the model to train (--dim/--heads/--depth/--mlp)");
            dst[i]->copy_(src[i]->to(at::kFloat));
        }
    }
    makeTrainable();
}

Trainer::Trainer(ViTModel start, TrainOptions options)
    : m_model(start.to(at::kCPU, at::kFloat)), m_options(std::move(options)) {
    if (m_options.epochs < 1) throw Error("--epochs must be at least 1");
    if (m_options.batchSize < 1) throw Error("--batch must be at least 1");
    if (m_model.config().inChans != 1 || m_model.config().mean.size() != 1)
        throw Error("fine-tuning reads grey images (Fashion-MNIST): this model takes " +
                    std::to_string(m_model.config().inChans) + " channels");
    // Own storage: the optimizer updates these tensors in place, never the caller's.
    for (at::Tensor* t : m_model.weights().all()) *t = t->detach().clone();
    makeTrainable();
}

void Trainer::makeTrainable() {
    if (m_options.distillAlpha < 0 || m_options.distillAlpha > 1)
        throw Error("--alpha must lie in 0..1, got " + std::to_string(m_options.distillAlpha));
    if (!(m_options.distillTemperature > 0)) throw Error("--temperature must be positive");
    for (at::Tensor* t : m_model.weights().all()) t->requires_grad_(true);
    buildOptimizer();
}

Trainer::~Trainer() = default;

void Trainer::setTeacher(ViTModel teacher) {
    if (teacher.config().numClasses != m_model.config().numClasses)
        throw Error("the teacher has " + std::to_string(teacher.config().numClasses) + " classes, the model " +
                    std::to_string(m_model.config().numClasses));
    if (teacher.config().imageSize != m_model.config().imageSize ||
        teacher.config().inChans != m_model.config().inChans)
        throw Error("the teacher takes other images than the model (size or channels differ)");
    m_teacher = std::make_unique<ViTModel>(teacher.to(at::kCPU, at::kFloat));
}

bool Trainer::hasTeacher() const { return m_teacher != nullptr; }

std::vector<at::Tensor> Trainer::parameters() const {
    std::vector<at::Tensor> out;
    for (at::Tensor* t : const_cast<ViTModel&>(m_model).weights().all()) out.push_back(*t);
    return out;
}

void Trainer::buildOptimizer() {
    // Decay only matrices/kernels; norms, biases (1-D), pos_embed and cls_token are exempt.
    ViTWeights& w = m_model.weights();
    std::vector<at::Tensor> decay, noDecay;
    for (at::Tensor* t : w.all()) {
        const bool exempt = t->dim() <= 1 || t == &w.posEmbed || t == &w.clsToken || t == &w.distToken;
        (exempt ? noDecay : decay).push_back(*t);
    }
    auto opts = [&](double wd) {
        return std::make_unique<torch::optim::AdamWOptions>(
            torch::optim::AdamWOptions(m_options.lr).betas({0.9, 0.999}).eps(1e-8).weight_decay(wd));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decay, opts(m_options.weightDecay));
    groups.emplace_back(noDecay, opts(0.0));
    m_optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups), torch::optim::AdamWOptions(m_options.lr));
}

double Trainer::step(const at::Tensor& images, const at::Tensor& labels, double lr) {
    for (auto& g : m_optimizer->param_groups()) static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
    m_optimizer->zero_grad();
    at::Tensor logits = m_model.forward(images);
    at::Tensor loss = at::cross_entropy_loss(logits, labels, {}, at::Reduction::Mean, -100, m_options.labelSmoothing);
    if (m_teacher && m_options.distillAlpha > 0) {
        at::Tensor target;
        {
            // NoGrad, not InferenceMode: the teacher's probabilities enter the autograd graph.
            at::NoGradGuard noGrad;
            target = m_teacher->forward(images);
        }
        const double t = m_options.distillTemperature, a = m_options.distillAlpha;
        const at::Tensor logTeacher = at::log_softmax(target / t, 1);
        const at::Tensor logStudent = at::log_softmax(logits / t, 1);
        const at::Tensor kl = (logTeacher.exp() * (logTeacher - logStudent)).sum(1).mean();
        loss = loss * (1 - a) + kl * (a * t * t);
    }
    loss.backward();
    clipGradNorm(parameters(), m_options.clipNorm);
    m_optimizer->step();
    return loss.item<double>();
}

double Trainer::loss(const at::Tensor& images, const at::Tensor& labels) const {
    c10::InferenceMode guard;
    at::Tensor logits = m_model.forward(images);
    return at::cross_entropy_loss(logits, labels, {}, at::Reduction::Mean, -100, m_options.labelSmoothing)
        .item<double>();
}

double Trainer::evaluate(const at::Tensor& images, const at::Tensor& labels) const {
    c10::InferenceMode guard;
    const ViTConfig& c = m_model.config();
    const int64_t n = images.size(0);
    int64_t correct = 0;
    for (int64_t s = 0; s < n; s += m_options.evalBatch) {
        const int64_t b = std::min(m_options.evalBatch, n - s);
        at::Tensor x = normalizeGrey(images.narrow(0, s, b), c.mean[0], c.std[0]);
        at::Tensor pred = m_model.forward(x).argmax(1);
        correct += pred.eq(labels.narrow(0, s, b)).sum().item<int64_t>();
    }
    return n > 0 ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
}

std::string Trainer::fingerprint(int64_t trainCount) const {
    const ViTConfig& c = m_model.config();
    const TrainOptions& o = m_options;
    std::ostringstream s;
    s << "dim=" << c.embedDim << " heads=" << c.numHeads << " depth=" << c.depth << " mlp=" << c.mlpHidden
      << " patch=" << c.patchSize << " epochs=" << o.epochs << " batch=" << o.batchSize << " lr=" << o.lr
      << " min_lr=" << o.minLr << " warmup=" << o.warmupEpochs << " wd=" << o.weightDecay
      << " smoothing=" << o.labelSmoothing << " clip=" << o.clipNorm << " seed=" << o.seed
      << " pad=" << o.augment.padding << " flip=" << o.augment.flip << " erase=" << o.augment.eraseProb
      << " train_images=" << trainCount;
    if (!o.initFrom.empty()) s << " init=" << o.initFrom;
    if (!c.prunedBy.empty()) s << " pruned_by=" << c.prunedBy << " params=" << m_model.parameterCount();
    if (!o.teacher.empty())
        s << " teacher=" << o.teacher << " alpha=" << o.distillAlpha << " T=" << o.distillTemperature;
    return s.str();
}

std::vector<EpochRecord> Trainer::run(const TrainData& data, const TrainCallbacks& cb) {
    const TrainOptions& o = m_options;
    const ViTConfig& cfg = m_model.config();
    const int64_t n = data.trainImages.size(0);
    if (n == 0 || data.trainLabels.size(0) != n) throw Error("training set is empty or its labels do not match");
    const int64_t stepsPerEpoch = (n + o.batchSize - 1) / o.batchSize;
    LrSchedule schedule{o.lr, std::min(o.minLr, o.lr),
                        static_cast<int64_t>(std::llround(o.warmupEpochs * stepsPerEpoch)), stepsPerEpoch * o.epochs};
    const bool files = !o.outDir.empty();
    const fs::path dir(o.outDir);
    const fs::path statePath = dir / "train_state.pt";

    TrainState state;
    state.fingerprint = fingerprint(n);
    if (files) fs::create_directories(dir);
    if (o.resume) {
        if (!files || !fs::exists(statePath)) throw fileError(statePath.string(), "no training state to resume from");
        TrainState loaded = loadTrainState(statePath.string(), m_model, *m_optimizer);
        if (withoutEpochs(loaded.fingerprint) != withoutEpochs(state.fingerprint))
            throw fileError(statePath.string(),
                            "was written with different settings; resume with the same ones.\n  saved: " +
                                loaded.fingerprint + "\n  now:   " + state.fingerprint);
        if (loaded.epochsDone > o.epochs)
            throw fileError(statePath.string(), "has " + std::to_string(loaded.epochsDone) + " epochs done; --epochs " +
                                                    std::to_string(o.epochs) + " would end before them");
        if (cb.onMessage && loaded.fingerprint != state.fingerprint)
            cb.onMessage("schedule length changed: the cosine now ends at epoch " + std::to_string(o.epochs));
        state = loaded;
        state.fingerprint = fingerprint(n);
        if (cb.onMessage)
            cb.onMessage("resuming after epoch " + std::to_string(state.epochsDone) + " of " +
                         std::to_string(o.epochs));
    } else if (files && fs::exists(statePath)) {
        throw fileError(statePath.string(), "exists: pass --resume to continue that run, or choose another --out");
    }

    double best = -1;
    for (const EpochRecord& r : state.log) best = std::max(best, r.testTop1);
    int ranThisCall = 0;
    for (int epoch = state.epochsDone + 1; epoch <= o.epochs; ++epoch) {
        if (o.stopAfterEpochs > 0 && ranThisCall >= o.stopAfterEpochs) break;
        const auto epochStart = Clock::now();
        at::Generator gen = epochGenerator(o.seed, epoch);
        const at::Tensor order = at::randperm(n, gen, at::TensorOptions().dtype(at::kLong));
        const EpochSteps done = runEpochSteps(
            data, order, o.batchSize, epoch, o.augment, cfg, schedule, gen, state, cb,
            [&](const at::Tensor& x, const at::Tensor& labels, double lr) { return step(x, labels, lr); });
        const double lossSum = done.lossSum, lr = done.seen > 0 ? done.lr : o.lr;
        const int64_t seen = done.seen;
        EpochRecord rec;
        rec.epoch = epoch;
        rec.trainLoss = lossSum / std::max<int64_t>(1, seen);
        rec.lr = lr;
        if (data.testImages.defined()) rec.testTop1 = evaluate(data.testImages, data.testLabels);
        rec.epochSeconds = secondsSince(epochStart);
        rec.totalSeconds = rec.epochSeconds + (state.log.empty() ? 0.0 : state.log.back().totalSeconds);
        state.log.push_back(rec);
        state.epochsDone = epoch;
        if (files) {
            // Latest weights first, then the log, the state file last: it is the commit point.
            ViTModel out = m_model;
            out.config().reportedAccuracy = rec.testTop1 >= 0 ? rec.testTop1 : -1;
            saveModel(out, dir.string());
            if (rec.testTop1 > best) saveModel(out, (dir / "best").string());
            writeFileAtomic((dir / "log.csv").string(), logCsv(state.log));
            saveTrainState(statePath.string(), m_model, *m_optimizer, state);
        }
        best = std::max(best, rec.testTop1);
        ++ranThisCall;
        if (cb.onEpoch) cb.onEpoch(rec);
    }
    return state.log;
}

}  // namespace vp
