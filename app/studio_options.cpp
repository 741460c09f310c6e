#include "studio_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include "common/error.h"
#include "inference_types.h"
#include "prune/registry.h"

namespace vp {
namespace {

ParsedOptions stop(int code, const QString& message) {
    ParsedOptions p;
    p.exitCode = code;
    p.message = message;
    return p;
}

}  // namespace

ParsedOptions parseStudioOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ViT Prune Studio: see which patches a token-pruning method keeps, what it predicts and what it costs.\n"
        "MODEL: a .safetensors/.pth file, a folder with config.json, a built-in name (fashion-vit-tiny) "
        "or random:ARCH."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption model({"m", "model"}, "Model to open.", "MODEL");
    const QCommandLineOption image({"i", "image"}, "Image to open.", "FILE");
    const QCommandLineOption video("video", "Video (file, or camera:N) to open on the video page.", "FILE");
    const QCommandLineOption play("play", "With --video: play N frames first (the screenshot shows the N-th).", "N");
    const QCommandLineOption method("method", "Pruning method id (see `vitprune methods`).", "ID");
    const QCommandLineOption device("device",
                                    "Where the forwards run, and in which precision: cpu, cpu/bfloat16, cuda, "
                                    "cuda/bfloat16 or cuda/float16.",
                                    "D");
    const QCommandLineOption set("set", "Knob value of the method, repeatable (e.g. keep=0.5).", "K=V");
    const QCommandLineOption layer("layer", "0-based block whose patch fates are shown (default: the last).", "L");
    const QCommandLineOption view("view",
                                  "Single view's tab: patches (patch fates), token-map (tokens coloured by "
                                  "the dense model's PCA), attention (CLS attention per block and head, dense "
                                  "and method side by side) or attention-rollout (the same tab in rollout mode).",
                                  "patches|token-map|attention|attention-rollout");
    const QCommandLineOption compare("compare", "Compare 2 to 4 methods side by side (comma-separated ids).", "ID,ID");
    const QCommandLineOption sweep("sweep", "Show this sweep file (of vitprune sweep or merge) in the Pareto plot.",
                                   "FILE");
    const QCommandLineOption exportPareto(
        "export-pareto", "With --sweep: write the Pareto figure (.png, .svg, .pdf) or its data (.csv, .json).", "OUT");
    const QCommandLineOption analysis(
        "analysis",
        "Open an Analysis view once the first result is shown: efficiency (measures; or "
        "efficiency=TABLE.json from vitprune bench --out), breakdown (time per block of "
        "the current setting), latency (Pareto plot against measured ms per image) or "
        "per-image[=N] (GMACs of each of the first N Fashion-MNIST test images, default 1000). "
        "With --screenshot the view is what is saved.",
        "NAME[=FILE]");
    const QCommandLineOption screenshot("screenshot", "Save the window as an image once the first result is shown.",
                                        "OUT.png");
    const QCommandLineOption quit("quit-after-screenshot", "Quit (exit code 0) after saving the screenshot.");
    parser.addOptions({model, image, video, play, method, device, set, layer, view, compare, sweep, exportPareto, analysis,
                       screenshot, quit});

    if (!parser.parse(arguments)) return stop(2, parser.errorText() + "\n\n" + parser.helpText());
    if (parser.isSet(help)) return stop(0, parser.helpText());
    if (parser.isSet(version))
        return stop(0, QCoreApplication::applicationName() + " " + QCoreApplication::applicationVersion());
    if (!parser.positionalArguments().isEmpty())
        return stop(2, "unexpected argument '" + parser.positionalArguments().first() + "'\n\n" + parser.helpText());
    if (parser.isSet(video) && parser.isSet(image)) return stop(2, "--image and --video: give one of them");

    ParsedOptions out;
    StudioOptions& o = out.options;
    if (parser.isSet(model)) o.model = parser.value(model);
    if (parser.isSet(image)) o.image = parser.value(image);
    if (parser.isSet(video)) o.video = parser.value(video);
    if (parser.isSet(play)) {
        bool ok = false;
        o.playFrames = parser.value(play).toInt(&ok);
        if (!ok || o.playFrames < 1 || o.playFrames > 1000000)
            return stop(2, "--play '" + parser.value(play) + "': expected a frame count from 1 to 1000000");
        if (!parser.isSet(video)) return stop(2, "--play needs --video");
    }
    if (parser.isSet(method)) o.method = parser.value(method);
    if (parser.isSet(device)) {
        o.device = parser.value(device);
        const QStringList known = allComputeChoices();
        if (!known.contains(*o.device))
            return stop(2, "--device '" + *o.device + "': expected " + known.join(", ") +
                               " (a GPU choice needs a CUDA build of LibTorch and a GPU)");
    }
    o.sets = parser.values(set);
    if (parser.isSet(layer)) {
        bool ok = false;
        const int l = parser.value(layer).toInt(&ok);
        if (!ok || l < 0) return stop(2, "--layer '" + parser.value(layer) + "': expected a block index ≥ 0");
        o.layer = l;
    }
    if (parser.isSet(view)) {
        o.view = parser.value(view);
        const QStringList views{"patches", "token-map", "attention", "attention-rollout"};
        if (!views.contains(o.view))
            return stop(2, "--view '" + o.view + "': expected patches, token-map, attention or attention-rollout");
    }
    if (parser.isSet(compare)) {
        o.compare = parser.value(compare).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& id : o.compare) id = id.trimmed();
        if (o.compare.size() < 2 || o.compare.size() > 4)
            return stop(2, "--compare '" + parser.value(compare) + "': give 2 to 4 method ids separated by commas");
    }
    if (parser.isSet(analysis)) {
        const QString a = parser.value(analysis);
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        o.analysis = eq < 0 ? a : a.left(eq);
        o.analysisFile = eq < 0 ? QString() : a.mid(eq + 1);
        if (o.analysis != QStringLiteral("efficiency") && o.analysis != QStringLiteral("breakdown") &&
            o.analysis != QStringLiteral("latency") && o.analysis != QStringLiteral("per-image"))
            return stop(
                2, "--analysis '" + a + "': expected efficiency[=TABLE.json], breakdown, latency or per-image[=N]");
        if (o.analysis == QStringLiteral("per-image")) {
            bool ok = true;
            if (!o.analysisFile.isEmpty() && (o.analysisFile.toInt(&ok) < 1 || !ok))
                return stop(2, "--analysis '" + a + "': per-image=N takes a number of images >= 1");
        } else if (!o.analysisFile.isEmpty() && o.analysis != QStringLiteral("efficiency")) {
            return stop(2, "--analysis '" + a + "': only efficiency takes a file");
        }
    }
    o.sweep = parser.value(sweep);
    o.exportPareto = parser.value(exportPareto);
    if (!o.exportPareto.isEmpty() && o.sweep.isEmpty()) return stop(2, "--export-pareto needs --sweep FILE");
    o.screenshot = parser.value(screenshot);
    o.quitAfterScreenshot = parser.isSet(quit);
    if (o.quitAfterScreenshot && o.screenshot.isEmpty()) return stop(2, "--quit-after-screenshot needs --screenshot");

    // Method and knobs are checked now, so a typo fails before any window opens.
    try {
        const std::string id = o.method.value_or(QStringLiteral("dense")).toStdString();
        builtinRegistry().create(id);  // throws "unknown method 'x' (known: ...)"
        for (const QString& c : o.compare) builtinRegistry().create(c.toStdString());
        KnobValues values;
        for (const QString& s : o.sets) values.setFromAssignment(s.toStdString());
        for (const MethodSpec& spec : builtinRegistry().specs())
            if (spec.id == id) values.validate(spec);
    } catch (const Error& e) {
        return stop(2, QString::fromStdString(e.what()));
    }
    return out;
}

}  // namespace vp
