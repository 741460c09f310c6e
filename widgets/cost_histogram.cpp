#include "widgets/cost_histogram.h"

#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

QString gmacsText(double v) { return QLocale().toString(v, 'g', 4); }

QColor meanColour() { return palette::seriesColour(1); }  // vermillion against the blue bars

}  // namespace

CostHistogram::CostHistogram(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMouseTracking(true);

    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);

    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("images"));
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_bars->setBrush(palette::seriesColour(0));
    m_bars->setPen(QPen(palette::seriesColour(0).darker(140), 1));
    m_bars->setSelectable(QCP::stNone);

    auto vertical = [this](QCPItemStraightLine* line, double x) {
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
    };
    m_meanLine = new QCPItemStraightLine(m_plot);
    m_meanLine->setPen(QPen(meanColour(), 2));
    m_denseLine = new QCPItemStraightLine(m_plot);
    m_denseLine->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    vertical(m_meanLine, 0);
    vertical(m_denseLine, 0);

    // Labels beside their lines near the top, at different heights so they never collide.
    auto label = [this](QCPItemText* t, double yRatio, Qt::Alignment align, const QColor& colour) {
        t->position->setTypeX(QCPItemPosition::ptPlotCoords);
        t->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(0, yRatio);
        t->setPositionAlignment(align | Qt::AlignTop);
        t->setColor(colour);
        t->setPadding(QMargins(4, 1, 4, 1));
        t->setBrush(QColor(255, 255, 255, 220));
        t->setClipToAxisRect(true);
    };
    m_meanLabel = new QCPItemText(m_plot);
    label(m_meanLabel, 0.03, Qt::AlignLeft, meanColour().darker(120));
    m_denseLabel = new QCPItemText(m_plot);
    label(m_denseLabel, 0.13, Qt::AlignRight, Qt::black);

    m_plot->xAxis->setLabel(tr("GMACs per image"));
    m_plot->yAxis->setLabel(tr("images"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    connect(m_plot, &QCustomPlot::mouseMove, this, &CostHistogram::onMove);
    refresh();
}

void CostHistogram::setHistogram(double lo, double width, const std::vector<qint64>& counts) {
    m_lo = lo;
    m_width = width > 0 ? width : 0;
    m_counts = m_width > 0 ? counts : std::vector<qint64>{};
    refresh();
}

void CostHistogram::setSummary(double mean, double std, qint64 images) {
    m_hasSummary = images > 0;
    m_mean = mean;
    m_std = std;
    m_images = images;
    refresh();
}

void CostHistogram::setDense(double gmacs) {
    m_dense = gmacs > 0 ? gmacs : 0;
    refresh();
}

void CostHistogram::setSubject(const QString& text) {
    m_subject = text;
    refresh();
}

void CostHistogram::clear() {
    m_counts.clear();
    m_width = 0;
    m_hasSummary = false;
    m_images = 0;
    refresh();
}

qint64 CostHistogram::imageCount() const {
    qint64 n = 0;
    for (qint64 c : m_counts) n += c;
    return n;
}

QString CostHistogram::title() const {
    QString stats;
    if (m_hasSummary)
        stats = tr("%1 images: %2 ± %3 GMACs (mean ± std)")
                    .arg(QLocale().toString(m_images), gmacsText(m_mean), gmacsText(m_std));
    if (m_subject.isEmpty()) return stats;
    return stats.isEmpty() ? m_subject : m_subject + QLatin1Char('\n') + stats;
}

double CostHistogram::axisLow() const { return m_plot->xAxis->range().lower; }
double CostHistogram::axisHigh() const { return m_plot->xAxis->range().upper; }

double CostHistogram::shownWidth() const {
    // One bar (every image the same cost) next to a distant dense line would be a hairline.
    if (m_counts.size() != 1) return m_width;
    return std::max(m_width, (axisHigh() - axisLow()) / 80.0);
}

void CostHistogram::refresh() {
    // Axis: every bin, the mean and dense, with a margin.
    double lo = m_lo, hi = m_lo + m_width * static_cast<double>(m_counts.size());
    const bool hasBins = !m_counts.empty();
    if (!hasBins) lo = hi = m_dense > 0 ? m_dense : (m_hasSummary ? m_mean : 0);
    if (m_hasSummary) lo = std::min(lo, m_mean), hi = std::max(hi, m_mean);
    if (m_dense > 0) lo = std::min(lo, m_dense), hi = std::max(hi, m_dense);
    double span = hi - lo;
    if (span <= 0) span = std::max({m_width * 10, std::abs(hi) * 0.2, 1e-3});
    m_plot->xAxis->setRange(std::max(0.0, lo - 0.08 * span), hi + 0.08 * span);

    QVector<double> keys, values;
    qint64 top = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        keys << m_lo + (static_cast<double>(i) + 0.5) * m_width;
        values << static_cast<double>(m_counts[i]);
        top = std::max(top, m_counts[i]);
    }
    m_bars->setData(keys, values, true);
    m_bars->setWidth(shownWidth());
    // Headroom above the tallest bar for the line labels.
    m_plot->yAxis->setRange(0, std::max<double>(1.0, top * 1.3));

    auto placeLine = [](QCPItemStraightLine* line, QCPItemText* text, bool visible, double x, const QString& caption) {
        line->setVisible(visible);
        text->setVisible(visible);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        text->position->setCoords(x, text->position->coords().y());
        text->setText(caption);
    };
    placeLine(m_meanLine, m_meanLabel, m_hasSummary, m_mean, tr("mean %1").arg(gmacsText(m_mean)));
    placeLine(m_denseLine, m_denseLabel, m_dense > 0, m_dense, tr("dense %1").arg(gmacsText(m_dense)));
    m_title->setText(title());
    m_title->setVisible(!m_title->text().isEmpty());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPointF CostHistogram::barTop(int bin) const {
    if (bin < 0 || bin >= binCount()) return {};
    const double key = m_lo + (bin + 0.5) * m_width;
    return {m_plot->xAxis->coordToPixel(key), m_plot->yAxis->coordToPixel(static_cast<double>(m_counts[bin]))};
}

int CostHistogram::binAtPixel(const QPointF& pixel) const {
    if (m_counts.empty() || !m_plot->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const double key = m_plot->xAxis->pixelToCoord(pixel.x());
    if (m_counts.size() == 1) {
        const double centre = m_lo + 0.5 * m_width;
        return std::abs(key - centre) <= 0.5 * shownWidth() ? 0 : -1;
    }
    const double f = (key - m_lo) / m_width;
    if (f < 0 || f >= static_cast<double>(m_counts.size())) return -1;
    return static_cast<int>(f);
}

void CostHistogram::onMove(QMouseEvent* e) {
    const int bin = binAtPixel(e->position());
    if (bin < 0) {
        QToolTip::hideText();
        return;
    }
    const double from = m_lo + bin * m_width, to = from + m_width;
    const QString range = m_counts.size() == 1 ? gmacsText(m_lo + 0.5 * m_width)
                                               : QStringLiteral("%1–%2").arg(gmacsText(from), gmacsText(to));
    QToolTip::showText(e->globalPosition().toPoint(),
                       tr("%1 GMACs: %2 images").arg(range, QLocale().toString(m_counts[bin])), m_plot);
}

}  // namespace vp
