// vitprune train: the default model (fashion-vit-tiny) from scratch on Fashion-MNIST, with
// per-epoch checkpoints and --resume (see core/train/trainer.h).
#include <ATen/Parallel.h>

#include <iostream>

#include "cli_common.h"
#include "common/error.h"
#include "train/trainer.h"
#include "train_console.h"

namespace vp::cli {

int cmdTrain(const Args& args) {
    std::set<std::string> allowed = kTrainOptionFlags;
    allowed.insert({"--dim", "--heads", "--depth", "--mlp", "--init"});
    args.allowOnly(allowed);
    TrainOptions o = readTrainOptions(args, TrainOptions{});
    o.initFrom = args.value("--init");  // fine-tune from a model instead of a random init
    const int dim = args.intValue("--dim", 128, 8, 4096);
    const int heads = args.intValue("--heads", 4, 1, 64);
    if (dim % heads != 0)
        throw Error("--dim " + std::to_string(dim) + " is not divisible by --heads " + std::to_string(heads));
    const ViTConfig config =
        fashionVitConfig(dim, heads, args.intValue("--depth", 12, 1, 64), args.intValue("--mlp", 512, 1, 65536));
    const TrainData data = readFashionSplits(args);

    Trainer trainer(config, o);
    std::cout << "training " << config.architecture << ": dim " << dim << ", " << heads << " heads, depth "
              << config.depth << ", mlp " << config.mlpHidden << ", patch " << config.patchSize << ", "
              << trainer.model().parameterCount() << " parameters; " << data.trainImages.size(0) << " train / "
              << data.testImages.size(0) << " test images, batch " << o.batchSize << ", " << at::get_num_threads()
              << " threads\n"
              << trainer.fingerprint(data.trainImages.size(0)) << "\n"
              << std::flush;
    TrainConsole(o.epochs, o.batchSize).run(trainer, data);
    return 0;
}

}  // namespace vp::cli
