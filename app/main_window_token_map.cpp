// MainWindow: the single view's two tabs, "Patches" (each patch's fate) and "Token map" (what
// each surviving token represents). Both follow the selected block; the worker computes token
// maps only while their tab is shown, so the normal slider path pays nothing for them.
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include "main_window.h"
#include "widgets/patch_overlay_view.h"
#include "widgets/token_map_view.h"

namespace vp {
namespace {

const QString kViewSetting = QStringLiteral("view/tokenMap");

}  // namespace

QWidget* MainWindow::buildViewTabs(QWidget* parent) {
    m_viewTabs = new QTabWidget(parent);
    m_viewTabs->setDocumentMode(true);
    m_viewTabs->addTab(m_view, tr("Patches"));
    m_viewTabs->setTabToolTip(0, tr("Each patch's fate after the block: kept, merged, fused, dropped or parked"));
    const QString explained = tr("What each surviving token represents: its features after the block on the dense "
                                 "model's first three principal components (fitted on this image), as red, green and "
                                 "blue, painted over every patch it holds. Similar colours = similar features; a "
                                 "region without inner lines = one token.");
    auto* mapPage = new QWidget(parent);
    auto* mv = new QVBoxLayout(mapPage);
    mv->setContentsMargins(0, 0, 0, 0);
    m_tokenMap = new TokenMapView(mapPage);
    m_tokenMap->setPlaceholderText(tr("Open an image to see its token map."));
    mv->addWidget(m_tokenMap, 1);
    auto* legend = new QLabel(tr("R, G, B = the token's features on the dense model's principal components 1–3 · "
                                 "one outlined region = one token · hatched = dropped"), mapPage);
    legend->setToolTip(explained);
    legend->setForegroundRole(QPalette::PlaceholderText);
    mv->addWidget(legend);
    m_viewTabs->addTab(mapPage, tr("Token map"));
    m_viewTabs->setTabToolTip(1, explained);
    const bool shown = m_options.view.isEmpty() ? !m_options.unattended() && QSettings().value(kViewSetting).toBool()
                                                : m_options.view == QStringLiteral("token-map");
    m_viewTabs->setCurrentIndex(shown ? 1 : 0);
    connect(m_viewTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_options.unattended()) QSettings().setValue(kViewSetting, index == 1);
        if (index == 1) showTokenMap();
    });
    return m_viewTabs;
}

bool MainWindow::tokenMapShown() const {
    return m_viewTabs && m_viewTabs->currentIndex() == 1;
}

void MainWindow::setTokenMapShown(bool on) {
    m_viewTabs->setCurrentIndex(on ? 1 : 0);
}

void MainWindow::showTokenMap() {
    // A result without a map and without a note was computed while the map was hidden.
    const bool missing = m_hasResult && m_result.tokenMap.empty() && m_result.tokenMapNote.isEmpty();
    if (m_hasResult && !m_result.tokenMapNote.isEmpty())
        m_tokenMap->setPlaceholderText(tr("No token map: %1").arg(m_result.tokenMapNote));
    else
        m_tokenMap->setPlaceholderText(m_imagePath.isEmpty() ? tr("Open an image to see its token map.")
                                                             : tr("Computing the token map…"));
    m_tokenMap->setMap(m_hasResult ? m_result.tokenMap : TokenMap());
    // Shown now, and no newer request on its way (which asks for the map): ask again, with one.
    if (missing && tokenMapShown() && m_result.generation == m_generation) submit();
}

}  // namespace vp
