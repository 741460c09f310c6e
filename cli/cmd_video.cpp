// vitprune video MODEL VIDEO: a method on every frame of a video (or camera) beside the dense
// model — per frame GMACs, ms, top-1 and agreement with dense; a summary with means and p95.
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli_common.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/json_text.h"
#include "common/provenance.h"
#include "eval/confidence.h"
#include "eval/video_eval.h"
#include "io/fate_drawing.h"
#include "io/preprocess.h"
#include "io/video_file_writer.h"
#include "io/video_source.h"
#include "progress_bar.h"

namespace vp::cli {
namespace {

nlohmann::json frameToJson(const ViTModel& model, const VideoFrameResult& f) {
    return {{"index", f.index},
            {"gmacs", f.gmacs},
            {"ms", f.ms},
            {"dense_ms", f.denseMs},
            {"top1", f.top1},
            {"top1_label", model.config().label(f.top1)},
            {"top1_prob", f.top1Prob},
            {"dense_top1", f.denseTop1},
            {"agrees_with_dense", f.agrees()}};
}

// 95% Wilson interval of the share of frames whose top-1 agrees with dense. Neighbouring frames
// are alike, so it is narrower than the truth for long still scenes.
nlohmann::json agreementCi95(const VideoSummary& s) {
    const int64_t agreeing = std::llround(s.agreement * static_cast<double>(s.frames));
    const ConfidenceInterval ci = wilsonInterval(agreeing, s.frames);
    return {ci.lo, ci.hi};
}

nlohmann::json summaryToJson(const VideoSummary& s) {
    return {{"frames", s.frames},
            {"mean_gmacs", s.meanGmacs},
            {"p95_gmacs", s.p95Gmacs},
            {"dense_gmacs", s.denseGmacs},
            {"mean_ms", s.meanMs},
            {"p95_ms", s.p95Ms},
            {"mean_dense_ms", s.meanDenseMs},
            {"p95_dense_ms", s.p95DenseMs},
            {"agreement", s.agreement},
            {"agreement_ci95", agreementCi95(s)},
            {"gmacs_speedup", s.gmacsSpeedup},
            {"time_speedup_median", s.timeSpeedup},
            {"time_speedup_p25", s.timeSpeedupP25},
            {"time_speedup_p75", s.timeSpeedupP75}};
}

std::string framesCsv(const std::vector<VideoFrameResult>& frames) {
    std::ostringstream out;
    out << "index,gmacs,ms,dense_ms,top1,top1_prob,dense_top1,agrees_with_dense\n";
    for (const VideoFrameResult& f : frames)
        out << f.index << ',' << f.gmacs << ',' << f.ms << ',' << f.denseMs << ',' << f.top1 << ',' << f.top1Prob << ','
            << f.denseTop1 << ',' << (f.agrees() ? 1 : 0) << '\n';
    return out.str();
}

// One frame of the overlaid video: the fates after `layer` and a caption with what produced them.
cv::Mat overlayFrame(const ViTModel& model, const cv::Mat& image, const VideoFrameResult& f, int layer, int scale,
                     const PruneMethod& method, const KnobValues& settings) {
    FrameCaption c;
    c.index = f.index;
    c.method = method.spec().id;
    c.settings = settingsText(settings);
    c.videoMethod = method.spec().family == "video";
    c.layer = layer;
    c.gmacs = f.gmacs;
    c.denseGmacs = f.denseGmacs;
    c.label = model.config().label(f.top1);
    c.denseLabel = model.config().label(f.denseTop1);
    return overlaidFrame(displayImage(image, model.config()), f.trace, c, scale);
}

}  // namespace

int cmdVideo(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set", "--budget", "--device", "--dtype", "--parts",
                    "--limit-frames", "--out", "--overlay-out", "--layer", "--scale", "--threads"});
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 1024));
    if (args.positionals().size() < 2) throw Error("missing argument VIDEO (a file, or camera:N)");
    if (args.positionals().size() > 2) throw Error("one VIDEO at a time, got " + args.positionals()[2] + " too");
    const int64_t limit = args.intValue("--limit-frames", 0, 0, 100000000);
    const std::string outPath = args.value("--out", "");
    if (!outPath.empty()) checkCanWrite(outPath);
    VideoSource source(args.positionals()[1]);  // refuses what is not a decodable video, before the model loads
    const std::string overlayPath = args.value("--overlay-out", "");
    std::optional<VideoFileWriter> overlay;  // checks the name and the folder now, too
    if (!overlayPath.empty()) overlay.emplace(overlayPath, source.info().fps);
    ViTModel dense = openModel(args);
    ViTModel model = dense;
    KnobValues settings;
    MethodPtr method = openMethod(args, model, &settings);
    const VideoInfo& info = source.info();
    c10::InferenceMode guard;
    const int depth = static_cast<int>(model.weights().blocks.size());
    const int layer = args.intValue("--layer", depth - 1, 0, std::max(0, depth - 1));
    const int scale = args.intValue("--scale", std::max(1, 448 / model.config().imageSize), 1, 64);
    VideoEvaluator evaluator(dense, model, *method, overlay.has_value());
    const int64_t total = limit > 0 && info.frameCount > 0 ? std::min(limit, info.frameCount)
                          : limit > 0                      ? limit
                                                           : info.frameCount;
    ProgressBar bar("frames", total > 0 ? total : 0, !args.has("--json"));
    std::vector<VideoFrameResult> frames;
    cv::Mat image;
    while ((limit == 0 || static_cast<int64_t>(frames.size()) < limit) && source.read(image)) {
        at::Tensor x = preprocess(image, model.config()).to(model.device(), model.dtype());
        frames.push_back(evaluator.step(x, source.position() - 1));
        if (overlay) overlay->write(overlayFrame(model, image, frames.back(), layer, scale, *method, settings));
        frames.back().trace = TokenTrace();  // only the numbers are kept (a camera can run for hours)
        bar.update(static_cast<int64_t>(frames.size()));
    }
    bar.finish();
    if (overlay) overlay->commit();
    const VideoSummary summary = summarizeVideo(frames);
    std::string warning;
    if (source.truncated())
        warning = info.origin + ": the video ended after " + std::to_string(source.position()) + " of the " +
                  std::to_string(info.frameCount) + " frames its header gives (truncated or damaged file)";
    if (!warning.empty() && !args.has("--json")) std::cerr << "vitprune video: " << warning << "\n";

    nlohmann::json framesJson = nlohmann::json::array();
    for (const VideoFrameResult& f : frames) framesJson.push_back(frameToJson(model, f));
    const nlohmann::json result = {{"model", model.origin()},
                                   {"video", info.origin},
                                   {"method", method->spec().id},
                                   {"settings", settingsToJson(settings)},
                                   {"video_info",
                                    {{"width", info.width},
                                     {"height", info.height},
                                     {"fps", info.fps},
                                     {"frame_count", info.frameCount},
                                     {"codec", info.codec}}},
                                   {"threads", at::get_num_threads()},
                                   {"warning", warning},
                                   {"frames", framesJson},
                                   {"summary", summaryToJson(summary)},
                                   {"provenance", provenanceJson(model.device().str())}};
    if (!outPath.empty()) {
        const bool csv = outPath.size() >= 4 && outPath.compare(outPath.size() - 4, 4, ".csv") == 0;
        writeFileAtomic(outPath, csv ? framesCsv(frames) : jsonText(result, 1) + "\n");
    }
    if (args.has("--json")) {
        printJson(result);
        return 0;
    }
    std::cout << std::fixed << std::setprecision(3) << info.origin << ": " << summary.frames << " frames, "
              << method->spec().id << " " << settingsText(settings) << "\n"
              << "  GMACs per frame: mean " << summary.meanGmacs << ", p95 " << summary.p95Gmacs << " (dense "
              << summary.denseGmacs << ", " << std::setprecision(2) << summary.gmacsSpeedup << "x fewer)\n"
              << "  ms per frame:    mean " << summary.meanMs << ", p95 " << summary.p95Ms << " (dense mean "
              << summary.meanDenseMs << ")\n"
              << "  speed-up (per-frame dense/method, interleaved): median " << summary.timeSpeedup << "x, quartiles "
              << summary.timeSpeedupP25 << "–" << summary.timeSpeedupP75 << "\n"
              << "  top-1 agrees with dense on " << std::setprecision(1) << 100 * summary.agreement << "% of frames\n";
    return 0;
}

}  // namespace vp::cli
