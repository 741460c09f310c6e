#pragma once
// What `vitprune train` and `vitprune finetune` share: reading the Fashion-MNIST splits (with
// --limit/--test-limit) and printing a run's progress (a bar on a terminal, a line every 50 steps
// in logs, one line per epoch).
#include <memory>
#include <set>
#include <string>

#include "cli_args.h"
#include "train/trainer.h"

namespace vp::cli {

class ProgressBar;

// The train and t10k splits of --data (default: the Debian package's folder), cut to --limit
// train and --test-limit test images when given.
TrainData readFashionSplits(const Args& args);

// The optimisation flags both commands take (--out --epochs --batch --lr --min-lr --warmup --wd
// --smoothing --seed --pad --erase --stop-after --resume --threads), over the command's defaults.
TrainOptions readTrainOptions(const Args& args, TrainOptions defaults);
inline const std::set<std::string> kTrainOptionFlags{
    "--out", "--epochs", "--batch",      "--lr",     "--min-lr",  "--warmup", "--wd",    "--smoothing", "--seed",
    "--pad", "--erase",  "--stop-after", "--resume", "--threads", "--data",   "--limit", "--test-limit"};

class TrainConsole {
public:
    TrainConsole(int epochs, int64_t batchSize);
    ~TrainConsole();
    TrainCallbacks callbacks();
    // Runs the trainer with these callbacks and prints what it wrote.
    void run(Trainer& trainer, const TrainData& data);

private:
    int m_epochs;
    int64_t m_batchSize;
    std::unique_ptr<ProgressBar> m_bar;
};

}  // namespace vp::cli
