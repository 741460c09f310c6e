#pragma once
// Distribution of the per-image cost over a dataset as a QCustomPlot histogram: images per GMACs
// bin, a solid vertical line at the mean, a dashed one at the dense model's cost, and a title
// with mean ± std. Dynamic methods (LTP) spread over many bins; a fixed-count method is one bar.
// Plain data in (bins and numbers), no Torch.
#include <QPointF>
#include <QString>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QMouseEvent;

namespace vp {

class CostHistogram : public QWidget {
    Q_OBJECT
public:
    explicit CostHistogram(QWidget* parent = nullptr);

    // Bin i covers [lo + i*width, lo + (i+1)*width) GMACs and holds counts[i] images.
    void setHistogram(double lo, double width, const std::vector<qint64>& counts);
    // Mean and std of the per-image GMACs over `images` images: the mean line and the title.
    void setSummary(double mean, double std, qint64 images);
    void setDense(double gmacs);           // <= 0: no dense marker
    void setSubject(const QString& text);  // leads the title, e.g. "LTP θ=1.0 on Fashion-MNIST test"
    void clear();

    QString title() const;  // the subject, and on a second line the images and mean ± std
    int binCount() const { return static_cast<int>(m_counts.size()); }
    qint64 imageCount() const;  // sum of the counts
    double mean() const { return m_mean; }
    double dense() const { return m_dense; }
    // Key range of the x axis (GMACs), as laid out by the last refresh.
    double axisLow() const;
    double axisHigh() const;

    QCustomPlot* plot() const { return m_plot; }
    QCPBars* bars() const { return m_bars; }
    QCPItemStraightLine* meanLine() const { return m_meanLine; }
    QCPItemStraightLine* denseLine() const { return m_denseLine; }
    // Top centre of bin i's bar in plot() pixels (valid after a replot).
    QPointF barTop(int bin) const;
    // Bin under a plot() pixel, -1 if none.
    int binAtPixel(const QPointF& pixel) const;

    QSize sizeHint() const override { return {640, 360}; }

private:
    void refresh();
    void onMove(QMouseEvent* e);
    double shownWidth() const;  // a lone bar is drawn at least a sliver of the axis wide

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPBars* m_bars = nullptr;
    QCPItemStraightLine* m_meanLine = nullptr;
    QCPItemStraightLine* m_denseLine = nullptr;
    QCPItemText* m_meanLabel = nullptr;
    QCPItemText* m_denseLabel = nullptr;
    QString m_subject;
    double m_lo = 0, m_width = 0;
    std::vector<qint64> m_counts;
    bool m_hasSummary = false;
    double m_mean = 0, m_std = 0;
    qint64 m_images = 0;
    double m_dense = 0;
};

}  // namespace vp
