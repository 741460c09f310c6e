// SingleImagePage: what a structural method left of the model — the structure view beside the
// image (heads per block, MLP neurons per block), the layer strip's "no attn" badges, and for
// attention-layer removal the strip's per-block toggle, which writes the method's `layers` knob.
#include <QSplitter>
#include <QTimer>
#include <algorithm>
#include <set>
#include <string>

#include "single_image_page.h"
#include "widgets/layer_strip.h"
#include "widgets/structure_view.h"

namespace vp {
namespace {

// The method whose `layers` knob names the blocks without attention (core/methods/attention_removal.cpp).
constexpr const char* kAttentionRemoval = "attn-removal";

std::string listText(const std::set<int>& layers) {
    std::string out;
    for (int l : layers) out += (out.empty() ? "" : ",") + std::to_string(l);
    return out;
}

}  // namespace

void SingleImagePage::addStructureView(QSplitter* split) {
    m_split = split;
    m_structure = new StructureView(split);
    m_structure->setMinimumWidth(220);
    m_structure->hide();
    split->addWidget(m_structure);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    connect(m_structure, &StructureView::layerClicked, this, [this](int l) { setLayer(l); });
    connect(m_strip, &LayerStrip::attentionToggled, this, &SingleImagePage::toggleAttention);
}

// Shown for a structural method or a pruned model (the worker fills the widths only then).
void SingleImagePage::showStructure() {
    const bool shown = m_hasResult && m_result.hasStructure();
    if (!shown) {
        m_structure->hide();
        m_strip->setAttentionState({}, {});
        return;
    }
    m_structure->setStructure(m_result.referenceWidths, m_result.runWidths, QString::fromStdString(m_result.prunedBy));
    if (m_structure->isHidden()) {
        m_structure->show();
        // The square image leaves the tab's sides empty: the structure gets two fifths, once the
        // splitter has taken the newly shown view into its layout (a posted layout request).
        QTimer::singleShot(0, m_structure, [split = m_split] {
            const int width = split->width();
            split->setSizes({width - width * 2 / 5, width * 2 / 5});
        });
    }
    const size_t blocks = m_result.runWidths.size();
    std::vector<bool> removed(blocks), toggleable(blocks);
    std::vector<QString> badges(blocks), notes(blocks);
    const bool toggles = m_result.methodId == kAttentionRemoval;
    for (size_t l = 0; l < blocks; ++l) {
        const BlockWidth& w = m_result.runWidths[l];
        removed[l] = !w.attention;
        if (!w.attention && w.standIn == StandIn::Identity) {
            badges[l] = tr("skip");
            notes[l] = tr("Attention skipped (SPViT): the block computes x ← x, then its MLP");
        } else if (!w.attention && w.standIn == StandIn::Conv) {
            badges[l] = tr("conv%1").arg(w.convKernel);
            notes[l] = tr("Attention replaced by a %1×%1 convolution to %2 channels (SPViT), then its MLP")
                           .arg(w.convKernel)
                           .arg(w.convDim);
        }
        // A block opened without attention has none to give back.
        toggleable[l] = toggles && l < m_result.baseWidths.size() && m_result.baseWidths[l].attention;
    }
    m_strip->setAttentionState(removed, toggleable, badges, notes);
}

bool SingleImagePage::attentionRemovedAt(int layer) const {
    return m_hasResult && layer >= 0 && layer < static_cast<int>(m_result.runWidths.size()) &&
           !m_result.runWidths[layer].attention;
}

// The blocks this result removed, with `layer` added or taken out, become the `layers` knob. An
// empty list would hand the choice back to `count` (the entropy ranking): it is set to 0 with it,
// so keeping the last removed block's attention removes none.
void SingleImagePage::toggleAttention(int layer, bool remove) {
    if (!m_hasResult || m_result.methodId != kAttentionRemoval) return;
    std::set<int> layers;
    for (size_t l = 0; l < m_result.runWidths.size(); ++l)
        if (!m_result.runWidths[l].attention && l < m_result.baseWidths.size() && m_result.baseWidths[l].attention)
            layers.insert(static_cast<int>(l));
    if (remove)
        layers.insert(layer);
    else
        layers.erase(layer);
    std::map<std::string, std::string> knobs{{"layers", listText(layers)}};
    if (layers.empty()) knobs["count"] = "0";
    Q_EMIT knobsEdited(knobs);
}

}  // namespace vp
