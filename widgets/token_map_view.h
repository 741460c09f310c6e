#pragma once
// The token map of one block: every patch painted in the colour of the token it lives in after
// that block (core/analysis/token_map_data.h: the token's features on the dense model's first
// three principal components as R, G, B), over a faint grey copy of the image. Patches that share
// a token share its colour and no line separates them, so a merged or fused token reads as one
// region; dropped patches are dark and hatched, parked ones dark with a dotted outline.
// Plain data only, no Torch.
#include <QColor>
#include <QImage>
#include <QString>
#include <QWidget>

#include "analysis/token_map_data.h"

namespace vp {

class TokenMapView : public QWidget {
    Q_OBJECT
public:
    explicit TokenMapView(QWidget* parent = nullptr);

    // The S×S crop the model sees; drawn in grey under the colours.
    void setImage(const QImage& image);
    // Every block's map; the shown block stays as set by setLayer (clamped).
    void setMap(TokenMap map);
    void clearMap();
    void setLayer(int layer);
    // Shown across the view while there is no map (e.g. "Computing…").
    void setPlaceholderText(const QString& text);
    // How much of the image shows through the colours: 0 (none) .. 1 (only the image).
    void setImageOpacity(double opacity);

    const TokenMap& map() const { return m_map; }
    bool hasMap() const { return !m_map.empty(); }
    int layer() const;  // the block shown (clamped), -1 without a map
    // Colour of a patch in the shown block; invalid when the patch has no token there.
    QColor patchColour(int patch) const;
    QString describePatch(int patch) const;
    int patchAt(const QPointF& widgetPos) const;

    // Paints image, colours, token borders and fates into `target` (aspect kept, centred).
    void paintMap(QPainter& painter, const QRectF& target) const;
    QImage renderMap(int size) const;  // size×size, for export and tests

    QSize sizeHint() const override { return {480, 480}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;  // tooltips

private:
    const TokenMapLayer* shown() const;
    QSizeF sourceSize() const;  // what the grid is fitted from: the image, else the grid itself
    QImage m_image, m_grey;
    TokenMap m_map;
    int m_layer = -1;  // requested; -1 = the last block
    QString m_placeholder;
    double m_imageOpacity = 0.22;
};

}  // namespace vp
