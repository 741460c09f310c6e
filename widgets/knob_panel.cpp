#include "widgets/knob_panel.h"
#include "widgets/spec_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSlider>
#include <QSpinBox>
#include <algorithm>
#include <climits>
#include <cmath>

namespace vp {
namespace {

int decimalsFor(double step) {
    if (!(step > 0)) return 3;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
}

int clampToInt(double v) {
    return static_cast<int>(std::clamp(v, static_cast<double>(INT_MIN), static_cast<double>(INT_MAX)));
}

bool parseDouble(const QString& text, double& out) {
    bool ok = false;
    out = text.trimmed().toDouble(&ok);  // C locale, as KnobValues parses
    return ok && std::isfinite(out);
}

}  // namespace

KnobPanel::KnobPanel(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_help = new QLabel(this);
    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_help);
    m_form = new QFormLayout();
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(m_form);
}

QString KnobPanel::formatNumber(const Knob& knob, double value) {
    return QString::number(value, 'f', decimalsFor(knob.step));
}

void KnobPanel::setHelpVisible(bool visible) {
    m_helpVisible = visible;
    m_help->setVisible(visible && !m_spec.help.empty());
}

void KnobPanel::setSpec(const MethodSpec& spec) {
    m_updating = true;
    while (m_form->rowCount() > 0) m_form->removeRow(0);
    m_editors.clear();
    m_spec = spec;
    m_help->setText(specText(spec.help));
    m_help->setVisible(m_helpVisible && !spec.help.empty());
    for (const Knob& k : spec.knobs) addEditor(k);
    if (spec.knobs.empty()) m_form->addRow(new QLabel(tr("This method has no settings."), this));
    m_updating = false;
}

void KnobPanel::addEditor(const Knob& k) {
    Editor e;
    e.knob = k;
    QWidget* field = nullptr;
    const QString def = QString::fromStdString(k.defaultValue);
    switch (k.type) {
        case KnobType::Number: {
            field = new QWidget(this);
            auto* row = new QHBoxLayout(field);
            row->setContentsMargins(0, 0, 0, 0);
            auto* slider = new QSlider(Qt::Horizontal, field);
            slider->setObjectName(QStringLiteral("knobSlider_") + QString::fromStdString(k.id));  // tests, benchmarks
            auto* spin = new QDoubleSpinBox(field);
            const double step = k.step > 0 ? k.step : (k.max - k.min) / 100.0;
            const int steps = std::clamp(static_cast<int>(std::lround((k.max - k.min) / step)), 1, 100000);
            slider->setRange(0, steps);
            spin->setDecimals(decimalsFor(step));
            spin->setRange(k.min, k.max);
            spin->setSingleStep(step);
            spin->setKeyboardTracking(false);
            row->addWidget(slider, 1);
            row->addWidget(spin);
            const double lo = k.min, span = k.max - k.min;
            auto toSlider = [=](double v) { return static_cast<int>(std::lround((v - lo) / span * steps)); };
            connect(slider, &QSlider::valueChanged, this, [=, this](int pos) {
                const QSignalBlocker block(spin);
                spin->setValue(lo + span * pos / steps);
                changed();
            });
            connect(spin, &QDoubleSpinBox::valueChanged, this, [=, this](double v) {
                const QSignalBlocker block(slider);
                slider->setValue(toSlider(v));
                changed();
            });
            e.get = [spin, k] { return formatNumber(k, spin->value()); };
            e.set = [=](const QString& text) {
                double v = 0;
                if (!parseDouble(text, v) || v < k.min - 1e-9 || v > k.max + 1e-9) return false;
                const QSignalBlocker b1(spin), b2(slider);
                spin->setValue(v);
                slider->setValue(toSlider(v));
                return true;
            };
            break;
        }
        case KnobType::Integer: {
            auto* spin = new QSpinBox(this);
            spin->setRange(clampToInt(std::ceil(k.min)), clampToInt(std::floor(k.max)));
            spin->setSingleStep(std::max(1, clampToInt(k.step)));
            spin->setKeyboardTracking(false);
            connect(spin, &QSpinBox::valueChanged, this, [this] { changed(); });
            e.get = [spin] { return QString::number(spin->value()); };
            e.set = [spin](const QString& text) {
                bool ok = false;
                const int v = text.trimmed().toInt(&ok);
                if (!ok || v < spin->minimum() || v > spin->maximum()) return false;
                const QSignalBlocker b(spin);
                spin->setValue(v);
                return true;
            };
            field = spin;
            break;
        }
        case KnobType::Bool: {
            auto* box = new QCheckBox(this);
            connect(box, &QCheckBox::toggled, this, [this] { changed(); });
            e.get = [box] { return QString(box->isChecked() ? "true" : "false"); };
            e.set = [box](const QString& text) {
                const QString t = text.trimmed().toLower();
                const bool on = t == "true" || t == "1" || t == "yes" || t == "on";
                if (!on && t != "false" && t != "0" && t != "no" && t != "off") return false;
                const QSignalBlocker b(box);
                box->setChecked(on);
                return true;
            };
            field = box;
            break;
        }
        case KnobType::Choice: {
            auto* combo = new QComboBox(this);
            for (const std::string& c : k.choices) combo->addItem(QString::fromStdString(c));
            connect(combo, &QComboBox::currentIndexChanged, this, [this] { changed(); });
            e.get = [combo] { return combo->currentText(); };
            e.set = [combo](const QString& text) {
                const int i = combo->findText(text.trimmed());
                if (i < 0) return false;
                const QSignalBlocker b(combo);
                combo->setCurrentIndex(i);
                return true;
            };
            field = combo;
            break;
        }
        case KnobType::IntList:
        case KnobType::NumberList: {
            auto* edit = new QLineEdit(this);
            const QString item = k.type == KnobType::IntList ? QStringLiteral(R"(\d+)")
                                                             : QStringLiteral(R"((\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
            edit->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral(R"(\s*(%1\s*(,\s*%1\s*)*)?)").arg(item)), edit));
            edit->setObjectName(QStringLiteral("knobEdit_") + QString::fromStdString(k.id));
            edit->setPlaceholderText(k.id == m_spec.scheduleKnob ? tr("one value per block; empty: not used")
                                                                 : tr("comma-separated, e.g. 3,6,9"));
            connect(edit, &QLineEdit::editingFinished, this, [this] { changed(); });
            e.get = [edit] { return edit->text().remove(' '); };
            e.set = [edit](const QString& text) {
                const QSignalBlocker b(edit);
                edit->setText(text.trimmed());
                return edit->hasAcceptableInput();
            };
            field = edit;
            break;
        }
    }
    const QString help = specText(k.help);  // ids, choice values and --set texts stay untranslated
    auto* label = new QLabel(k.label.empty() ? QString::fromStdString(k.id) : specText(k.label), this);
    label->setToolTip(help + QStringLiteral("\n(--set %1=…)").arg(QString::fromStdString(k.id)));
    field->setToolTip(help);
    // Some languages' placeholders do not fit a narrow field: the tooltip has it whole.
    if (auto* edit = qobject_cast<QLineEdit*>(field); edit && !edit->placeholderText().isEmpty())
        field->setToolTip(help + QLatin1Char('\n') + edit->placeholderText());
    if (k.id == m_spec.mainKnob) {
        // The knob the budget slider and the Pareto sweep drive: the one to drag first.
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        label->setToolTip(label->toolTip() + QStringLiteral("\n") +
                          tr("Main knob: the budget slider and the Pareto sweep move it."));
    }
    m_form->addRow(label, field);
    e.set(def);
    m_editors.push_back(std::move(e));
}

bool KnobPanel::setValue(const std::string& id, const std::string& text) {
    for (Editor& e : m_editors) {
        if (e.knob.id != id) continue;
        m_updating = true;
        const bool ok = e.set(QString::fromStdString(text));
        m_updating = false;
        return ok;
    }
    return false;
}

bool KnobPanel::applyUserValue(const std::string& id, const std::string& text) {
    const auto before = values();
    if (!setValue(id, text)) return false;
    if (values() != before) Q_EMIT valuesChanged();
    return true;
}

std::map<std::string, std::string> KnobPanel::values() const {
    std::map<std::string, std::string> out;
    for (const Editor& e : m_editors) out[e.knob.id] = e.get().toStdString();
    return out;
}

void KnobPanel::resetToDefaults() {
    m_updating = true;
    for (Editor& e : m_editors) e.set(QString::fromStdString(e.knob.defaultValue));
    m_updating = false;
    Q_EMIT valuesChanged();
}

void KnobPanel::changed() {
    if (!m_updating) Q_EMIT valuesChanged();
}

}  // namespace vp
