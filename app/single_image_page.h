#pragma once
// The studio's single-image page: the image as the model sees it with the patch fates after one
// block ("Patches" tab) or what each surviving token represents ("Token map" tab), a slider and a
// strip of every block, the image's caption and a filmstrip of the opened images. It owns the
// shown result and the chosen block; the main window feeds it models, images and results.
#include <QAction>
#include <QWidget>

#include "inference_types.h"
#include "studio_options.h"

class QLabel;
class QSlider;
class QTabWidget;
class QTimer;

namespace vp {

class Filmstrip;
class LayerStrip;
class PatchOverlayView;
class TokenMapView;
class AttentionView;

class SingleImagePage : public QWidget {
    Q_OBJECT
public:
    SingleImagePage(const StudioOptions& options, QWidget* parent = nullptr);

    void setModelInfo(const ModelInfo& info);
    void setImage(const ImageInfo& image);
    // No image to show (the model alone is open).
    void clearImage();
    void setResult(const StudioResult& result);
    void clearResult();
    bool hasResult() const { return m_hasResult; }
    const StudioResult& result() const { return m_result; }

    // The block shown: -1 follows the last block. Emits layerChanged.
    void setLayer(int layer);
    int layer() const { return m_layer; }
    int shownLayer() const;

    bool tokenMapShown() const;
    void setTokenMapShown(bool on);
    bool attentionShown() const;
    void setAttentionShown(bool on);

    // ▶ Play blocks (for the tool bar): steps through the blocks.
    QAction* playAction() const { return m_playAction; }
    Filmstrip* filmstrip() const { return m_filmstrip; }
    PatchOverlayView* overlayView() const { return m_view; }
    TokenMapView* tokenMapView() const { return m_tokenMap; }
    AttentionView* attentionView() const { return m_attention; }

Q_SIGNALS:
    // The user (or setLayer) chose a block; -1 = the last.
    void layerChanged(int layer);
    // The block now shown (the result panel follows it).
    void layerShown(int layer);
    // A filmstrip image was activated.
    void imageActivated(const QString& path);
    // The token map tab is shown but the result was computed without a map: ask again.
    void tokenMapWanted(quint64 resultGeneration);
    // The attention tab is shown but the result was computed without its maps: ask again.
    void attentionWanted(quint64 resultGeneration);

private:
    QWidget* buildViewTabs();
    void showLayer();
    void showTokenMap();
    // The "Attention" tab (app/single_image_attention.cpp).
    void addAttentionTab();
    void restoreAttentionTab();
    void attentionTabChanged(int index);
    void showAttention();

    StudioOptions m_options;
    ModelInfo m_info;
    bool m_hasModel = false;
    bool m_hasImage = false;
    bool m_hasResult = false;
    StudioResult m_result;
    int m_layer = -1;

    PatchOverlayView* m_view = nullptr;
    QTabWidget* m_viewTabs = nullptr;
    TokenMapView* m_tokenMap = nullptr;
    AttentionView* m_attention = nullptr;
    LayerStrip* m_strip = nullptr;
    Filmstrip* m_filmstrip = nullptr;
    QSlider* m_layerSlider = nullptr;
    QLabel* m_layerLabel = nullptr;
    QLabel* m_imageCaption = nullptr;
    QTimer* m_playTimer = nullptr;
    QAction* m_playAction = nullptr;
};

}  // namespace vp
