#pragma once
// Where a forward's time goes, per block: attention (norm + qkv + softmax + projection), MLP (norm +
// fc1 + GELU + fc2), the method's own selection/merge ops (its hooks: top-k, sort, gather,
// scatter, merges) and everything else (token counting for the trace, residual bookkeeping).
// Filled by ViTModel::forward when ForwardOptions::stageTimes is set; the clock waits for the
// device at each boundary, so CUDA stages are timed completely (and the forward runs slower).
#include <ATen/ATen.h>

#include <chrono>
#include <vector>

namespace vp {

struct LayerStageMs {
    double attention = 0, mlp = 0, select = 0, other = 0;
    double total() const { return attention + mlp + select + other; }
};

struct StageTimes {
    double embed = 0, head = 0;  // patch embedding + position; final norm + pooling + head
    std::vector<LayerStageMs> layers;
    double total() const {
        double t = embed + head;
        for (const LayerStageMs& l : layers) t += l.total();
        return t;
    }
};

// Waits for queued device work on t's device (CUDA runs asynchronously); no-op on the CPU.
// Copying one element to the host is a synchronisation point that needs no CUDA headers.
inline void syncDevice(const at::Tensor& t) {
    if (t.defined() && !t.device().is_cpu() && t.numel() > 0) (void)t.reshape({-1}).narrow(0, 0, 1).cpu();
}

enum class Stage { Embed, Attention, Mlp, Select, Other, Head };

// Adds the time since the previous lap to a stage's bucket. Does nothing when `times` is null.
class StageClock {
public:
    StageClock(StageTimes* times, int depth) : m_times(times) {
        if (m_times) {
            *m_times = StageTimes{};
            m_times->layers.resize(depth);
            m_last = std::chrono::steady_clock::now();
        }
    }
    void lap(Stage stage, int layer, const at::Tensor& syncOn) {
        if (!m_times) return;
        syncDevice(syncOn);
        const auto now = std::chrono::steady_clock::now();
        const double ms = std::chrono::duration<double, std::milli>(now - m_last).count();
        m_last = now;
        if (layer < 0 || layer >= static_cast<int>(m_times->layers.size())) {
            if (stage != Stage::Embed) stage = Stage::Head;  // a model without blocks
        }
        switch (stage) {
            case Stage::Embed:
                m_times->embed += ms;
                break;
            case Stage::Head:
                m_times->head += ms;
                break;
            case Stage::Attention:
                m_times->layers[layer].attention += ms;
                break;
            case Stage::Mlp:
                m_times->layers[layer].mlp += ms;
                break;
            case Stage::Select:
                m_times->layers[layer].select += ms;
                break;
            case Stage::Other:
                m_times->layers[layer].other += ms;
                break;
        }
    }

private:
    StageTimes* m_times;
    std::chrono::steady_clock::time_point m_last;
};

}  // namespace vp
