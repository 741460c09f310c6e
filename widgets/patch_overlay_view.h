#pragma once
// The image as the model sees it, the patch grid over it and each patch's fate at one layer of a
// TokenTrace, styled by widgets/fate_style.h (kept = the only clear patches), with an on-canvas
// legend under the image: a swatch and a count per fate present. Plain data only, no Torch.
// Interactive: a tooltip describes the patch under the cursor; the wheel zooms (1×..8×, about the
// cursor), dragging pans while zoomed and a double click resets. paintOverlay/renderOverlay
// ignore the zoom (figure export uses them).
#include <QImage>
#include <QPointF>
#include <QString>
#include <QWidget>
#include <vector>

#include "prune/token_trace.h"
#include "widgets/fate_style.h"

namespace vp {

class PatchOverlayView : public QWidget {
    Q_OBJECT
public:
    explicit PatchOverlayView(QWidget* parent = nullptr);

    // The S×S crop the model sees (any QImage format). The grid is drawn over the whole image.
    void setImage(const QImage& image);
    // gridH×gridW patches, all kept, until a trace arrives.
    void setGrid(int gridH, int gridW);
    // Fates of sample `sample` after layer `layer` (clamped). A trace without per-patch data
    // (TraceLevel::Counts) shows every patch kept.
    void setTrace(const TokenTrace& trace, int layer, int sample = 0);
    void clearTrace();
    // Direct form, for callers (and tests) that hold fates themselves: gridH*gridW entries each.
    // Clears the per-patch details below (setTrace fills them again from the trace).
    void setFates(int gridH, int gridW, std::vector<PatchFate> fates, std::vector<int> patchToken = {});
    // Per-patch details for the tooltip, gridH*gridW entries each (other sizes clear them).
    // setTrace derives the drop layers from the trace itself; call this after it to override.
    void setDropLayers(std::vector<int> dropLayerPerPatch);  // 0-based block, -1 = never dropped
    void setPatchScores(std::vector<float> scores);          // NaN = no score
    void setTokenSizes(std::vector<float> sizes);
    // One line shown across the image when there is none (e.g. "Open an image…").
    void setPlaceholderText(const QString& text);

    const QImage& image() const { return m_image; }
    int gridH() const { return m_gridH; }
    int gridW() const { return m_gridW; }
    // Patches per fate at the shown block (merged and fused patches are not kept).
    FateTally tally() const;
    // The legend strip under the image (on by default; it is left out when the target is small).
    void setLegendVisible(bool visible);
    bool legendVisible() const { return m_legend; }
    int patchCount() const { return m_gridH * m_gridW; }

    // Paints image, fates and grid into `target` (keeps the image's aspect ratio, centred).
    void paintOverlay(QPainter& painter, const QRectF& target) const;
    // The overlay alone as an image of size×size pixels (export, tests).
    QImage renderOverlay(int size) const;

    // Tooltip text for one patch: index, (row, col), fate, score, token size, drop layer.
    QString describePatch(int patch) const;
    // Patch under a point in widget coordinates (zoom and pan applied), -1 outside the grid.
    int patchAt(const QPointF& widgetPos) const;

    double zoom() const { return m_zoom; }
    QPointF pan() const { return m_pan; }
    // Zoom to `factor` (clamped to 1..8) keeping the content under `anchor` (widget px) in place.
    void zoomAt(double factor, const QPointF& anchor);
    void resetView();

    QSize sizeHint() const override { return {480, 480}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

Q_SIGNALS:
    void zoomChanged(double zoom);
    // The patch under the mouse changed (-1 when it left the grid).
    void patchHovered(int patch);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;  // tooltips
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QSizeF sourceSize() const;  // what the grid is fitted from: the image, else the grid itself
    // The part of `target` the image and grid use (the legend takes a strip at the bottom).
    QRectF imageArea(const QRectF& target) const;
    int legendHeight(const QRectF& target) const;  // 0: no legend in this target
    void clampPan();
    QImage m_image;
    QString m_placeholder;
    int m_gridH = 0, m_gridW = 0;
    std::vector<PatchFate> m_fates;
    std::vector<int> m_patchToken;
    std::vector<int> m_dropLayer;
    std::vector<float> m_score, m_tokenSize;
    double m_zoom = 1.0;
    QPointF m_pan;  // widget px: a content point p is shown at m_pan + p * m_zoom
    QPointF m_dragStart, m_panAtDragStart;
    bool m_dragging = false;
    int m_hovered = -1;
    bool m_legend = true;
};

}  // namespace vp
