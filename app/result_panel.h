#pragma once
// What the current setting does: top-5 of the pruned and of the dense model side by side, whether
// they agree, the cost (GMACs, % of dense), measured time and speed-up, and the kept tokens per
// block as a bar chart (click a bar to show that block). Shows the worker's Torch-free results.
#include <QWidget>

#include "inference_types.h"

class QLabel;

namespace vp {

class KeptTokensChart;
class PredictionBars;

class ResultPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultPanel(QWidget* parent = nullptr);

    void setResult(const StudioResult& result, const ModelInfo& info);
    void clear();
    void setCurrentLayer(int layer);
    KeptTokensChart* chart() const { return m_chart; }
    // "agree" / "disagree" line as shown (tests, export).
    QString agreementText() const;
    // Per-block kept tokens, predictions and cost of the shown result, for data export.
    QByteArray csv() const;

Q_SIGNALS:
    void layerClicked(int layer);

private:
    bool m_hasResult = false;
    StudioResult m_result;
    ModelInfo m_info;
    PredictionBars* m_pruned = nullptr;
    PredictionBars* m_dense = nullptr;
    QLabel* m_agreement = nullptr;
    QLabel* m_gmacs = nullptr;
    QLabel* m_time = nullptr;
    KeptTokensChart* m_chart = nullptr;
};

// Tokens each block's MLP saw, per block, without the prefix tokens (sample 0).
std::vector<double> tokensPerLayer(const TokenTrace& trace);

}  // namespace vp
