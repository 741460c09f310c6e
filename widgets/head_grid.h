#pragma once
// The attention heads a structural method kept, as a grid: one row per block of the unpruned
// model, one column per head it had. Kept heads are filled (the first cells: the config records
// how many heads a block kept, not which of the original ones), removed heads are greyed and
// hatched, a block whose attention was removed is one hatched bar labelled "attention removed",
// a block the method cut off is greyed out whole. Each row's tooltip gives its q/k and v dims.
// Plain data (vp::BlockWidth is std-only), no Torch.
#include <QImage>
#include <QWidget>
#include <vector>

#include "model/vit_config.h"

namespace vp {

class HeadGrid : public QWidget {
    Q_OBJECT
public:
    // Kept: computes its own attention map; Mixed: kept, its map mixed from the others' (hMHSA).
    enum class Cell { Kept, Mixed, Removed, NoAttention, Cut };

    explicit HeadGrid(QWidget* parent = nullptr);

    // reference: every block's widths before pruning (one row each); pruned: the model's, block
    // by block (fewer entries: the blocks after them were cut).
    void setWidths(const std::vector<BlockWidth>& reference, const std::vector<BlockWidth>& pruned);
    void clear() { setWidths({}, {}); }
    void setCurrentLayer(int layer);  // framed; -1: none
    int currentLayer() const { return m_current; }

    int rowCount() const { return static_cast<int>(m_reference.size()); }
    int columnCount() const;  // the most heads a reference block has
    // Heads kept in block `row`: 0 with its attention removed, -1 when cut (or out of range).
    int keptHeads(int row) const;
    int referenceHeads(int row) const { return row >= 0 && row < rowCount() ? m_reference[row].heads : 0; }
    Cell cell(int row, int column) const;
    bool attentionRemoved(int row) const;
    QString rowToolTip(int row) const;
    // Row under `pos` (widget px), -1 if none.
    int rowAt(const QPoint& pos) const;
    // The grid drawn into an image of `size`, for tests and figures.
    QImage render(const QSize& size) const;
    // Where cell (row, column) lies when drawn into `size`.
    QRect cellRect(int row, int column, const QSize& size) const;

    static QColor keptColour();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void layerClicked(int layer);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;  // per-row tooltip

private:
    struct Geometry {
        int labelWidth = 0, cellW = 0, cellH = 0, left = 0, top = 0;
    };
    Geometry geometry(const QSize& size) const;
    void paintGrid(QPainter& p, const QSize& size) const;
    void paintRowBar(QPainter& p, const QRect& row, const QColor& ink, Qt::BrushStyle hatch, const QString& text) const;

    std::vector<BlockWidth> m_reference, m_pruned;
    int m_current = -1;
};

}  // namespace vp
