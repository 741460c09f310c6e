#pragma once
// One small overlay thumbnail per block of a TokenTrace, left to right, each labelled "L<n> · <kept
// patches>", the current layer framed. Click or Left/Right/Home/End to scrub. Blocks whose attention
// sub-block was removed (structural pruning) carry a "no attn" badge; where the method allows it,
// their context menu removes or keeps a block's attention. Plain data, no Torch.
#include <QColor>
#include <QImage>
#include <QWidget>
#include <memory>
#include <vector>

#include "prune/token_trace.h"

class QMenu;

namespace vp {

class PatchOverlayView;

class LayerStrip : public QWidget {
    Q_OBJECT
public:
    explicit LayerStrip(QWidget* parent = nullptr);
    ~LayerStrip() override;

    void setImage(const QImage& image);
    // One thumbnail per entry of trace.layers, fates of sample `sample`. Keeps the current layer
    // (clamped to the new count).
    void setTrace(const TokenTrace& trace, int sample = 0);
    void clear();

    // Programmatic: highlights `layer` (clamped) without emitting layerSelected.
    void setCurrentLayer(int layer);
    int currentLayer() const { return m_current; }
    int layerCount() const { return static_cast<int>(m_trace.layers.size()); }
    // Patches kept (not merged, fused, dropped, parked or reused) after `layer`; from a counts-only
    // trace the tokens that entered the MLP, CLS excluded (-1 when it has neither).
    int keptCount(int layer) const;
    // The thumbnail's label ("6 · 13": 0-based block, kept patches) and tooltip (every fate).
    QString layerLabel(int layer) const;
    QString layerToolTip(int layer) const;
    // Blocks whose attention was removed, indexed like the trace's layers (a badge and a tooltip
    // line); `toggleable`: those whose context menu offers to remove or keep it. Kept by setTrace.
    // `badges`: what stands in for the attention per layer (SPViT's "conv3", "skip"; empty text:
    // "no attn", the x <- 2x of attention-layer removal) and `notes` the tooltip line saying so.
    void setAttentionState(const std::vector<bool>& removed, const std::vector<bool>& toggleable = {},
                           const std::vector<QString>& badges = {}, const std::vector<QString>& notes = {});
    bool attentionRemoved(int layer) const;
    bool attentionToggleable(int layer) const;
    // The context menu of `layer` ("Remove attention of block 3" / "Keep attention of block 3"),
    // or nullptr when it has nothing to offer; the caller owns it.
    QMenu* contextMenu(int layer, QWidget* parent);
    // Layer whose thumbnail or label is under `pos` (widget px), -1 if none.
    int layerAt(const QPoint& pos) const;

    // The strip with thumbnails of thumbSize×thumbSize pixels, for export and tests.
    QImage renderStrip(int thumbSize) const;
    // Where thumbnail `layer` lies in renderStrip(thumbSize).
    QRect stripThumbRect(int layer, int thumbSize) const;
    // Frame colour of the current thumbnail (Okabe–Ito orange).
    static QColor highlightColour() { return QColor(0xE6, 0x9F, 0x00); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The user picked a layer (click or key). Not emitted by setCurrentLayer.
    void layerSelected(int layer);
    // The user asked to remove (remove = true) or keep block `layer`'s attention (context menu).
    void attentionToggled(int layer, bool remove);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;  // per-thumbnail tooltip

private:
    int labelHeight() const;
    int thumbSizeFor(const QSize& area) const;
    QPoint originFor(const QSize& area, int thumb) const;
    QRect thumbRect(int layer, int thumb, QPoint origin) const;
    QImage thumbnail(int layer, int thumb) const;
    void paintStrip(QPainter& p, const QSize& area, int thumb) const;
    void paintNoAttentionBadge(QPainter& p, const QRect& thumb, const QString& label) const;
    void select(int layer);

    std::unique_ptr<PatchOverlayView> m_renderer;  // never shown: renders the thumbnails
    TokenTrace m_trace;
    int m_sample = 0;
    int m_current = 0;
    std::vector<bool> m_noAttention, m_toggleable;
    std::vector<QString> m_badges, m_notes;
    mutable std::vector<QImage> m_cache;  // thumbnails at m_cacheSize, rebuilt when it changes
    mutable int m_cacheSize = 0;
};

}  // namespace vp
