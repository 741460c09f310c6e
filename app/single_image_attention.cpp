// SingleImagePage: the "Attention" tab — the dense model's and the method's CLS attention and
// attention rollout side by side (widgets/attention_view.h). Like the token map, the worker
// computes the maps only while the tab is shown.
#include <QSettings>
#include <QTabWidget>

#include "single_image_page.h"
#include "widgets/attention_view.h"
#include "prune/knob.h"

namespace vp {
namespace {

const QString kAttentionSetting = QStringLiteral("view/attention");

QString settingsTitle(const StudioResult& r) {
    const QString knobs = QString::fromStdString(settingsText(r.knobs, ", "));
    const QString id = QString::fromStdString(r.methodId);
    return knobs.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(id, knobs);
}

}  // namespace

void SingleImagePage::addAttentionTab() {
    m_attention = new AttentionView(m_viewTabs);
    const int index = m_viewTabs->addTab(m_attention, tr("Attention"));
    m_viewTabs->setTabToolTip(index, tr("Where the CLS token attends in each block and head, and the attention rollout "
                                        "through the blocks, for the dense model and the method side by side"));
    connect(m_attention, &AttentionView::blockChosen, this, [this](int block) { setLayer(block); });
}

void SingleImagePage::restoreAttentionTab() {
    const bool shown = m_options.view.isEmpty()
                           ? !m_options.unattended() && QSettings().value(kAttentionSetting).toBool()
                           : m_options.view.startsWith(QStringLiteral("attention"));
    if (m_options.view == QStringLiteral("attention-rollout")) m_attention->setMode(AttentionView::Mode::Rollout);
    if (shown) m_viewTabs->setCurrentIndex(m_viewTabs->indexOf(m_attention));
}

void SingleImagePage::attentionTabChanged(int index) {
    const bool shown = index == m_viewTabs->indexOf(m_attention);
    if (!m_options.unattended()) QSettings().setValue(kAttentionSetting, shown);
    if (shown) showAttention();
}

bool SingleImagePage::attentionShown() const {
    return m_viewTabs && m_attention && m_viewTabs->currentWidget() == m_attention;
}

void SingleImagePage::setAttentionShown(bool on) {
    m_viewTabs->setCurrentIndex(on ? m_viewTabs->indexOf(m_attention) : 0);
}

void SingleImagePage::showAttention() {
    if (!m_attention) return;
    // A result without maps and without notes was computed while the tab was hidden.
    const bool missing = m_hasResult && m_result.attention.empty() && m_result.attentionNote.isEmpty();
    const QString waiting =
        !m_hasImage ? tr("Open an image to see where the CLS token attends.") : tr("Computing the attention…");
    const auto note = [&](const AttentionMaps& maps, const QString& why) {
        if (!m_hasResult || (maps.empty() && why.isEmpty())) return waiting;
        return why.isEmpty() ? QString() : tr("No attention view: %1").arg(why);
    };
    m_attention->setNotes(note(m_result.denseAttention, m_result.denseAttentionNote),
                          note(m_result.attention, m_result.attentionNote));
    m_attention->setTitles(tr("Dense"), m_hasResult ? settingsTitle(m_result) : tr("Method"));
    if (m_hasResult)
        m_attention->setMaps(m_result.denseAttention, m_result.attention);
    else
        m_attention->clearMaps();
    m_attention->setBlock(shownLayer());
    if (missing && attentionShown()) Q_EMIT attentionWanted(m_result.generation);
}

}  // namespace vp
