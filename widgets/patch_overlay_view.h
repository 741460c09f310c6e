#pragma once
// The image as the model sees it, the patch grid over it and each patch's fate at one layer of a
// TokenTrace: kept = clear, dropped = dimmed and hatched, merged = tinted in its token's colour
// (patches that share a token share the colour), fused = orange dashed outline, parked = lightly
// dimmed with a dotted blue outline. Plain data only, no Torch.
#include <QImage>
#include <QWidget>
#include <vector>

#include "prune/token_trace.h"

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
    void setFates(int gridH, int gridW, std::vector<PatchFate> fates, std::vector<int> patchToken = {});
    // One line shown across the image when there is none (e.g. "Open an image…").
    void setPlaceholderText(const QString& text);

    const QImage& image() const { return m_image; }
    int gridH() const { return m_gridH; }
    int gridW() const { return m_gridW; }
    int keptCount() const;     // patches not dropped
    int patchCount() const { return m_gridH * m_gridW; }

    // Paints image, fates and grid into `target` (keeps the image's aspect ratio, centred).
    void paintOverlay(QPainter& painter, const QRectF& target) const;
    // The overlay alone as an image of size×size pixels (export, tests).
    QImage renderOverlay(int size) const;

    QSize sizeHint() const override { return {480, 480}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF imageRect(const QRectF& target) const;
    QImage m_image;
    QString m_placeholder;
    int m_gridH = 0, m_gridW = 0;
    std::vector<PatchFate> m_fates;
    std::vector<int> m_patchToken;
};

}  // namespace vp
