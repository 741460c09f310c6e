#pragma once
// Kept tokens per layer as a QCustomPlot bar chart: pruned counts as filled bars over the dense
// counts drawn as light outlines, the current layer's bar in the highlight colour. Clicking a bar
// emits layerClicked. In editable mode (per-layer schedules) dragging a bar up or down sets its
// value and emits barEdited. Layers are 0-based in the API and shown 1-based on the axis.
#include <QPointF>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPBars;
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
    // Edited values snap to multiples of `step` (e.g. 1 for token counts); 0 = no snapping.
    void setEditStep(double step) { m_step = step; }
    void setAxisLabels(const QString& x, const QString& y);

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
    std::vector<double> m_values, m_dense;
    int m_current = -1;
    bool m_editable = false;
    double m_max = 0;  // 0 = automatic
    double m_step = 0;
    int m_dragLayer = -1;
};

}  // namespace vp
