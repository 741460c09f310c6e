#include "widgets/head_grid.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

#include "widgets/plot_palette.h"

namespace vp {
namespace {

constexpr int kMargin = 4;
constexpr int kMinCellW = 6, kMaxCellW = 44, kMinCellH = 5, kMaxCellH = 22;

QColor removedFill() { return QColor(226, 226, 226); }
QColor attentionRemovedInk() { return palette::seriesColour(1); }  // vermillion

}  // namespace

HeadGrid::HeadGrid(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);
}

QColor HeadGrid::keptColour() { return palette::seriesColour(0); }

void HeadGrid::setWidths(const std::vector<BlockWidth>& reference, const std::vector<BlockWidth>& pruned) {
    m_reference = reference;
    m_pruned = pruned;
    if (m_current >= rowCount()) m_current = -1;
    // No taller than its largest cells: the rest of the column goes to whatever is below.
    setMaximumHeight(rowCount() > 0 ? 2 * kMargin + rowCount() * kMaxCellH : QWIDGETSIZE_MAX);
    updateGeometry();
    update();
}

void HeadGrid::setCurrentLayer(int layer) {
    const int row = layer >= 0 && layer < rowCount() ? layer : -1;
    if (row == m_current) return;
    m_current = row;
    update();
}

int HeadGrid::columnCount() const {
    int n = 0;
    for (const BlockWidth& b : m_reference) n = std::max(n, b.heads);
    for (const BlockWidth& b : m_pruned) n = std::max(n, b.attention ? b.heads : 0);
    return n;
}

int HeadGrid::keptHeads(int row) const {
    if (row < 0 || row >= rowCount() || row >= static_cast<int>(m_pruned.size())) return -1;
    const BlockWidth& b = m_pruned[row];
    return b.attention ? b.heads : 0;
}

bool HeadGrid::attentionRemoved(int row) const {
    return row >= 0 && row < rowCount() && row < static_cast<int>(m_pruned.size()) && !m_pruned[row].attention;
}

HeadGrid::Cell HeadGrid::cell(int row, int column) const {
    if (row < 0 || row >= rowCount() || row >= static_cast<int>(m_pruned.size())) return Cell::Cut;
    const BlockWidth& b = m_pruned[row];
    if (!b.attention) return Cell::NoAttention;
    if (column < b.computedMaps()) return Cell::Kept;
    return column < b.heads ? Cell::Mixed : Cell::Removed;
}

QString HeadGrid::rowToolTip(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const BlockWidth& r = m_reference[row];
    if (row >= static_cast<int>(m_pruned.size())) return tr("Block %1: cut (the model now ends before it)").arg(row);
    const BlockWidth& b = m_pruned[row];
    const QString mlp = tr("MLP %1 of %2 neurons").arg(b.mlpHidden).arg(r.mlpHidden);
    if (!b.attention && b.standIn == StandIn::Conv)
        return tr("Block %1: attention replaced by a %2×%2 convolution to %3 channels (SPViT) · %4")
            .arg(row)
            .arg(b.convKernel)
            .arg(b.convDim)
            .arg(mlp);
    if (!b.attention && b.standIn == StandIn::Identity)
        return tr("Block %1: attention skipped (x ← x; the MLP still runs) · %2").arg(row).arg(mlp);
    if (!b.attention) return tr("Block %1: attention removed (x ← 2x; the MLP still runs) · %2").arg(row).arg(mlp);
    QString text = tr("Block %1: %2 of %3 heads kept · q/k %4 of %5 dims per head · v %6 of %7 · %8")
                       .arg(row)
                       .arg(b.heads)
                       .arg(r.heads)
                       .arg(b.qkDim)
                       .arg(r.qkDim)
                       .arg(b.vDim)
                       .arg(r.vDim)
                       .arg(mlp);
    if (const int mixed = b.heads - b.computedMaps(); mixed > 0)
        text += mixed == 1 ? tr(" · 1 head mixes its map from the others")
                           : tr(" · %1 heads mix their maps from the others").arg(mixed);
    return text + QStringLiteral("\n") + tr("Counts, not original positions: the kept heads are drawn first.");
}

HeadGrid::Geometry HeadGrid::geometry(const QSize& size) const {
    Geometry g;
    const int rows = std::max(1, rowCount()), cols = std::max(1, columnCount());
    g.labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("000")) + 6;
    g.cellW = std::clamp((size.width() - 2 * kMargin - g.labelWidth) / cols, kMinCellW, kMaxCellW);
    g.cellH = std::clamp((size.height() - 2 * kMargin) / rows, kMinCellH, kMaxCellH);
    // Centred: a few heads in a wide pane do not hug the labels' side.
    g.left = std::max(kMargin + g.labelWidth, (size.width() + g.labelWidth - cols * g.cellW) / 2);
    g.top = kMargin;
    return g;
}

QRect HeadGrid::cellRect(int row, int column, const QSize& size) const {
    const Geometry g = geometry(size);
    return {g.left + column * g.cellW, g.top + row * g.cellH, g.cellW, g.cellH};
}

int HeadGrid::rowAt(const QPoint& pos) const {
    const Geometry g = geometry(size());
    if (pos.y() < g.top || pos.x() > g.left + columnCount() * g.cellW) return -1;
    const int row = (pos.y() - g.top) / g.cellH;
    return row < rowCount() ? row : -1;
}

// A whole row as one bar: a removed attention sub-block or a cut block.
void HeadGrid::paintRowBar(QPainter& p, const QRect& row, const QColor& ink, Qt::BrushStyle hatch,
                           const QString& text) const {
    const QRect bar = row.adjusted(1, 1, -1, -1);
    QColor fill = ink;
    fill.setAlpha(40);
    p.fillRect(bar, fill);
    QColor lines = ink;
    lines.setAlpha(120);
    p.fillRect(bar, QBrush(lines, hatch));
    p.setPen(QPen(ink, 1));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    QFont f = font();
    f.setPixelSize(std::clamp(bar.height() - 2, 6, 12));
    p.setFont(f);
    if (QFontMetrics(f).horizontalAdvance(text) > bar.width() - 4) return;
    const QRect textBox = QFontMetrics(f).boundingRect(bar, Qt::AlignCenter, text).adjusted(-3, 0, 3, 0);
    p.fillRect(textBox, palette().color(QPalette::Base));
    p.setPen(ink.darker(150));
    p.drawText(bar, Qt::AlignCenter, text);
}

void HeadGrid::paintGrid(QPainter& p, const QSize& size) const {
    p.fillRect(QRect(QPoint(0, 0), size), palette().window());
    if (rowCount() == 0) return;
    const Geometry g = geometry(size);
    const int cols = columnCount();
    const QBrush removedHatch(QColor(150, 150, 150), Qt::BDiagPattern);
    for (int row = 0; row < rowCount(); ++row) {
        const QRect rowRect(g.left, g.top + row * g.cellH, cols * g.cellW, g.cellH);
        QFont f = font();
        f.setPixelSize(std::clamp(g.cellH - 2, 7, 12));
        f.setBold(row == m_current);
        p.setFont(f);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(g.left - g.labelWidth, rowRect.top(), g.labelWidth - 5, g.cellH),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(row));
        if (row >= static_cast<int>(m_pruned.size())) {
            paintRowBar(p, rowRect, QColor(120, 120, 120), Qt::DiagCrossPattern, tr("cut"));
        } else if (!m_pruned[row].attention) {
            const BlockWidth& b = m_pruned[row];
            const QString text = b.standIn == StandIn::Conv       ? tr("%1×%1 convolution").arg(b.convKernel)
                                 : b.standIn == StandIn::Identity ? tr("attention skipped")
                                                                  : tr("attention removed");
            const QString shortText = b.standIn == StandIn::Conv       ? tr("conv%1").arg(b.convKernel)
                                      : b.standIn == StandIn::Identity ? tr("skip")
                                                                       : tr("no attn");
            const bool fits = QFontMetrics(f).horizontalAdvance(text) < rowRect.width() - 6;
            paintRowBar(p, rowRect, attentionRemovedInk(), Qt::BDiagPattern, fits ? text : shortText);
        } else {
            for (int c = 0; c < std::max(m_reference[row].heads, m_pruned[row].heads); ++c) {
                const QRect box = cellRect(row, c, size).adjusted(1, 1, -1, -1);
                switch (cell(row, c)) {
                    case Cell::Kept:
                        p.fillRect(box, keptColour());
                        break;
                    case Cell::Mixed:
                        p.fillRect(box, palette::seriesColour(5));  // sky blue: kept, map mixed
                        break;
                    default:
                        p.fillRect(box, removedFill());
                        p.fillRect(box, removedHatch);
                        break;
                }
            }
        }
        if (row == m_current) {
            p.setPen(QPen(palette::highlight(), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(rowRect.adjusted(0, 0, -1, -1));
        }
    }
}

QImage HeadGrid::render(const QSize& size) const {
    QImage out(size, QImage::Format_RGB32);
    QPainter p(&out);
    paintGrid(p, size);
    return out;
}

QSize HeadGrid::sizeHint() const {
    const int rows = std::max(1, rowCount()), cols = std::max(1, columnCount());
    return {2 * kMargin + fontMetrics().horizontalAdvance(QStringLiteral("000")) + 6 + cols * 28,
            2 * kMargin + rows * 14};
}

QSize HeadGrid::minimumSizeHint() const {
    const int rows = std::max(1, rowCount()), cols = std::max(1, columnCount());
    return {2 * kMargin + fontMetrics().horizontalAdvance(QStringLiteral("000")) + 6 + cols * kMinCellW,
            2 * kMargin + rows * kMinCellH};
}

void HeadGrid::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintGrid(p, size());
}

void HeadGrid::mousePressEvent(QMouseEvent* e) {
    const int row = e->button() == Qt::LeftButton ? rowAt(e->position().toPoint()) : -1;
    if (row < 0) return QWidget::mousePressEvent(e);
    setCurrentLayer(row);
    Q_EMIT layerClicked(row);
    e->accept();
}

bool HeadGrid::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int row = rowAt(help->pos());
        if (row < 0) return QWidget::event(e);
        QToolTip::showText(help->globalPos(), rowToolTip(row), this);
        return true;
    }
    return QWidget::event(e);
}

}  // namespace vp
