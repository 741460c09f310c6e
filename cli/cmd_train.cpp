// vitprune train: the default model (fashion-vit-tiny) from scratch on Fashion-MNIST, with
// per-epoch checkpoints and --resume (see core/train/trainer.h).
#include <ATen/Parallel.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "common/error.h"
#include "eval/fashion_mnist_idx.h"
#include "progress_bar.h"
#include "train/trainer.h"

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

std::string formatSeconds(double s) {
    char buf[32];
    const long t = static_cast<long>(s + 0.5);
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return buf;
}

}  // namespace

int cmdTrain(const Args& args) {
    args.allowOnly({"--out",    "--epochs", "--batch",     "--lr",    "--min-lr",     "--warmup",
                    "--wd",     "--dim",    "--heads",     "--depth", "--mlp",        "--threads",
                    "--resume", "--seed",   "--data",      "--limit", "--test-limit", "--stop-after",
                    "--pad",    "--erase",  "--smoothing", "--init"});
    const std::string out = args.value("--out");
    if (out.empty()) throw Error("--out DIR is required");
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 1024));

    TrainOptions o;
    o.epochs = args.intValue("--epochs", 20, 1, 10000);
    o.batchSize = args.intValue("--batch", 128, 1, 65536);
    o.lr = args.doubleValue("--lr", 1e-3, 1e-8, 1.0);
    o.minLr = args.doubleValue("--min-lr", 1e-5, 0.0, 1.0);
    o.warmupEpochs = args.doubleValue("--warmup", 2, 0, 1000);
    o.weightDecay = args.doubleValue("--wd", 0.05, 0, 10);
    o.labelSmoothing = args.doubleValue("--smoothing", 0.1, 0, 0.99);
    o.seed = static_cast<uint64_t>(args.intValue("--seed", 0, 0, 1 << 30));
    o.augment.padding = args.intValue("--pad", 2, 0, 14);
    o.augment.eraseProb = args.doubleValue("--erase", 0.25, 0, 1);
    o.stopAfterEpochs = args.intValue("--stop-after", 0, 0, 10000);
    o.outDir = out;
    o.resume = args.has("--resume");
    o.initFrom = args.value("--init");  // fine-tune from a model instead of a random init
    const int dim = args.intValue("--dim", 128, 8, 4096);
    const int heads = args.intValue("--heads", 4, 1, 64);
    if (dim % heads != 0)
        throw Error("--dim " + std::to_string(dim) + " is not divisible by --heads " + std::to_string(heads));
    const ViTConfig config =
        fashionVitConfig(dim, heads, args.intValue("--depth", 12, 1, 64), args.intValue("--mlp", 512, 1, 65536));

    const std::string dataDir = args.value("--data", fashionMnistDir());
    IdxImages train = readSplit(dataDir, "train");
    IdxImages test = readSplit(dataDir, "t10k");
    if (args.has("--limit")) {
        const int64_t n = std::min<int64_t>(args.intValue("--limit", 0, 1, 1 << 30), train.images.size(0));
        train.images = train.images.narrow(0, 0, n);
        train.labels = train.labels.narrow(0, 0, n);
    }
    if (args.has("--test-limit")) {
        const int64_t n = std::min<int64_t>(args.intValue("--test-limit", 0, 1, 1 << 30), test.images.size(0));
        test.images = test.images.narrow(0, 0, n);
        test.labels = test.labels.narrow(0, 0, n);
    }

    Trainer trainer(config, o);
    std::cout << "training " << config.architecture << ": dim " << dim << ", " << heads << " heads, depth "
              << config.depth << ", mlp " << config.mlpHidden << ", patch " << config.patchSize << ", "
              << trainer.model().parameterCount() << " parameters; " << train.images.size(0) << " train / "
              << test.images.size(0) << " test images, batch " << o.batchSize << ", " << at::get_num_threads()
              << " threads\n"
              << trainer.fingerprint(train.images.size(0)) << "\n"
              << std::flush;

    const bool tty = isatty(STDERR_FILENO) != 0;
    std::unique_ptr<ProgressBar> bar;
    TrainCallbacks cb;
    cb.onMessage = [](const std::string& m) { std::cout << m << "\n" << std::flush; };
    cb.onStep = [&](const StepInfo& s) {
        char extra[160];
        std::snprintf(extra, sizeof extra, "loss %.4f  lr %.2e  %.0f img/s", s.loss, s.lr, s.imagesPerSecond);
        if (tty) {
            if (s.step == 1) bar = std::make_unique<ProgressBar>("epoch " + std::to_string(s.epoch), s.steps, true);
            bar->update(s.step, extra);
        } else if (s.step == 1 || s.step % 50 == 0 || s.step == s.steps) {
            const double eta = s.imagesPerSecond > 0 ? (s.steps - s.step) * double(o.batchSize) / s.imagesPerSecond : 0;
            std::fprintf(stderr, "epoch %d step %lld/%lld  %s  ETA %s\n", s.epoch, static_cast<long long>(s.step),
                         static_cast<long long>(s.steps), extra, formatSeconds(eta).c_str());
        }
    };
    cb.onEpoch = [&](const EpochRecord& r) {
        if (bar) bar->finish();
        bar.reset();
        std::printf("epoch %d/%d  train loss %.4f  test top-1 %.2f%%  %s (total %s)\n", r.epoch, o.epochs, r.trainLoss,
                    100 * r.testTop1, formatSeconds(r.epochSeconds).c_str(), formatSeconds(r.totalSeconds).c_str());
        std::fflush(stdout);
    };
    const std::vector<EpochRecord> log = trainer.run({train.images, train.labels, test.images, test.labels}, cb);
    if (!log.empty())
        std::cout << "wrote " << out << "/model.safetensors (epoch " << log.back().epoch << ", test top-1 "
                  << 100 * log.back().testTop1 << "%), " << out << "/log.csv\n";
    return 0;
}

}  // namespace vp::cli
