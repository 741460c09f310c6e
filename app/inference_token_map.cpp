// InferenceWorker: the token map of a forward (only when the token map view asks for it). The
// dense model's PCA is fitted once per (model, image, device) and reused while the knobs move.
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include "inference_worker.h"

namespace vp {

void InferenceWorker::fillTokenMap(const std::vector<at::Tensor>& tokens, StudioResult& result) {
    try {
        c10::InferenceMode guard;
        if (!m_tokenFitInput.defined() || !m_tokenFitInput.is_same(m_input)) {
            m_tokenFit = fitTokenMap(m_model, m_input);  // one dense forward
            m_tokenFitInput = m_input;
        }
        result.tokenMap = projectTokenMap(m_tokenFit, tokens, result.trace);
        if (result.tokenMap.empty()) result.tokenMapNote = tr("the forward recorded no blocks");
    } catch (const c10::Error& e) {  // no map, and why
        result.tokenMap = TokenMap();
        result.tokenMapNote = QString::fromStdString(e.what_without_backtrace());
    } catch (const std::exception& e) {
        result.tokenMap = TokenMap();
        result.tokenMapNote = QString::fromStdString(e.what());
    }
}

}  // namespace vp
