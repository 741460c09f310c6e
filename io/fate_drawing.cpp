#include "io/fate_drawing.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>

namespace vp {
namespace {

cv::Scalar tokenColour(int token) {
    // A fixed, well-spread hue per token (golden-angle steps), in BGR.
    const double hue = std::fmod(token * 137.508, 360.0);
    cv::Mat hsv(1, 1, CV_8UC3, cv::Scalar(hue / 2, 200, 255)), bgr;
    cv::cvtColor(hsv, bgr, cv::COLOR_HSV2BGR);
    const cv::Vec3b c = bgr.at<cv::Vec3b>(0, 0);
    return {static_cast<double>(c[0]), static_cast<double>(c[1]), static_cast<double>(c[2])};
}

void blend(cv::Mat& roi, const cv::Scalar& colour, double alpha) {
    cv::Mat tint(roi.size(), roi.type(), colour);
    cv::addWeighted(roi, 1 - alpha, tint, alpha, 0, roi);
}

}  // namespace

cv::Mat drawFates(const cv::Mat& crop, const TokenTrace& trace, int layer, int scale) {
    cv::Mat bgr;
    cv::cvtColor(crop, bgr, cv::COLOR_RGB2BGR);
    scale = std::max(1, scale);
    cv::resize(bgr, bgr, cv::Size(), scale, scale, cv::INTER_NEAREST);
    if (trace.layers.empty() || trace.gridH <= 0 || trace.gridW <= 0) return bgr;
    const LayerTrace& lt = trace.layers[std::clamp<size_t>(layer, 0, trace.layers.size() - 1)];
    const int cellW = bgr.cols / trace.gridW, cellH = bgr.rows / trace.gridH;
    for (int gy = 0; gy < trace.gridH; ++gy) {
        for (int gx = 0; gx < trace.gridW; ++gx) {
            const size_t i = static_cast<size_t>(gy) * trace.gridW + gx;
            if (i >= lt.fate.size()) continue;
            const cv::Rect cell(gx * cellW, gy * cellH, cellW, cellH);
            cv::Mat roi = bgr(cell);
            switch (lt.fate[i]) {
                case PatchFate::Kept:
                    break;
                case PatchFate::Reused:
                    blend(roi, cv::Scalar(120, 40, 0), 0.55);
                    break;
                case PatchFate::Dropped:
                    roi *= 0.28;
                    break;
                case PatchFate::Merged:
                    blend(roi, tokenColour(lt.patchToken.empty() ? 0 : lt.patchToken[i]), 0.4);
                    break;
                case PatchFate::Fused:
                    roi *= 0.55;
                    cv::rectangle(bgr, cell, cv::Scalar(40, 170, 255), std::max(1, cellW / 12));
                    break;
                case PatchFate::Parked:
                    roi *= 0.65;
                    cv::rectangle(bgr, cell, cv::Scalar(255, 200, 90), std::max(1, cellW / 12));
                    break;
            }
        }
    }
    return bgr;
}

cv::Mat withCaption(const cv::Mat& frame, const std::vector<std::string>& lines) {
    const int lineHeight = 18;
    cv::Mat out(frame.rows + lineHeight * static_cast<int>(lines.size()) + 6, frame.cols, CV_8UC3,
                cv::Scalar(30, 30, 30));
    frame.copyTo(out(cv::Rect(0, 0, frame.cols, frame.rows)));
    for (size_t i = 0; i < lines.size(); ++i)
        cv::putText(out, lines[i], cv::Point(6, frame.rows + lineHeight * static_cast<int>(i + 1)),
                    cv::FONT_HERSHEY_SIMPLEX, 0.45, cv::Scalar(235, 235, 235), 1, cv::LINE_AA);
    return out;
}

cv::Mat overlaidFrame(const cv::Mat& crop, const TokenTrace& trace, const FrameCaption& c, int scale) {
    const std::string line1 = "frame " + std::to_string(c.index) + "  " + c.method + (c.settings.empty() ? "" : " ") +
                              c.settings + "  block " + std::to_string(c.layer);
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, "%.3f GMACs (dense %.3f)  ", c.gmacs, c.denseGmacs);
    const std::string line2 =
        numbers + c.label + (c.label == c.denseLabel ? std::string() : " (dense: " + c.denseLabel + ")");
    const auto n = countFates(trace, c.layer);
    const char* names[] = {c.videoMethod ? "recomputed" : "kept", "merged", "fused", "dropped", "parked", "reused"};
    std::string line3;  // only the fates that occur, so the line fits
    for (int i = 0; i < 6; ++i)
        if (n[i] > 0) line3 += (line3.empty() ? "" : "  ") + std::string(names[i]) + " " + std::to_string(n[i]);
    return withCaption(drawFates(crop, trace, c.layer, scale), {line1, line2, line3});
}

}  // namespace vp
