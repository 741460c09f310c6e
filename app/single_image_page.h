#pragma once
// The studio's single-image page: the image as the model sees it with the patch fates after one
// block ("Patches" tab) or what each surviving token represents ("Token map" tab), a slider and a
// strip of every block, the image's caption and a filmstrip of the opened images. Beside the image,
// for a structural method or a pruned model, the structure it kept (app/single_image_structure.cpp).
// It owns the shown result and the chosen block; the main window feeds it models, images and results.
#include <QAction>
#include <QWidget>
#include <map>
#include <string>

#include "inference_types.h"
#include "studio_options.h"

class QLabel;
class QSlider;
class QSplitter;
class QTabWidget;
class QTimer;

namespace vp {

class Filmstrip;
class LayerStrip;
class PatchOverlayView;
class TokenMapView;
class AttentionView;
class StructureView;

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
    LayerStrip* layerStrip() const { return m_strip; }
    StructureView* structureView() const { return m_structure; }
    // The structure view is shown (a structural method or a pruned model).
    bool structureShown() const;

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
    // The user changed knobs from the page (the layer strip's attention toggles): id → text.
    void knobsEdited(const std::map<std::string, std::string>& knobs);

private:
    QWidget* buildViewTabs();
    void showLayer();
    void showTokenMap();
    // The "Attention" tab (app/single_image_attention.cpp).
    void addAttentionTab();
    void restoreAttentionTab();
    void attentionTabChanged(int index);
    void showAttention();
    // The structure view and the strip's attention badges and toggles (app/single_image_structure.cpp).
    void addStructureView(QSplitter* split);
    void showStructure();
    bool attentionRemovedAt(int layer) const;
    void toggleAttention(int layer, bool remove);

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
    StructureView* m_structure = nullptr;
    QSplitter* m_split = nullptr;  // the image's tabs | the structure view
    LayerStrip* m_strip = nullptr;
    Filmstrip* m_filmstrip = nullptr;
    QSlider* m_layerSlider = nullptr;
    QLabel* m_layerLabel = nullptr;
    QLabel* m_imageCaption = nullptr;
    QTimer* m_playTimer = nullptr;
    QAction* m_playAction = nullptr;
};

}  // namespace vp
