#pragma once
// What crosses between the UI thread and the InferenceWorker: plain, Torch-free values
// (copied through queued signals).
#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/attention_maps_data.h"
#include "analysis/token_map_data.h"
#include "model/compatibility.h"
#include "model/vit_config.h"
#include "prune/knob.h"
#include "prune/token_trace.h"

namespace vp {

// Everything the window shows, in one request. The worker loads what changed (model, image)
// and runs one forward. Newer generations supersede older ones (latest wins).
struct StudioRequest {
    quint64 generation = 0;
    int pane = 0;       // 0: the main view; 1..3: compare panes (each pane's latest request wins)
    QString modelSpec;  // file, folder, built-in name, random:ARCH, or "" for the default model
    QString imagePath;  // "" for none
    std::string methodId = "dense";
    std::map<std::string, std::string> knobs;  // knob id → text, as --set takes them
    // Set: the worker solves the method's main knob for this cost (GMACs per image) first.
    std::optional<double> budgetGmacs;
    // Set: the worker solves the main knob so the measured latency (batch 1) is this fraction of
    // the dense model's (compare mode's equal-latency lock; bisection on measured time).
    std::optional<double> latencyFraction;
    QString device = QStringLiteral("cpu");  // one of availableComputeChoices(): "cpu", "cpu/bfloat16", "cuda", ...
    bool withDense = true;                   // also report the dense model on the same image (cached)
    bool withTokenMap = false;               // also colour the tokens by the dense model's PCA (token map view)
    bool withAttention = false;  // also the attention views' maps, the method's and the dense model's (attention view)
};

struct ModelInfo {
    QString spec;    // as requested ("" = default)
    QString name;    // what the window shows as the model's name
    QString origin;  // file or folder it came from
    QString family;  // checkpoint family (timm, torchvision, huggingface, random, ...)
    QString architecture;
    bool standIn = false;  // random weights standing in for fashion-vit-tiny
    int imageSize = 0, inChans = 0, patchSize = 0, gridH = 0, gridW = 0;
    int depth = 0, embedDim = 0, numHeads = 0, numClasses = 0;
    qint64 parameters = 0;
    double denseGmacs = 0;
    double reportedAccuracy = -1;
    QStringList labels;                 // may be shorter than numClasses: see label()
    CompatibilityReport compatibility;  // which methods apply (plain data, no Torch)
    QString label(int index) const;
};

struct ImageInfo {
    QString path;
    QImage display;  // the S×S crop the model sees (RGB888)
    QSize original;  // size of the decoded file
};

struct StudioResult {
    quint64 generation = 0;
    int pane = 0;
    std::string methodId;
    std::map<std::string, std::string> knobs;  // as run (with a budget: the solved main knob)
    std::vector<float> logits;                 // one sample
    TokenTrace trace;                          // TraceLevel::Full, one sample
    // Times: 0 until measured (the first result of a request is shown before timing). Dense and
    // the method are timed interleaved (timedRuns pairs, after a warm-up of each); ms and denseMs
    // are medians, speedup the median per-pair ratio and speedupLo/Hi its range. noisy: fewer
    // than 3 pairs or a range wider than ±12%, shown as approximate.
    double ms = 0;
    int timedRuns = 0;
    double speedup = 0, speedupLo = 0, speedupHi = 0;
    bool noisy = false;
    int threads = 0;  // intra-op threads the forward used
    QString device;   // "cpu", "cuda:0"
    double gmacs = 0;
    double denseGmacs = 0;
    // Share of the linear weights that are non-zero (S-ViTE's unstructured sparsity; 1 = dense):
    // GMACs count the non-zeros while the measured time is the dense kernels'.
    double linearDensity = 1.0;
    // Methods with a per-block schedule (MethodSpec::scheduleKnob): that knob (id "" otherwise)
    // and the value each block used, in its units (PruneMethod::blockSchedule).
    Knob scheduleKnob;
    std::vector<double> schedule;
    // The dense model on the same image (empty unless the request asked for it).
    std::vector<float> denseLogits;
    double denseMs = 0;  // from the same interleaved pairs as ms
    // GMACs reachable through the main knob with the other knobs as given (0/0: no main knob).
    double budgetMin = 0, budgetMax = 0;
    // With latencyFraction: the latency aimed at and the solved setting's measured latency.
    double lockTargetMs = 0, lockMs = 0;
    // Asked for with withTokenMap: every block's token map; when it cannot be made, why.
    TokenMap tokenMap;
    QString tokenMapNote;
    // Asked for with withAttention: the attention views of this forward and of the dense model on
    // the same image; when one cannot be made, why.
    AttentionMaps attention, denseAttention;
    QString attentionNote, denseAttentionNote;
    // Structure, filled only for a structural method or a pruned model: every block's widths
    // before any pruning (the unpruned architecture), in the model opened, and in the model this
    // result ran on (fewer blocks: the rest were cut), and who pruned it (config "pruned_by").
    std::vector<BlockWidth> referenceWidths, baseWidths, runWidths;
    std::string prunedBy;
    bool hasStructure() const { return !runWidths.empty(); }
};

struct StudioFailure {
    enum class Stage { Model, Image, Method, Run };
    quint64 generation = 0;
    Stage stage = Stage::Run;
    QString subject;   // the request's model spec / image path / method id concerned
    QString message;   // vp::Error text (names the file)
    int exitCode = 2;  // 2 bad input, 1 internal
};

// "cpu", plus "cuda" when this LibTorch build sees a GPU.
QStringList availableDevices();
// Every choice a studio's device picker can offer, "device" or "device/dtype" (no dtype:
// float32): "cpu", "cpu/bfloat16", "cuda", "cuda/bfloat16", "cuda/float16".
QStringList allComputeChoices();
// Those this build offers: the CUDA ones only where LibTorch sees a GPU.
QStringList availableComputeChoices();
// The picker's text for a choice: "CPU", "CPU · bfloat16", ...
QString computeChoiceLabel(const QString& choice);

// Top-k (label, probability) of softmax(logits).
struct RankedClass {
    int index;
    double probability;
};
std::vector<RankedClass> topClasses(const std::vector<float>& logits, int k);

void registerStudioMetaTypes();

}  // namespace vp

Q_DECLARE_METATYPE(vp::StudioRequest)
Q_DECLARE_METATYPE(vp::ModelInfo)
Q_DECLARE_METATYPE(vp::ImageInfo)
Q_DECLARE_METATYPE(vp::StudioResult)
Q_DECLARE_METATYPE(vp::StudioFailure)
