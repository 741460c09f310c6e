// vitprune predict MODEL IMAGE...: top-5 per image with the method's cost and kept tokens;
// --masks-out FILE.json also writes the image's per-block keep masks (prune/keep_masks.h).
#include <c10/core/InferenceMode.h>

#include <iomanip>
#include <iostream>

#include "cli_common.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/provenance.h"
#include "io/image_loader.h"
#include "io/preprocess.h"
#include "prune/flops.h"
#include "prune/keep_masks.h"

namespace vp::cli {

int cmdPredict(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set", "--budget", "--device", "--dtype", "--parts", "--top",
                    "--masks-out"});
    const std::string masksOut = args.value("--masks-out");
    if (!masksOut.empty()) {
        if (args.positionals().size() > 2)
            throw Error("--masks-out writes the keep masks of one IMAGE; " +
                        std::to_string(args.positionals().size() - 1) + " were given");
        checkCanWrite(masksOut);
    }
    ViTModel model = openModel(args);
    const double denseGmacs = toG(denseMacs(model));  // before a structural method shrinks `model`
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    const int topK = args.intValue("--top", 5, 1, 1000);
    if (args.positionals().size() < 2) throw Error("missing argument IMAGE");
    c10::InferenceMode guard;
    ForwardOptions options;
    if (!masksOut.empty()) options.trace = TraceLevel::Full;
    nlohmann::json predictions = nlohmann::json::array();
    for (size_t i = 1; i < args.positionals().size(); ++i) {
        const std::string& path = args.positionals()[i];
        at::Tensor x = preprocess(loadImage(path), model.config()).to(model.device(), model.dtype());
        ForwardResult r = model.forward(x, *method, options);
        at::Tensor prob = r.logits.softmax(1)[0].cpu();
        const int k = std::min<int>(topK, static_cast<int>(prob.size(0)));
        auto [values, indices] = prob.topk(k);
        nlohmann::json top = nlohmann::json::array();
        for (int j = 0; j < k; ++j) {
            const int idx = static_cast<int>(indices[j].item<int64_t>());
            top.push_back({{"index", idx}, {"label", model.config().label(idx)}, {"prob", values[j].item<float>()}});
        }
        std::vector<double> kept;
        for (size_t l = 0; l < r.trace.layers.size(); ++l) kept.push_back(r.trace.meanTokensAfter(static_cast<int>(l)));
        const double g = toG(traceMacs(model, r.trace));
        predictions.push_back({{"image", path}, {"top", top}, {"gmacs", g}, {"kept_per_layer", kept}});
        if (!masksOut.empty()) {
            const KeepMasksInfo info{
                args.positional(0, "MODEL"), path, method->spec().id, settings.raw(), g, denseGmacs,
                model.device().str()};
            writeFileAtomic(masksOut, keepMasksText(r.trace, info));
        }
        if (!args.has("--json")) {
            std::cout << path << "  (" << std::fixed << std::setprecision(3) << g << " GMACs)\n";
            for (const auto& t : top)
                std::cout << "  " << std::setw(6) << std::setprecision(2) << 100 * t["prob"].get<double>() << "%  "
                          << t["label"].get<std::string>() << "\n";
        }
    }
    if (!masksOut.empty() && !args.has("--json")) std::cout << "wrote " << masksOut << "\n";
    if (args.has("--json")) {
        nlohmann::json j{{"method", method->spec().id},
                         {"settings", settingsToJson(settings)},
                         {"predictions", predictions},
                         {"provenance", provenanceJson(model.device().str())}};
        if (!masksOut.empty()) j["masks_out"] = masksOut;
        printJson(j);
    }
    return 0;
}

}  // namespace vp::cli
