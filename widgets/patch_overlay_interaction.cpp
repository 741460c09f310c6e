// PatchOverlayView's interaction: patch lookup, tooltip text, wheel zoom and drag pan.
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "widgets/patch_overlay_view.h"
#include "widgets/patch_grid_geometry.h"

namespace vp {
namespace {

constexpr double kMinZoom = 1.0, kMaxZoom = 8.0;
constexpr double kZoomPerNotch = 1.25;  // one wheel notch (120 eighths of a degree)

}  // namespace

QString PatchOverlayView::describePatch(int patch) const {
    if (patch < 0 || patch >= patchCount()) return {};
    const size_t i = static_cast<size_t>(patch);
    QStringList lines;
    lines << tr("Patch %1 (row %2, col %3)").arg(patch).arg(patch / m_gridW).arg(patch % m_gridW);
    const int token = m_patchToken.empty() ? -1 : m_patchToken[i];
    QString fate;
    switch (m_fates[i]) {
        case PatchFate::Kept:
            fate = tr("kept");
            break;
        case PatchFate::Merged:
            fate = token >= 0 ? tr("merged into token %1").arg(token) : tr("merged");
            break;
        case PatchFate::Fused:
            fate = tr("fused into the background token");
            break;
        case PatchFate::Dropped:
            fate = tr("dropped");
            break;
        case PatchFate::Parked:
            fate = tr("parked (skips blocks, comes back later)");
            break;
        case PatchFate::Reused:
            fate = tr("reused: not recomputed at this block's first gate (its q, k, v come from an earlier frame)");
            break;
    }
    lines << tr("Fate: %1").arg(fate);
    const int drop = m_dropLayer.empty() ? -1 : m_dropLayer[i];
    if (drop >= 0) {
        // Blocks are 0-based everywhere (knobs, --layer, JSON, the papers' code).
        lines << (m_fates[i] == PatchFate::Dropped ? tr("Dropped at block %1").arg(drop)
                                                   : tr("Dropped later, at block %1").arg(drop));
    }
    if (!m_score.empty() && std::isfinite(m_score[i])) lines << tr("Score: %1").arg(m_score[i], 0, 'g', 4);
    if (!m_tokenSize.empty() && m_tokenSize[i] > 0) lines << tr("Token size: %1").arg(m_tokenSize[i], 0, 'g', 4);
    return lines.join(QLatin1Char('\n'));
}

int PatchOverlayView::patchAt(const QPointF& widgetPos) const {
    if (m_gridH <= 0 || m_gridW <= 0) return -1;
    const QPointF content = (widgetPos - m_pan) / m_zoom;
    return PatchGridGeometry(sourceSize(), imageArea(QRectF(rect())), m_gridH, m_gridW).patchAt(content);
}

void PatchOverlayView::zoomAt(double factor, const QPointF& anchor) {
    const double z = std::clamp(factor, kMinZoom, kMaxZoom);
    if (z == m_zoom) return;
    const QPointF content = (anchor - m_pan) / m_zoom;  // stays under the anchor
    m_pan = anchor - content * z;
    m_zoom = z;
    clampPan();
    update();
    Q_EMIT zoomChanged(m_zoom);
}

void PatchOverlayView::resetView() {
    const bool changed = m_zoom != 1.0;
    m_zoom = 1.0;
    m_pan = QPointF();
    m_dragging = false;
    update();
    if (changed) Q_EMIT zoomChanged(m_zoom);
}

// Keeps the magnified content covering the whole widget (no empty margins while zoomed).
void PatchOverlayView::clampPan() {
    if (m_zoom <= 1.0) {
        m_pan = QPointF();
        return;
    }
    m_pan.setX(std::clamp(m_pan.x(), width() * (1.0 - m_zoom), 0.0));
    m_pan.setY(std::clamp(m_pan.y(), height() * (1.0 - m_zoom), 0.0));
}

bool PatchOverlayView::event(QEvent* e) {
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

void PatchOverlayView::wheelEvent(QWheelEvent* e) {
    const double notches = e->angleDelta().y() / 120.0;
    if (notches == 0) {
        e->ignore();
        return;
    }
    zoomAt(m_zoom * std::pow(kZoomPerNotch, notches), e->position());
    e->accept();
}

void PatchOverlayView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && m_zoom > 1.0) {
        m_dragging = true;
        m_dragStart = e->position();
        m_panAtDragStart = m_pan;
        setCursor(Qt::ClosedHandCursor);
        e->accept();
        return;
    }
    QWidget::mousePressEvent(e);
}

void PatchOverlayView::mouseMoveEvent(QMouseEvent* e) {
    if (m_dragging) {
        m_pan = m_panAtDragStart + (e->position() - m_dragStart);
        clampPan();
        update();
    }
    const int patch = patchAt(e->position());
    if (patch != m_hovered) {
        m_hovered = patch;
        // Follow the cursor once a tooltip is up, instead of waiting for the next ToolTip event.
        if (QToolTip::isVisible()) {
            if (patch < 0)
                QToolTip::hideText();
            else
                QToolTip::showText(e->globalPosition().toPoint(), describePatch(patch), this);
        }
        Q_EMIT patchHovered(patch);
    }
    QWidget::mouseMoveEvent(e);
}

void PatchOverlayView::mouseReleaseEvent(QMouseEvent* e) {
    if (m_dragging && e->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
    }
    QWidget::mouseReleaseEvent(e);
}

void PatchOverlayView::mouseDoubleClickEvent(QMouseEvent* e) {
    resetView();
    e->accept();
}

void PatchOverlayView::leaveEvent(QEvent* e) {
    if (m_hovered != -1) {
        m_hovered = -1;
        Q_EMIT patchHovered(-1);
    }
    QWidget::leaveEvent(e);
}

void PatchOverlayView::resizeEvent(QResizeEvent* e) {
    clampPan();
    QWidget::resizeEvent(e);
}

}  // namespace vp
