// vitprune info / flops: what a model is and what a setting costs.
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

#include <iomanip>
#include <iostream>
#include <set>

#include "cli_common.h"
#include "model/compatibility.h"
#include "prune/flops.h"

namespace vp::cli {

int cmdInfo(const Args& args) {
    args.allowOnly({"--json", "--device", "--dtype", "--parts"});
    ViTModel model = openModel(args);
    const ViTConfig& c = model.config();
    const double g = toG(denseMacs(model));
    const CompatibilityReport report = checkCompatibility(model);
    if (args.has("--json")) {
        // The model facts are top-level keys already; the report adds its words and one entry per method.
        const nlohmann::json rj = compatibilityToJson(report);
        nlohmann::json widths = nlohmann::json::array();
        for (const BlockWidth& w : c.blockWidths)
            widths.push_back({{"heads", w.heads},
                              {"qk_dim", w.qkDim},
                              {"v_dim", w.vDim},
                              {"mlp_hidden", w.mlpHidden},
                              {"attention", w.attention},
                              {"map_heads", w.computedMaps()},
                              {"fc2_rank", w.fc2Rank}});
        printJson({{"model", model.origin()},
                   {"pruned_by", c.prunedBy},
                   {"block_widths", widths},
                   {"family", model.family()},
                   {"architecture", c.architecture},
                   {"gmacs", g},
                   {"params", model.parameterCount()},
                   {"image_size", c.imageSize},
                   {"in_chans", c.inChans},
                   {"patch_size", c.patchSize},
                   {"grid", c.grid()},
                   {"embed_dim", c.embedDim},
                   {"depth", c.depth},
                   {"num_heads", c.numHeads},
                   {"mlp_hidden", c.mlpHidden},
                   {"num_classes", c.numClasses},
                   {"distilled", c.distilled},
                   {"pool", c.pool},
                   {"prefix_tokens", c.numPrefixTokens()},
                   {"extra_tensors", model.extras().size()},
                   {"label_names", c.labelNames},
                   {"head_dim", report.headDim},
                   {"family_description", report.family},
                   {"pooling", report.pooling},
                   {"compatibility", rj.at("methods")}});
        return 0;
    }
    std::cout << "model        " << model.origin() << "  [" << model.family() << "]\n"
              << "architecture " << c.architecture << "\n"
              << "input        " << c.inChans << "x" << c.imageSize << "x" << c.imageSize << ", patch " << c.patchSize
              << " (" << c.grid() << "x" << c.grid() << " patches + " << c.numPrefixTokens() << " prefix)\n"
              << "width        dim " << c.embedDim << ", " << c.depth << " blocks, " << c.numHeads << " heads, MLP "
              << c.mlpHidden << "\n"
              << "classes      " << c.numClasses << (c.labelNames.empty() ? "" : " (named)") << ", pool " << c.pool
              << "\n"
              << "parameters   " << std::fixed << std::setprecision(2) << model.parameterCount() / 1e6 << " M\n"
              << "GMACs        " << std::setprecision(3) << g << "\n";
    if (!c.prunedBy.empty()) {
        std::cout << "pruned by    " << c.prunedBy << "\n";
        for (size_t i = 0; i < c.blockWidths.size(); ++i) {
            const BlockWidth& w = c.blockWidths[i];
            std::cout << "  block " << std::setw(2) << i << "  ";
            if (w.attention)
                std::cout << w.heads << " heads x qk " << w.qkDim << " / v " << w.vDim;
            else if (w.standIn == StandIn::Conv)
                std::cout << "attention -> " << w.convKernel << "x" << w.convKernel << " conv to " << w.convDim
                          << " channels";
            else if (w.standIn == StandIn::Identity)
                std::cout << "attention skipped";
            else
                std::cout << "attention removed";
            if (w.attention && w.computedMaps() < w.heads)
                std::cout << ", " << w.heads - w.computedMaps() << " hallucinated";
            std::cout << ", MLP " << w.mlpHidden;
            if (w.fc2Rank > 0) std::cout << " (fc2 rank " << w.fc2Rank << ")";
            std::cout << "\n";
        }
    }
    if (!model.extras().empty()) {
        std::cout << "extra tensors " << model.extras().size() << " (method parts)\n";
        std::set<std::string> files;  // parts files loaded beside the model or with --parts
        for (const auto& [key, t] : model.extras())
            if (model.extraOrigin(key) != model.origin()) files.insert(model.extraOrigin(key));
        for (const std::string& f : files) std::cout << "  parts file " << f << "\n";
    }
    std::cout << "\n" << compatibilityText(report);
    return 0;
}

int cmdFlops(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set"});
    ViTModel model = openModel(args);
    const double dense = toG(denseMacs(model));
    MethodPtr method = openMethod(args, model);
    // A token method's cost can depend on the image: measure it on a fixed random input.
    c10::InferenceMode guard;
    const ViTConfig& c = model.config();
    at::Tensor x = at::randn({1, c.inChans, c.imageSize, c.imageSize}, at::make_generator<at::CPUGeneratorImpl>(0));
    ForwardResult r = model.forward(x, *method);
    const double g = toG(traceMacs(model, r.trace));
    std::vector<double> kept;
    for (size_t l = 0; l < r.trace.layers.size(); ++l) kept.push_back(r.trace.meanTokensAfter(static_cast<int>(l)));
    if (args.has("--json")) {
        printJson({{"gmacs", g},
                   {"gmacs_dense", dense},
                   {"ratio", g / dense},
                   {"method", method->spec().id},
                   {"kept_per_layer", kept}});
        return 0;
    }
    std::cout << std::fixed << std::setprecision(3) << g << " GMACs (" << std::setprecision(1) << 100 * g / dense
              << "% of dense " << std::setprecision(3) << dense << ")\n";
    return 0;
}

}  // namespace vp::cli
