#include "patch_grid_geometry.h"

#include <algorithm>
#include <cmath>

namespace vp {
namespace {

// Index of the cell holding pixel `x` given edges() output, -1 outside.
int cellOf(const std::vector<int>& edges, double x) {
    const int px = static_cast<int>(std::floor(x));
    if (edges.size() < 2 || px < edges.front() || px >= edges.back()) return -1;
    return static_cast<int>(std::upper_bound(edges.begin(), edges.end(), px) - edges.begin()) - 1;
}

}  // namespace

PatchGridGeometry::PatchGridGeometry(const QSizeF& source, const QRectF& target, int gridH, int gridW)
    : m_content(fit(source, target)), m_gridW(std::max(gridW, 0)),
      m_xs(edges(m_content.left(), m_content.width(), m_gridW)),
      m_ys(edges(m_content.top(), m_content.height(), std::max(gridH, 0))) {}

QRectF PatchGridGeometry::fit(const QSizeF& source, const QRectF& target) {
    const QSizeF src(std::max(1.0, source.width()), std::max(1.0, source.height()));
    const double scale = std::min(target.width() / src.width(), target.height() / src.height());
    const QSizeF size(std::floor(src.width() * scale), std::floor(src.height() * scale));
    return QRectF(QPointF(std::round(target.center().x() - size.width() / 2),
                          std::round(target.center().y() - size.height() / 2)),
                  size);
}

std::vector<int> PatchGridGeometry::edges(double start, double length, int cells) {
    if (cells <= 0) return {};
    std::vector<int> e(static_cast<size_t>(cells) + 1);
    for (int i = 0; i <= cells; ++i)
        e[static_cast<size_t>(i)] = static_cast<int>(std::lround(start + length * i / cells));
    return e;
}

QRect PatchGridGeometry::cell(int gy, int gx) const {
    const size_t x = static_cast<size_t>(gx), y = static_cast<size_t>(gy);
    return QRect(QPoint(m_xs[x], m_ys[y]), QPoint(m_xs[x + 1] - 1, m_ys[y + 1] - 1));
}

int PatchGridGeometry::patchAt(const QPointF& pos) const {
    const int gx = cellOf(m_xs, pos.x());
    const int gy = cellOf(m_ys, pos.y());
    return gx < 0 || gy < 0 ? -1 : gy * m_gridW + gx;
}

}  // namespace vp
