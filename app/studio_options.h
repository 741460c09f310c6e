#pragma once
// The GUI command line (docs/architecture.md, "GUI command line"):
//   vitprune-studio [--model M] [--image F | --video F] [--method ID] [--set K=V]... [--layer L]
//                   [--view patches|token-map|attention|attention-rollout] [--compare ID,ID] [--screenshot OUT.png]
//                   [--quit-after-screenshot]
#include <QString>
#include <QStringList>
#include <optional>

namespace vp {

struct StudioOptions {
    std::optional<QString> model;   // unset: last used, else the default model
    std::optional<QString> image;   // unset: last used, else the default image
    QString video;                  // a video file or camera:N to open on the video page
    int playFrames = 0;             // with --video: play this many frames before the screenshot
    std::optional<QString> method;  // unset: dense
    std::optional<QString> device;  // "cpu", "cpu/bfloat16", "cuda", ...; unset: last used, else cpu
    QStringList sets;               // K=V, validated against the method's spec
    std::optional<int> layer;
    QString
        view;  // "patches", "token-map", "attention" or "attention-rollout": the single view's tab; "" = as last used
    QStringList compare;  // 2–4 method ids: open in compare mode
    QString sweep;        // a sweep file (vitprune sweep/merge) for the Pareto plot
    QString
        exportPareto;  // with --sweep: write the Pareto figure (.png/.svg/.pdf/.csv/.json)       // 0-based block whose token fates are shown; unset: the last
    QString analysis;  // efficiency | breakdown | latency: open that view after the first result
    QString analysisFile;  // efficiency=FILE: a table of `vitprune bench --out` to show
    QString screenshot;    // save the window here once the first result is shown
    bool quitAfterScreenshot = false;
    // Unattended (screenshot) runs ignore and do not write the saved settings, and report errors
    // on stderr with exit code 2 instead of dialogs.
    bool unattended() const { return !screenshot.isEmpty(); }
};

struct ParsedOptions {
    StudioOptions options;
    int exitCode = -1;  // ≥ 0: exit now with this code (help, version, bad arguments)
    QString message;    // for stdout (exit 0) or stderr (otherwise)
};

// Parses QCoreApplication::arguments(); validates the method id and the --set values against
// the built-in registry (bad ones → exit code 2 with a message naming them).
ParsedOptions parseStudioOptions(const QStringList& arguments);

}  // namespace vp
