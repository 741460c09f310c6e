// The recovery fine-tune (Trainer on a structurally pruned model, distilling a teacher): it keeps
// the pruned widths, distilling from an identical teacher with alpha = 1 gives no gradient,
// distillation pulls a pruned student's predictions towards the
// teacher's, and the fine-tuned folder reopens to the same widths and logits.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/structure_plan.h"
#include "train/augment.h"
#include "train/trainer.h"

namespace fs = std::filesystem;
using namespace vp;

namespace {

ViTModel teacherModel() { return randomModel(fashionVitConfig(32, 2, 3, 64), 11); }

// Block 0 keeps one head, block 1 half of its neurons, block 2 loses its attention.
ViTModel prunedStudent(const ViTModel& teacher) {
    KeepPlan plan = keepEverything(teacher);
    plan.blocks[0].heads = {1};
    plan.blocks[0].qkDims = {allIndices(16)};
    plan.blocks[0].vDims = {allIndices(16)};
    std::vector<int> half;
    for (int n = 0; n < 64; n += 2) half.push_back(n);
    plan.blocks[1].neurons = half;
    plan.blocks[2].attention = false;
    plan.blocks[2].heads.clear();
    plan.blocks[2].qkDims.clear();
    plan.blocks[2].vDims.clear();
    return applyPlan(teacher, plan, "test plan");
}

at::Tensor greyBatch(int64_t n, uint64_t seed) {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    return at::randint(0, 256, {n, 28, 28}, gen, at::TensorOptions().dtype(at::kLong)).to(at::kByte);
}

at::Tensor normalised(const at::Tensor& images, const ViTModel& m) {
    return normalizeGrey(images, m.config().mean[0], m.config().std[0]);
}

// KL(teacher || student) per image, averaged, at temperature 1.
double divergence(const ViTModel& teacher, const ViTModel& student, const at::Tensor& x) {
    c10::InferenceMode guard;
    const at::Tensor lt = at::log_softmax(teacher.forward(x), 1), ls = at::log_softmax(student.forward(x), 1);
    return (lt.exp() * (lt - ls)).sum(1).mean().item<double>();
}

TrainOptions distillOptions() {
    TrainOptions o;
    o.epochs = 1;
    o.batchSize = 32;
    o.lr = 2e-3;
    o.weightDecay = 0;
    o.labelSmoothing = 0;
    o.distillAlpha = 1;
    o.distillTemperature = 2;
    o.teacher = "teacher";
    o.augment = AugmentOptions{0, false, 0};
    return o;
}

}  // namespace

// Adam turns any gradient, however small, into a step of about lr, so the check is on the
// gradient: distilling an identical teacher with alpha = 1 gives none, labels alone do.
TEST(Finetune, DistillingAnIdenticalTeacherGivesNoGradient) {
    const ViTModel student = prunedStudent(teacherModel());
    const at::Tensor x = normalised(greyBatch(16, 3), student);
    const at::Tensor labels = at::zeros({16}, at::TensorOptions().dtype(at::kLong));
    auto largestGradient = [&](double alpha, double& loss) {
        TrainOptions o = distillOptions();
        o.distillAlpha = alpha;
        Trainer trainer(student, o);
        trainer.setTeacher(student);
        loss = trainer.step(x, labels, 1e-2);
        double largest = 0;
        for (const at::Tensor& p : trainer.parameters())
            if (p.grad().defined()) largest = std::max(largest, p.grad().abs().max().item<double>());
        return largest;
    };
    double loss = 0;
    EXPECT_LE(largestGradient(1.0, loss), 1e-6);
    EXPECT_NEAR(loss, 0.0, 1e-6);
    EXPECT_GE(largestGradient(0.0, loss), 1e-3);
    EXPECT_GT(loss, 1.0);  // cross-entropy of 10 classes at a random start
}

TEST(Finetune, DistillationPullsAPrunedStudentTowardsTheTeacherAndKeepsItsWidths) {
    const ViTModel teacher = teacherModel();
    const ViTModel student = prunedStudent(teacher);
    const at::Tensor held = normalised(greyBatch(64, 99), teacher);
    const double before = divergence(teacher, student, held);

    Trainer trainer(student, distillOptions());
    trainer.setTeacher(teacher);
    // The caller's model is untouched: the trainer owns its weights.
    const at::Tensor trainImages = greyBatch(256, 5);
    const at::Tensor labels = at::zeros({256}, at::TensorOptions().dtype(at::kLong));
    for (int epoch = 0; epoch < 4; ++epoch)
        for (int64_t s = 0; s < 256; s += 32)
            trainer.step(normalised(trainImages.narrow(0, s, 32), teacher), labels.narrow(0, s, 32), 2e-3);
    const double after = divergence(teacher, trainer.model(), held);
    EXPECT_LT(after, 0.5 * before) << "KL before " << before << ", after " << after;
    EXPECT_DOUBLE_EQ(divergence(teacher, student, held), before);

    const ViTConfig& c = trainer.model().config();
    EXPECT_EQ(c.blockWidth(0).heads, 1);
    EXPECT_EQ(c.blockWidth(1).mlpHidden, 32);
    EXPECT_FALSE(c.blockWidth(2).attention);
    EXPECT_EQ(c.prunedBy, "test plan");

    // The fine-tuned folder reopens to the same widths and logits.
    const fs::path dir = fs::temp_directory_path() / ("vp_finetune_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    saveModelFolder(trainer.model(), dir.string());
    const ViTModel reopened = loadModel(dir.string());
    fs::remove_all(dir);
    EXPECT_EQ(reopened.config().blockWidth(1).mlpHidden, 32);
    EXPECT_FALSE(reopened.config().blockWidth(2).attention);
    c10::InferenceMode guard;
    EXPECT_TRUE(at::allclose(reopened.forward(held), trainer.model().forward(held), 0, 1e-6));
}

TEST(Finetune, RefusesATeacherOfOtherClassesAndAnAlphaOutOfRange) {
    const ViTModel student = prunedStudent(teacherModel());
    Trainer trainer(student, distillOptions());
    ViTConfig other = fashionVitConfig(32, 2, 3, 64);
    other.numClasses = 7;
    other.labelNames.resize(7);
    EXPECT_THROW(trainer.setTeacher(randomModel(other, 1)), Error);
    TrainOptions bad = distillOptions();
    bad.distillAlpha = 1.5;
    EXPECT_THROW(Trainer(student, bad), Error);
}
