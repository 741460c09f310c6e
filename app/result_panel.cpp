#include "result_panel.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <memory>

#include "widgets/kept_tokens_chart.h"
#include "widgets/prediction_bars.h"

namespace vp {
namespace {

constexpr int kTopK = 5;

QString formatGmacs(double g) { return QString::number(g, 'f', g < 0.1 ? 4 : (g < 10 ? 3 : 2)); }

QString formatMs(double ms) { return QString::number(ms, 'f', ms < 10 ? 2 : 1); }

QLabel* wrapped(QWidget* parent) {
    auto* l = new QLabel(QStringLiteral("–"), parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

bool scheduleSet(const StudioResult& r) {
    const auto it = r.knobs.find(r.scheduleKnob.id);
    return !r.scheduleKnob.id.empty() && it != r.knobs.end() && !it->second.empty();
}

std::vector<Prediction> predictions(const std::vector<float>& logits, const ModelInfo& info) {
    std::vector<Prediction> out;
    for (const RankedClass& c : topClasses(logits, kTopK)) out.push_back({info.label(c.index), c.probability});
    return out;
}

}  // namespace

std::vector<double> tokensPerLayer(const TokenTrace& trace) {
    std::vector<double> out;
    for (const LayerTrace& lt : trace.layers)
        out.push_back(lt.mlpTokens.empty() ? trace.patches : std::max(0, lt.mlpTokens[0] - trace.prefix));
    return out;
}

ResultPanel::ResultPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 6);

    auto* predBox = new QGroupBox(tr("Prediction (top %1)").arg(kTopK), this);
    auto* grid = new QGridLayout(predBox);
    auto* prunedTitle = new QLabel(tr("<b>Pruned</b>"), predBox);
    auto* denseTitle = new QLabel(tr("<b>Dense</b>"), predBox);
    m_pruned = new PredictionBars(predBox);
    m_dense = new PredictionBars(predBox);
    m_pruned->setRowCount(kTopK);
    m_dense->setRowCount(kTopK);
    m_agreement = wrapped(predBox);
    grid->addWidget(prunedTitle, 0, 0);
    grid->addWidget(denseTitle, 0, 1);
    grid->addWidget(m_pruned, 1, 0);
    grid->addWidget(m_dense, 1, 1);
    grid->addWidget(m_agreement, 2, 0, 1, 2);
    layout->addWidget(predBox);

    auto* costBox = new QGroupBox(tr("Cost"), this);
    auto* form = new QFormLayout(costBox);
    m_gmacs = wrapped(costBox);
    m_time = wrapped(costBox);
    form->addRow(tr("GMACs:"), m_gmacs);
    form->addRow(tr("Measured:"), m_time);
    m_scheduleRow = new QWidget(costBox);
    auto* row = new QHBoxLayout(m_scheduleRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_editSchedule = new QToolButton(m_scheduleRow);
    m_editSchedule->setObjectName(QStringLiteral("editScheduleButton"));
    m_editSchedule->setText(tr("Edit schedule"));
    m_editSchedule->setCheckable(true);
    m_editSchedule->setToolTip(
        tr("Show the value every block uses and drag a bar to change it; the method "
           "then follows this per-block schedule instead of its main knob."));
    m_resetSchedule = new QToolButton(m_scheduleRow);
    m_resetSchedule->setObjectName(QStringLiteral("resetScheduleButton"));
    m_resetSchedule->setText(tr("Reset"));
    m_resetSchedule->setToolTip(tr("Clear the per-block schedule: the main knob and its blocks apply again."));
    m_scheduleHint = new QLabel(m_scheduleRow);
    m_scheduleHint->setWordWrap(true);
    m_scheduleHint->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(m_editSchedule);
    row->addWidget(m_resetSchedule);
    row->addWidget(m_scheduleHint, 1);
    m_scheduleRow->hide();
    form->addRow(m_scheduleRow);
    m_chart = new KeptTokensChart(costBox);
    m_chart->setAxisLabels(tr("block"), tr("tokens"));
    m_chart->setMinimumHeight(150);
    form->addRow(m_chart);
    layout->addWidget(costBox);
    connect(m_chart, &KeptTokensChart::layerClicked, this, &ResultPanel::layerClicked);
    connect(m_chart, &KeptTokensChart::barEdited, this, &ResultPanel::onBarEdited);
    connect(m_editSchedule, &QToolButton::toggled, this, [this] { showChart(); });
    connect(m_editSchedule, &QToolButton::clicked, this, [this](bool on) {
        if (on) revealChart();
    });
    connect(m_resetSchedule, &QToolButton::clicked, this, [this] {
        if (scheduleEditable()) Q_EMIT scheduleEdited(m_result.scheduleKnob.id, std::string());
    });
}

std::string ResultPanel::scheduleText(const Knob& knob, const std::vector<double>& values) {
    const double step = knob.step > 0 ? knob.step : 0.01;
    const int decimals =
        knob.type == KnobType::IntList ? 0 : std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
    std::string out;
    for (double v : values) {
        QString t = QString::number(v, 'f', decimals);
        if (t.contains(QLatin1Char('.'))) {  // 0.70 -> 0.7, 1.00 -> 1
            while (t.endsWith(QLatin1Char('0'))) t.chop(1);
            if (t.endsWith(QLatin1Char('.'))) t.chop(1);
        }
        if (t == QLatin1String("-0")) t = QStringLiteral("0");
        out += (out.empty() ? "" : ",") + t.toStdString();
    }
    return out;
}

bool ResultPanel::scheduleEditable() const {
    return m_hasResult && !m_result.scheduleKnob.id.empty() &&
           m_result.schedule.size() == m_result.trace.layers.size() && !m_result.schedule.empty();
}

void ResultPanel::setScheduleEditing(bool on) {
    m_editSchedule->setChecked(on);  // toggled -> showChart()
    showChart();
}

bool ResultPanel::scheduleEditing() const { return m_editSchedule->isChecked() && scheduleEditable(); }

// Tokens per block, or (editing a schedule) the schedule's values with the tokens as a line.
void ResultPanel::showChart() {
    const bool editable = scheduleEditable();
    m_scheduleRow->setVisible(editable);
    if (!m_hasResult) return;
    const std::vector<double> tokens = tokensPerLayer(m_result.trace);
    if (!scheduleEditing()) {
        m_chart->setEditable(false);
        m_chart->setLine({}, QString(), QString());
        m_chart->setSeriesNames(tr("pruned"), tr("dense"));
        m_chart->setAxisLabels(tr("block"), tr("tokens"));
        m_chart->setEditStep(0);
        m_chart->setMinimum(0);
        m_chart->setMaximum(m_result.trace.patches);
        m_chart->setCounts(
            tokens, std::vector<double>(m_result.trace.layers.size(), static_cast<double>(m_result.trace.patches)));
        if (editable) {
            const bool set = scheduleSet(m_result);
            m_scheduleHint->setText(set ? tr("A per-block schedule is set.") : QString());
            m_resetSchedule->setEnabled(set);
        }
        return;
    }
    const Knob& k = m_result.scheduleKnob;
    const bool set = scheduleSet(m_result);
    // Short names for the axis and legend (the knob labels are long): the built-in schedules are
    // keep ratios (number lists) or ToMe's r (integer lists).
    const QString label = k.type == KnobType::IntList ? tr("r (merged)") : tr("keep ratio");
    m_chart->setEditable(true);
    m_chart->setEditStep(k.step > 0 ? k.step : 0);
    m_chart->setMinimum(k.min);
    // r beyond half of the patches merges no more than half: a useful top for the drag.
    double top = k.max;
    if (k.type == KnobType::IntList) top = std::min(k.max, std::max(1.0, std::floor(m_result.trace.patches / 2.0)));
    for (double v : m_result.schedule) top = std::max(top, v);
    m_chart->setMaximum(top);
    m_chart->setSeriesNames(label, QString());
    m_chart->setAxisLabels(tr("block"), label);
    m_chart->setCounts(m_result.schedule, {});
    m_chart->setLine(tokens, tr("tokens"), tr("tokens"));
    m_resetSchedule->setEnabled(set);
    m_scheduleHint->setText(set ? tr("Drag a bar to set that block's value.")
                                : tr("From the main knob; drag a bar to set a per-block schedule."));
}

void ResultPanel::onBarEdited(int, double) {
    if (!scheduleEditing()) return;
    Q_EMIT scheduleEdited(m_result.scheduleKnob.id, scheduleText(m_result.scheduleKnob, m_chart->values()));
}

// Measured time and speed-up: medians of dense and pruned forwards timed interleaved; a spread
// wider than ±12% (or too few pairs) is marked approximate with its range, never printed as fact.
QString ResultPanel::timeText(const StudioResult& r) {
    if (r.timedRuns <= 0 || r.ms <= 0)
        return tr("timing… (once the settings rest; %1, %2 threads)").arg(r.device.toUpper()).arg(r.threads);
    QString time = tr("%1 ms per image (median of %2, timed interleaved with dense; %3, %4 threads)")
                       .arg(formatMs(r.ms))
                       .arg(r.timedRuns)
                       .arg(r.device.toUpper())
                       .arg(r.threads);
    if (r.denseMs > 0 && r.speedup > 0) {
        const double ideal = r.gmacs > 0 ? r.denseGmacs / r.gmacs : 1.0;
        const QString promise = tr("GMACs promise %1×").arg(ideal, 0, 'f', 2);
        time += QStringLiteral("\n") + (r.noisy ? tr("dense %1 ms → speed-up ≈%2× (noisy: %3–%4×; %5)")
                                                : tr("dense %1 ms → speed-up %2× (range %3–%4×; %5)"))
                                           .arg(formatMs(r.denseMs))
                                           .arg(r.speedup, 0, 'f', 2)
                                           .arg(r.speedupLo, 0, 'f', 2)
                                           .arg(r.speedupHi, 0, 'f', 2)
                                           .arg(promise);
    }
    return time;
}

void ResultPanel::setResult(const StudioResult& r, const ModelInfo& info) {
    // A schedule that just got set (typed, loaded, --set) is shown as the schedule.
    const bool wasScheduled = m_hasResult && scheduleSet(m_result);
    m_result = r;
    m_info = info;
    m_hasResult = true;
    m_pruned->setPredictions(predictions(r.logits, info));
    m_dense->setPredictions(predictions(r.denseLogits, info));
    m_agreement->setText(agreementText());

    const double pct = r.denseGmacs > 0 ? 100.0 * r.gmacs / r.denseGmacs : 100.0;
    m_gmacs->setText(
        tr("%1  (%2% of dense %3)").arg(formatGmacs(r.gmacs)).arg(pct, 0, 'f', 1).arg(formatGmacs(r.denseGmacs)));
    QString time = timeText(r);
    if (r.linearDensity < 1.0)
        time += QStringLiteral("\n") +
                tr("Unstructured sparsity: GMACs count the %1% non-zero weights, but dense kernels still "
                   "multiply the zeros, so the time does not drop.")
                    .arg(100.0 * r.linearDensity, 0, 'f', 0);
    m_time->setText(time);
    if (!wasScheduled && scheduleSet(r)) {
        m_editSchedule->setChecked(true);
        // Opened with a schedule (command line, saved settings): show it. Later, typing one in
        // the knob panel does not pull the column away from the field being typed in.
        if (!m_hadResult) revealChart();
    }
    m_hadResult = true;
    showChart();
}

void ResultPanel::revealChart() {
    QScrollArea* area = nullptr;
    for (QWidget* w = parentWidget(); w && !area; w = w->parentWidget()) area = qobject_cast<QScrollArea*>(w);
    if (!area) return;
    auto reveal = [this, area] {
        // The controls row and the chart below it, as far as the viewport allows.
        area->ensureWidgetVisible(m_chart, 0, 8);
        area->ensureWidgetVisible(m_scheduleRow, 0, 8);
    };
    QTimer::singleShot(0, this, reveal);
    // The column is still laying out this result's texts (and, at start, the window itself):
    // follow the chart while the scrollable height changes, for a moment.
    auto follow = std::make_shared<QMetaObject::Connection>(
        connect(area->verticalScrollBar(), &QScrollBar::rangeChanged, this, reveal));
    QTimer::singleShot(1000, this, [follow] { QObject::disconnect(*follow); });
}

QString ResultPanel::agreementText() const {
    if (!m_hasResult || m_result.logits.empty() || m_result.denseLogits.empty()) return QStringLiteral("–");
    const auto pruned = topClasses(m_result.logits, 1), dense = topClasses(m_result.denseLogits, 1);
    if (pruned[0].index == dense[0].index)
        return tr("✔ agrees with dense: %1 (%2% vs %3%)")
            .arg(m_info.label(pruned[0].index))
            .arg(100 * pruned[0].probability, 0, 'f', 1)
            .arg(100 * dense[0].probability, 0, 'f', 1);
    return tr("✘ differs from dense: %1 instead of %2")
        .arg(m_info.label(pruned[0].index), m_info.label(dense[0].index));
}

void ResultPanel::clear() {
    m_hasResult = false;
    m_pruned->clear();
    m_dense->clear();
    m_agreement->setText(QStringLiteral("–"));
    m_gmacs->setText(QStringLiteral("–"));
    m_time->setText(QStringLiteral("–"));
    m_scheduleRow->hide();
    m_chart->setEditable(false);
    m_chart->setLine({}, QString(), QString());
    m_chart->setCounts({}, {});
}

void ResultPanel::setCurrentLayer(int layer) { m_chart->setCurrentLayer(layer); }

QByteArray ResultPanel::csv() const {
    QByteArray out;
    QTextStream s(&out);
    s << "block,tokens,patches_kept,dense_tokens\n";
    if (!m_hasResult) return out;
    const TokenTrace& t = m_result.trace;
    const std::vector<double> tokens = tokensPerLayer(t);
    for (size_t l = 0; l < t.layers.size(); ++l) {
        int kept = t.patches;
        if (!t.layers[l].fate.empty())
            kept = static_cast<int>(std::count_if(t.layers[l].fate.begin(), t.layers[l].fate.begin() + t.patches,
                                                  [](PatchFate f) { return f != PatchFate::Dropped; }));
        s << l << ',' << tokens[l] << ',' << kept << ',' << t.patches << '\n';
    }
    s.flush();
    return out;
}

}  // namespace vp
