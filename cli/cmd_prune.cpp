// vitprune prune: a structural method's physically smaller model, saved as a folder
// (model.safetensors with timm keys + config.json with the per-block widths) that every part of
// the app, and timm-style key maps, reopen to identical logits.
#include <iostream>

#include "cli_common.h"
#include "common/error.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"

namespace vp::cli {

int cmdPrune(const Args& args) {
    const std::string out = args.value("--out", "");
    if (out.empty()) throw Error("prune needs --out DIR, the folder to save the pruned model in");
    const std::string id = args.value("--method", "");
    if (id.empty()) throw Error("prune needs --method ID (a structural method: vitprune methods lists them)");
    const MethodSpec& spec = builtinRegistry().spec(id);
    if (spec.family != "structural")
        throw Error("method '" + id + "' is a " + spec.family +
                    " method: it changes the tokens, not the weights, so there is no smaller model to save");
    ViTModel model = openModel(args);
    const double denseG = toG(denseMacs(model));
    const int64_t denseParams = model.parameterCount();
    KnobValues settings;
    (void)openMethod(args, model, &settings);
    saveModelFolder(model.to(at::kCPU, at::kFloat), out);
    const double prunedG = toG(denseMacs(model));
    if (args.has("--json")) {
        printJson({{"method", id},
                   {"settings", settingsToJson(settings)},
                   {"out", out},
                   {"dense_gmacs", denseG},
                   {"gmacs", prunedG},
                   {"dense_params", denseParams},
                   {"params", model.parameterCount()},
                   {"pruned_by", model.config().prunedBy}});
    } else {
        std::cout << "saved " << out << ": " << prunedG << " GMACs (dense " << denseG << "), " << model.parameterCount()
                  << " parameters (dense " << denseParams << ")\n"
                  << model.config().prunedBy << "\n";
    }
    return 0;
}

}  // namespace vp::cli
