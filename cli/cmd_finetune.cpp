// vitprune finetune: the recovery fine-tune of a (structurally pruned) model on Fashion-MNIST,
// distilling the dense model's logits (NViT, ViT-Slim and S2ViTE all fine-tune with a
// distillation loss after pruning). Same checkpoints, log and --resume as `train`.
#include <ATen/Parallel.h>

#include <iostream>

#include "cli_common.h"
#include "common/error.h"
#include "model/model_loader.h"
#include "train/trainer.h"
#include "train_console.h"

namespace vp::cli {
namespace {

// Recovery fine-tunes start from trained weights: a short warm-up to a small peak, one epoch.
TrainOptions finetuneDefaults() {
    TrainOptions o;
    o.epochs = 1;
    o.lr = 2e-4;
    o.minLr = 1e-6;
    o.warmupEpochs = 0.1;
    o.batchSize = 128;
    return o;
}

// The teacher by default: the built-in model the student was pruned from, when it is the
// default model's architecture; "none" turns distillation off.
std::string teacherSpec(const Args& args, const ViTModel& student) {
    if (args.has("--teacher")) return args.value("--teacher");
    if (student.config().architecture == "fashion_vit_tiny") return "fashion-vit-tiny";
    throw Error("--teacher MODEL is required for a " + student.config().architecture +
                " model (the dense model to distil from), or --teacher none");
}

}  // namespace

int cmdFinetune(const Args& args) {
    std::set<std::string> allowed = kTrainOptionFlags;
    allowed.insert({"--teacher", "--alpha", "--temperature"});
    args.allowOnly(allowed);
    const std::string studentSpec = args.positional(0, "MODEL");
    TrainOptions o = readTrainOptions(args, finetuneDefaults());
    o.initFrom = studentSpec;
    ViTModel student = loadModel(studentSpec);
    const std::string teacher = teacherSpec(args, student);
    if (teacher != "none") {
        o.teacher = teacher;
        o.distillAlpha = args.doubleValue("--alpha", o.distillAlpha, 0, 1);
        o.distillTemperature = args.doubleValue("--temperature", o.distillTemperature, 0.01, 100);
    } else {
        o.distillAlpha = 0;
    }
    const TrainData data = readFashionSplits(args);

    Trainer trainer(std::move(student), o);
    if (!o.teacher.empty()) trainer.setTeacher(loadModel(o.teacher));
    const ViTConfig& c = trainer.model().config();
    std::cout << "fine-tuning " << studentSpec << (c.prunedBy.empty() ? "" : " (pruned by " + c.prunedBy + ")") << ": "
              << trainer.model().parameterCount() << " parameters; "
              << (o.teacher.empty() ? std::string("no distillation")
                                    : "distilling " + o.teacher + " (alpha " + std::to_string(o.distillAlpha) + ", T " +
                                          std::to_string(o.distillTemperature) + ")")
              << "; " << data.trainImages.size(0) << " train / " << data.testImages.size(0) << " test images, batch "
              << o.batchSize << ", " << at::get_num_threads() << " threads\n"
              << std::flush;
    if (!o.resume && data.testImages.size(0) > 0) {
        std::cout << "before: test top-1 " << 100 * trainer.evaluate(data.testImages, data.testLabels) << "%\n"
                  << std::flush;
    }
    TrainConsole(o.epochs, o.batchSize).run(trainer, data);
    return 0;
}

}  // namespace vp::cli
