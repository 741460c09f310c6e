#pragma once
// Which registered pruning methods apply to a model as it is, which need trained parts first,
// and which cannot apply (and why), with the model facts the rules look at. The rules come from
// each method's declared MethodRequirements (prune/knob.h), never from its id.
// Plain data (no Torch types), so the GUI can carry a report across threads.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace vp {

class ViTModel;
class Registry;

enum class CompatStatus { Applies, NeedsTraining, CannotApply };
std::string compatStatusName(CompatStatus status);  // "applies", "needs_training", "cannot_apply"

struct MethodCompatibility {
    std::string id, name;
    CompatStatus status = CompatStatus::Applies;
    // Applies: "training-free" or the trained parts found; NeedsTraining: what is missing and the
    // command that trains it; CannotApply: the reason.
    std::string detail;
    std::vector<std::string> notes;        // it applies, but: a knob to change, calibration, ...
    std::string trainCommand;              // NeedsTraining: the command, with the model filled in
    std::vector<std::string> learnedKeys;  // checkpoint key prefixes the method looks for
};

struct CompatibilityReport {
    std::string family;    // in words: "timm ViT / DeiT", "HuggingFace ViT", ...
    std::string familyId;  // ViTModel::family(): "timm", "huggingface (distilled)", "random"
    std::string architecture;
    int imageSize = 0, inChans = 0, patchSize = 0, gridH = 0, gridW = 0;
    int depth = 0, numHeads = 0, headDim = 0, embedDim = 0;
    int prefixTokens = 0;                      // extra tokens before the patches: CLS (and the distillation token)
    std::string prefix;                        // in words: "CLS", "CLS + distillation"
    std::string pool;                          // the config's: "token" or "avg"
    std::string pooling;                       // in words
    std::vector<MethodCompatibility> methods;  // one per registered method, in registry order

    const MethodCompatibility* method(const std::string& id) const;  // nullptr if absent
};

// Against builtinRegistry(), or another registry (tests).
CompatibilityReport checkCompatibility(const ViTModel& model);
CompatibilityReport checkCompatibility(const ViTModel& model, const Registry& registry);

// Aligned plain text: the model facts, then one line per method (notes on lines below it).
std::string compatibilityText(const CompatibilityReport& report);

// {"family", ..., "methods": [{"id", "name", "status", "detail", "notes", "train_command",
// "learned_keys"}]}. fromJson throws vp::Error on a missing key or an unknown status.
nlohmann::json compatibilityToJson(const CompatibilityReport& report);
nlohmann::json compatibilityToJson(const MethodCompatibility& method);
CompatibilityReport compatibilityFromJson(const nlohmann::json& j);

}  // namespace vp
