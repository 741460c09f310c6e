#pragma once
// What a structural method left of the model: a one-line summary (heads, attention sub-blocks,
// MLP neurons, blocks), the head × block grid (HeadGrid) and the kept MLP neurons per block
// against the unpruned ones (a KeptTokensChart in the plots' style). Both follow the block shown
// and a click on either picks a block. Plain data, no Torch.
#include <QWidget>
#include <vector>

#include "model/vit_config.h"

class QLabel;

namespace vp {

class HeadGrid;
class KeptTokensChart;

class StructureView : public QWidget {
    Q_OBJECT
public:
    explicit StructureView(QWidget* parent = nullptr);

    // reference: every block's widths before pruning; pruned: the model's (fewer: blocks cut).
    // prunedBy: the method and settings that made it (the summary's tooltip).
    void setStructure(const std::vector<BlockWidth>& reference, const std::vector<BlockWidth>& pruned,
                      const QString& prunedBy);
    void clear();
    void setCurrentLayer(int layer);

    HeadGrid* grid() const { return m_grid; }
    KeptTokensChart* neuronChart() const { return m_neurons; }
    QString summaryText() const;

Q_SIGNALS:
    void layerClicked(int layer);

private:
    HeadGrid* m_grid = nullptr;
    KeptTokensChart* m_neurons = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_gridCaption = nullptr;
};

}  // namespace vp
