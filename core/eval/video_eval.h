#pragma once
// A method on a video, frame by frame, beside the dense model: per frame the method's GMACs (what
// it computed on that frame: a video method's cost changes from frame to frame), both forwards'
// times (interleaved: the order alternates every frame, after a warm-up), both top-1 classes and
// whether they agree. Used by `vitprune video` and the studio's video page.
#include <ATen/ATen.h>

#include <cstdint>
#include <vector>

#include "model/vit_model.h"
#include "prune/prune_method.h"

namespace vp {

struct VideoFrameResult {
    int64_t index = 0;
    double gmacs = 0, denseGmacs = 0;
    double ms = 0, denseMs = 0;
    int top1 = -1, denseTop1 = -1;
    float top1Prob = 0, denseTop1Prob = 0;
    bool agrees() const { return top1 == denseTop1; }
    TokenTrace trace;  // the method's trace (per-patch detail when the evaluator was asked for it)
};

struct VideoSummary {
    int frames = 0;
    double meanGmacs = 0, p95Gmacs = 0, denseGmacs = 0;
    double meanMs = 0, p95Ms = 0, meanDenseMs = 0, p95DenseMs = 0;
    double agreement = 0;     // fraction of frames whose top-1 equals the dense top-1
    double gmacsSpeedup = 0;  // dense GMACs / mean GMACs
    // Per-frame dense ms / method ms: median and quartiles (the spread says how far to trust it).
    double timeSpeedup = 0, timeSpeedupP25 = 0, timeSpeedupP75 = 0;
};

class VideoEvaluator {
public:
    // `dense`: the unpruned model; `model` and `method`: what the method runs on (a structural
    // method's smaller copy, or `dense` itself), prepared. All three must outlive the evaluator.
    // `fullTrace`: record which patches each block kept or recomputed (the studio's overlay).
    // Warms both forwards up on a random input, then starts a new stream.
    VideoEvaluator(const ViTModel& dense, const ViTModel& model, PruneMethod& method, bool fullTrace = false);

    // `frame`: [1, C, H, W], preprocessed for the model, on its device. The method continues its
    // stream from the previous frame (the Eventful Transformer reuses what did not change).
    VideoFrameResult step(const at::Tensor& frame, int64_t index);
    // The next frame starts a new stream (computed densely by video methods).
    void reset();

private:
    const ViTModel& m_dense;
    const ViTModel& m_model;
    PruneMethod& m_method;
    bool m_fullTrace;
    double m_denseMacs = 0;
    int64_t m_steps = 0;
};

VideoSummary summarizeVideo(const std::vector<VideoFrameResult>& frames);

}  // namespace vp
