#pragma once
// One attention heatmap over the patch grid (widgets/attention_view.h shows two side by side):
// every patch in the colour map (viridis) at its value over a faint grey copy of the image; a
// patch without a value (dropped, or parked outside the sequence) dark and hatched grey; a patch
// that has a value but was no longer in the block's sequence (rollout) hatched over its colour;
// thin lines between patches of different tokens, so a merged or fused token reads as one region;
// a fused (EViT background) token's region outlined dashed.
// And the colour bar that gives the value range. Plain data only, no Torch.
#include <QColor>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <vector>

namespace vp {

struct HeatmapPane {
    int gridH = 0, gridW = 0;
    std::vector<float> values;  // per patch (row-major); NaN: no value; empty: nothing to show
    std::vector<int> token;     // per patch: its token (-1 dropped, <= -2 parked); empty: no borders
    std::vector<bool> absent;   // per patch: not in the block's sequence (hatched); empty: none
    std::vector<bool> fused;    // per patch: in a fused (background) token, outlined dashed; empty: none
    bool hasValues() const { return !values.empty(); }
};

// The value range a colour bar spans: the finite values' minimum and maximum.
struct ValueRange {
    double lo = 0, hi = 0;
    bool valid = false;
    void include(const std::vector<float>& values);
    double position(double value) const;  // 0..1 inside the range (0.5 when it is one value)
};

QColor heatColour(double value, const ValueRange& range);
// "0.0123", "1.2e-05": the value as the colour bar and tooltips print it.
QString formatValue(double value);

// Paints `pane` fitted into `target` (aspect of `grey`, or of the grid without an image).
void paintHeatmap(QPainter& painter, const QRectF& target, const QImage& grey, const HeatmapPane& pane,
                  const ValueRange& range, double imageOpacity);
// The patch under `pos` for a pane painted into `target`, or -1.
int heatmapPatchAt(const QRectF& target, const QImage& grey, const HeatmapPane& pane, const QPointF& pos);
// A vertical colour bar in `target`: the ramp, and the low, middle and high values beside it.
void paintColourBar(QPainter& painter, const QRectF& target, const ValueRange& range);

}  // namespace vp
