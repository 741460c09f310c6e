#pragma once
// Accuracy (%) against cost (GMACs, ms / image, img/s…) per pruning method, as a QCustomPlot:
// one line + marker series per method (Okabe–Ito colour and a marker shape, stable per method id),
// the dense model as a black star, the current setting as a large hollow ring. Clicking a point
// emits its settings so the app can load them. Plain data, no Torch.
#include <QPointF>
#include <QString>
#include <QWidget>
#include <map>
#include <string>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPErrorBars;
class QMouseEvent;

namespace vp {

struct ParetoPoint {
    double cost = 0;
    double accuracy = 0;             // percent
    double errLow = 0, errHigh = 0;  // on cost (e.g. timing spread), drawn as horizontal bars
    double accLow = 0, accHigh = 0;  // on accuracy (percent below / above): the 95% interval, vertical bars
    QString setting;                 // short text, e.g. "keep=0.7"
    std::map<std::string, std::string> settings;  // knob id → value text, as --set takes them
};

class ParetoPlot : public QWidget {
    Q_OBJECT
public:
    explicit ParetoPlot(QWidget* parent = nullptr);

    // Replaces the method's points (sorted by cost; ties keep their order).
    void setSeries(const QString& methodId, const QString& label, const std::vector<ParetoPoint>& points);
    // Progressive filling (sweeps): inserts in cost order. Creates the series, labelled by its id,
    // if needed.
    void addPoint(const QString& methodId, const ParetoPoint& point);
    void removeSeries(const QString& methodId);
    void setDense(double cost, double accuracy);
    void clearDense();
    void setCurrent(const QString& methodId, double cost, double accuracy);
    void clearCurrent();
    void setCostAxis(const QString& label);
    // Removes every series, the dense point and the current ring. Method styles are kept, so a
    // method keeps its colour across sweeps.
    void clearAll();

    int pointCount(const QString& methodId) const;
    const std::vector<ParetoPoint>& points(const QString& methodId) const;
    QStringList methods() const;
    bool hasCurrent() const { return m_hasCurrent; }
    QPointF currentPoint() const { return m_currentPoint; }  // (cost, accuracy)
    QString currentMethod() const { return m_currentMethod; }
    bool hasDense() const { return m_hasDense; }

    QColor methodColour(const QString& methodId) const;
    QCPGraph* graph(const QString& methodId) const;  // nullptr for an unknown method
    QCPGraph* denseGraph() const { return m_dense; }
    QCPGraph* currentGraph() const { return m_current; }
    QCustomPlot* plot() const { return m_plot; }
    // Legend columns for a render `width` px wide (an export's size differs from the widget's).
    void fitLegendTo(int width);

    // Where point `index` of a method is drawn, in plot() pixels (valid after a replot).
    QPointF pointPixel(const QString& methodId, int index) const;
    // The point nearest to `pixel` within a few pixels: its method and index (-1 if none).
    int hitTest(const QPointF& pixel, QString* methodId) const;
    // What a mouse click at `pixel` does: emits pointClicked for a hit. Returns whether it hit.
    bool clickAt(const QPointF& pixel);

    QSize sizeHint() const override { return {520, 320}; }

Q_SIGNALS:
    void pointClicked(const QString& methodId, const std::map<std::string, std::string>& settings);

private:
    struct Series {
        QString label;
        std::vector<ParetoPoint> points;  // sorted by cost
        QCPGraph* graph = nullptr;
        QCPErrorBars* errors = nullptr;     // cost spread
        QCPErrorBars* accErrors = nullptr;  // accuracy interval
    };
    Series& series(const QString& methodId, const QString& label);
    int styleIndex(const QString& methodId);
    void sync(Series& s);
    void rescale();
    void onPress(QMouseEvent* e);
    void onMove(QMouseEvent* e);
    void onRelease(QMouseEvent* e);

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_dense = nullptr;
    QCPGraph* m_current = nullptr;
    std::map<QString, Series> m_series;
    std::map<QString, int> m_style;  // method id → palette slot, first come first served
    bool m_hasDense = false, m_hasCurrent = false;
    QPointF m_currentPoint;
    QString m_currentMethod;
    bool m_autoRange = true;  // off once the user zooms or pans; a double click turns it back on
    QPointF m_pressPos;
    bool m_pressed = false;
};

}  // namespace vp
