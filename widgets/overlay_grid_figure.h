#pragma once
// The "all blocks" figure for papers: one overlay per block of a TokenTrace in a grid, each with
// its caption ("block 3 · 35/49 kept"). A plain QWidget that paints with PatchOverlayView's
// painter, so exportWidgetFigure writes it as vector SVG/PDF or as PNG at any DPI.
#include <QWidget>

#include "prune/token_trace.h"

namespace vp {

class PatchOverlayView;

class OverlayGridFigure : public QWidget {
    Q_OBJECT
public:
    explicit OverlayGridFigure(QWidget* parent = nullptr);

    // columns <= 0: about square. tileSize: pixels per overlay at 96 dpi.
    void setContent(const QImage& image, const TokenTrace& trace, const QString& title, int columns = 0,
                    int tileSize = 160);
    int columns() const { return m_columns; }
    int rows() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int cellWidth() const;
    int cellHeight() const;
    PatchOverlayView* m_painter = nullptr;  // never shown: draws each tile
    TokenTrace m_trace;
    QString m_title;
    int m_columns = 1, m_tile = 160;
};

}  // namespace vp
