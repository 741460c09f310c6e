#include "prune/token_trace.h"

namespace vp {

double TokenTrace::meanTokensAfter(int layer) const {
    if (layer < 0 || layer >= static_cast<int>(layers.size()) || batch == 0) return 0;
    const LayerTrace& lt = layers[layer];
    double sum = 0;
    for (int n : lt.mlpTokens) sum += n - prefix;
    return sum / lt.mlpTokens.size();
}

}  // namespace vp
