#pragma once
// Per-block time of one setting, dense vs pruned: for every block two stacked bars side by side
// (dense left, pale; pruned right, solid), split into attention, MLP, the method's own selection
// and merge ops, and everything else. Where a pruned bar's "select" part eats what attention and
// MLP saved, the FLOPs saving does not become time. Plain data, no Torch.
#include <QString>
#include <QWidget>
#include <vector>

class QCustomPlot;

namespace vp {

struct StageBar {
    double attention = 0, mlp = 0, select = 0, other = 0;  // ms
    double total() const { return attention + mlp + select + other; }
};

class TimeBreakdownChart : public QWidget {
    Q_OBJECT
public:
    explicit TimeBreakdownChart(QWidget* parent = nullptr);
    // One entry per block; embedAndHead: the time outside the blocks (shown in the title).
    void setData(const std::vector<StageBar>& dense, const std::vector<StageBar>& pruned, double denseOutside,
                 double prunedOutside, const QString& title);
    void clear();
    int blockCount() const { return static_cast<int>(m_dense.size()); }
    QCustomPlot* plot() const { return m_plot; }
    QSize sizeHint() const override { return {720, 360}; }

private:
    void rebuild();
    QCustomPlot* m_plot = nullptr;
    std::vector<StageBar> m_dense, m_pruned;
    QString m_title;
};

}  // namespace vp
