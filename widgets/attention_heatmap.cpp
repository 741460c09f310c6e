#include "widgets/attention_heatmap.h"

#include <QFontMetrics>
#include <QPalette>
#include <algorithm>
#include <cmath>

#include "widgets/colormap.h"
#include "widgets/patch_grid_geometry.h"

namespace vp {
namespace {

const QColor kBackground(40, 42, 46);

QSizeF sourceSize(const QImage& grey, const HeatmapPane& pane) {
    return grey.isNull() ? QSizeF(pane.gridW, pane.gridH) : QSizeF(grey.size());
}

}  // namespace

void ValueRange::include(const std::vector<float>& values) {
    for (float v : values) {
        if (!std::isfinite(v)) continue;
        lo = valid ? std::min(lo, double(v)) : v;
        hi = valid ? std::max(hi, double(v)) : v;
        valid = true;
    }
}

double ValueRange::position(double value) const {
    if (!valid || hi <= lo) return 0.5;
    return std::clamp((value - lo) / (hi - lo), 0.0, 1.0);
}

QColor heatColour(double value, const ValueRange& range) { return viridis(range.position(value)); }

QString formatValue(double value) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    if (value == 0) return QStringLiteral("0");
    return std::abs(value) >= 1e-3 ? QString::number(value, 'f', std::abs(value) >= 0.1 ? 3 : 4)
                                   : QString::number(value, 'e', 1);
}

void paintHeatmap(QPainter& p, const QRectF& target, const QImage& grey, const HeatmapPane& pane,
                  const ValueRange& range, double imageOpacity) {
    p.save();
    const int W = pane.gridW, H = pane.gridH;
    if (W <= 0 || H <= 0 || pane.values.size() != size_t(W) * H) {
        p.fillRect(target, kBackground);
        p.restore();
        return;
    }
    const PatchGridGeometry grid(sourceSize(grey, pane), target, H, W);
    const QRectF r = grid.content();
    p.fillRect(r, kBackground);
    if (!grey.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, r.width() < 2.0 * grey.width());
        p.drawImage(r, grey);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    const int alpha = static_cast<int>(std::lround(255 * (1.0 - std::clamp(imageOpacity, 0.0, 1.0))));
    const QBrush hatch(QColor(170, 170, 170, 200), Qt::BDiagPattern);
    const QBrush lightHatch(QColor(235, 235, 235, 150), Qt::BDiagPattern);
    for (int gy = 0; gy < H; ++gy) {
        for (int gx = 0; gx < W; ++gx) {
            const int i = gy * W + gx;
            const QRect cell = grid.cell(gy, gx);
            const float v = pane.values[i];
            if (!std::isfinite(v)) {
                p.fillRect(cell, QColor(22, 22, 24, 235));
                p.fillRect(cell, hatch);
                continue;
            }
            QColor c = heatColour(v, range);
            c.setAlpha(alpha);
            p.fillRect(cell, c);
            if (i < static_cast<int>(pane.absent.size()) && pane.absent[i]) p.fillRect(cell, lightHatch);
        }
    }
    if (pane.token.size() == pane.values.size()) {  // borders only between different tokens
        const int width = std::clamp(static_cast<int>(r.width() / W / 28), 1, 2);
        p.setPen(QPen(QColor(12, 12, 14, 150), width, Qt::SolidLine, Qt::FlatCap));
        for (int gy = 0; gy < H; ++gy) {
            for (int gx = 0; gx < W; ++gx) {
                const int i = gy * W + gx;
                const QRect c = grid.cell(gy, gx);
                if (gx + 1 < W && pane.token[i] != pane.token[i + 1])
                    p.drawLine(QPoint(c.right() + 1, c.top()), QPoint(c.right() + 1, c.bottom() + 1));
                if (gy + 1 < H && pane.token[i] != pane.token[i + W])
                    p.drawLine(QPoint(c.left(), c.bottom() + 1), QPoint(c.right() + 1, c.bottom() + 1));
            }
        }
    }
    if (pane.fused.size() == pane.values.size()) {  // the fused region's outline
        const auto fusedAt = [&](int gy, int gx) {
            return gy >= 0 && gx >= 0 && gy < H && gx < W && pane.fused[gy * W + gx];
        };
        p.setPen(QPen(QColor(240, 240, 240, 230), 2, Qt::DashLine, Qt::FlatCap));
        for (int gy = 0; gy < H; ++gy) {
            for (int gx = 0; gx < W; ++gx) {
                if (!fusedAt(gy, gx)) continue;
                const QRect c = grid.cell(gy, gx).adjusted(1, 1, -1, -1);
                if (!fusedAt(gy - 1, gx)) p.drawLine(c.topLeft(), c.topRight());
                if (!fusedAt(gy + 1, gx)) p.drawLine(c.bottomLeft(), c.bottomRight());
                if (!fusedAt(gy, gx - 1)) p.drawLine(c.topLeft(), c.bottomLeft());
                if (!fusedAt(gy, gx + 1)) p.drawLine(c.topRight(), c.bottomRight());
            }
        }
    }
    p.setPen(QPen(QColor(15, 15, 18, 200), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0, 0, -1, -1));
    p.restore();
}

int heatmapPatchAt(const QRectF& target, const QImage& grey, const HeatmapPane& pane, const QPointF& pos) {
    if (pane.gridW <= 0 || pane.gridH <= 0) return -1;
    return PatchGridGeometry(sourceSize(grey, pane), target, pane.gridH, pane.gridW).patchAt(pos);
}

void paintColourBar(QPainter& p, const QRectF& target, const ValueRange& range) {
    p.save();
    const QFontMetrics fm = p.fontMetrics();
    const double textH = fm.height();
    const QRectF bar(target.left(), target.top() + textH / 2, std::min(18.0, target.width() / 3),
                     std::max(10.0, target.height() - textH));
    p.drawImage(bar, viridisRamp(256, Qt::Vertical));
    p.setPen(QPen(QColor(15, 15, 18, 200), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(QPalette().color(QPalette::WindowText));
    const double x = bar.right() + 6;
    const auto label = [&](double y, double value) {
        p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 3, y));
        const QRectF box(x, y - textH / 2, target.right() - x, textH);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, range.valid ? formatValue(value) : QStringLiteral("–"));
    };
    label(bar.top(), range.hi);
    label(bar.center().y(), (range.lo + range.hi) / 2);
    label(bar.bottom(), range.lo);
    p.restore();
}

}  // namespace vp
