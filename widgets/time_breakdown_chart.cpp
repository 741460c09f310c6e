#include "widgets/time_breakdown_chart.h"

#include <QVBoxLayout>
#include <algorithm>

#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

constexpr double kBarWidth = 0.38;  // two bars per block, a small gap between blocks

}  // namespace

TimeBreakdownChart::TimeBreakdownChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setLabel(tr("block (left bar: dense, right bar: pruned)"));
    m_plot->yAxis->setLabel(tr("ms per forward"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 215));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0,
                                     new QCPTextElement(m_plot, QString(), QFont(font().family(), 10, QFont::Bold)));
    rebuild();
}

void TimeBreakdownChart::setData(const std::vector<StageBar>& dense, const std::vector<StageBar>& pruned,
                                 double denseOutside, double prunedOutside, const QString& title) {
    m_dense = dense;
    m_pruned = pruned;
    double d = denseOutside, p = prunedOutside;
    for (const StageBar& b : dense) d += b.total();
    for (const StageBar& b : pruned) p += b.total();
    m_title = title.isEmpty() ? QString()
                              : tr("%1 — total %2 ms dense, %3 ms pruned (%4× faster)")
                                    .arg(title)
                                    .arg(d, 0, 'f', 1)
                                    .arg(p, 0, 'f', 1)
                                    .arg(p > 0 ? d / p : 0.0, 0, 'f', 2);
    rebuild();
}

void TimeBreakdownChart::clear() {
    m_dense.clear();
    m_pruned.clear();
    m_title.clear();
    rebuild();
}

void TimeBreakdownChart::rebuild() {
    m_plot->clearPlottables();
    if (auto* t = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0))) t->setText(m_title);
    struct Stage {
        QString name;
        double StageBar::*field;
        QColor colour;
    };
    const std::vector<Stage> stages = {
        {tr("attention"), &StageBar::attention, palette::seriesColour(0)},
        {tr("MLP"), &StageBar::mlp, palette::seriesColour(2)},
        {tr("selection / merge ops"), &StageBar::select, palette::seriesColour(1)},
        {tr("other"), &StageBar::other, QColor(150, 150, 150)},
    };
    double top = 0;
    for (int side = 0; side < 2; ++side) {
        const std::vector<StageBar>& bars = side == 0 ? m_dense : m_pruned;
        QCPBars* below = nullptr;
        for (const Stage& s : stages) {
            auto* b = new QCPBars(m_plot->xAxis, m_plot->yAxis);
            b->setWidth(kBarWidth);
            b->setAntialiased(false);
            QColor fill = s.colour;
            if (side == 0) fill.setAlpha(110);  // dense: pale
            b->setBrush(fill);
            b->setPen(QPen(s.colour.darker(130), 0.8));
            b->setName(s.name);
            if (side == 0) b->removeFromLegend();
            QVector<double> keys, values;
            for (size_t l = 0; l < bars.size(); ++l) {
                keys << static_cast<double>(l) + (side == 0 ? -0.2 : 0.2);
                values << bars[l].*(s.field);
            }
            b->setData(keys, values, true);
            if (below) b->moveAbove(below);
            below = b;
        }
        for (const StageBar& bar : bars) top = std::max(top, bar.total());
    }
    const int n = static_cast<int>(std::max(m_dense.size(), m_pruned.size()));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.7, std::max(1, n) - 0.3);
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.25 : 1);
    m_plot->replot();
}

}  // namespace vp
