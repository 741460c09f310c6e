#pragma once
// "GMACs saved vs time saved": per method and batch size, efficiency (measured speed-up divided by
// the GMACs speed-up; 1 = the FLOPs saving turns fully into time) against the GMACs speed-up of
// the setting. Colour = method (stable per id), marker and line style = batch size, vertical bars
// = the measured speed-up's p10–p90 spread. A grey line marks 1.0, a dashed one the 0.9 goal.
// Plain data, no Torch.
#include <QString>
#include <QWidget>
#include <map>
#include <utility>
#include <vector>

class QCustomPlot;

namespace vp {

struct EfficiencyPoint {
    QString method, setting;
    int batch = 1;
    double gmacsSpeedup = 1;                 // dense GMACs / pruned GMACs
    double speedup = 1;                      // measured, median of interleaved pairs
    double speedupLow = 1, speedupHigh = 1;  // p10, p90
    double efficiency() const { return gmacsSpeedup > 0 ? speedup / gmacsSpeedup : 0; }
};

class EfficiencyPlot : public QWidget {
    Q_OBJECT
public:
    explicit EfficiencyPlot(QWidget* parent = nullptr);
    void setPoints(const std::vector<EfficiencyPoint>& points);
    void addPoint(const EfficiencyPoint& point);
    void clear();
    void setGoal(double goal);
    const std::vector<EfficiencyPoint>& points() const { return m_points; }
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    QCustomPlot* plot() const { return m_plot; }
    QSize sizeHint() const override { return {640, 380}; }

protected:
    void resizeEvent(QResizeEvent* event) override;  // the legend's columns follow the height

private:
    void rebuild();
    int styleIndex(const QString& method);
    QCustomPlot* m_plot = nullptr;
    std::vector<EfficiencyPoint> m_points;
    std::map<std::pair<QString, int>, int> m_series;  // (method, batch) -> graph index
    std::map<QString, int> m_style;
    double m_goal = 0.9;
};

}  // namespace vp
