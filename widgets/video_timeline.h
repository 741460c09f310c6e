#pragma once
// The video page's timeline (QCustomPlot): per processed frame the method's GMACs against the
// dense model's (left axis), both forwards' measured ms (right axis), a red tick where the
// method's top-1 differs from dense, and a line at the frame on screen.
#include <QWidget>
#include <map>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;

namespace vp {

struct TimelinePoint {
    qint64 frame = 0;
    double gmacs = 0, denseGmacs = 0, ms = 0, denseMs = 0;
    bool agrees = true;
};

class VideoTimeline : public QWidget {
    Q_OBJECT
public:
    explicit VideoTimeline(QWidget* parent = nullptr);
    void clear();
    // Frames may come out of order (after a seek); a frame seen again replaces its point.
    void addPoint(const TimelinePoint& point);
    // The x range the plot spans (the video's length, when known).
    void setFrameRange(qint64 count);
    const std::vector<TimelinePoint>& points() const { return m_points; }
    QCustomPlot* plot() const { return m_plot; }
    QSize sizeHint() const override { return {600, 190}; }

private:
    void replotLater();
    QCustomPlot* m_plot;
    QCPGraph *m_gmacs, *m_denseGmacs, *m_ms, *m_denseMs, *m_disagree;
    QCPItemStraightLine* m_current;
    std::vector<TimelinePoint> m_points;
    std::map<qint64, size_t> m_index;  // frame → position in m_points
    qint64 m_frameCount = -1;
    bool m_replotQueued = false;
};

}  // namespace vp
