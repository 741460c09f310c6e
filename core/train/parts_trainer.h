#pragma once
// Trains a method's learned parts (prune/learned_parts.h) on a frozen backbone, on grey images
// (Fashion-MNIST), with the dense model as the teacher: AdamW, warm-up + cosine, the method's own
// loss. After every epoch it writes, atomically, <out>/<method>.safetensors (the parts file, with
// the test top-1 in its metadata), log.csv and parts_state.pt (the commit point of --resume).
#include <atomic>
#include <string>
#include <vector>

#include "model/vit_model.h"
#include "prune/learned_parts.h"
#include "prune/prune_method.h"
#include "train/trainer.h"

namespace torch::optim {
class AdamW;
}

namespace vp {

struct PartsTrainOptions {
    KnobValues knobs;         // the method's settings while training (e.g. DynamicViT's ratio)
    int epochs = 0;           // 0: the method's recipe
    int64_t trainImages = 0;  // the first N train images; 0: the recipe's; < 0: all
    int64_t batchSize = 0;    // 0: the recipe's
    double lr = 0;            // 0: the recipe's
    uint64_t seed = 0;        // parts init, data order, augmentation and the method's random draws
    AugmentOptions augment;
    int64_t evalImages = 2000;  // test images scored after every epoch (the first N; < 0: all)
    std::string outDir;         // "" = no files
    bool resume = false;
    int stopAfterEpochs = 0;  // > 0: return after this many epochs in this call
    // >= 0: the backbone's learning rate over the parts' (0 = frozen), for methods that can tune
    // it (LearnedParts::backbonePrefix); < 0: the method's recipe.
    double backboneLrScale = -1;
    // Set: checked between steps; when it turns true the run returns what the finished epochs
    // wrote (the unfinished epoch is lost, the files stay resumable).
    const std::atomic<bool>* cancel = nullptr;
};

class PartsTrainer {
public:
    // `model`: the dense backbone the parts are trained for (copied to the CPU in float32);
    // `method`: configured from options.knobs here. Throws vp::Error when the method has no
    // learned parts or a knob is invalid.
    PartsTrainer(const ViTModel& model, MethodPtr method, PartsTrainOptions options);
    ~PartsTrainer();

    const PartsTrainOptions& options() const { return m_options; }
    const PartsRecipe& recipe() const { return m_recipe; }
    std::string methodId() const { return m_methodId; }
    // The parts as trained so far (after run: the last epoch's).
    TensorMap parts() const;
    std::string partsPath() const;  // <out>/<method>.safetensors ("" without --out)
    // The recipe tunes the backbone too (its weights are then saved among the parts).
    bool tunesBackbone() const;
    double backboneLrScale() const;  // the option's, else the recipe's

    // Top-1 (0..1) of the method with the current parts on uint8 images, and the mean share of
    // the dense GMACs it spent (through `gmacsShare` when non-null).
    double evaluate(const at::Tensor& images, const at::Tensor& labels, double* gmacsShare = nullptr);

    // Runs the epochs (resuming when options.resume). Returns every epoch's record so far.
    // cancelled() tells whether the last run stopped on options.cancel.
    std::vector<EpochRecord> run(const TrainData& data, const TrainCallbacks& callbacks = {});
    bool cancelled() const { return m_cancelled; }
    std::string fingerprint(int64_t trainCount) const;

private:
    double step(const at::Tensor& images, const at::Tensor& labels, double lr, at::Generator& gen);
    void save(const std::vector<EpochRecord>& log, int64_t trainCount) const;
    ViTModel m_student;  // the backbone with the parts being trained among its extras
    MethodPtr m_method;
    MethodPtr m_dense;
    LearnedParts* m_learned = nullptr;
    PartsTrainOptions m_options;
    PartsRecipe m_recipe;
    std::string m_methodId;
    std::vector<std::string> m_keys;      // the parts' keys, in the optimizer's order
    std::vector<at::Tensor> m_params;     // everything trained: the parts, then the backbone when tuned
    std::vector<double> m_lrScales;       // per optimizer group: its lr over the schedule's
    std::unique_ptr<ViTModel> m_teacher;  // the untouched model, when the backbone is tuned
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    bool m_cancelled = false;
};

}  // namespace vp
