#include "train_console.h"

#include <ATen/Parallel.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "common/error.h"
#include "eval/fashion_mnist_idx.h"
#include "progress_bar.h"

namespace vp::cli {
namespace {

IdxImages readSplit(const std::string& dir, const std::string& prefix) {
    namespace fs = std::filesystem;
    for (const char* ext : {".gz", ""}) {
        const fs::path images = fs::path(dir) / (prefix + "-images-idx3-ubyte" + ext);
        const fs::path labels = fs::path(dir) / (prefix + "-labels-idx1-ubyte" + ext);
        if (fs::exists(images) && fs::exists(labels)) return readFashionMnist(images.string(), labels.string());
    }
    throw fileError(dir, "has no " + prefix + "-images-idx3-ubyte[.gz] / " + prefix +
                             "-labels-idx1-ubyte[.gz]; install the Debian package dataset-fashion-mnist");
}

void limitTo(const Args& args, const std::string& flag, IdxImages& split) {
    if (!args.has(flag)) return;
    const int64_t n = std::min<int64_t>(args.intValue(flag, 0, 1, 1 << 30), split.images.size(0));
    split.images = split.images.narrow(0, 0, n);
    split.labels = split.labels.narrow(0, 0, n);
}

std::string formatSeconds(double s) {
    char buf[32];
    const long t = static_cast<long>(s + 0.5);
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return buf;
}

}  // namespace

TrainData readFashionSplits(const Args& args) {
    const std::string dataDir = args.value("--data", fashionMnistDir());
    IdxImages train = readSplit(dataDir, "train");
    IdxImages test = readSplit(dataDir, "t10k");
    limitTo(args, "--limit", train);
    limitTo(args, "--test-limit", test);
    return {train.images, train.labels, test.images, test.labels};
}

TrainOptions readTrainOptions(const Args& args, TrainOptions o) {
    o.outDir = args.value("--out");
    if (o.outDir.empty()) throw Error("--out DIR is required");
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 1024));
    o.epochs = args.intValue("--epochs", o.epochs, 1, 10000);
    o.batchSize = args.intValue("--batch", static_cast<int>(o.batchSize), 1, 65536);
    o.lr = args.doubleValue("--lr", o.lr, 1e-8, 1.0);
    o.minLr = args.doubleValue("--min-lr", o.minLr, 0.0, 1.0);
    o.warmupEpochs = args.doubleValue("--warmup", o.warmupEpochs, 0, 1000);
    o.weightDecay = args.doubleValue("--wd", o.weightDecay, 0, 10);
    o.labelSmoothing = args.doubleValue("--smoothing", o.labelSmoothing, 0, 0.99);
    o.seed = static_cast<uint64_t>(args.intValue("--seed", static_cast<int>(o.seed), 0, 1 << 30));
    o.augment.padding = args.intValue("--pad", o.augment.padding, 0, 14);
    o.augment.eraseProb = args.doubleValue("--erase", o.augment.eraseProb, 0, 1);
    o.stopAfterEpochs = args.intValue("--stop-after", 0, 0, 10000);
    o.resume = args.has("--resume");
    return o;
}

TrainConsole::TrainConsole(int epochs, int64_t batchSize) : m_epochs(epochs), m_batchSize(batchSize) {}
TrainConsole::~TrainConsole() = default;

void TrainConsole::run(Trainer& trainer, const TrainData& data) {
    const std::vector<EpochRecord> log = trainer.run(data, callbacks());
    const std::string& out = trainer.options().outDir;
    if (!log.empty())
        std::cout << "wrote " << out << "/model.safetensors (epoch " << log.back().epoch << ", test top-1 "
                  << 100 * log.back().testTop1 << "%), " << out << "/log.csv\n";
}

TrainCallbacks TrainConsole::callbacks() {
    const bool tty = isatty(STDERR_FILENO) != 0;
    TrainCallbacks cb;
    cb.onMessage = [](const std::string& m) { std::cout << m << "\n" << std::flush; };
    cb.onStep = [this, tty](const StepInfo& s) {
        char extra[160];
        std::snprintf(extra, sizeof extra, "loss %.4f  lr %.2e  %.0f img/s", s.loss, s.lr, s.imagesPerSecond);
        if (tty) {
            if (s.step == 1) m_bar = std::make_unique<ProgressBar>("epoch " + std::to_string(s.epoch), s.steps, true);
            m_bar->update(s.step, extra);
        } else if (s.step == 1 || s.step % 50 == 0 || s.step == s.steps) {
            const double eta = s.imagesPerSecond > 0 ? (s.steps - s.step) * double(m_batchSize) / s.imagesPerSecond : 0;
            std::fprintf(stderr, "epoch %d step %lld/%lld  %s  ETA %s\n", s.epoch, static_cast<long long>(s.step),
                         static_cast<long long>(s.steps), extra, formatSeconds(eta).c_str());
        }
    };
    cb.onEpoch = [this](const EpochRecord& r) {
        if (m_bar) m_bar->finish();
        m_bar.reset();
        std::printf("epoch %d/%d  train loss %.4f  test top-1 %.2f%%  %s (total %s)\n", r.epoch, m_epochs, r.trainLoss,
                    100 * r.testTop1, formatSeconds(r.epochSeconds).c_str(), formatSeconds(r.totalSeconds).c_str());
        std::fflush(stdout);
    };
    return cb;
}

}  // namespace vp::cli
