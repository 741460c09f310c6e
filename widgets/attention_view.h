#pragma once
// The attention views of one image, the dense model and the method side by side over the crop
// the model sees (core/analysis/attention_maps_data.h): either the CLS query's attention inside
// a block (one head, or the mean of the heads), or the attention rollout through the blocks up
// to the chosen one (heads fused by mean, max or min). One colour bar spans both panes. In the
// method's pane, patches without a token in the block are dark and hatched; in the rollout,
// patches no longer in the block's sequence keep their value and are hatched over it.
// Plain data only, no Torch.
#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

#include "analysis/attention_maps_data.h"
#include "widgets/attention_heatmap.h"

class QComboBox;
class QLabel;

namespace vp {

class AttentionView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { ClsAttention = 0, Rollout = 1 };

    explicit AttentionView(QWidget* parent = nullptr);

    // The S×S crop the model sees; drawn in grey under the colours.
    void setImage(const QImage& image);
    // The dense model's and the method's maps. A side without maps shows its note instead.
    void setMaps(AttentionMaps dense, AttentionMaps pruned);
    void clearMaps();
    void setTitles(const QString& dense, const QString& pruned);
    void setNotes(const QString& dense, const QString& pruned);

    // The block shown (0-based; -1 = the last); clamped to the maps' blocks.
    void setBlock(int block);
    int block() const;  // the block shown, -1 without maps
    // The head shown in the CLS view: 0..H-1, or -1 for the mean of the heads.
    void setHead(int head);
    int head() const { return m_head; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setFusion(HeadFusion fusion);
    HeadFusion fusion() const { return m_fusion; }

    bool hasMaps() const { return !m_dense.empty() || !m_pruned.empty(); }
    const AttentionMaps& denseMaps() const { return m_dense; }
    const AttentionMaps& prunedMaps() const { return m_pruned; }
    // What a pane shows now (dense: pruned = false): per patch values, NaN where none.
    HeatmapPane pane(bool pruned) const;
    ValueRange range() const;  // spans both panes
    QString caption() const;   // what is shown, in words (under the panes)
    QString describePatch(bool pruned, int patch) const;

    QComboBox* modeBox() const { return m_modeBox; }
    QComboBox* blockBox() const { return m_blockBox; }
    QComboBox* headBox() const { return m_headBox; }
    QComboBox* fusionBox() const { return m_fusionBox; }
    // The two panes and the colour bar, as the view paints them (export, tests).
    QImage renderPanes(const QSize& size) const;
    void paintPanes(QPainter& painter, const QRectF& target) const;
    // Where a pane's heatmap lands in a canvas of `target` (titles above, colour bar at the right).
    QRectF paneRect(const QRectF& target, bool pruned) const;
    // The patch under `pos` in a pane of a canvas of `target`, or -1.
    int patchAt(const QRectF& target, bool pruned, const QPointF& pos) const;

Q_SIGNALS:
    // The user chose a block in the block selector.
    void blockChosen(int block);

private:
    void rebuildSelectors();
    void refresh();
    const AttentionBlock* shownBlock(const AttentionMaps& maps) const;
    double colourBarWidth() const;  // the ramp, its labels and the gap before them

    QImage m_grey;
    AttentionMaps m_dense, m_pruned;
    QString m_denseTitle, m_prunedTitle, m_denseNote, m_prunedNote;
    int m_block = -1;
    int m_head = -1;
    Mode m_mode = Mode::ClsAttention;
    HeadFusion m_fusion = HeadFusion::Mean;
    double m_imageOpacity = 0.25;
    QComboBox* m_modeBox = nullptr;
    QComboBox* m_blockBox = nullptr;
    QComboBox* m_headBox = nullptr;
    QComboBox* m_fusionBox = nullptr;
    QLabel* m_fusionLabel = nullptr;
    QLabel* m_headLabel = nullptr;
    QWidget* m_canvas = nullptr;
    QLabel* m_caption = nullptr;
};

}  // namespace vp
