#include "widgets/overlay_grid_figure.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/patch_overlay_view.h"

namespace vp {
namespace {

constexpr int kPad = 8;

}  // namespace

OverlayGridFigure::OverlayGridFigure(QWidget* parent) : QWidget(parent) {
    m_painter = new PatchOverlayView(this);
    m_painter->hide();
    setAttribute(Qt::WA_DontShowOnScreen);
}

int OverlayGridFigure::rows() const {
    const int n = static_cast<int>(m_trace.layers.size());
    return n == 0 ? 0 : (n + m_columns - 1) / m_columns;
}

int OverlayGridFigure::cellWidth() const { return m_tile + 2 * kPad; }
int OverlayGridFigure::cellHeight() const { return m_tile + 2 * kPad + fontMetrics().height() + 4; }

void OverlayGridFigure::setContent(const QImage& image, const TokenTrace& trace, const QString& title, int columns,
                                   int tileSize) {
    m_painter->setImage(image);
    m_trace = trace;
    m_title = title;
    m_tile = std::max(32, tileSize);
    const int n = std::max<int>(1, static_cast<int>(trace.layers.size()));
    m_columns = columns > 0 ? std::min(columns, n) : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    const int titleHeight = m_title.isEmpty() ? 0 : fontMetrics().height() + kPad;
    resize(m_columns * cellWidth(), titleHeight + std::max(1, rows()) * cellHeight());
    update();
}

void OverlayGridFigure::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    p.setPen(Qt::black);
    int top = 0;
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(0, kPad / 2, width(), fontMetrics().height() + kPad / 2), Qt::AlignCenter, m_title);
        p.setFont(font());
        top = fontMetrics().height() + kPad;
    }
    for (int l = 0; l < static_cast<int>(m_trace.layers.size()); ++l) {
        const int x = (l % m_columns) * cellWidth(), y = top + (l / m_columns) * cellHeight();
        m_painter->setTrace(m_trace, l);
        const QRectF tile(x + kPad, y + kPad, m_tile, m_tile);
        p.save();
        m_painter->paintOverlay(p, tile);
        p.restore();
        const QString caption =
            tr("block %1 · %2/%3 kept").arg(l).arg(m_painter->keptCount()).arg(m_painter->patchCount());
        p.setPen(Qt::black);
        p.drawText(QRect(x, y + kPad + m_tile + 2, cellWidth(), fontMetrics().height() + 2),
                   Qt::AlignHCenter | Qt::AlignTop, caption);
    }
}

}  // namespace vp
