#include "widgets/prediction_bars.h"

#include <QPainter>
#include <algorithm>

namespace vp {

PredictionBars::PredictionBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void PredictionBars::setPredictions(std::vector<Prediction> predictions) {
    m_predictions = std::move(predictions);
    update();
}

void PredictionBars::clear() {
    m_predictions.clear();
    update();
}

void PredictionBars::setRowCount(int rows) {
    m_rows = std::max(1, rows);
    updateGeometry();
    update();
}

int PredictionBars::rowHeight() const { return fontMetrics().height() + 8; }

QSize PredictionBars::sizeHint() const { return {320, m_rows * rowHeight()}; }

QSize PredictionBars::minimumSizeHint() const { return {200, m_rows * rowHeight()}; }

void PredictionBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int rh = rowHeight();
    // Label column: as wide as the longest label, at most 45% of the width.
    int labelW = fm.horizontalAdvance(QStringLiteral("class 000"));
    for (const Prediction& pr : m_predictions) labelW = std::max(labelW, fm.horizontalAdvance(pr.label));
    labelW = std::min(labelW + 16, width() * 45 / 100);  // slack: advances are rounded
    const int pctW = fm.horizontalAdvance(QStringLiteral("100.0%")) + 6;
    const int barX = labelW, barW = std::max(10, width() - labelW - pctW);
    const QColor track = palette().color(QPalette::Mid).lighter(130);
    const QColor top = palette().color(QPalette::Highlight);
    const QColor rest = top.lighter(150);
    for (int i = 0; i < m_rows; ++i) {
        const QRect row(0, i * rh, width(), rh);
        const QRect bar(barX, row.top() + 4, barW, rh - 8);
        p.setPen(Qt::NoPen);
        p.setBrush(track);
        p.drawRoundedRect(bar, 3, 3);
        if (i >= static_cast<int>(m_predictions.size())) continue;
        const Prediction& pr = m_predictions[i];
        const double prob = std::clamp(pr.probability, 0.0, 1.0);
        if (prob > 0) {
            p.setBrush(i == 0 ? top : rest);
            p.drawRoundedRect(QRectF(bar.left(), bar.top(), std::max(2.0, bar.width() * prob), bar.height()), 3, 3);
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, row.top(), labelW - 8, rh), Qt::AlignVCenter | Qt::AlignRight,
                   fm.elidedText(pr.label, Qt::ElideRight, labelW - 8));
        p.drawText(QRect(barX + barW, row.top(), pctW, rh), Qt::AlignVCenter | Qt::AlignRight,
                   QString::number(100.0 * prob, 'f', 1) + QLatin1Char('%'));
    }
}

}  // namespace vp
