#include "widgets/token_map_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include "widgets/patch_grid_geometry.h"

namespace vp {
TokenMapView::TokenMapView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
}

void TokenMapView::setImage(const QImage& image) {
    m_image = image;
    m_grey = image.isNull() ? QImage() : image.convertToFormat(QImage::Format_Grayscale8);
    update();
}

void TokenMapView::setMap(TokenMap map) {
    // A map whose layers do not match its grid is shown as none rather than read out of bounds.
    const size_t n = static_cast<size_t>(std::max(0, map.patches()));
    for (const TokenMapLayer& l : map.layers)
        if (l.rgb.size() != n || l.token.size() != n) map.layers.clear();
    m_map = std::move(map);
    update();
}

void TokenMapView::clearMap() {
    m_map = TokenMap();
    update();
}

void TokenMapView::setLayer(int layer) {
    m_layer = layer;
    update();
}

void TokenMapView::setPlaceholderText(const QString& text) {
    m_placeholder = text;
    update();
}

void TokenMapView::setImageOpacity(double opacity) {
    m_imageOpacity = std::clamp(opacity, 0.0, 1.0);
    update();
}

int TokenMapView::layer() const {
    if (m_map.empty()) return -1;
    const int last = static_cast<int>(m_map.layers.size()) - 1;
    return m_layer < 0 ? last : std::min(m_layer, last);
}

const TokenMapLayer* TokenMapView::shown() const { return m_map.empty() ? nullptr : &m_map.layers[layer()]; }

QColor TokenMapView::patchColour(int patch) const {
    const TokenMapLayer* l = shown();
    if (!l || patch < 0 || patch >= m_map.patches() || !l->hasToken(patch)) return {};
    return QColor::fromRgb(l->rgb[patch]);
}

QString TokenMapView::describePatch(int patch) const {
    const TokenMapLayer* l = shown();
    if (!l || patch < 0 || patch >= m_map.patches()) return {};
    QStringList lines;
    lines << tr("Patch %1 (row %2, col %3), block %4")
                 .arg(patch)
                 .arg(patch / m_map.gridW)
                 .arg(patch % m_map.gridW)
                 .arg(l->layer);
    if (l->dropped(patch)) {
        lines << tr("Dropped: no token carries it any more");
    } else if (!l->hasToken(patch)) {
        lines << tr("Parked: set aside, not in this block's tokens");
    } else {
        const int token = l->token[patch];
        const auto shared = std::count(l->token.begin(), l->token.end(), token);
        lines << (shared > 1 ? tr("Token %1, shared by %2 patches").arg(token).arg(shared) : tr("Token %1").arg(token));
        lines << tr("Colour %1 (R, G, B = its features on the dense model's principal components 1, 2, 3)")
                     .arg(QColor::fromRgb(l->rgb[patch]).name());
    }
    return lines.join(QLatin1Char('\n'));
}

QSizeF TokenMapView::sourceSize() const {
    return m_image.isNull() ? QSizeF(m_map.gridW, m_map.gridH) : QSizeF(m_image.size());
}

int TokenMapView::patchAt(const QPointF& pos) const {
    if (m_map.empty()) return -1;
    return PatchGridGeometry(sourceSize(), QRectF(rect()), m_map.gridH, m_map.gridW).patchAt(pos);
}

void TokenMapView::paintMap(QPainter& p, const QRectF& target) const {
    p.save();
    p.fillRect(target, QColor(40, 42, 46));
    const PatchGridGeometry grid(sourceSize(), target, m_map.gridH, m_map.gridW);
    const QRectF r = grid.content();
    if (!m_grey.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, r.width() < 2.0 * m_grey.width());
        p.drawImage(r, m_grey);
    }
    const TokenMapLayer* l = shown();
    if (!l) {
        p.fillRect(r, QColor(40, 42, 46, 170));
        p.setPen(QColor(230, 230, 230));
        p.drawText(r.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        p.restore();
        return;
    }
    const int W = m_map.gridW, H = m_map.gridH;
    const int alpha = static_cast<int>(std::lround(255 * (1.0 - m_imageOpacity)));
    p.setRenderHint(QPainter::Antialiasing, false);
    const QBrush hatch(QColor(255, 255, 255, 80), Qt::BDiagPattern);
    for (int gy = 0; gy < H; ++gy) {
        for (int gx = 0; gx < W; ++gx) {
            const int i = gy * W + gx;
            const QRect cell = grid.cell(gy, gx);
            if (l->hasToken(i)) {
                QColor c = QColor::fromRgb(l->rgb[i]);
                c.setAlpha(alpha);
                p.fillRect(cell, c);
            } else {
                p.fillRect(cell, QColor(18, 18, 20, 225));
                if (l->dropped(i)) {
                    p.fillRect(cell, hatch);
                } else {  // parked
                    p.setPen(QPen(QColor(90, 200, 255), 2, Qt::DotLine));
                    p.setBrush(Qt::NoBrush);
                    p.drawRect(cell.adjusted(1, 1, -1, -1));
                }
            }
        }
    }
    // Borders only between neighbours in different tokens: a merged token reads as one region.
    const int width = std::clamp(static_cast<int>(r.width() / W / 24), 1, 3);
    p.setPen(QPen(QColor(15, 15, 18, 220), width, Qt::SolidLine, Qt::FlatCap));
    for (int gy = 0; gy < H; ++gy) {
        for (int gx = 0; gx < W; ++gx) {
            const int i = gy * W + gx;
            const QRect c = grid.cell(gy, gx);  // borders on the next cells' first pixels
            if (gx + 1 < W && l->token[i] != l->token[i + 1])
                p.drawLine(QPoint(c.right() + 1, c.top()), QPoint(c.right() + 1, c.bottom() + 1));
            if (gy + 1 < H && l->token[i] != l->token[i + W])
                p.drawLine(QPoint(c.left(), c.bottom() + 1), QPoint(c.right() + 1, c.bottom() + 1));
        }
    }
    p.setPen(QPen(QColor(15, 15, 18, 200), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0, 0, -1, -1));
    p.restore();
}

QImage TokenMapView::renderMap(int size) const {
    QImage out(size, size, QImage::Format_RGB32);
    out.fill(Qt::black);
    QPainter p(&out);
    paintMap(p, QRectF(0, 0, size, size));
    return out;
}

void TokenMapView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintMap(p, QRectF(rect()));
}

bool TokenMapView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QString text = describePatch(patchAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

}  // namespace vp
