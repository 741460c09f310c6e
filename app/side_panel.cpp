#include "side_panel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSlider>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/spec_text.h"
#include "widgets/knob_panel.h"

namespace vp {
namespace {

constexpr int kBudgetSteps = 1000;
constexpr int kPlainTextRole = Qt::UserRole + 1;  // the item's text without an availability note

// Combo order and headings of the method families.
const std::vector<std::pair<std::string, const char*>> kFamilies = {
    {"token", QT_TRANSLATE_NOOP("vp::SidePanel", "Token pruning and merging")},
    {"structural", QT_TRANSLATE_NOOP("vp::SidePanel", "Structural pruning")},
    {"video", QT_TRANSLATE_NOOP("vp::SidePanel", "Video")},
    {"baseline", QT_TRANSLATE_NOOP("vp::SidePanel", "Baselines")},
};

QString formatCount(qint64 n) {
    if (n >= 1000000) return QString::number(n / 1e6, 'f', n >= 100000000 ? 0 : 1) + QStringLiteral(" M");
    if (n >= 1000) return QString::number(n / 1e3, 'f', 1) + QStringLiteral(" k");
    return QString::number(n);
}

QString formatGmacs(double g) { return QString::number(g, 'f', g < 0.1 ? 4 : (g < 10 ? 3 : 2)); }

QLabel* wrapped(QWidget* parent, const QString& text = {}) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

}  // namespace

SidePanel::SidePanel(const std::vector<MethodSpec>& methods, QWidget* parent) : QWidget(parent), m_methods(methods) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildModelBox());
    layout->addWidget(buildMethodBox());
    m_budgetBox = buildBudgetBox();
    layout->addWidget(m_budgetBox);
    layout->addWidget(buildDeviceBox());
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
    m_standIn->setStyleSheet(
        QStringLiteral("QLabel#standInBanner { background: #fff3cd; color: #5c4400; border: 1px solid #d9b44a;"
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
    auto* model = new QStandardItemModel(m_methodCombo);
    std::vector<std::string> families;
    for (const auto& f : kFamilies) families.push_back(f.first);
    for (const MethodSpec& s : m_methods)
        if (std::find(families.begin(), families.end(), s.family) == families.end()) families.push_back(s.family);
    for (const std::string& family : families) {
        bool any = false;
        for (const MethodSpec& s : m_methods) {
            if (s.family != family) continue;
            if (!any) {
                // A bold, unselectable heading per family.
                QString title = QString::fromStdString(family);
                for (const auto& f : kFamilies)
                    if (f.first == family) title = tr(f.second);
                auto* heading = new QStandardItem(title);
                heading->setFlags(Qt::NoItemFlags);
                QFont bold = m_methodCombo->font();
                bold.setBold(true);
                heading->setFont(bold);
                model->appendRow(heading);
                any = true;
            }
            auto* item =
                new QStandardItem(QStringLiteral("   %1  [%2]").arg(specText(s.name), QString::fromStdString(s.id)));
            item->setData(QString::fromStdString(s.id), Qt::UserRole);
            item->setData(item->text(), kPlainTextRole);
            item->setToolTip(specText(s.help));
            model->appendRow(item);
        }
    }
    m_methodCombo->setModel(model);
    m_methodCombo->setCurrentIndex(m_methodCombo->findData(QStringLiteral("dense")));
    m_methodPaper = wrapped(box);
    m_methodPaper->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_methodPaper->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_methodPaper->setFont(small);
    m_knobs = new KnobPanel(box);
    m_methodStatus = wrapped(box);
    m_methodStatus->setObjectName(QStringLiteral("methodStatus"));
    m_methodStatus->setStyleSheet(
        QStringLiteral("QLabel#methodStatus { background: #fdecea; color: #611a15; border: 1px solid #e0a19b;"
                       " border-radius: 3px; padding: 4px; }"));
    m_methodStatus->hide();
    v->addWidget(m_methodCombo);
    v->addWidget(m_methodStatus);
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

QWidget* SidePanel::buildBudgetBox() {
    auto* box = new QGroupBox(tr("Budget"), this);
    auto* v = new QVBoxLayout(box);
    m_budget = new QSlider(Qt::Horizontal, box);
    m_budget->setRange(0, kBudgetSteps);
    m_budget->setEnabled(false);
    m_budget->setToolTip(
        tr("Target cost in GMACs per image: sets the method's main knob by bisection, so "
           "methods compare at equal cost."));
    m_budgetLabel = wrapped(box, QStringLiteral("–"));
    v->addWidget(m_budget);
    v->addWidget(m_budgetLabel);
    connect(m_budget, &QSlider::valueChanged, this, [this](int step) {
        const double g = m_budgetMin + (m_budgetMax - m_budgetMin) * step / kBudgetSteps;
        showBudget(g);
        Q_EMIT budgetRequested(g);
    });
    return box;
}

QWidget* SidePanel::buildDeviceBox() {
    auto* box = new QGroupBox(tr("Device"), this);
    auto* v = new QVBoxLayout(box);
    m_device = new QComboBox(box);
    for (const QString& d : availableComputeChoices()) m_device->addItem(computeChoiceLabel(d), d);
    m_device->setToolTip(
        tr("Where the forwards run, and in which precision. bfloat16 is faster on GPUs and on CPUs with "
           "AVX512-BF16; rankings are still taken in float32, but the activations are rounded, so a few "
           "images keep other tokens.%1")
            .arg(availableDevices().contains(QStringLiteral("cuda"))
                     ? QString()
                     : tr(" This build of LibTorch has no GPU support: CPU only.")));
    v->addWidget(m_device);
    connect(m_device, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT deviceChanged(m_device->currentData().toString()); });
    return box;
}

QString SidePanel::device() const { return m_device->currentData().toString(); }

bool SidePanel::setDevice(const QString& choice) {
    const int i = m_device->findData(choice);
    if (i < 0) return false;
    m_device->setCurrentIndex(i);
    return true;
}

double SidePanel::budgetSliderGmacs() const {
    return m_budgetMin + (m_budgetMax - m_budgetMin) * m_budget->value() / kBudgetSteps;
}

void SidePanel::showBudget(double gmacs) {
    if (!m_scheduleKnob.isEmpty()) {
        m_budgetLabel->setText(tr("The per-block schedule (%1) replaces the main knob: clear it (Reset under the "
                                  "chart) to meet a budget.")
                                   .arg(m_scheduleKnob));
        return;
    }
    if (m_budgetMax <= m_budgetMin) {
        m_budgetLabel->setText(tr("This method has no main knob to trade cost with."));
        return;
    }
    m_budgetLabel->setText(tr("≤ %1 GMACs (%2% of dense; reachable %3 – %4)")
                               .arg(formatGmacs(gmacs))
                               .arg(m_denseGmacs > 0 ? 100.0 * gmacs / m_denseGmacs : 100.0, 0, 'f', 1)
                               .arg(formatGmacs(m_budgetMin), formatGmacs(m_budgetMax)));
}

void SidePanel::setResult(const StudioResult& r) {
    m_budgetMin = r.budgetMin;
    m_budgetMax = r.budgetMax;
    m_denseGmacs = r.denseGmacs;
    const auto sched = r.knobs.find(r.scheduleKnob.id);
    m_scheduleKnob = !r.scheduleKnob.id.empty() && sched != r.knobs.end() && !sched->second.empty()
                         ? QString::fromStdString(r.scheduleKnob.id)
                         : QString();
    const bool usable = m_budgetMax > m_budgetMin;
    const QSignalBlocker block(m_budget);
    m_budget->setEnabled(usable);
    if (usable)
        m_budget->setValue(static_cast<int>(
            std::lround(kBudgetSteps * std::clamp((r.gmacs - m_budgetMin) / (m_budgetMax - m_budgetMin), 0.0, 1.0))));
    showBudget(r.gmacs);
}

void SidePanel::showKnobs(const std::map<std::string, std::string>& knobs) {
    for (const auto& [id, text] : knobs) m_knobs->setValue(id, text);
}

bool SidePanel::setState(const std::string& methodId, const std::map<std::string, std::string>& knobs) {
    if (!setMethod(methodId)) return false;
    showKnobs(knobs);
    return true;
}

void SidePanel::showMethod(int index) {
    const std::string id = m_methodCombo->itemData(index).toString().toStdString();
    const auto it = std::find_if(m_methods.begin(), m_methods.end(), [&](const MethodSpec& m) { return m.id == id; });
    if (it == m_methods.end()) return;
    const MethodSpec& s = *it;
    // The knob panel shows the one-line help; the paper goes here.
    m_methodPaper->setText(QString::fromStdString(s.paper));
    m_methodPaper->setVisible(!s.paper.empty());
    m_methodCombo->setToolTip(specText(s.help));
    m_knobs->setSpec(s);
    updateMethodStatus();
}

void SidePanel::updateMethodStatus() {
    const std::string id = methodId();
    const auto it = std::find_if(m_methods.begin(), m_methods.end(), [&](const MethodSpec& m) { return m.id == id; });
    if (it == m_methods.end()) return;
    const MethodSpec& s = *it;
    const MethodCompatibility* c = m_compat.method(id);
    if (c && c->status == CompatStatus::NeedsTraining) {
        m_methodStatus->setText(
            tr("Not available for this model: it needs trained %1. Train them with "
               "Model ▸ Train method parts…, open a parts file with File ▸ Open method parts…, "
               "or run:\n%2")
                .arg(s.requirements.learnedWhat.empty() ? tr("parts") : specText(s.requirements.learnedWhat),
                     QString::fromStdString(c->trainCommand)));
    } else if (c && c->status == CompatStatus::CannotApply) {
        m_methodStatus->setText(tr("Cannot apply to this model: %1").arg(QString::fromStdString(c->detail)));
    }
    m_methodStatus->setVisible(c && c->status != CompatStatus::Applies);
}

void SidePanel::markAvailability() {
    auto* model = qobject_cast<QStandardItemModel*>(m_methodCombo->model());
    if (!model) return;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStandardItem* item = model->item(row);
        const std::string id = item->data(Qt::UserRole).toString().toStdString();
        if (id.empty()) continue;  // a family heading
        const MethodCompatibility* c = m_compat.method(id);
        const bool applies = !c || c->status == CompatStatus::Applies;
        const QString note = !c || applies                              ? QString()
                             : c->status == CompatStatus::NeedsTraining ? tr("  — needs training")
                                                                        : tr("  — cannot apply");
        item->setText(item->data(kPlainTextRole).toString() + note);
        item->setForeground(applies ? QBrush() : m_methodCombo->palette().brush(QPalette::Disabled, QPalette::Text));
    }
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

bool SidePanel::methodUnavailable() const {
    const MethodCompatibility* c = m_compat.method(methodId());
    return c && c->status != CompatStatus::Applies;
}

std::string SidePanel::methodId() const { return m_methodCombo->currentData().toString().toStdString(); }

std::map<std::string, std::string> SidePanel::knobValues() const { return m_knobs->values(); }

void SidePanel::setModelInfo(const ModelInfo& info) {
    m_modelName->setText(info.name);
    m_modelName->setToolTip(info.origin);
    QString details = tr("%1 · %2 · %3 parameters").arg(info.family, info.architecture, formatCount(info.parameters));
    details +=
        QStringLiteral("\n") + tr("input %1×%2×%2, patch %3 (%4×%5 patches), %6 blocks, dim %7, %8 heads, %9 classes")
                                   .arg(info.inChans)
                                   .arg(info.imageSize)
                                   .arg(info.patchSize)
                                   .arg(info.gridH)
                                   .arg(info.gridW)
                                   .arg(info.depth)
                                   .arg(info.embedDim)
                                   .arg(info.numHeads)
                                   .arg(info.numClasses);
    if (info.reportedAccuracy >= 0)
        details += QStringLiteral("\n") + tr("reported top-1: %1%").arg(100.0 * info.reportedAccuracy, 0, 'f', 1);
    m_modelDetails->setText(details);
    m_standIn->setVisible(info.standIn);
    m_compat = info.compatibility;
    markAvailability();
    updateMethodStatus();
}

}  // namespace vp
