#include "widgets/layer_strip.h"
#include "widgets/fate_style.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

#include "widgets/patch_overlay_view.h"
#include "widgets/plot_palette.h"

namespace vp {
namespace {

constexpr int kMargin = 5;  // around the strip; leaves room for the current frame
constexpr int kGap = 8;     // between thumbnails
constexpr int kFrame = 3;   // width of the current layer's frame
constexpr int kDefaultThumb = 72, kMinThumb = 28, kMaxThumb = 160;

}  // namespace

LayerStrip::LayerStrip(QWidget* parent) : QWidget(parent), m_renderer(std::make_unique<PatchOverlayView>()) {
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setToolTip(tr("Kept patches after each block; click or use the arrow keys to pick a layer"));
}

LayerStrip::~LayerStrip() = default;

void LayerStrip::setImage(const QImage& image) {
    m_renderer->setImage(image);
    m_cacheSize = 0;
    update();
}

void LayerStrip::setTrace(const TokenTrace& trace, int sample) {
    m_trace = trace;
    m_sample = std::max(0, sample);
    m_current = std::clamp(m_current, 0, std::max(0, layerCount() - 1));
    m_cacheSize = 0;
    updateGeometry();
    update();
}

void LayerStrip::clear() {
    m_trace = TokenTrace();
    m_noAttention.clear();
    m_toggleable.clear();
    m_badges.clear();
    m_notes.clear();
    m_renderer->setImage(QImage());
    m_renderer->setGrid(0, 0);
    m_current = 0;
    m_cache.clear();
    m_cacheSize = 0;
    updateGeometry();
    update();
}

void LayerStrip::setCurrentLayer(int layer) {
    const int clamped = std::clamp(layer, 0, std::max(0, layerCount() - 1));
    if (clamped == m_current) return;
    m_current = clamped;
    update();
}

int LayerStrip::keptCount(int layer) const {
    if (layer < 0 || layer >= layerCount()) return -1;
    const LayerTrace& lt = m_trace.layers[layer];
    const size_t patches = static_cast<size_t>(std::max(0, m_trace.gridH * m_trace.gridW));
    const size_t begin = static_cast<size_t>(m_sample) * patches;
    if (patches > 0 && lt.fate.size() >= begin + patches)
        return countFates(m_trace, layer, m_sample)[static_cast<size_t>(PatchFate::Kept)];
    // TraceLevel::Counts: tokens that entered the MLP, prefix (CLS) excluded.
    if (static_cast<size_t>(m_sample) < lt.mlpTokens.size())
        return std::max(0, lt.mlpTokens[m_sample] - m_trace.prefix);
    return -1;
}

// Blocks are 0-based, as the knobs, --layer, the JSON and the papers' code number them.
QString LayerStrip::layerLabel(int l) const {
    if (l < 0 || l >= layerCount()) return {};
    const int kept = keptCount(l), shown = m_trace.layers[l].layer;
    return kept >= 0 ? tr("%1 · %2").arg(shown).arg(kept) : QString::number(shown);
}

QString LayerStrip::layerToolTip(int l) const {
    if (l < 0 || l >= layerCount()) return {};
    const LayerTrace& lt = m_trace.layers[l];
    const int tokens =
        static_cast<size_t>(m_sample) < lt.mlpTokens.size() ? lt.mlpTokens[static_cast<size_t>(m_sample)] : -1;
    QString text = !lt.fate.empty()
                       ? tr("Block %1: %2").arg(lt.layer).arg(fateSummary(tallyFates(m_trace, l, m_sample), true))
                       : tr("Block %1").arg(lt.layer);
    if (tokens >= 0) text += tr(" · %1 in the MLP").arg(tokenCountText(tokens));
    if (attentionRemoved(l))
        text += QStringLiteral("\n") + (l < static_cast<int>(m_notes.size()) && !m_notes[l].isEmpty()
                                            ? m_notes[l]
                                            : tr("Attention removed: the block computes x ← 2x, then its MLP"));
    if (attentionToggleable(l))
        text += QStringLiteral("\n") + (attentionRemoved(l) ? tr("Right-click to keep its attention")
                                                            : tr("Right-click to remove its attention"));
    return text;
}

void LayerStrip::setAttentionState(const std::vector<bool>& removed, const std::vector<bool>& toggleable,
                                   const std::vector<QString>& badges, const std::vector<QString>& notes) {
    m_noAttention = removed;
    m_toggleable = toggleable;
    m_badges = badges;
    m_notes = notes;
    update();
}

bool LayerStrip::attentionRemoved(int layer) const {
    return layer >= 0 && layer < static_cast<int>(m_noAttention.size()) && m_noAttention[layer];
}

bool LayerStrip::attentionToggleable(int layer) const {
    return layer >= 0 && layer < layerCount() && layer < static_cast<int>(m_toggleable.size()) && m_toggleable[layer];
}

QMenu* LayerStrip::contextMenu(int layer, QWidget* parent) {
    if (!attentionToggleable(layer)) return nullptr;
    auto* menu = new QMenu(parent);
    const bool removed = attentionRemoved(layer);
    const int block = m_trace.layers[layer].layer;
    QAction* a = menu->addAction(removed ? tr("Keep attention of block %1").arg(block)
                                         : tr("Remove attention of block %1").arg(block));
    connect(a, &QAction::triggered, this, [this, layer, removed] { Q_EMIT attentionToggled(layer, !removed); });
    return menu;
}

// A small vermillion "no attn" (or `label`) tab across the thumbnail's top.
void LayerStrip::paintNoAttentionBadge(QPainter& p, const QRect& thumb, const QString& label) const {
    QFont f = font();
    f.setPixelSize(std::clamp(thumb.width() / 5, 7, 11));
    f.setBold(true);
    const QFontMetrics fm(f);
    const QString text = label.isEmpty() ? tr("no attn") : label;
    const QRect badge(thumb.left(), thumb.top(), std::min(thumb.width(), fm.horizontalAdvance(text) + 6),
                      fm.height() + 1);
    p.fillRect(badge, palette::seriesColour(1));
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, text);
}

int LayerStrip::labelHeight() const { return fontMetrics().height() + 2; }

int LayerStrip::thumbSizeFor(const QSize& area) const {
    const int n = std::max(1, layerCount());
    const int byHeight = area.height() - 2 * kMargin - labelHeight() - 2;
    const int byWidth = (area.width() - 2 * kMargin - (n - 1) * kGap) / n;
    return std::clamp(std::min(byHeight, byWidth), kMinThumb, kMaxThumb);
}

QPoint LayerStrip::originFor(const QSize& area, int thumb) const {
    const int n = std::max(1, layerCount());
    const int width = n * thumb + (n - 1) * kGap;
    return {std::max(kMargin, (area.width() - width) / 2), kMargin};
}

QRect LayerStrip::thumbRect(int layer, int thumb, QPoint origin) const {
    return {origin.x() + layer * (thumb + kGap), origin.y(), thumb, thumb};
}

QRect LayerStrip::stripThumbRect(int layer, int thumbSize) const {
    return thumbRect(layer, thumbSize, QPoint(kMargin, kMargin));
}

int LayerStrip::layerAt(const QPoint& pos) const {
    const int thumb = thumbSizeFor(size());
    const QPoint origin = originFor(size(), thumb);
    for (int l = 0; l < layerCount(); ++l) {
        // The thumbnail, its label and half the gaps on each side.
        const QRect cell = thumbRect(l, thumb, origin).adjusted(-kGap / 2, -kMargin, kGap / 2, labelHeight() + 2);
        if (cell.contains(pos)) return l;
    }
    return -1;
}

QImage LayerStrip::thumbnail(int layer, int thumb) const {
    m_renderer->setTrace(m_trace, layer, m_sample);
    return m_renderer->renderOverlay(thumb);
}

void LayerStrip::paintStrip(QPainter& p, const QSize& area, int thumb) const {
    p.fillRect(QRect(QPoint(0, 0), area), palette().window());
    if (layerCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(QPoint(0, 0), area), Qt::AlignCenter, tr("No layers yet"));
        return;
    }
    const QPoint origin = originFor(area, thumb);
    const bool cached = m_cacheSize == thumb && m_cache.size() == static_cast<size_t>(layerCount());
    for (int l = 0; l < layerCount(); ++l) {
        const QRect r = thumbRect(l, thumb, origin);
        const bool current = l == m_current;
        if (current) p.fillRect(r.adjusted(-kFrame, -kFrame, kFrame, kFrame), highlightColour());
        p.drawImage(r, cached ? m_cache[l] : thumbnail(l, thumb));
        if (attentionRemoved(l))
            paintNoAttentionBadge(p, r, l < static_cast<int>(m_badges.size()) ? m_badges[l] : QString());

        const QString label = layerLabel(l);
        QFont f = font();
        f.setBold(current);
        // Shrink the label until it fits its cell (many layers in a narrow strip).
        const int room = thumb + kGap - 2;
        while (QFontMetrics(f).horizontalAdvance(label) > room && f.pointSizeF() > 6)
            f.setPointSizeF(f.pointSizeF() - 0.5);
        p.setFont(f);
        p.setPen(current ? palette().color(QPalette::WindowText)
                         : palette().color(QPalette::PlaceholderText).darker(130));
        p.drawText(QRect(r.left() - kGap / 2, r.bottom() + 3, thumb + kGap, labelHeight()),
                   Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

QImage LayerStrip::renderStrip(int thumbSize) const {
    const int thumb = std::max(8, thumbSize);
    const int n = std::max(1, layerCount());
    const QSize area(2 * kMargin + n * thumb + (n - 1) * kGap, 2 * kMargin + thumb + 3 + labelHeight());
    QImage out(area, QImage::Format_RGB32);
    QPainter p(&out);
    paintStrip(p, area, thumb);
    return out;
}

QSize LayerStrip::sizeHint() const {
    const int n = std::max(1, layerCount());
    return {2 * kMargin + n * kDefaultThumb + (n - 1) * kGap, 2 * kMargin + kDefaultThumb + 3 + labelHeight()};
}

QSize LayerStrip::minimumSizeHint() const {
    return {2 * kMargin + kMinThumb * 4, 2 * kMargin + kMinThumb + 3 + labelHeight()};
}

void LayerStrip::paintEvent(QPaintEvent*) {
    const int thumb = thumbSizeFor(size());
    if (m_cacheSize != thumb || m_cache.size() != static_cast<size_t>(layerCount())) {
        m_cache.clear();
        for (int l = 0; l < layerCount(); ++l) m_cache.push_back(thumbnail(l, thumb));
        m_cacheSize = thumb;
    }
    QPainter p(this);
    paintStrip(p, size(), thumb);
    if (hasFocus() && layerCount() > 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void LayerStrip::select(int layer) {
    m_current = std::clamp(layer, 0, std::max(0, layerCount() - 1));
    update();
    Q_EMIT layerSelected(m_current);
}

void LayerStrip::mousePressEvent(QMouseEvent* e) {
    const int layer = e->button() == Qt::LeftButton ? layerAt(e->position().toPoint()) : -1;
    if (layer < 0) {
        QWidget::mousePressEvent(e);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    select(layer);
    e->accept();
}

void LayerStrip::keyPressEvent(QKeyEvent* e) {
    int target = -1;
    switch (e->key()) {
        case Qt::Key_Left:
            target = m_current - 1;
            break;
        case Qt::Key_Right:
            target = m_current + 1;
            break;
        case Qt::Key_Home:
            target = 0;
            break;
        case Qt::Key_End:
            target = layerCount() - 1;
            break;
        default:
            QWidget::keyPressEvent(e);
            return;
    }
    e->accept();
    if (layerCount() == 0 || target < 0 || target >= layerCount() || target == m_current) return;
    select(target);
}

void LayerStrip::contextMenuEvent(QContextMenuEvent* e) {
    std::unique_ptr<QMenu> menu(contextMenu(layerAt(e->pos()), this));
    if (!menu) return QWidget::contextMenuEvent(e);
    menu->exec(e->globalPos());
    e->accept();
}

bool LayerStrip::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int l = layerAt(help->pos());
        if (l < 0) return QWidget::event(e);  // the general tooltip
        const QString text = layerToolTip(l);
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

}  // namespace vp
