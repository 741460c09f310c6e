#include "model/compatibility.h"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.h"
#include "model/vit_model.h"
#include "prune/registry.h"

namespace vp {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

std::string joinInts(const std::vector<int>& values) {
    std::vector<std::string> parts;
    for (int v : values) parts.push_back(std::to_string(v));
    return join(parts, ",");
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The checkpoint family (ViTModel::family(), set by the loader) in words.
std::string familyInWords(const ViTModel& model) {
    struct Known {
        const char* id;
        const char* model;
        const char* keys;
    };
    static const Known known[] = {{"timm", "timm ViT / DeiT", "timm keys"},
                                  {"torchvision", "torchvision ViT", "torchvision keys"},
                                  {"huggingface", "HuggingFace ViT", "HuggingFace keys"},
                                  {"random", "random weights", "random weights"}};
    const std::string id = model.family();
    std::string name = id.empty() ? "unknown" : id, keys;
    for (const Known& k : known)
        if (startsWith(id, k.id)) {
            name = k.model;
            keys = k.keys;
        }
    if (model.config().distilled)
        return "distilled DeiT (2 prefix tokens, two heads" + (keys.empty() ? "" : "; " + keys) + ")";
    return name;
}

std::string poolingInWords(const ViTConfig& c) {
    if (c.pool == "avg") return "average of the patch tokens (CLS token not read by the head)";
    return c.distilled ? "CLS and distillation tokens (mean of the two heads)" : "CLS token";
}

bool hasKeyPrefix(const TensorMap& tensors, const std::string& prefix) {
    auto it = tensors.lower_bound(prefix);
    return it != tensors.end() && startsWith(it->first, prefix);
}

// A note when a knob holding block indices defaults past the model's last block. The
// suggestion spaces as many blocks evenly over the depth, as the defaults do over DeiT's 12.
std::string blockKnobNote(const MethodSpec& spec, const Knob& knob, int depth) {
    const KnobValues defaults;
    const bool list = knob.type == KnobType::IntList;
    const std::vector<int> values =
        list ? defaults.intList(spec, knob.id) : std::vector<int>{defaults.integer(spec, knob.id)};
    std::vector<int> beyond;
    for (int v : values)
        if (v >= depth) beyond.push_back(v);
    if (beyond.empty()) return "";
    const int low = std::max(0, static_cast<int>(knob.min)), high = depth - 1;
    const std::string head = "knob '" + knob.id + "': ";
    if (low > high) return head + "no block index is valid in this " + std::to_string(depth) + "-block model";
    const std::string range = low == high ? std::to_string(low) : std::to_string(low) + "-" + std::to_string(high);
    if (!list)
        return head + "its default " + std::to_string(values[0]) + " is past the last block (" + std::to_string(high) +
               "); set it to " + range;
    std::vector<int> suggestion;
    const int k = static_cast<int>(values.size());
    for (int i = 1; i <= k; ++i) {
        const int b = std::clamp(i * depth / (k + 1), low, high);
        if (suggestion.empty() || suggestion.back() != b) suggestion.push_back(b);
    }
    const std::string fix = "set blocks within " + range + " (e.g. " + joinInts(suggestion) + ")";
    if (beyond.size() == values.size())
        return head + "none of its default blocks (" + joinInts(values) + ") exists in this " + std::to_string(depth) +
               "-block model, so it prunes nothing until you " + fix;
    return head + "default blocks " + joinInts(beyond) + " are past the last block (" + std::to_string(high) +
           ") and are skipped; " + fix;
}

MethodCompatibility judge(const ViTModel& model, const MethodSpec& spec, const PruneMethod& method) {
    const ViTConfig& c = model.config();
    const MethodRequirements& req = spec.requirements;
    MethodCompatibility r;
    r.id = spec.id;
    r.name = spec.name;
    r.learnedKeys = req.learnedKeys;
    auto cannot = [&](std::string reason) {
        r.status = CompatStatus::CannotApply;
        r.detail = std::move(reason);
        return r;
    };
    if (c.depth < req.minDepth)
        return cannot("needs at least " + std::to_string(req.minDepth) + " blocks; this model has " +
                      std::to_string(c.depth));
    if (req.clsAttention && c.pool != "token")
        return cannot(
            "ranks patches by the CLS token's attention, but this model's head averages the patch tokens "
            "(pool " +
            c.pool +
            "): the CLS token does not decide the output, so its attention does not "
            "tell which patches matter");

    for (size_t l = 0; l < model.weights().blocks.size(); ++l) {
        const BlockWeights& b = model.weights().blocks[l];
        if (!b.attentionRemoved || b.standIn == StandIn::Double) continue;
        const std::string block = "block " + std::to_string(l);
        if (b.standIn == StandIn::Conv && spec.family != "structural" && spec.id != "dense")
            return cannot(block +
                          "'s attention is a convolution (SPViT), which needs every patch in place: tokens cannot "
                          "be dropped, merged or gated around it");
        if (spec.family == "structural")
            return cannot(block + "'s attention is a convolution or a skip (SPViT); apply " + spec.id +
                          " to the unpruned model before spvit");
    }

    std::vector<std::string> missing;
    for (const std::string& key : req.learnedKeys)
        if (!hasKeyPrefix(model.extras(), key)) missing.push_back(key + "*");
    const std::string what = req.learnedWhat.empty() ? "parts" : req.learnedWhat;
    if (!missing.empty() && model.family() == "random") {
        r.detail = "random " + what + " on a random model (cost and speed work only; deterministic like the backbone)";
    } else if (!missing.empty()) {
        r.status = CompatStatus::NeedsTraining;
        r.trainCommand = req.trainCommand;
        if (const auto at = r.trainCommand.find("{model}"); at != std::string::npos)
            r.trainCommand.replace(at, 7, model.origin());
        r.detail = "needs trained " + what + " (checkpoint keys " + join(missing, ", ") + " not found); " +
                   (r.trainCommand.empty() ? "this app cannot train them yet" : "train them with: " + r.trainCommand);
    } else if (!req.learnedKeys.empty()) {
        std::vector<std::string> found;
        for (const std::string& key : req.learnedKeys) found.push_back(key + "*");
        // Name the parts file they came from, when not the checkpoint itself.
        const auto first = model.extras().lower_bound(req.learnedKeys.front());
        const std::string file = model.extraOrigin(first->first);
        r.detail = "trained " + what + " found in " + (file == model.origin() ? "the checkpoint" : file) + " (" +
                   join(found, ", ") + ")";
    } else {
        r.detail = spec.trainingFree ? "training-free" : "its learned parts come with the method";
    }

    for (const std::string& id : req.blockKnobs)
        if (const Knob* k = spec.knob(id))
            if (std::string note = blockKnobNote(spec, *k, c.depth); !note.empty()) r.notes.push_back(note);
    if (const int n = method.calibrationImages(); n > 0)
        r.notes.push_back("calibrates on " + std::to_string(n) + " images of a dataset before it runs (no training)");
    return r;
}

}  // namespace

std::string compatStatusName(CompatStatus status) {
    switch (status) {
        case CompatStatus::Applies:
            return "applies";
        case CompatStatus::NeedsTraining:
            return "needs_training";
        case CompatStatus::CannotApply:
            return "cannot_apply";
    }
    return "cannot_apply";
}

const MethodCompatibility* CompatibilityReport::method(const std::string& id) const {
    for (const MethodCompatibility& m : methods)
        if (m.id == id) return &m;
    return nullptr;
}

CompatibilityReport checkCompatibility(const ViTModel& model) { return checkCompatibility(model, builtinRegistry()); }

CompatibilityReport checkCompatibility(const ViTModel& model, const Registry& registry) {
    const ViTConfig& c = model.config();
    CompatibilityReport r;
    r.family = familyInWords(model);
    r.familyId = model.family();
    r.architecture = c.architecture;
    r.imageSize = c.imageSize;
    r.inChans = c.inChans;
    r.patchSize = c.patchSize;
    r.gridH = r.gridW = c.grid();
    r.depth = c.depth;
    r.numHeads = c.numHeads;
    r.headDim = c.headDim();
    r.embedDim = c.embedDim;
    r.prefixTokens = c.numPrefixTokens();
    r.prefix = c.distilled ? "CLS + distillation" : "CLS";
    r.pool = c.pool;
    r.pooling = poolingInWords(c);
    // A fresh instance per method, for what only the method knows (its calibration need).
    for (const MethodSpec& spec : registry.specs()) r.methods.push_back(judge(model, spec, *registry.create(spec.id)));
    return r;
}

std::string compatibilityText(const CompatibilityReport& r) {
    std::ostringstream out;
    auto fact = [&](const char* label, const std::string& value) {
        out << "  " << std::left << std::setw(11) << label << value << "\n";
    };
    out << "compatibility\n";
    fact("family", r.family);
    fact("input", std::to_string(r.inChans) + "x" + std::to_string(r.imageSize) + "x" + std::to_string(r.imageSize) +
                      ", patch " + std::to_string(r.patchSize) + ", grid " + std::to_string(r.gridH) + "x" +
                      std::to_string(r.gridW) + " (" + std::to_string(r.gridH * r.gridW) + " patches)");
    fact("blocks", std::to_string(r.depth) + ", " + std::to_string(r.numHeads) + " heads x head dim " +
                       std::to_string(r.headDim) + " = embed dim " + std::to_string(r.embedDim));
    fact("prefix", std::to_string(r.prefixTokens) + (r.prefixTokens == 1 ? " token (" : " tokens (") + r.prefix + ")");
    fact("pooling", r.pooling);
    size_t idWidth = 6, statusWidth = 6;
    for (const MethodCompatibility& m : r.methods) {
        idWidth = std::max(idWidth, m.id.size());
        statusWidth = std::max(statusWidth, compatStatusName(m.status).size());
    }
    auto row = [&](const std::string& id, const std::string& status, const std::string& detail) {
        out << "  " << std::left << std::setw(static_cast<int>(idWidth + 2)) << id
            << std::setw(static_cast<int>(statusWidth + 2)) << status << detail << "\n";
    };
    row("method", "status", "detail");
    for (const MethodCompatibility& m : r.methods) {
        std::string status = compatStatusName(m.status);
        std::replace(status.begin(), status.end(), '_', ' ');
        row(m.id, status, m.detail);
        for (const std::string& note : m.notes) row("", "", "note: " + note);
    }
    return out.str();
}

nlohmann::json compatibilityToJson(const MethodCompatibility& m) {
    return {{"id", m.id},
            {"name", m.name},
            {"status", compatStatusName(m.status)},
            {"detail", m.detail},
            {"notes", m.notes},
            {"train_command", m.trainCommand},
            {"learned_keys", m.learnedKeys}};
}

nlohmann::json compatibilityToJson(const CompatibilityReport& r) {
    nlohmann::json methods = nlohmann::json::array();
    for (const MethodCompatibility& m : r.methods) methods.push_back(compatibilityToJson(m));
    return {{"family", r.family},
            {"family_id", r.familyId},
            {"architecture", r.architecture},
            {"image_size", r.imageSize},
            {"in_chans", r.inChans},
            {"patch_size", r.patchSize},
            {"grid_h", r.gridH},
            {"grid_w", r.gridW},
            {"depth", r.depth},
            {"num_heads", r.numHeads},
            {"head_dim", r.headDim},
            {"embed_dim", r.embedDim},
            {"prefix_tokens", r.prefixTokens},
            {"prefix", r.prefix},
            {"pool", r.pool},
            {"pooling", r.pooling},
            {"methods", methods}};
}

CompatibilityReport compatibilityFromJson(const nlohmann::json& j) {
    try {
        CompatibilityReport r;
        j.at("family").get_to(r.family);
        j.at("family_id").get_to(r.familyId);
        j.at("architecture").get_to(r.architecture);
        j.at("image_size").get_to(r.imageSize);
        j.at("in_chans").get_to(r.inChans);
        j.at("patch_size").get_to(r.patchSize);
        j.at("grid_h").get_to(r.gridH);
        j.at("grid_w").get_to(r.gridW);
        j.at("depth").get_to(r.depth);
        j.at("num_heads").get_to(r.numHeads);
        j.at("head_dim").get_to(r.headDim);
        j.at("embed_dim").get_to(r.embedDim);
        j.at("prefix_tokens").get_to(r.prefixTokens);
        j.at("prefix").get_to(r.prefix);
        j.at("pool").get_to(r.pool);
        j.at("pooling").get_to(r.pooling);
        for (const nlohmann::json& mj : j.at("methods")) {
            MethodCompatibility m;
            mj.at("id").get_to(m.id);
            mj.at("name").get_to(m.name);
            const std::string status = mj.at("status").get<std::string>();
            bool known = false;
            for (CompatStatus s : {CompatStatus::Applies, CompatStatus::NeedsTraining, CompatStatus::CannotApply})
                if (status == compatStatusName(s)) {
                    m.status = s;
                    known = true;
                }
            if (!known) throw Error("compatibility report: unknown status '" + status + "' of method '" + m.id + "'");
            mj.at("detail").get_to(m.detail);
            mj.at("notes").get_to(m.notes);
            mj.at("train_command").get_to(m.trainCommand);
            mj.at("learned_keys").get_to(m.learnedKeys);
            r.methods.push_back(std::move(m));
        }
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("compatibility report: ") + e.what());
    }
}

}  // namespace vp
