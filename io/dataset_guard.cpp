#include "io/dataset_guard.h"

#include "common/error.h"

namespace vp {

void checkDatasetFitsModel(const ViTConfig& cfg, const Dataset& data, const std::string& datasetSpec,
                           const std::string& modelName) {
    const std::string model = "model '" + (modelName.empty() ? cfg.architecture : modelName) + "'";
    const std::string input =
        std::to_string(cfg.inChans) + "x" + std::to_string(cfg.imageSize) + "x" + std::to_string(cfg.imageSize);
    if (cfg.inChans != 1 && cfg.inChans != 3)
        throw Error("dataset '" + datasetSpec + "' cannot feed " + model + ": it takes " + input +
                    " input, and images are grey (1 channel) or colour (3 channels)");
    const int64_t classes = static_cast<int64_t>(data.classNames().size());
    if (classes == cfg.numClasses) return;
    throw Error("dataset '" + datasetSpec + "' has " + std::to_string(classes) + " classes but " + model + " has " +
                std::to_string(cfg.numClasses) + " (num_classes; input " + input +
                "): the dataset's labels cannot be the model's classes. Score this model on a folder of class "
                "folders (ImageNet-style, one sub-folder per class, " +
                std::to_string(cfg.numClasses) + " of them in the model's class order), or pick a model with " +
                std::to_string(classes) + " classes");
}

}  // namespace vp
