// InferenceWorker: the attention views of a forward (only when the attention view asks for
// them), and of the dense model on the same image, computed once per (model, image, device) and
// reused while the knobs move.
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include "analysis/attention_maps.h"
#include "inference_worker.h"
#include "prune/registry.h"

namespace vp {
namespace {

// Runs `make`; on failure the maps stay empty and `note` says why.
template <typename F>
void tryMaps(F&& make, AttentionMaps& maps, QString& note) {
    try {
        c10::InferenceMode guard;
        maps = make();
        if (maps.empty()) note = InferenceWorker::tr("the forward recorded no blocks");
    } catch (const c10::Error& e) {
        maps = AttentionMaps();
        note = QString::fromStdString(e.what_without_backtrace());
    } catch (const std::exception& e) {
        maps = AttentionMaps();
        note = QString::fromStdString(e.what());
    }
}

}  // namespace

void InferenceWorker::fillAttention(const PruneMethod& method, const std::vector<BlockAttention>& attention,
                                    StudioResult& result) {
    if (!m_denseAttentionInput.defined() || !m_denseAttentionInput.is_same(m_input)) {
        m_denseAttentionNote.clear();
        tryMaps(
            [&] {
                MethodPtr dense = builtinRegistry().create("dense");
                return attentionMaps(m_model, *dense, m_input);  // one dense forward
            },
            m_denseAttention, m_denseAttentionNote);
        m_denseAttentionInput = m_input;
    }
    result.denseAttention = m_denseAttention;
    result.denseAttentionNote = m_denseAttentionNote;
    if (const std::string why = attentionUnavailable(method); !why.empty()) {
        result.attention = AttentionMaps();
        result.attentionNote = QString::fromStdString(why);
        return;
    }
    tryMaps([&] { return attentionMaps(attention, result.trace); }, result.attention, result.attentionNote);
}

}  // namespace vp
