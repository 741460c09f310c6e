#include "widgets/overlay_grid_figure.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/patch_overlay_view.h"

namespace vp {
namespace {

constexpr int kPad = 8;

int textHeight(const QFontMetrics& fm, int width, const QString& text) {
    if (text.isEmpty()) return 0;
    return fm.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap | Qt::AlignHCenter, text).height();
}

}  // namespace

OverlayGridFigure::OverlayGridFigure(QWidget* parent) : QWidget(parent) {
    m_painter = new PatchOverlayView(this);
    m_painter->setLegendVisible(false);  // one legend for the whole figure
    m_painter->hide();
    setAttribute(Qt::WA_DontShowOnScreen);
}

int OverlayGridFigure::rows() const {
    const int n = static_cast<int>(m_tiles.size());
    return n == 0 ? 0 : (n + m_columns - 1) / m_columns;
}

int OverlayGridFigure::cellWidth() const { return m_tile + 2 * kPad; }

QString OverlayGridFigure::tileText(size_t tile) const {
    const QString counts = fateSummary(m_tallies[tile], true);
    return m_tiles[tile].caption.isEmpty() ? counts : m_tiles[tile].caption + QLatin1Char('\n') + counts;
}

int OverlayGridFigure::cellHeight() const {
    int text = 0;
    for (size_t i = 0; i < m_tiles.size(); ++i)
        text = std::max(text, textHeight(fontMetrics(), cellWidth(), tileText(i)));
    return m_tile + 2 * kPad + text + 4;
}

int OverlayGridFigure::titleHeight() const {
    return m_title.isEmpty() ? 0 : textHeight(fontMetrics(), width() - 2 * kPad, m_title) + kPad;
}

int OverlayGridFigure::legendHeight() const {
    return fateLegendHeight(fontMetrics(), m_columns * cellWidth() - 2 * kPad, m_legendTally, false);
}

int OverlayGridFigure::footerHeight() const {
    return m_footer.isEmpty() ? 0 : textHeight(fontMetrics(), m_columns * cellWidth() - 2 * kPad, m_footer) + kPad;
}

void OverlayGridFigure::setContent(const QImage& image, const TokenTrace& trace, const QString& title, int columns,
                                   int tileSize, const QString& footer) {
    const auto shared = std::make_shared<const TokenTrace>(trace);
    std::vector<Tile> tiles;
    for (size_t l = 0; l < trace.layers.size(); ++l)
        tiles.push_back({shared, static_cast<int>(l), tr("block %1").arg(trace.layers[l].layer)});
    setTiles(image, std::move(tiles), title, columns, tileSize, footer);
}

void OverlayGridFigure::setTiles(const QImage& image, std::vector<Tile> tiles, const QString& title, int columns,
                                 int tileSize, const QString& footer) {
    m_painter->setImage(image);
    m_tiles = std::move(tiles);
    m_title = title;
    m_footer = footer;
    m_tile = std::max(32, tileSize);
    m_tallies.clear();
    m_legendTally = {};
    for (const Tile& t : m_tiles) {
        m_tallies.push_back(tallyFates(*t.trace, t.layer));
        for (size_t f = 0; f < m_legendTally.count.size(); ++f) m_legendTally.count[f] += m_tallies.back().count[f];
    }
    const int n = std::max<int>(1, static_cast<int>(m_tiles.size()));
    m_columns = columns > 0 ? std::min(columns, n) : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    resize(m_columns * cellWidth(), 100);  // the width first: the text heights depend on it
    resize(m_columns * cellWidth(),
           titleHeight() + std::max(1, rows()) * cellHeight() + legendHeight() + footerHeight() + kPad / 2);
    update();
}

void OverlayGridFigure::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintFigure(p);
}

void OverlayGridFigure::paintFigure(QPainter& p) const {
    p.setFont(font());
    p.fillRect(rect(), Qt::white);
    p.setPen(Qt::black);
    int top = 0;
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(kPad, kPad / 2, width() - 2 * kPad, titleHeight()), Qt::AlignHCenter | Qt::TextWordWrap,
                   m_title);
        p.setFont(font());
        top = titleHeight();
    }
    for (size_t i = 0; i < m_tiles.size(); ++i) {
        const int col = static_cast<int>(i) % m_columns, row = static_cast<int>(i) / m_columns;
        const int x = col * cellWidth(), y = top + row * cellHeight();
        m_painter->setTrace(*m_tiles[i].trace, m_tiles[i].layer);
        p.save();
        m_painter->paintOverlay(p, QRectF(x + kPad, y + kPad, m_tile, m_tile));
        p.restore();
        p.setPen(Qt::black);
        p.drawText(QRect(x, y + kPad + m_tile + 2, cellWidth(), cellHeight() - m_tile - kPad),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, tileText(i));
    }
    const int legendTop = top + std::max(1, rows()) * cellHeight();
    paintFateLegend(p, QRectF(kPad, legendTop, width() - 2 * kPad, legendHeight()), m_legendTally, false, false);
    if (!m_footer.isEmpty()) {
        p.setPen(QColor(70, 70, 70));
        p.drawText(QRect(kPad, legendTop + legendHeight(), width() - 2 * kPad, footerHeight()),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_footer);
    }
}

}  // namespace vp
