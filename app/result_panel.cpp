#include "result_panel.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QTextStream>
#include <QVBoxLayout>

#include "widgets/kept_tokens_chart.h"
#include "widgets/prediction_bars.h"

namespace vp {
namespace {

constexpr int kTopK = 5;

QString formatGmacs(double g) {
    return QString::number(g, 'f', g < 0.1 ? 4 : (g < 10 ? 3 : 2));
}

QString formatMs(double ms) {
    return QString::number(ms, 'f', ms < 10 ? 2 : 1);
}

QLabel* wrapped(QWidget* parent) {
    auto* l = new QLabel(QStringLiteral("–"), parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
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
    m_chart = new KeptTokensChart(costBox);
    m_chart->setAxisLabels(tr("block"), tr("tokens"));
    m_chart->setMinimumHeight(150);
    form->addRow(m_chart);
    layout->addWidget(costBox);
    connect(m_chart, &KeptTokensChart::layerClicked, this, &ResultPanel::layerClicked);
}

void ResultPanel::setResult(const StudioResult& r, const ModelInfo& info) {
    m_result = r;
    m_info = info;
    m_hasResult = true;
    m_pruned->setPredictions(predictions(r.logits, info));
    m_dense->setPredictions(predictions(r.denseLogits, info));
    m_agreement->setText(agreementText());

    const double pct = r.denseGmacs > 0 ? 100.0 * r.gmacs / r.denseGmacs : 100.0;
    m_gmacs->setText(tr("%1  (%2% of dense %3)").arg(formatGmacs(r.gmacs)).arg(pct, 0, 'f', 1).arg(formatGmacs(r.denseGmacs)));
    QString time = tr("%1 ms per image (best of %2, %3, %4 threads)")
                       .arg(formatMs(r.ms)).arg(r.timedRuns).arg(r.device.toUpper()).arg(r.threads);
    if (r.denseMs > 0 && r.ms > 0) {
        const double speedup = r.denseMs / r.ms;
        const double ideal = r.gmacs > 0 ? r.denseGmacs / r.gmacs : 1.0;
        time += QStringLiteral("\n") + tr("dense %1 ms → speed-up %2× (GMACs promise %3×)")
                                           .arg(formatMs(r.denseMs)).arg(speedup, 0, 'f', 2).arg(ideal, 0, 'f', 2);
    }
    m_time->setText(time);
    const std::vector<double> dense(r.trace.layers.size(), static_cast<double>(r.trace.patches));
    m_chart->setMaximum(r.trace.patches);
    m_chart->setCounts(tokensPerLayer(r.trace), dense);
}

QString ResultPanel::agreementText() const {
    if (!m_hasResult || m_result.logits.empty() || m_result.denseLogits.empty()) return QStringLiteral("–");
    const auto pruned = topClasses(m_result.logits, 1), dense = topClasses(m_result.denseLogits, 1);
    if (pruned[0].index == dense[0].index)
        return tr("✔ agrees with dense: %1 (%2% vs %3%)")
            .arg(m_info.label(pruned[0].index))
            .arg(100 * pruned[0].probability, 0, 'f', 1).arg(100 * dense[0].probability, 0, 'f', 1);
    return tr("✘ differs from dense: %1 instead of %2").arg(m_info.label(pruned[0].index), m_info.label(dense[0].index));
}

void ResultPanel::clear() {
    m_hasResult = false;
    m_pruned->clear();
    m_dense->clear();
    m_agreement->setText(QStringLiteral("–"));
    m_gmacs->setText(QStringLiteral("–"));
    m_time->setText(QStringLiteral("–"));
    m_chart->setCounts({}, {});
}

void ResultPanel::setCurrentLayer(int layer) {
    m_chart->setCurrentLayer(layer);
}

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
