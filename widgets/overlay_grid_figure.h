#pragma once
// Overlay figures for papers: tiles of patch-fate overlays in a grid, each with its caption, a
// title above, one legend of the fates shown and a caption line below (model, image, method,
// settings, GMACs). Two uses: every block of one result ("block 3 · 35/49 kept · 14 fused"), and
// the comparison (one tile per method at the same block). A plain QWidget that paints with
// PatchOverlayView's painter, so exportWidgetFigure writes it as vector SVG/PDF or as PNG at any
// DPI; small inputs stay crisp pixels.
#include <QWidget>
#include <memory>
#include <vector>

#include "prune/token_trace.h"
#include "widgets/fate_style.h"

class QPainter;

namespace vp {

class PatchOverlayView;

class OverlayGridFigure : public QWidget {
    Q_OBJECT
public:
    struct Tile {
        std::shared_ptr<const TokenTrace> trace;  // tiles of one result share it
        int layer = 0;
        QString caption;  // may hold several lines ('\n'); the tile's fate counts are added
    };
    explicit OverlayGridFigure(QWidget* parent = nullptr);

    // Every block of `trace`. columns <= 0: about square. tileSize: pixels per overlay at 96 dpi.
    void setContent(const QImage& image, const TokenTrace& trace, const QString& title, int columns = 0,
                    int tileSize = 160, const QString& footer = QString());
    // Any tiles over the same image (the comparison).
    void setTiles(const QImage& image, std::vector<Tile> tiles, const QString& title, int columns = 0,
                  int tileSize = 160, const QString& footer = QString());
    int columns() const { return m_columns; }
    int rows() const;
    // Paints the whole figure (white background) in the widget's logical pixels.
    void paintFigure(QPainter& painter) const;
    // The fates over all tiles (what the legend lists).
    const FateTally& legendTally() const { return m_legendTally; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString tileText(size_t tile) const;  // caption + fate counts
    int cellWidth() const;
    int cellHeight() const;
    int titleHeight() const;
    int legendHeight() const;
    int footerHeight() const;
    PatchOverlayView* m_painter = nullptr;  // never shown: draws each tile
    std::vector<Tile> m_tiles;
    std::vector<FateTally> m_tallies;
    FateTally m_legendTally;
    QString m_title, m_footer;
    int m_columns = 1, m_tile = 160;
};

}  // namespace vp
