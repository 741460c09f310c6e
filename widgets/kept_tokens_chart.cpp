#include "widgets/kept_tokens_chart.h"

#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

constexpr double kBarWidth = 0.62, kDenseWidth = 0.82;  // in layers

}  // namespace

KeptTokensChart::KeptTokensChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMouseTracking(true);

    m_denseBars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_denseBars->setName(tr("dense"));
    m_denseBars->setWidth(kDenseWidth);
    m_denseBars->setBrush(QColor(235, 235, 235));
    m_denseBars->setPen(QPen(palette::reference(), 1.2));
    m_pruned = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_pruned->setName(tr("pruned"));
    m_pruned->setWidth(kBarWidth);
    m_pruned->setBrush(palette::seriesColour(0));
    m_pruned->setPen(QPen(palette::seriesColour(0).darker(140), 1));
    m_currentBar = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_currentBar->setWidth(kBarWidth);
    m_currentBar->setBrush(palette::highlight());
    m_currentBar->setPen(QPen(palette::highlight().darker(150), 1.5));
    m_plot->legend->removeItem(m_plot->legend->itemWithPlottable(m_currentBar));
    m_lineGraph = new QCPGraph(m_plot->xAxis, m_plot->yAxis2);
    m_lineGraph->setPen(QPen(palette::seriesColour(1), 2));
    m_lineGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, palette::seriesColour(1), Qt::white, 5));
    m_lineGraph->setSelectable(QCP::stNone);
    m_lineGraph->removeFromLegend();
    for (QCPBars* b : {m_denseBars, m_pruned, m_currentBar}) b->setSelectable(QCP::stNone);

    // Legend in its own column right of the axes: dense bars are full height and would hide under it.
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto* side = new QCPLayoutGrid;  // legend on top, an empty element below takes the slack
    m_plot->plotLayout()->addElement(0, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);

    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setTickCount(12);                                   // a label per block for ViT-S/B depths
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);  // every 2nd/5th… layer when crowded
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->grid()->setVisible(false);
    setAxisLabels(tr("block"), tr("kept tokens"));

    connect(m_plot, &QCustomPlot::mousePress, this, &KeptTokensChart::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &KeptTokensChart::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &KeptTokensChart::onRelease);
    refresh();
}

void KeptTokensChart::setAxisLabels(const QString& x, const QString& y) {
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void KeptTokensChart::setLegendAbove() {
    QCPLayoutGrid* layout = m_plot->plotLayout();
    auto* side = qobject_cast<QCPLayoutGrid*>(layout->element(0, 1));
    if (!side) return;
    side->take(m_plot->legend);
    layout->remove(side);  // with the empty element under the legend
    layout->simplify();
    layout->insertRow(0);
    layout->addElement(0, 0, m_plot->legend);
    layout->setRowStretchFactor(0, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void KeptTokensChart::setSeriesNames(const QString& bars, const QString& reference) {
    m_pruned->setName(bars);
    m_denseBars->setName(reference);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void KeptTokensChart::setLine(const std::vector<double>& values, const QString& name, const QString& axisLabel) {
    m_line = values;
    m_lineGraph->setName(name);
    m_plot->yAxis2->setLabel(axisLabel);
    refresh();
}

void KeptTokensChart::setCounts(const std::vector<double>& pruned, const std::vector<double>& dense) {
    // Mid-drag (results of the edit arriving), the dragged bar stays where the mouse put it.
    const bool dragging = m_dragLayer >= 0 && pruned.size() == m_values.size();
    const double dragged = dragging ? m_values[m_dragLayer] : 0;
    m_values = pruned;
    m_dense = dense;
    if (dragging)
        m_values[m_dragLayer] = dragged;
    else
        m_dragLayer = -1;
    if (m_current >= layerCount()) m_current = -1;
    refresh();
}

void KeptTokensChart::setCurrentLayer(int layer) {
    m_current = layer >= 0 && layer < layerCount() ? layer : -1;
    refresh();
}

void KeptTokensChart::setEditable(bool editable) {
    if (editable == m_editable) return;  // a drag in progress goes on
    m_editable = editable;
    m_dragLayer = -1;
    m_plot->setCursor(editable ? Qt::SizeVerCursor : Qt::ArrowCursor);
}

void KeptTokensChart::setMaximum(double max) {
    m_max = max > 0 ? max : 0;
    refresh();
}

double KeptTokensChart::maximum() const {
    if (m_max > 0) return m_max;
    const std::vector<double>& ref = m_dense.empty() ? m_values : m_dense;
    return ref.empty() ? 1.0 : std::max(1e-9, *std::max_element(ref.begin(), ref.end()));
}

// Keys are the 0-based block numbers, as everywhere else in the studio.
void KeptTokensChart::refresh() {
    QVector<double> keys, values, denseKeys, denseValues;
    for (int l = 0; l < layerCount(); ++l) {
        keys << static_cast<double>(l);
        values << m_values[l];
    }
    for (size_t l = 0; l < m_dense.size(); ++l) {
        denseKeys << static_cast<double>(l);
        denseValues << m_dense[l];
    }
    m_pruned->setData(keys, values, true);
    m_denseBars->setData(denseKeys, denseValues, true);
    if (m_dense.empty())
        m_denseBars->removeFromLegend();
    else
        m_denseBars->addToLegend();
    if (m_current >= 0)
        m_currentBar->setData({static_cast<double>(m_current)}, {m_values[m_current]}, true);
    else
        m_currentBar->data()->clear();
    QVector<double> lineKeys, lineValues;
    double lineTop = 0;
    for (size_t l = 0; l < m_line.size(); ++l) {
        lineKeys << static_cast<double>(l);
        lineValues << m_line[l];
        lineTop = std::max(lineTop, m_line[l]);
    }
    m_lineGraph->setData(lineKeys, lineValues, true);
    const bool line = !m_line.empty();
    if (line)
        m_lineGraph->addToLegend();
    else
        m_lineGraph->removeFromLegend();
    m_lineGraph->setVisible(line);
    m_plot->yAxis2->setVisible(line);
    m_plot->yAxis2->setRange(0, std::max(1.0, lineTop) * 1.08);

    // Fixed ranges (no autoscale while dragging): all layers, 0..max with headroom.
    const int n = std::max<int>(layerCount(), static_cast<int>(m_dense.size()));
    m_plot->xAxis->setRange(-0.6, std::max(1, n) - 0.4);
    double top = maximum();
    for (double v : m_values) top = std::max(top, v);
    m_plot->yAxis->setRange(0, top * 1.08);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPointF KeptTokensChart::barTop(int layer) const {
    if (layer < 0 || layer >= layerCount()) return {};
    return {m_plot->xAxis->coordToPixel(static_cast<double>(layer)), m_plot->yAxis->coordToPixel(m_values[layer])};
}

int KeptTokensChart::layerAtPixel(const QPointF& pixel) const {
    if (!m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const double key = m_plot->xAxis->pixelToCoord(pixel.x());
    const int layer = static_cast<int>(std::lround(key));
    // The whole column counts, not just the bar: short bars are still easy to hit.
    return layer >= 0 && layer < layerCount() && std::abs(key - layer) <= 0.5 ? layer : -1;
}

void KeptTokensChart::onPress(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return;
    const int layer = layerAtPixel(e->position());
    if (layer < 0) return;
    if (m_editable) m_dragLayer = layer;
    Q_EMIT layerClicked(layer);
}

void KeptTokensChart::onMove(QMouseEvent* e) {
    if (m_dragLayer >= 0) {
        const double lo = std::min(m_min, maximum());
        double v = std::clamp(m_plot->yAxis->pixelToCoord(e->position().y()), lo, maximum());
        if (m_step > 0) v = std::clamp(std::round(v / m_step) * m_step, lo, maximum());
        if (v == m_values[m_dragLayer]) return;
        m_values[m_dragLayer] = v;
        refresh();
        Q_EMIT barEdited(m_dragLayer, v);
        return;
    }
    const int layer = layerAtPixel(e->position());
    if (layer < 0) {
        QToolTip::hideText();
        return;
    }
    QString text = tr("Block %1: %2 kept").arg(layer).arg(m_values[layer], 0, 'g', 5);
    if (m_editable) text = tr("Block %1: %2 (drag to change)").arg(layer).arg(m_values[layer], 0, 'g', 5);
    if (static_cast<size_t>(layer) < m_dense.size()) text += tr(" (dense %1)").arg(m_dense[layer], 0, 'g', 5);
    if (static_cast<size_t>(layer) < m_line.size())
        text +=
            QStringLiteral("\n") + m_lineGraph->name() + QStringLiteral(": ") + QString::number(m_line[layer], 'g', 5);
    QToolTip::showText(e->globalPosition().toPoint(), text, m_plot);
}

void KeptTokensChart::onRelease(QMouseEvent*) { m_dragLayer = -1; }

}  // namespace vp
