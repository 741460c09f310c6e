#include "prune/trace_recorder.h"

#include <limits>

namespace vp {

TraceRecorder::TraceRecorder(TraceLevel level, int batch, int patches, int gridH, int gridW, int prefix)
    : m_level(level) {
    m_trace.batch = batch;
    m_trace.patches = patches;
    m_trace.gridH = gridH;
    m_trace.gridW = gridW;
    m_trace.prefix = prefix;
}

std::vector<int> TraceRecorder::countTokens(const TokenState& state) {
    const int64_t B = state.batch();
    if (!state.valid.defined()) return std::vector<int>(B, static_cast<int>(state.tokens()));
    at::Tensor counts = state.valid.sum(1).to(at::kInt).cpu();
    return std::vector<int>(counts.data_ptr<int>(), counts.data_ptr<int>() + B);
}

void TraceRecorder::record(int layer, std::vector<int> attnTokens, std::vector<int> mlpTokens,
                           const TokenState& state, std::vector<double> macs) {
    LayerTrace lt;
    lt.layer = layer;
    lt.macs = std::move(macs);
    lt.attnTokens = std::move(attnTokens);
    lt.mlpTokens = std::move(mlpTokens);
    if (m_level == TraceLevel::Full && state.patchToToken.defined()) {
        const int64_t B = state.batch(), P = state.patchToToken.size(1);
        at::Tensor p2t = state.patchToToken.to(at::kLong).cpu().contiguous();
        at::Tensor size = state.sizeOrOnes().to(at::kFloat).cpu().contiguous();
        at::Tensor fused = state.fused.defined() ? state.fused.to(at::kBool).cpu().contiguous() : at::Tensor();
        at::Tensor score = state.score.defined() ? state.score.to(at::kFloat).cpu().contiguous() : at::Tensor();
        at::Tensor recomputed =
            state.recomputed.defined() ? state.recomputed.to(at::kBool).cpu().contiguous() : at::Tensor();
        const int64_t N = size.size(1);
        const int64_t* pt = p2t.data_ptr<int64_t>();
        const float* sz = size.data_ptr<float>();
        lt.patchToken.resize(B * P);
        lt.fate.resize(B * P);
        lt.tokenSize.resize(B * P);
        lt.score.assign(B * P, std::numeric_limits<float>::quiet_NaN());
        for (int64_t b = 0; b < B; ++b) {
            for (int64_t p = 0; p < P; ++p) {
                const int64_t i = b * P + p;
                const int64_t tok = pt[i];
                lt.patchToken[i] = static_cast<int>(tok);
                if (score.defined()) lt.score[i] = score.data_ptr<float>()[i];
                if (tok <= -2) {
                    lt.fate[i] = PatchFate::Parked;
                    lt.tokenSize[i] = 1;
                    continue;
                }
                if (tok < 0 || tok >= N) {
                    lt.fate[i] = PatchFate::Dropped;
                    lt.tokenSize[i] = 0;
                    continue;
                }
                lt.tokenSize[i] = sz[b * N + tok];
                if (fused.defined() && fused.data_ptr<bool>()[b * N + tok])
                    lt.fate[i] = PatchFate::Fused;
                else if (recomputed.defined() && !recomputed.data_ptr<bool>()[b * N + tok])
                    lt.fate[i] = PatchFate::Reused;
                else
                    lt.fate[i] = lt.tokenSize[i] > 1.0f ? PatchFate::Merged : PatchFate::Kept;
            }
        }
    }
    m_trace.layers.push_back(std::move(lt));
}

}  // namespace vp
