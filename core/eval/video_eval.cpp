#include "eval/video_eval.h"

#include "eval/timing.h"
#include "prune/flops.h"
#include "prune/method_setup.h"

namespace vp {
namespace {

void topOne(const at::Tensor& logits, int& index, float& prob) {
    at::Tensor p = logits.softmax(1)[0].to(at::kFloat).cpu();
    auto [value, idx] = p.max(0);
    index = static_cast<int>(idx.item<int64_t>());
    prob = value.item<float>();
}

}  // namespace

VideoEvaluator::VideoEvaluator(const ViTModel& dense, const ViTModel& model, PruneMethod& method, bool fullTrace)
    : m_dense(dense), m_model(model), m_method(method), m_fullTrace(fullTrace), m_denseMacs(denseMacs(dense)) {
    // First forwards pay for allocations and kernel selection; keep them out of the first frame's times.
    const at::Tensor warm = randomInput(dense);
    for (int i = 0; i < 2; ++i) {
        syncDevice(dense.forward(warm));
        syncDevice(model.forward(warm, method).logits);
    }
    reset();
}

void VideoEvaluator::reset() { m_method.resetStream(); }

VideoFrameResult VideoEvaluator::step(const at::Tensor& frame, int64_t index) {
    VideoFrameResult r;
    r.index = index;
    ForwardOptions options;
    options.continueStream = true;
    options.trace = m_fullTrace ? TraceLevel::Full : TraceLevel::Counts;
    at::Tensor denseLogits;
    ForwardResult result;
    auto runDense = [&] {
        r.denseMs = timeMs([&] {
            denseLogits = m_dense.forward(frame);
            syncDevice(denseLogits);
        });
    };
    auto runMethod = [&] {
        r.ms = timeMs([&] {
            result = m_model.forward(frame, m_method, options);
            syncDevice(result.logits);
        });
    };
    // Interleaved: which forward goes first alternates, so drifts of the machine hit both alike.
    if (m_steps++ % 2 == 0) {
        runDense();
        runMethod();
    } else {
        runMethod();
        runDense();
    }
    r.denseGmacs = toG(m_denseMacs);
    r.gmacs = toG(traceMacs(m_model, result.trace));
    topOne(denseLogits, r.denseTop1, r.denseTop1Prob);
    topOne(result.logits, r.top1, r.top1Prob);
    r.trace = std::move(result.trace);
    return r;
}

VideoSummary summarizeVideo(const std::vector<VideoFrameResult>& frames) {
    VideoSummary s;
    s.frames = static_cast<int>(frames.size());
    if (frames.empty()) return s;
    std::vector<double> gmacs, ms, denseMs, ratio;
    int agree = 0;
    for (const VideoFrameResult& f : frames) {
        gmacs.push_back(f.gmacs);
        ms.push_back(f.ms);
        denseMs.push_back(f.denseMs);
        if (f.ms > 0) ratio.push_back(f.denseMs / f.ms);
        agree += f.agrees() ? 1 : 0;
        s.meanGmacs += f.gmacs;
        s.meanMs += f.ms;
        s.meanDenseMs += f.denseMs;
    }
    const double n = static_cast<double>(frames.size());
    s.meanGmacs /= n;
    s.meanMs /= n;
    s.meanDenseMs /= n;
    s.denseGmacs = frames.front().denseGmacs;
    s.p95Gmacs = quantile(gmacs, 0.95);
    s.p95Ms = quantile(ms, 0.95);
    s.p95DenseMs = quantile(denseMs, 0.95);
    s.agreement = agree / n;
    s.gmacsSpeedup = s.meanGmacs > 0 ? s.denseGmacs / s.meanGmacs : 0;
    s.timeSpeedup = quantile(ratio, 0.5);
    s.timeSpeedupP25 = quantile(ratio, 0.25);
    s.timeSpeedupP75 = quantile(ratio, 0.75);
    return s;
}

}  // namespace vp
