#include "widgets/efficiency_plot.h"

#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

// Batch sizes in ascending order get these markers and pens: small batches dashed (noisier).
QCPScatterStyle::ScatterShape batchShape(int rank) {
    static const QCPScatterStyle::ScatterShape s[] = {QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare,
                                                      QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond};
    return s[std::min(rank, 3)];
}
Qt::PenStyle batchPen(int rank, int ranks) {
    return rank == ranks - 1 ? Qt::SolidLine : rank == 0 ? Qt::DashLine : Qt::DotLine;
}

}  // namespace

EfficiencyPlot::EfficiencyPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setLabel(tr("GMACs speed-up (dense GMACs / pruned GMACs)"));
    m_plot->yAxis->setLabel(tr("efficiency (measured speed-up / GMACs speed-up)"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 215));
    // Many (method, batch) series: the legend goes beside the plot, not over the points.
    m_plot->plotLayout()->addElement(0, 1, m_plot->legend);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->legend->setMargins(QMargins(6, 4, 6, 4));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    rebuild();
}

void EfficiencyPlot::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (!m_points.empty()) rebuild();
}

int EfficiencyPlot::styleIndex(const QString& method) {
    const auto it = m_style.find(method);
    if (it != m_style.end()) return it->second;
    const int n = static_cast<int>(m_style.size());
    m_style.emplace(method, n);
    return n;
}

void EfficiencyPlot::setPoints(const std::vector<EfficiencyPoint>& points) {
    m_points = points;
    rebuild();
}

void EfficiencyPlot::addPoint(const EfficiencyPoint& point) {
    m_points.push_back(point);
    rebuild();
}

void EfficiencyPlot::clear() {
    m_points.clear();
    rebuild();
}

void EfficiencyPlot::setGoal(double goal) {
    m_goal = goal;
    rebuild();
}

void EfficiencyPlot::rebuild() {
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_series.clear();
    std::set<int> batchSet;
    for (const EfficiencyPoint& p : m_points) batchSet.insert(p.batch);
    const std::vector<int> batches(batchSet.begin(), batchSet.end());
    auto rankOf = [&](int b) {
        return static_cast<int>(std::lower_bound(batches.begin(), batches.end(), b) - batches.begin());
    };

    // One series per (method, batch), points sorted by GMACs speed-up.
    std::map<std::pair<QString, int>, std::vector<const EfficiencyPoint*>> groups;
    std::vector<std::pair<QString, int>> order;
    for (const EfficiencyPoint& p : m_points) {
        const auto key = std::make_pair(p.method, p.batch);
        if (!groups.count(key)) order.push_back(key);
        groups[key].push_back(&p);
    }
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        return styleIndex(a.first) != styleIndex(b.first) ? styleIndex(a.first) < styleIndex(b.first)
                                                          : a.second < b.second;
    });
    double xMax = 1.0, yMin = m_goal, yMax = 1.0;  // the points, the goal and the ideal line
    double barLow = yMin, barHigh = yMax;          // the error bars' ends
    for (const auto& key : order) {
        auto& pts = groups[key];
        std::stable_sort(pts.begin(), pts.end(), [](auto* a, auto* b) { return a->gmacsSpeedup < b->gmacsSpeedup; });
        const int style = styleIndex(key.first);
        const int rank = rankOf(key.second);
        const QColor colour = palette::seriesColour(style);
        QCPGraph* g = m_plot->addGraph();
        g->setName(tr("%1 · batch %2").arg(key.first).arg(key.second));
        QPen pen(colour, 1.6);
        pen.setStyle(batchPen(rank, static_cast<int>(batches.size())));
        g->setPen(pen);
        g->setScatterStyle(QCPScatterStyle(batchShape(rank), QPen(colour, 1.6), colour, 8));
        auto* err = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        err->setErrorType(QCPErrorBars::etValueError);
        err->setPen(QPen(colour, 1.0));
        err->setDataPlottable(g);
        err->removeFromLegend();
        QVector<double> xs, ys, lo, hi;
        for (const EfficiencyPoint* p : pts) {
            const double e = p->efficiency();
            xs << p->gmacsSpeedup;
            ys << e;
            const double eLow = p->gmacsSpeedup > 0 ? p->speedupLow / p->gmacsSpeedup : e;
            const double eHigh = p->gmacsSpeedup > 0 ? p->speedupHigh / p->gmacsSpeedup : e;
            lo << std::max(0.0, e - eLow);
            hi << std::max(0.0, eHigh - e);
            xMax = std::max(xMax, p->gmacsSpeedup);
            yMin = std::min(yMin, e);
            yMax = std::max(yMax, e);
            barLow = std::min(barLow, eLow);
            barHigh = std::max(barHigh, eHigh);
        }
        g->setData(xs, ys, true);
        err->setData(lo, hi);
        m_series[key] = m_plot->graphCount() - 1;
    }
    auto hline = [&](double y, QPen pen, const QString& label) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, y);
        line->point2->setCoords(1, y);
        line->setPen(pen);
        auto* text = new QCPItemText(m_plot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        // Left end: no method saves nothing, so the points start right of GMACs speed-up 1.
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        text->position->setCoords(0.01, 0);
        text->position->setTypeY(QCPItemPosition::ptPlotCoords);
        text->position->setCoords(0.01, y);
        text->setText(label);
        text->setColor(pen.color());
    };
    hline(1.0, QPen(QColor(90, 90, 90), 1.2), tr("ideal: time falls as GMACs do"));
    QPen goalPen(QColor(0xD5, 0x5E, 0x00), 1.2, Qt::DashLine);
    hline(m_goal, goalPen, tr("goal %1").arg(m_goal));
    m_plot->xAxis->setRange(1.0 - 0.05 * (xMax - 1.0) - 0.02, xMax + 0.08 * (xMax - 1.0) + 0.05);
    // The error bars widen the range by at most 0.15: one noisy pair must not flatten every curve
    // (a bar beyond is cut at the edge, which still shows it is wide).
    const double lo = std::max(barLow, yMin - 0.15), hi = std::min(barHigh, yMax + 0.15);
    const double span = std::max(0.2, hi - lo);
    m_plot->yAxis->setRange(lo - 0.05 * span, hi + 0.05 * span);
    // Many series (18 for 6 methods × 3 batches) wrap into more legend columns instead of
    // running off the bottom of the plot.
    const int entryHeight = std::max(14, QFontMetrics(m_plot->legend->font()).height() + 4);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst, false);
    m_plot->legend->setWrap(std::max(4, (m_plot->height() - 40) / entryHeight));
    m_plot->legend->setVisible(!order.empty());
    m_plot->replot();
}

}  // namespace vp
