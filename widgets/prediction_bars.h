#pragma once
// Top-k predictions as horizontal bars: label on the left, a bar as long as the probability and
// the percentage on the right. Plain data in, no Torch.
#include <QString>
#include <QWidget>
#include <vector>

namespace vp {

struct Prediction {
    QString label;
    double probability = 0;  // 0..1
};

class PredictionBars : public QWidget {
    Q_OBJECT
public:
    explicit PredictionBars(QWidget* parent = nullptr);

    void setPredictions(std::vector<Prediction> predictions);
    void clear();
    // Rows kept free even while empty, so the layout does not jump when results arrive.
    void setRowCount(int rows);
    const std::vector<Prediction>& predictions() const { return m_predictions; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;
    std::vector<Prediction> m_predictions;
    int m_rows = 5;
};

}  // namespace vp
