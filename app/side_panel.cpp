#include "side_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/knob_panel.h"
#include "widgets/prediction_bars.h"

namespace vp {
namespace {

constexpr int kTopK = 5;

QString formatCount(qint64 n) {
    if (n >= 1000000) return QString::number(n / 1e6, 'f', n >= 100000000 ? 0 : 1) + QStringLiteral(" M");
    if (n >= 1000) return QString::number(n / 1e3, 'f', 1) + QStringLiteral(" k");
    return QString::number(n);
}

QString formatGmacs(double g) {
    return QString::number(g, 'f', g < 0.1 ? 4 : (g < 10 ? 3 : 2));
}

QLabel* wrapped(QWidget* parent, const QString& text = {}) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

}  // namespace

SidePanel::SidePanel(const std::vector<MethodSpec>& methods, QWidget* parent)
    : QWidget(parent), m_methods(methods) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildModelBox());
    layout->addWidget(buildMethodBox());
    layout->addWidget(buildPredictionBox());
    layout->addWidget(buildCostBox());
    layout->addStretch(1);
    setMinimumWidth(340);
}

QWidget* SidePanel::buildModelBox() {
    auto* box = new QGroupBox(tr("Model"), this);
    auto* v = new QVBoxLayout(box);
    m_modelName = wrapped(box, tr("Loading…"));
    QFont f = m_modelName->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_modelName->setFont(f);
    m_modelDetails = wrapped(box);
    m_standIn = wrapped(box, tr("⚠ random weights — stand-in until fashion-vit-tiny is installed. "
                                "Predictions are meaningless; pruning and costs are real."));
    m_standIn->setObjectName(QStringLiteral("standInBanner"));
    m_standIn->setStyleSheet(QStringLiteral(
        "QLabel#standInBanner { background: #fff3cd; color: #5c4400; border: 1px solid #d9b44a;"
        " border-radius: 3px; padding: 4px; font-weight: bold; }"));
    m_standIn->hide();
    v->addWidget(m_modelName);
    v->addWidget(m_modelDetails);
    v->addWidget(m_standIn);
    return box;
}

QWidget* SidePanel::buildMethodBox() {
    auto* box = new QGroupBox(tr("Method"), this);
    auto* v = new QVBoxLayout(box);
    m_methodCombo = new QComboBox(box);
    for (const MethodSpec& s : m_methods)
        m_methodCombo->addItem(QStringLiteral("%1  [%2]").arg(QString::fromStdString(s.name), QString::fromStdString(s.id)),
                               QString::fromStdString(s.id));
    m_methodPaper = wrapped(box);
    m_methodPaper->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_methodPaper->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_methodPaper->setFont(small);
    m_knobs = new KnobPanel(box);
    v->addWidget(m_methodCombo);
    v->addWidget(m_methodPaper);
    v->addWidget(m_knobs);
    connect(m_methodCombo, &QComboBox::currentIndexChanged, this, [this](int i) {
        showMethod(i);
        Q_EMIT methodChanged();
    });
    connect(m_knobs, &KnobPanel::valuesChanged, this, &SidePanel::knobsChanged);
    showMethod(m_methodCombo->currentIndex());
    return box;
}

QWidget* SidePanel::buildPredictionBox() {
    auto* box = new QGroupBox(tr("Prediction (top %1)").arg(kTopK), this);
    auto* v = new QVBoxLayout(box);
    m_bars = new PredictionBars(box);
    m_bars->setRowCount(kTopK);
    v->addWidget(m_bars);
    return box;
}

QWidget* SidePanel::buildCostBox() {
    auto* box = new QGroupBox(tr("Cost"), this);
    auto* form = new QFormLayout(box);
    m_gmacs = wrapped(box, QStringLiteral("–"));
    m_time = wrapped(box, QStringLiteral("–"));
    form->addRow(tr("GMACs:"), m_gmacs);
    form->addRow(tr("Measured:"), m_time);
    return box;
}

void SidePanel::showMethod(int index) {
    if (index < 0 || index >= static_cast<int>(m_methods.size())) return;
    const MethodSpec& s = m_methods[index];
    m_methodPaper->setText(QString::fromStdString(s.paper));
    m_methodPaper->setVisible(!s.paper.empty());
    m_methodCombo->setToolTip(QString::fromStdString(s.help));
    m_knobs->setSpec(s);
}

bool SidePanel::setMethod(const std::string& id) {
    const int i = m_methodCombo->findData(QString::fromStdString(id));
    if (i < 0) return false;
    {
        const QSignalBlocker block(m_methodCombo);
        m_methodCombo->setCurrentIndex(i);
    }
    showMethod(i);
    return true;
}

std::string SidePanel::methodId() const {
    return m_methodCombo->currentData().toString().toStdString();
}

std::map<std::string, std::string> SidePanel::knobValues() const {
    return m_knobs->values();
}

void SidePanel::setModelInfo(const ModelInfo& info) {
    m_modelName->setText(info.name);
    m_modelName->setToolTip(info.origin);
    QString details = tr("%1 · %2 · %3 parameters").arg(info.family, info.architecture, formatCount(info.parameters));
    details += QStringLiteral("\n") +
               tr("input %1×%2×%2, patch %3 (%4×%5 patches), %6 blocks, dim %7, %8 heads, %9 classes")
                   .arg(info.inChans).arg(info.imageSize).arg(info.patchSize).arg(info.gridH).arg(info.gridW)
                   .arg(info.depth).arg(info.embedDim).arg(info.numHeads).arg(info.numClasses);
    if (info.reportedAccuracy >= 0)
        details += QStringLiteral("\n") + tr("reported top-1: %1%").arg(100.0 * info.reportedAccuracy, 0, 'f', 1);
    m_modelDetails->setText(details);
    m_standIn->setVisible(info.standIn);
    clearResult();
}

void SidePanel::setResult(const StudioResult& r, const ModelInfo& info) {
    std::vector<Prediction> preds;
    for (const RankedClass& c : topClasses(r.logits, kTopK)) preds.push_back({info.label(c.index), c.probability});
    m_bars->setPredictions(std::move(preds));
    const double pct = r.denseGmacs > 0 ? 100.0 * r.gmacs / r.denseGmacs : 100.0;
    m_gmacs->setText(tr("%1  (%2% of dense %3)").arg(formatGmacs(r.gmacs)).arg(pct, 0, 'f', 1).arg(formatGmacs(r.denseGmacs)));
    m_time->setText(tr("%1 ms per image (best of %2, %3, %4 threads)")
                        .arg(r.ms, 0, 'f', r.ms < 10 ? 2 : 1).arg(r.timedRuns).arg(r.device.toUpper()).arg(r.threads));
}

void SidePanel::clearResult() {
    m_bars->clear();
    m_gmacs->setText(QStringLiteral("–"));
    m_time->setText(QStringLiteral("–"));
}

}  // namespace vp
