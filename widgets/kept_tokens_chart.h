#pragma once
// Kept tokens per layer as a QCustomPlot bar chart: pruned counts as filled bars over the dense
// counts drawn as light outlines, the current layer's bar in the highlight colour. Clicking a bar
// emits layerClicked. In editable mode (per-layer schedules) dragging a bar up or down sets its
// value and emits barEdited; new counts arriving mid-drag keep the dragged bar where the mouse is.
// An optional line on a right-hand axis shows a second series (e.g. the tokens a schedule leaves).
// Layers are 0-based in the API and shown 1-based on the axis.
#include <QPointF>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QMouseEvent;

namespace vp {

class KeptTokensChart : public QWidget {
    Q_OBJECT
public:
    explicit KeptTokensChart(QWidget* parent = nullptr);

    // One bar per layer; `dense` may be empty (no reference drawn).
    void setCounts(const std::vector<double>& pruned, const std::vector<double>& dense);
    void setCurrentLayer(int layer);  // -1: none highlighted
    int currentLayer() const { return m_current; }
    int layerCount() const { return static_cast<int>(m_values.size()); }

    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    // Edits are clamped to [0, maximum()]; the default maximum is the largest dense (or, without
    // dense counts, pruned) value given to setCounts. A value <= 0 returns to that default.
    void setMaximum(double max);
    double maximum() const;
    // Lower end of edits (default 0).
    void setMinimum(double min) { m_min = min; }
    double minimum() const { return m_min; }
    // Edited values snap to multiples of `step` (e.g. 1 for token counts); 0 = no snapping.
    void setEditStep(double step) { m_step = step; }
    void setAxisLabels(const QString& x, const QString& y);
    // The legend in one row above the plot instead of a column at its right (narrow panes).
    void setLegendAbove();
    // Legend names of the bars and of the reference outlines (default "pruned", "dense").
    void setSeriesNames(const QString& bars, const QString& reference);
    // A line over the bars on its own right-hand axis from 0; empty values hide it and the axis.
    void setLine(const std::vector<double>& values, const QString& name, const QString& axisLabel);
    const std::vector<double>& lineValues() const { return m_line; }
    QCPGraph* lineGraph() const { return m_lineGraph; }

    std::vector<double> values() const { return m_values; }
    const std::vector<double>& denseValues() const { return m_dense; }
    QCustomPlot* plot() const { return m_plot; }
    QCPBars* prunedBars() const { return m_pruned; }
    QCPBars* denseBars() const { return m_denseBars; }
    // Top centre of layer's pruned bar in plot() pixels (valid after a replot).
    QPointF barTop(int layer) const;
    // Layer whose column is under a plot() pixel, -1 if none.
    int layerAtPixel(const QPointF& pixel) const;

    QSize sizeHint() const override { return {420, 220}; }

Q_SIGNALS:
    void layerClicked(int layer);
    void barEdited(int layer, double value);

private:
    void refresh();
    void onPress(QMouseEvent* e);
    void onMove(QMouseEvent* e);
    void onRelease(QMouseEvent* e);

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_denseBars = nullptr;
    QCPBars* m_pruned = nullptr;
    QCPBars* m_currentBar = nullptr;
    QCPGraph* m_lineGraph = nullptr;
    std::vector<double> m_values, m_dense, m_line;
    int m_current = -1;
    bool m_editable = false;
    double m_max = 0;  // 0 = automatic
    double m_min = 0;
    double m_step = 0;
    int m_dragLayer = -1;
};

}  // namespace vp
