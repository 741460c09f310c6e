#include "single_image_page.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "result_panel.h"  // tokensPerLayer
#include "widgets/filmstrip.h"
#include "widgets/layer_strip.h"
#include "widgets/fate_style.h"
#include "widgets/patch_overlay_view.h"
#include "widgets/attention_view.h"
#include "widgets/structure_view.h"
#include "widgets/token_map_view.h"

namespace vp {
namespace {

constexpr int kPlayStepMs = 450;
const QString kViewSetting = QStringLiteral("view/tokenMap");

}  // namespace

SingleImagePage::SingleImagePage(const StudioOptions& options, QWidget* parent)
    : QWidget(parent), m_options(options), m_layer(options.layer.value_or(-1)) {
    auto* lv = new QVBoxLayout(this);
    lv->setContentsMargins(6, 6, 6, 6);
    m_view = new PatchOverlayView(this);
    m_view->setPlaceholderText(tr("Open an image: File ▸ Open image…, or drop one here."));
    // The image's tabs, and beside them (structural methods only) the structure kept.
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(buildViewTabs());
    lv->addWidget(split, 1);

    auto* layerRow = new QHBoxLayout();
    auto* layerTitle = new QLabel(tr("Show after block:"), this);
    m_layerSlider = new QSlider(Qt::Horizontal, this);
    m_layerSlider->setRange(0, 0);
    m_layerSlider->setPageStep(1);
    m_layerSlider->setToolTip(
        tr("Which block's token fates the overlay shows (0-based, as --layer and the "
           "methods' block knobs)."));
    m_layerLabel = new QLabel(QStringLiteral("–"), this);
    m_layerLabel->setMinimumWidth(m_layerLabel->fontMetrics().horizontalAdvance(
        QStringLiteral("block 00 · 000/000 kept · 000 merged · 000 tokens")));
    layerRow->addWidget(layerTitle);
    layerRow->addWidget(m_layerSlider, 1);
    layerRow->addWidget(m_layerLabel);
    lv->addLayout(layerRow);
    connect(m_layerSlider, &QSlider::valueChanged, this, [this](int v) { setLayer(v); });

    m_strip = new LayerStrip(this);
    m_strip->setToolTip(tr("Every block: click one (or use ←/→) to show it above"));
    lv->addWidget(m_strip);
    connect(m_strip, &LayerStrip::layerSelected, this, [this](int l) { setLayer(l); });
    addStructureView(split);

    m_imageCaption = new QLabel(this);
    m_imageCaption->setWordWrap(true);
    m_imageCaption->setForegroundRole(QPalette::PlaceholderText);
    lv->addWidget(m_imageCaption);

    m_filmstrip = new Filmstrip(this);
    m_filmstrip->hide();
    lv->addWidget(m_filmstrip);
    connect(m_filmstrip, &Filmstrip::pathActivated, this, &SingleImagePage::imageActivated);

    m_playTimer = new QTimer(this);
    m_playTimer->setInterval(kPlayStepMs);
    m_playAction = new QAction(tr("▶ Play blocks"), this);
    m_playAction->setCheckable(true);
    m_playAction->setToolTip(tr("Step through the blocks one after another"));
    connect(m_playTimer, &QTimer::timeout, this, [this] {
        const int last = std::max(0, m_info.depth - 1);
        const int next = shownLayer() >= last ? 0 : shownLayer() + 1;
        setLayer(next);
        if (next == last) {
            m_playTimer->stop();
            m_playAction->setChecked(false);
        }
    });
    connect(m_playAction, &QAction::toggled, this, [this](bool on) {
        if (!on) return m_playTimer->stop();
        if (shownLayer() >= m_info.depth - 1) setLayer(0);
        m_playTimer->start();
    });
}

// "Patches" (each patch's fate) and "Token map" (what each surviving token represents). Both
// follow the selected block; the worker computes token maps only while their tab is shown, so the
// normal slider path pays nothing for them.
QWidget* SingleImagePage::buildViewTabs() {
    m_viewTabs = new QTabWidget(this);
    m_viewTabs->setDocumentMode(true);
    m_viewTabs->addTab(m_view, tr("Patches"));
    m_viewTabs->setTabToolTip(0, tr("Each patch's fate after the block: kept, merged, fused, dropped or parked"));
    const QString explained =
        tr("What each surviving token represents: its features after the block on the dense "
           "model's first three principal components (fitted on this image), as red, green and "
           "blue, painted over every patch it holds. Similar colours = similar features; a "
           "region without inner lines = one token.");
    auto* mapPage = new QWidget(this);
    auto* mv = new QVBoxLayout(mapPage);
    mv->setContentsMargins(0, 0, 0, 0);
    m_tokenMap = new TokenMapView(mapPage);
    m_tokenMap->setPlaceholderText(tr("Open an image to see its token map."));
    mv->addWidget(m_tokenMap, 1);
    auto* legend = new QLabel(tr("R, G, B = the token's features on the dense model's principal components 1–3 · "
                                 "one outlined region = one token · hatched = dropped"),
                              mapPage);
    legend->setToolTip(explained);
    legend->setWordWrap(true);  // else its one line sets the tabs' minimum width (the structure view beside them)
    legend->setForegroundRole(QPalette::PlaceholderText);
    mv->addWidget(legend);
    m_viewTabs->addTab(mapPage, tr("Token map"));
    m_viewTabs->setTabToolTip(1, explained);
    addAttentionTab();
    const bool shown = m_options.view.isEmpty() ? !m_options.unattended() && QSettings().value(kViewSetting).toBool()
                                                : m_options.view == QStringLiteral("token-map");
    m_viewTabs->setCurrentIndex(shown ? 1 : 0);
    restoreAttentionTab();
    connect(m_viewTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_options.unattended()) QSettings().setValue(kViewSetting, index == 1);
        if (index == 1) showTokenMap();
        attentionTabChanged(index);
    });
    return m_viewTabs;
}

bool SingleImagePage::tokenMapShown() const { return m_viewTabs && m_viewTabs->currentIndex() == 1; }

void SingleImagePage::setTokenMapShown(bool on) { m_viewTabs->setCurrentIndex(on ? 1 : 0); }

void SingleImagePage::setModelInfo(const ModelInfo& info) {
    m_info = info;
    m_hasModel = true;
    m_hasResult = false;
    m_view->setGrid(info.gridH, info.gridW);
    showTokenMap();
    showAttention();
    m_strip->clear();
    showStructure();
    const int last = std::max(0, info.depth - 1);
    {
        const QSignalBlocker block(m_layerSlider);
        m_layerSlider->setRange(0, last);
        m_layerSlider->setValue(m_layer < 0 ? last : std::min(m_layer, last));
    }
    showLayer();
}

void SingleImagePage::setImage(const ImageInfo& image) {
    m_hasImage = true;
    m_view->setImage(image.display);
    m_view->clearTrace();
    m_tokenMap->setImage(image.display);
    m_attention->setImage(image.display);
    m_strip->setImage(image.display);
    m_hasResult = false;
    showTokenMap();
    showAttention();
    m_imageCaption->setText(tr("%1 (%2×%3) — shown as the model sees it: %4×%4 %5")
                                .arg(QFileInfo(image.path).fileName())
                                .arg(image.original.width())
                                .arg(image.original.height())
                                .arg(m_info.imageSize)
                                .arg(m_info.inChans == 1 ? tr("grey") : tr("RGB")));
    m_imageCaption->setToolTip(image.path);
}

void SingleImagePage::clearImage() {
    m_hasImage = false;
    m_view->setImage(QImage());
    m_imageCaption->clear();
}

void SingleImagePage::setResult(const StudioResult& result) {
    m_result = result;
    m_hasResult = true;
    m_strip->setTrace(result.trace);
    showStructure();
    showTokenMap();
    showAttention();
    showLayer();
}

void SingleImagePage::clearResult() {
    m_hasResult = false;
    showStructure();
    showLayer();
}

int SingleImagePage::shownLayer() const {
    const int depth = m_hasResult ? static_cast<int>(m_result.trace.layers.size()) : m_info.depth;
    const int last = std::max(0, depth - 1);
    return m_layer < 0 ? last : std::min(m_layer, last);
}

void SingleImagePage::setLayer(int layer) {
    m_layer = layer;
    if (m_layerSlider->value() != layer) {
        const QSignalBlocker block(m_layerSlider);
        m_layerSlider->setValue(layer);
    }
    Q_EMIT layerChanged(layer);
    showLayer();
}

void SingleImagePage::showLayer() {
    const int layer = shownLayer();
    m_strip->setCurrentLayer(layer);
    m_tokenMap->setLayer(layer);
    m_attention->setBlock(layer);
    m_structure->setCurrentLayer(layer);
    Q_EMIT layerShown(layer);
    if (!m_hasResult || m_result.trace.layers.empty()) {
        m_view->clearTrace();
        m_layerLabel->setText(m_hasModel ? tr("block %1 · no result yet").arg(m_layerSlider->value())
                                         : QStringLiteral("–"));
        return;
    }
    m_view->setTrace(m_result.trace, layer);
    // Kept, merged, fused, dropped … counted apart; merging keeps every patch but not every token,
    // so the tokens the MLP saw are said too.
    const int tokens = static_cast<int>(tokensPerLayer(m_result.trace)[layer]);
    m_layerLabel->setText(
        tr("block %1 · %2 · %3").arg(layer).arg(fateSummary(m_view->tally(), true), tokenCountText(tokens)) +
        (attentionRemovedAt(layer) ? tr(" · attention removed") : QString()));
}

bool SingleImagePage::structureShown() const { return m_structure && !m_structure->isHidden(); }

void SingleImagePage::showTokenMap() {
    // A result without a map and without a note was computed while the map was hidden.
    const bool missing = m_hasResult && m_result.tokenMap.empty() && m_result.tokenMapNote.isEmpty();
    if (m_hasResult && !m_result.tokenMapNote.isEmpty())
        m_tokenMap->setPlaceholderText(tr("No token map: %1").arg(m_result.tokenMapNote));
    else
        m_tokenMap->setPlaceholderText(!m_hasImage ? tr("Open an image to see its token map.")
                                                   : tr("Computing the token map…"));
    m_tokenMap->setMap(m_hasResult ? m_result.tokenMap : TokenMap());
    if (missing && tokenMapShown()) Q_EMIT tokenMapWanted(m_result.generation);
}

}  // namespace vp
