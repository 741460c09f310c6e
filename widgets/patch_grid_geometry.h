#pragma once
// Where a ViT's patch grid lands on screen: the image fitted (aspect kept, centred, whole
// pixels) in a target rectangle, split into gridW x gridH cells whose pixel edges leave no seams
// and no overlaps, and the cell under a point. Shared by the patch overlay and the token map.
#include <QRect>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace vp {

class PatchGridGeometry {
public:
    // `source` is the image size (or the grid size when there is no image).
    PatchGridGeometry(const QSizeF& source, const QRectF& target, int gridH, int gridW);

    QRectF content() const { return m_content; }
    QRect cell(int gy, int gx) const;
    int patchAt(const QPointF& pos) const;                   // gy * gridW + gx, or -1 outside the grid
    const std::vector<int>& xEdges() const { return m_xs; }  // gridW + 1 pixel columns
    const std::vector<int>& yEdges() const { return m_ys; }  // gridH + 1 pixel rows

    static QRectF fit(const QSizeF& source, const QRectF& target);
    static std::vector<int> edges(double start, double length, int cells);

private:
    QRectF m_content;
    int m_gridW;
    std::vector<int> m_xs, m_ys;
};

}  // namespace vp
