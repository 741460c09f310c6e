#include "widgets/video_timeline.h"

#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace vp {

VideoTimeline::VideoTimeline(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    const QColor method = palette::seriesColour(0), time = palette::seriesColour(1);
    m_gmacs = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_gmacs->setName(tr("GMACs"));
    m_gmacs->setPen(QPen(method, 1.6));
    m_denseGmacs = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_denseGmacs->setName(tr("dense GMACs"));
    m_denseGmacs->setPen(QPen(Qt::black, 1.2, Qt::DashLine));
    m_ms = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_ms->setName(tr("ms"));
    m_ms->setPen(QPen(time, 1.2));
    m_denseMs = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_denseMs->setName(tr("dense ms"));
    m_denseMs->setPen(QPen(time.lighter(140), 1.2, Qt::DotLine));
    m_disagree = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_disagree->setName(tr("top-1 ≠ dense"));
    m_disagree->setLineStyle(QCPGraph::lsNone);
    m_disagree->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(200, 0, 0), 5));
    m_plot->xAxis->setLabel(tr("frame"));
    m_plot->yAxis->setLabel(tr("GMACs"));
    m_plot->yAxis2->setLabel(tr("ms"));
    m_plot->yAxis2->setVisible(true);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 2)));
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(5);
    m_current = new QCPItemStraightLine(m_plot);
    m_current->setPen(QPen(QColor(120, 120, 120), 1));
    m_current->point1->setCoords(0, 0);
    m_current->point2->setCoords(0, 1);
    clear();
}

void VideoTimeline::clear() {
    m_points.clear();
    m_index.clear();
    for (QCPGraph* g : {m_gmacs, m_denseGmacs, m_ms, m_denseMs, m_disagree}) g->data()->clear();
    m_plot->xAxis->setRange(0, m_frameCount > 1 ? m_frameCount - 1 : 100);
    m_plot->yAxis->setRange(0, 1);
    m_plot->yAxis2->setRange(0, 10);
    m_plot->replot();
}

void VideoTimeline::setFrameRange(qint64 count) {
    m_frameCount = count;
    m_plot->xAxis->setRange(0, count > 1 ? count - 1 : 100);
    replotLater();
}

void VideoTimeline::addPoint(const TimelinePoint& p) {
    auto [it, added] = m_index.emplace(p.frame, m_points.size());
    if (added) {
        m_points.push_back(p);
    } else {  // a frame seen again (after a seek or a loop): replace its values
        m_points[it->second] = p;
        for (QCPGraph* g : {m_gmacs, m_denseGmacs, m_ms, m_denseMs, m_disagree}) g->data()->remove(p.frame);
    }
    m_gmacs->addData(p.frame, p.gmacs);
    m_denseGmacs->addData(p.frame, p.denseGmacs);
    m_ms->addData(p.frame, p.ms);
    m_denseMs->addData(p.frame, p.denseMs);
    if (!p.agrees) m_disagree->addData(p.frame, p.gmacs);
    m_current->point1->setCoords(p.frame, 0);
    m_current->point2->setCoords(p.frame, 1);
    replotLater();
}

// Frames can arrive faster than a replot is worth: at most one replot per event-loop turn.
void VideoTimeline::replotLater() {
    if (m_replotQueued) return;
    m_replotQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_replotQueued = false;
        double gMax = 0, msMax = 0;
        qint64 xMax = 1;
        for (const TimelinePoint& q : m_points) {
            gMax = std::max({gMax, q.gmacs, q.denseGmacs});
            msMax = std::max({msMax, q.ms, q.denseMs});
            xMax = std::max(xMax, q.frame);
        }
        m_plot->yAxis->setRange(0, gMax > 0 ? gMax * 1.45 : 1);  // head room for the legend
        m_plot->yAxis2->setRange(0, msMax > 0 ? msMax * 1.45 : 10);
        if (m_frameCount <= 1) m_plot->xAxis->setRange(0, std::max<qint64>(100, xMax));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

}  // namespace vp
