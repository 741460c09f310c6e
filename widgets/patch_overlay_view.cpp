#include "widgets/patch_overlay_view.h"

#include <QPaintEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include "widgets/patch_grid_geometry.h"

namespace vp {
namespace {

constexpr double kMinLegendTarget = 120;  // smaller targets (thumbnails) get no legend

}  // namespace

PatchOverlayView::PatchOverlayView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);  // hover: tooltip and patchHovered
}

void PatchOverlayView::setImage(const QImage& image) {
    m_image = image;
    update();
}

void PatchOverlayView::setGrid(int gridH, int gridW) { setFates(gridH, gridW, {}); }

void PatchOverlayView::setFates(int gridH, int gridW, std::vector<PatchFate> fates, std::vector<int> patchToken) {
    m_gridH = std::max(0, gridH);
    m_gridW = std::max(0, gridW);
    const size_t n = static_cast<size_t>(m_gridH) * m_gridW;
    if (fates.size() != n) fates.assign(n, PatchFate::Kept);
    if (patchToken.size() != n) patchToken.clear();
    m_fates = std::move(fates);
    m_patchToken = std::move(patchToken);
    m_dropLayer.clear();
    m_score.clear();
    m_tokenSize.clear();
    update();
}

void PatchOverlayView::setDropLayers(std::vector<int> dropLayerPerPatch) {
    if (dropLayerPerPatch.size() != static_cast<size_t>(patchCount())) dropLayerPerPatch.clear();
    m_dropLayer = std::move(dropLayerPerPatch);
}

void PatchOverlayView::setPatchScores(std::vector<float> scores) {
    if (scores.size() != static_cast<size_t>(patchCount())) scores.clear();
    m_score = std::move(scores);
}

void PatchOverlayView::setTokenSizes(std::vector<float> sizes) {
    if (sizes.size() != static_cast<size_t>(patchCount())) sizes.clear();
    m_tokenSize = std::move(sizes);
}

void PatchOverlayView::setTrace(const TokenTrace& trace, int layer, int sample) {
    const int patches = trace.gridH * trace.gridW;
    if (trace.layers.empty() || patches <= 0) {
        setFates(trace.gridH, trace.gridW, {});
        return;
    }
    const LayerTrace& lt = trace.layers[std::clamp<size_t>(layer < 0 ? 0 : layer, 0, trace.layers.size() - 1)];
    const size_t begin = static_cast<size_t>(std::max(0, sample)) * patches;
    std::vector<PatchFate> fates;
    std::vector<int> tokens;
    if (lt.fate.size() >= begin + patches) fates.assign(lt.fate.begin() + begin, lt.fate.begin() + begin + patches);
    if (lt.patchToken.size() >= begin + patches)
        tokens.assign(lt.patchToken.begin() + begin, lt.patchToken.begin() + begin + patches);
    setFates(trace.gridH, trace.gridW, std::move(fates), std::move(tokens));

    const auto slice = [&](const std::vector<float>& v) {
        return v.size() >= begin + patches ? std::vector<float>(v.begin() + begin, v.begin() + begin + patches)
                                           : std::vector<float>{};
    };
    setPatchScores(slice(lt.score));
    setTokenSizes(slice(lt.tokenSize));
    // Drop layer: the first block (of the whole trace, not just up to `layer`) that dropped it.
    std::vector<int> drop(static_cast<size_t>(patches), -1);
    bool anyFates = false;
    for (const LayerTrace& l : trace.layers) {
        if (l.fate.size() < begin + patches) continue;
        anyFates = true;
        for (int i = 0; i < patches; ++i)
            if (drop[i] < 0 && l.fate[begin + i] == PatchFate::Dropped) drop[i] = l.layer;
    }
    if (anyFates) setDropLayers(std::move(drop));
}

void PatchOverlayView::clearTrace() { setFates(m_gridH, m_gridW, {}); }

void PatchOverlayView::setPlaceholderText(const QString& text) {
    m_placeholder = text;
    update();
}

FateTally PatchOverlayView::tally() const { return tallyFates(m_fates); }

void PatchOverlayView::setLegendVisible(bool visible) {
    m_legend = visible;
    update();
}

int PatchOverlayView::legendHeight(const QRectF& target) const {
    if (!m_legend || m_gridH <= 0 || m_gridW <= 0 || target.height() < kMinLegendTarget) return 0;
    return fateLegendHeight(fontMetrics(), target.width() - 8, tally(), true);
}

QRectF PatchOverlayView::imageArea(const QRectF& target) const {
    return target.adjusted(0, 0, 0, -legendHeight(target));
}

QSizeF PatchOverlayView::sourceSize() const {
    return m_image.isNull() ? QSizeF(m_gridW, m_gridH) : QSizeF(m_image.size());
}

void PatchOverlayView::paintOverlay(QPainter& p, const QRectF& target) const {
    p.save();
    p.fillRect(target, QColor(40, 42, 46));
    if (m_image.isNull() && (m_gridH == 0 || m_gridW == 0)) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(target, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        p.restore();
        return;
    }
    const int legend = legendHeight(target);
    if (legend > 0) {
        p.setFont(font());
        paintFateLegend(p, QRectF(target.left() + 4, target.bottom() - legend, target.width() - 8, legend), tally(),
                        true, true);
    }
    const PatchGridGeometry grid(sourceSize(), imageArea(target), m_gridH, m_gridW);
    const QRectF r = grid.content();
    if (!m_image.isNull()) {
        // Enlarged images stay crisp pixels (a 28×28 input is 28×28 pixels, also in exported
        // figures); only shrinking is smoothed.
        p.setRenderHint(QPainter::SmoothPixmapTransform, r.width() < m_image.width());
        p.drawImage(r, m_image);
    } else {
        p.fillRect(r, QColor(70, 72, 78));
    }
    if (m_gridH > 0 && m_gridW > 0) {
        p.setRenderHint(QPainter::Antialiasing, false);
        for (int gy = 0; gy < m_gridH; ++gy) {
            for (int gx = 0; gx < m_gridW; ++gx) {
                const size_t i = static_cast<size_t>(gy) * m_gridW + gx;
                paintFateCell(p, grid.cell(gy, gx), m_fates[i], m_patchToken.empty() ? 0 : m_patchToken[i]);
            }
        }
        // Grid lines: light over dark images and dark over light ones stay visible.
        p.setPen(QPen(QColor(255, 255, 255, 70), 1));
        const std::vector<int>& xs = grid.xEdges();
        const std::vector<int>& ys = grid.yEdges();
        for (int x : xs) p.drawLine(QPoint(x, ys.front()), QPoint(x, ys.back()));
        for (int y : ys) p.drawLine(QPoint(xs.front(), y), QPoint(xs.back(), y));
    }
    if (m_image.isNull() && !m_placeholder.isEmpty()) {
        p.setPen(QColor(230, 230, 230));
        p.drawText(r.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    }
    p.restore();
}

QImage PatchOverlayView::renderOverlay(int size) const {
    QImage out(size, size, QImage::Format_RGB32);
    out.fill(Qt::black);
    QPainter p(&out);
    paintOverlay(p, QRectF(0, 0, size, size));
    return out;
}

void PatchOverlayView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (m_zoom > 1.0) {
        // The overlay is drawn at 1× into the widget rect, then magnified: pan/zoom is one transform.
        p.fillRect(rect(), QColor(40, 42, 46));
        p.translate(m_pan);
        p.scale(m_zoom, m_zoom);
    }
    paintOverlay(p, QRectF(rect()));
}

}  // namespace vp
