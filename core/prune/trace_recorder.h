#pragma once
// Builds a TokenTrace from the TokenState after each block (counts always; per-patch detail at
// TraceLevel::Full, one device→host copy per layer).
#include <vector>

#include "prune/token_state.h"
#include "prune/token_trace.h"

namespace vp {

class TraceRecorder {
public:
    TraceRecorder(TraceLevel level, int batch, int patches, int gridH, int gridW, int prefix);
    static std::vector<int> countTokens(const TokenState& state);
    // `macs`: per sample, when the method computed the block its own way (LayerTrace::macs).
    void record(int layer, std::vector<int> attnTokens, std::vector<int> mlpTokens, const TokenState& state,
                std::vector<double> macs = {});
    TokenTrace take() { return std::move(m_trace); }

private:
    TraceLevel m_level;
    TokenTrace m_trace;
};

}  // namespace vp
