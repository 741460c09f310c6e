// vitprune export-overlay MODEL IMAGE: a figure of the patch fates after chosen blocks (a grid of
// tiles, each "block N" with its patches per fate, a caption with model, image, method, settings
// and GMACs) and/or the per-block keep masks as JSON.
#include <c10/core/InferenceMode.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli_common.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/parse_number.h"
#include "io/image_loader.h"
#include "io/overlay_figure.h"
#include "io/preprocess.h"
#include "prune/flops.h"
#include "prune/keep_masks.h"

namespace vp::cli {
namespace {

// --layers "all" (empty list) or 0-based block numbers "0,3,6,9"; the range is checked later.
std::vector<int> parseLayers(const std::string& text) {
    std::vector<int> blocks;
    if (text == "all") return blocks;
    for (const std::string& item : splitList(text)) {
        const std::optional<double> v = parseFiniteNumber(item);
        if (!v || *v != static_cast<int>(*v) || *v < 0)
            throw Error("--layers '" + text + "': '" + item +
                        "' is not a block number (0-based), expected e.g. 0,3,6,9 or all");
        blocks.push_back(static_cast<int>(*v));
    }
    if (blocks.empty()) throw Error("--layers '" + text + "': expected block numbers (0-based, e.g. 0,3,6,9) or all");
    return blocks;
}

// A short name for the caption: the file or folder name of a path, the name itself otherwise.
std::string shortName(const std::string& name) {
    std::filesystem::path p(name);
    if (p.filename().empty()) p = p.parent_path();
    return p.filename().empty() ? name : p.filename().string();
}

std::string gmacsText(double g) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(4) << g;
    return s.str();
}

}  // namespace

int cmdExportOverlay(const Args& args) {
    args.allowOnly({"--method", "--calib", "--set", "--budget", "--device", "--dtype", "--parts", "--layers", "--out",
                    "--masks-out", "--scale"});
    const std::string modelName = args.positional(0, "MODEL"), imagePath = args.positional(1, "IMAGE");
    if (args.positionals().size() > 2) throw Error("one IMAGE at a time, got " + args.positionals()[2] + " too");
    const std::string out = args.value("--out"), masksOut = args.value("--masks-out");
    if (out.empty() && masksOut.empty())
        throw Error("nothing to write: give --out FIG.png|.jpg and/or --masks-out MASKS.json");
    if (!out.empty() && out == masksOut) throw Error("--out and --masks-out name the same file " + out);
    // Names and folders are checked before the model loads; nothing is written until both are ready.
    if (!out.empty()) {
        figureFormat(out);
        checkCanWrite(out);
    }
    if (!masksOut.empty()) checkCanWrite(masksOut);
    const std::vector<int> asked = parseLayers(args.value("--layers", "all"));
    const cv::Mat image = loadImage(imagePath);

    ViTModel model = openModel(args);
    const double denseGmacs = toG(denseMacs(model));  // before a structural method shrinks `model`
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    const int size = model.config().imageSize;
    const int scale = args.intValue("--scale", std::max(1, (256 + size - 1) / size), 1, 64);

    c10::InferenceMode guard;
    ForwardOptions options;
    options.trace = TraceLevel::Full;
    const ForwardResult r =
        model.forward(preprocess(image, model.config()).to(model.device(), model.dtype()), *method, options);
    const int depth = static_cast<int>(r.trace.layers.size());
    std::vector<int> blocks = asked;
    if (blocks.empty())
        for (int l = 0; l < depth; ++l) blocks.push_back(l);
    for (int b : blocks)
        if (b >= depth)
            throw Error("--layers: block " + std::to_string(b) + " does not exist; the model has blocks 0.." +
                        std::to_string(depth - 1));
    const double gmacs = toG(traceMacs(model, r.trace));

    std::vector<std::pair<std::string, std::string>> files;
    std::ostringstream report;
    if (!out.empty()) {
        const std::string setting = settingsText(settings);
        const std::string caption = "model " + shortName(modelName) + "  image " + shortName(imagePath) + "  method " +
                                    method->spec().id + (setting.empty() ? "" : " " + setting) + "  " +
                                    gmacsText(gmacs) + " GMACs (dense " + gmacsText(denseGmacs) + ")";
        const cv::Mat figure = fateGridFigure(displayImage(image, model.config()), r.trace, blocks, scale, caption);
        files.emplace_back(out, encodeFigure(out, figure));
        report << "wrote " << out << " (" << figure.cols << "x" << figure.rows << ", " << blocks.size()
               << (blocks.size() == 1 ? " block" : " blocks") << ")\n";
    }
    if (!masksOut.empty()) {
        const KeepMasksInfo info{modelName, imagePath,  method->spec().id,   settings.raw(),
                                 gmacs,     denseGmacs, model.device().str()};
        files.emplace_back(masksOut, keepMasksText(r.trace, info));
        report << "wrote " << masksOut << " (keep masks of " << depth << " blocks)\n";
    }
    writeFilesAtomic(files);
    std::cout << report.str();
    return 0;
}

}  // namespace vp::cli
