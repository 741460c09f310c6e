#include "compare_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/spec_text.h"
#include "widgets/knob_panel.h"
#include "widgets/fate_style.h"
#include "widgets/patch_overlay_view.h"

namespace vp {
namespace {

constexpr int kBudgetSteps = 1000;
constexpr int kKnobStripHeight = 64;           // px for a pane's knobs (the main knob and one more; the rest scroll)
constexpr int kMinOverlay = 150;               // px: below this the patches are no longer legible
constexpr double kLowestBudgetFraction = 0.1;  // the lock's slider spans 10%..100% of dense
// Default methods of panes 1..4: the classic comparison.
const char* const kDefaultMethods[] = {"evit", "tome", "evo-vit", "attn-topk"};

}  // namespace

CompareView::CompareView(const std::vector<MethodSpec>& methods, QWidget* parent)
    : QWidget(parent), m_methods(methods) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* bar = new QHBoxLayout();
    bar->addWidget(new QLabel(tr("Panes:"), this));
    m_count = new QSpinBox(this);
    m_count->setRange(2, kMaxPanes);
    bar->addWidget(m_count);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Block:"), this));
    m_layerSlider = new QSlider(Qt::Horizontal, this);
    m_layerSlider->setRange(0, 0);
    m_layerSlider->setToolTip(tr("The block shown in every pane"));
    bar->addWidget(m_layerSlider, 1);
    m_layerLabel = new QLabel(QStringLiteral("–"), this);
    m_layerLabel->setMinimumWidth(m_layerLabel->fontMetrics().horizontalAdvance(QStringLiteral("block 00")));
    bar->addWidget(m_layerLabel);
    bar->addSpacing(12);
    m_lock = new QCheckBox(tr("Equal"), this);
    m_lock->setToolTip(tr("Solve every pane's main knob for the same cost"));
    bar->addWidget(m_lock);
    m_lockKind = new QComboBox(this);
    m_lockKind->addItem(tr("GMACs"));
    m_lockKind->addItem(tr("latency"));
    m_lockKind->setToolTip(
        tr("GMACs: the papers' cost. Latency: measured on this machine at batch 1 (bisection on "
           "measured time; the first solve of a method times a dozen settings)"));
    bar->addWidget(m_lockKind);
    m_budget = new QSlider(Qt::Horizontal, this);
    m_budget->setRange(0, kBudgetSteps);
    m_budget->setValue(kBudgetSteps / 2);
    m_budget->setEnabled(false);
    bar->addWidget(m_budget, 1);
    m_budgetLabel = new QLabel(QStringLiteral("–"), this);
    m_budgetLabel->setMinimumWidth(
        m_budgetLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.000 GMACs (100%)")));
    bar->addWidget(m_budgetLabel);
    layout->addLayout(bar);

    m_panesWidget = new QWidget(this);
    m_panesWidget->setAutoFillBackground(true);
    m_grid = new QGridLayout(m_panesWidget);
    m_grid->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_panesWidget, 1);

    connect(m_count, &QSpinBox::valueChanged, this, [this](int n) { setPaneCount(n); });
    connect(m_layerSlider, &QSlider::valueChanged, this, [this](int l) {
        setLayer(l);
        Q_EMIT layerChanged(l);
    });
    auto budgetChanged = [this] {
        m_budget->setEnabled(m_lock->isChecked());
        const double fraction = kLowestBudgetFraction + (1 - kLowestBudgetFraction) * m_budget->value() / kBudgetSteps;
        if (!m_lock->isChecked())
            m_budgetLabel->setText(QStringLiteral("–"));
        else if (latencyLock())
            m_budgetLabel->setText(tr("%1% of dense latency").arg(100 * fraction, 0, 'f', 0));
        else
            m_budgetLabel->setText(
                tr("%1 GMACs (%2%)").arg(fraction * m_info.denseGmacs, 0, 'f', 3).arg(100 * fraction, 0, 'f', 0));
        for (int i = 0; i < paneCount(); ++i) ask(i);
    };
    connect(m_lock, &QCheckBox::toggled, this, budgetChanged);
    connect(m_budget, &QSlider::valueChanged, this, budgetChanged);
    connect(m_lockKind, &QComboBox::currentIndexChanged, this, [this, budgetChanged] {
        if (m_lock->isChecked()) budgetChanged();
    });

    m_count->setValue(2);
    setPaneCount(2);
}

const MethodSpec* CompareView::spec(const std::string& id) const {
    const auto it = std::find_if(m_methods.begin(), m_methods.end(), [&](const MethodSpec& m) { return m.id == id; });
    return it == m_methods.end() ? nullptr : &*it;
}

void CompareView::addPane() {
    const int index = paneCount();
    Pane p;
    p.box = new QWidget(m_panesWidget);
    auto* v = new QVBoxLayout(p.box);
    v->setContentsMargins(2, 2, 2, 2);
    p.method = new QComboBox(p.box);
    for (const MethodSpec& s : m_methods)
        p.method->addItem(QStringLiteral("%1  [%2]").arg(specText(s.name), QString::fromStdString(s.id)),
                          QString::fromStdString(s.id));
    p.view = new PatchOverlayView(p.box);
    p.view->setMinimumSize(kMinOverlay, kMinOverlay);
    p.caption = new QLabel(QStringLiteral("–"), p.box);
    p.caption->setWordWrap(true);
    p.caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    // A fixed four lines: a wrapped label's height-for-width would size the panes from the
    // overlays' preferred height instead of the room there is.
    QSizePolicy captionPolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    captionPolicy.setHeightForWidth(false);
    p.caption->setSizePolicy(captionPolicy);
    p.caption->setFixedHeight(4 * p.caption->fontMetrics().lineSpacing() + 2);
    p.knobs = new KnobPanel(p.box);
    // The knobs scroll inside a short strip: a method with many knobs must not squeeze its
    // overlay (or grow the window past a small screen); every pane gets the same room.
    auto* knobScroll = new QScrollArea(p.box);
    knobScroll->setWidget(p.knobs);
    knobScroll->setWidgetResizable(true);
    knobScroll->setFrameShape(QFrame::NoFrame);
    knobScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    knobScroll->setMaximumHeight(kKnobStripHeight);
    p.box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // equal widths, whatever the content
    p.knobs->setHelpVisible(false);                                      // the method box's tooltip says it
    v->addWidget(p.method);
    v->addWidget(p.view, 1);
    v->addWidget(p.caption);
    v->addWidget(knobScroll);
    m_panes.push_back(p);

    const std::string first = kDefaultMethods[std::min(index, kMaxPanes - 1)];
    const int found = p.method->findData(QString::fromStdString(first));
    p.method->setCurrentIndex(std::max(0, found));
    auto showSpec = [](Pane& pane, const MethodSpec& s) {
        pane.knobs->setSpec(s);
        pane.method->setToolTip(specText(s.help));
    };
    if (const MethodSpec* s = spec(p.method->currentData().toString().toStdString())) showSpec(m_panes.back(), *s);
    connect(p.method, &QComboBox::currentIndexChanged, this, [this, index, showSpec] {
        Pane& pane = m_panes[index];
        if (const MethodSpec* s = spec(pane.method->currentData().toString().toStdString())) showSpec(pane, *s);
        ask(index);
    });
    connect(p.knobs, &KnobPanel::valuesChanged, this, [this, index] { ask(index); });
}

// Four panes go 2×2 on a tall area and 1×4 on a wide, short one (a 1366×768 laptop with the
// Pareto dock open), whichever leaves the overlays bigger.
int CompareView::columnCount() const {
    if (paneCount() != 4) return paneCount();
    const QSize area = m_panesWidget->size();
    return area.width() > 2 * area.height() ? 4 : 2;
}

void CompareView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (columnCount() != m_columns) relayout();
}

void CompareView::relayout() {
    for (Pane& p : m_panes) m_grid->removeWidget(p.box);
    const int columns = columnCount();
    m_columns = columns;
    for (int i = 0; i < paneCount(); ++i) m_grid->addWidget(m_panes[i].box, i / columns, i % columns);
    for (int c = 0; c < kMaxPanes; ++c) m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    for (int r = 0; r < kMaxPanes; ++r) m_grid->setRowStretch(r, r < (paneCount() + columns - 1) / columns ? 1 : 0);
}

void CompareView::setPaneCount(int panes) {
    panes = std::clamp(panes, 2, kMaxPanes);
    if (m_count->value() != panes) {
        const QSignalBlocker block(m_count);
        m_count->setValue(panes);
    }
    while (paneCount() > panes) {
        delete m_panes.back().box;
        m_panes.pop_back();
    }
    const int before = paneCount();
    while (paneCount() < panes) addPane();
    relayout();
    for (int i = before; i < panes; ++i) {
        m_panes[i].view->setImage(m_image);
        m_panes[i].view->setGrid(m_info.gridH, m_info.gridW);
        ask(i);
    }
}

bool CompareView::setPaneMethod(int pane, const std::string& methodId) {
    if (pane < 0 || pane >= paneCount()) return false;
    const int i = m_panes[pane].method->findData(QString::fromStdString(methodId));
    if (i < 0) return false;
    if (m_panes[pane].method->currentIndex() == i) ask(pane);
    m_panes[pane].method->setCurrentIndex(i);  // asks through currentIndexChanged
    return true;
}

std::string CompareView::paneMethod(int pane) const {
    return pane < 0 || pane >= paneCount() ? std::string()
                                           : m_panes[pane].method->currentData().toString().toStdString();
}

void CompareView::setEqualBudget(bool locked, double gmacs) {
    if (m_info.denseGmacs > 0) {
        const double fraction = std::clamp(gmacs / m_info.denseGmacs, kLowestBudgetFraction, 1.0);
        const QSignalBlocker block(m_budget);
        m_budget->setValue(static_cast<int>(
            std::lround((fraction - kLowestBudgetFraction) / (1 - kLowestBudgetFraction) * kBudgetSteps)));
    }
    if (m_lock->isChecked() == locked) {
        for (int i = 0; i < paneCount(); ++i) ask(i);
        Q_EMIT m_budget->valueChanged(m_budget->value());  // refresh the label
    }
    m_lock->setChecked(locked);
}

bool CompareView::latencyLock() const { return m_lockKind->currentIndex() == 1; }

void CompareView::setLatencyLock(bool on) { m_lockKind->setCurrentIndex(on ? 1 : 0); }

bool CompareView::equalBudget() const { return m_lock->isChecked(); }

void CompareView::ask(int pane) {
    Pane& p = m_panes[pane];
    p.result.reset();
    StudioRequest r;
    r.pane = pane + 1;
    r.methodId = p.method->currentData().toString().toStdString();
    r.knobs = p.knobs->values();
    r.withDense = false;
    const double fraction = budgetFraction();
    if (m_lock->isChecked() && latencyLock())
        r.latencyFraction = fraction;
    else if (m_lock->isChecked() && m_info.denseGmacs > 0)
        r.budgetGmacs = fraction * m_info.denseGmacs;
    Q_EMIT paneRequest(r);
}

void CompareView::refreshAll() {
    for (int i = 0; i < paneCount(); ++i) ask(i);
}

void CompareView::setModelInfo(const ModelInfo& info) {
    m_info = info;
    const QSignalBlocker block(m_layerSlider);
    m_layerSlider->setRange(0, std::max(0, info.depth - 1));
    if (m_layer < 0 || m_layer >= info.depth) m_layer = std::max(0, info.depth - 1);
    m_layerSlider->setValue(m_layer);
    m_layerLabel->setText(tr("block %1").arg(m_layer));
    for (Pane& p : m_panes) p.view->setGrid(info.gridH, info.gridW);
}

void CompareView::setImage(const QImage& image) {
    m_image = image;
    for (Pane& p : m_panes) p.view->setImage(image);
}

void CompareView::setResult(const StudioResult& result) {
    const int pane = result.pane - 1;
    if (pane < 0 || pane >= paneCount()) return;
    Pane& p = m_panes[pane];
    if (result.methodId != p.method->currentData().toString().toStdString()) return;  // stale
    p.result = result;
    for (const auto& [id, text] : result.knobs) p.knobs->setValue(id, text);  // a solved budget
    showPaneResult(pane);
}

void CompareView::showPaneResult(int pane) {
    Pane& p = m_panes[pane];
    if (!p.result) return;
    const StudioResult& r = *p.result;
    p.view->setTrace(r.trace, m_layer);
    const auto top = topClasses(r.logits, 1);
    const double pct = r.denseGmacs > 0 ? 100.0 * r.gmacs / r.denseGmacs : 100.0;
    QString lock = r.lockTargetMs > 0
                       ? tr(" (timed %1 ms for %2)").arg(r.lockMs, 0, 'f', 1).arg(r.lockTargetMs, 0, 'f', 1)
                       : QString();
    // An equal-GMACs lock meets the budget only as closely as the method's steps allow (ToMe's r is
    // an integer): say so when the pane lands off the asked cost.
    if (m_lock->isChecked() && !latencyLock() && r.denseGmacs > 0) {
        const double asked = 100.0 * budgetFraction();
        if (std::abs(pct - asked) >= 1.0)
            lock += tr("<br><i>lock asked %1%: the nearest setting this method has</i>").arg(asked, 0, 'f', 0);
    }
    const QString time = r.timedRuns <= 0 ? tr("timing…")
                         : r.noisy ? tr("%1 ms, ≈%2× dense (noisy)").arg(r.ms, 0, 'f', 1).arg(r.speedup, 0, 'f', 2)
                                   : tr("%1 ms, %2× dense").arg(r.ms, 0, 'f', 1).arg(r.speedup, 0, 'f', 2);
    p.caption->setText(tr("<b>%1</b> · %2 GMACs (%3%) · %4%9<br>%5 %6% · block %7: %8")
                           .arg(QString::fromStdString(r.methodId))
                           .arg(r.gmacs, 0, 'f', 3)
                           .arg(pct, 0, 'f', 0)
                           .arg(time)
                           .arg(top.empty() ? QStringLiteral("–") : m_info.label(top[0].index))
                           .arg(top.empty() ? 0.0 : 100 * top[0].probability, 0, 'f', 1)
                           .arg(m_layer)
                           .arg(fateSummary(p.view->tally(), true))
                           .arg(lock));
}

double CompareView::budgetFraction() const {
    return kLowestBudgetFraction + (1 - kLowestBudgetFraction) * m_budget->value() / kBudgetSteps;
}

void CompareView::setLayer(int layer) {
    m_layer = layer;
    if (m_layerSlider->value() != layer) {
        const QSignalBlocker block(m_layerSlider);
        m_layerSlider->setValue(layer);
    }
    m_layerLabel->setText(tr("block %1").arg(layer));
    for (int i = 0; i < paneCount(); ++i) showPaneResult(i);
}

const PatchOverlayView* CompareView::paneView(int pane) const {
    return pane < 0 || pane >= paneCount() ? nullptr : m_panes[pane].view;
}

const StudioResult* CompareView::paneResult(int pane) const {
    return paneHasResult(pane) ? &*m_panes[pane].result : nullptr;
}

bool CompareView::paneHasResult(int pane) const {
    return pane >= 0 && pane < paneCount() && m_panes[pane].result.has_value();
}

}  // namespace vp
