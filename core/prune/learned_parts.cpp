#include "prune/learned_parts.h"

#include <sstream>

#include "common/error.h"
#include "model/key_map.h"
#include "model/vit_model.h"

namespace vp {
namespace {

std::string shapeText(at::IntArrayRef shape) {
    std::ostringstream s;
    s << '[';
    for (size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
    s << ']';
    return s.str();
}

}  // namespace

TensorMap partsOf(const ViTModel& model, const LearnedParts& parts, const std::string& prefix, bool* random) {
    TensorMap found;
    for (auto it = model.extras().lower_bound(prefix);
         it != model.extras().end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        found.insert(*it);
    if (random) *random = false;
    if (!found.empty()) return found;
    if (model.family() == "random") {  // cost and speed work: random parts for a random backbone
        if (random) *random = true;
        return parts.initParts(model, 0);
    }
    throw fileError(model.origin(), "has no trained parts under '" + prefix +
                                        "*' (train them with vitprune train-method, "
                                        "or load a parts file with --parts)");
}

std::optional<ViTModel> withTunedBackbone(const ViTModel& model, const std::string& prefix) {
    if (prefix.empty()) return std::nullopt;
    TensorMap timm;
    std::string file;
    for (auto it = model.extras().lower_bound(prefix);
         it != model.extras().end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        timm[it->first.substr(prefix.size())] = it->second;
        file = model.extraOrigin(it->first);
    }
    if (timm.empty()) return std::nullopt;
    ViTModel tuned = model;
    tuned.weights() = takeWeights(timm, model.config(), file + " (tuned backbone under '" + prefix + "')");
    return tuned.to(model.device(), model.dtype());
}

ForwardResult trainingForward(const ViTModel& student, PruneMethod& method, bool& flag, const at::Tensor& images) {
    flag = true;
    try {
        ForwardResult out = student.forward(images, method);
        flag = false;
        return out;
    } catch (...) {
        flag = false;
        throw;
    }
}

at::Tensor requirePart(const ViTModel& model, const TensorMap& parts, const std::string& key, at::IntArrayRef shape) {
    const auto it = parts.find(key);
    if (it == parts.end()) {
        // Name the file the method's other parts came from (a parts file or the checkpoint).
        const std::string file = parts.empty() ? model.origin() : model.extraOrigin(parts.begin()->first);
        throw fileError(file, "method parts: key '" + key + "' is missing (expected shape " + shapeText(shape) + ")");
    }
    if (it->second.sizes() != shape)
        throw fileError(model.extraOrigin(key), "method parts: key '" + key + "' has shape " +
                                                    shapeText(it->second.sizes()) + ", expected " + shapeText(shape));
    if (!it->second.is_floating_point())
        throw fileError(model.extraOrigin(key), "method parts: key '" + key + "' is not a floating-point tensor");
    return it->second.to(model.device(), model.dtype());
}

at::Tensor finalNorm(const ViTModel& model, const at::Tensor& tokens) {
    const ViTWeights& w = model.weights();
    if (!w.normW.defined()) return tokens;
    return at::layer_norm(tokens, {model.config().embedDim}, w.normW, w.normB, model.config().lnEps);
}

}  // namespace vp
