// vitprune train-method ID: trains a method's learned parts (DynamicViT's score predictors, ...)
// on a frozen model with the dense model as the teacher, and writes the parts file that
// `--parts FILE` and the studio load (core/train/parts_trainer.h). Defaults: the method's recipe,
// sized for about half an hour on 2 CPU cores with the default model.
#include <ATen/Parallel.h>

#include <iostream>

#include "cli_common.h"
#include "common/error.h"
#include "model/model_loader.h"
#include "prune/registry.h"
#include "train/parts_trainer.h"
#include "train_console.h"

namespace vp::cli {

int cmdTrainMethod(const Args& args) {
    args.allowOnly({"--model", "--data", "--out", "--epochs", "--images", "--batch", "--lr", "--seed", "--set",
                    "--resume", "--stop-after", "--eval-images", "--threads", "--limit", "--test-limit",
                    "--tune-backbone"});
    const std::string id = args.positional(0, "METHOD");
    if (!args.has("--out")) throw Error("--out DIR is required (the parts file, log and resumable state go there)");
    const std::string modelSpec = args.value("--model", "fashion-vit-tiny");
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 256));

    PartsTrainOptions o;
    for (const std::string& s : args.sets()) o.knobs.setFromAssignment(s);
    o.epochs = args.intValue("--epochs", 0, 0, 10000);
    o.trainImages = args.has("--images") ? args.intValue("--images", 0, 1, 1 << 30) : 0;
    o.batchSize = args.intValue("--batch", 0, 0, 100000);
    o.lr = args.doubleValue("--lr", 0, 0, 10);
    o.seed = static_cast<uint64_t>(args.intValue("--seed", 0, 0, 1 << 30));
    o.evalImages = args.intValue("--eval-images", 2000, 0, 1 << 30);
    o.outDir = args.value("--out");
    o.resume = args.has("--resume");
    o.stopAfterEpochs = args.intValue("--stop-after", 0, 0, 10000);
    if (args.has("--tune-backbone")) o.backboneLrScale = args.doubleValue("--tune-backbone", 0, 0, 1);

    const ViTModel model = loadModel(modelSpec);
    PartsTrainer trainer(model, builtinRegistry().create(id), o);
    const PartsTrainOptions& r = trainer.options();
    const TrainData data = readFashionSplits(args);
    std::cout << "training " << id << " parts for " << modelSpec << ": " << trainer.recipe().summary << "\n"
              << "first "
              << std::min<int64_t>(r.trainImages < 0 ? data.trainImages.size(0) : r.trainImages,
                                   data.trainImages.size(0))
              << " train images, " << r.epochs << " epochs, batch " << r.batchSize << ", lr " << r.lr << ", "
              << at::get_num_threads() << " threads; scored after each epoch on "
              << std::min<int64_t>(r.evalImages, data.testImages.size(0)) << " test images\n"
              << std::flush;
    TrainConsole console(r.epochs, r.batchSize);
    const std::vector<EpochRecord> log = trainer.run(data, console.callbacks());
    if (!log.empty())
        std::cout << "wrote " << trainer.partsPath() << " (epoch " << log.back().epoch << ", test top-1 "
                  << 100 * log.back().testTop1 << "%), " << r.outDir << "/log.csv\n"
                  << "use it: vitprune eval " << modelSpec << " fashion-mnist --method " << id << " --parts "
                  << trainer.partsPath() << "\n";
    return 0;
}

}  // namespace vp::cli
