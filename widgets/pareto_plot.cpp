#include "widgets/pareto_plot.h"

#include <QFontMetrics>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace vp {
namespace {

constexpr double kHitRadius = 9.0;  // px: a marker is 7 px wide; allow for a shaky hand
constexpr double kClickSlop = 5.0;  // px a press may move and still count as a click
constexpr double kMarginFraction = 0.07;
constexpr int kLegendColumns = 4;

// Expands [lo, hi] by a fraction of its size (or of its magnitude when it is a single value).
QCPRange padded(QCPRange r) {
    const double size = r.size() > 0 ? r.size() : std::max(std::abs(r.center()) * 0.1, 1.0);
    return {r.lower - size * kMarginFraction, r.upper + size * kMarginFraction};
}

}  // namespace

ParetoPlot::ParetoPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMouseTracking(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->yAxis->setLabel(tr("top-1 accuracy (%)"));
    setCostAxis(tr("GMACs"));

    // Dense star and current ring above the method series.
    m_plot->addLayer(QStringLiteral("highlight"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_dense = m_plot->addGraph();
    m_dense->setName(tr("dense"));
    m_dense->setLineStyle(QCPGraph::lsNone);
    m_dense->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::black, 2), Qt::NoBrush, 15));
    m_dense->setLayer(QStringLiteral("highlight"));
    m_current = m_plot->addGraph();
    m_current->setName(tr("current"));
    m_current->setLineStyle(QCPGraph::lsNone);
    m_current->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(20, 20, 20), 2.5), Qt::NoBrush, 20));
    m_current->setLayer(QStringLiteral("highlight"));

    // The legend sits under the axes, in rows of kLegendColumns: it never covers a curve and
    // shows every entry, however many methods and however short the dock.
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setIconSize(26, 16);  // room for the current ring
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(kLegendColumns);
    auto* below = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, below);
    m_plot->plotLayout()->setRowSpacing(0);
    below->setMargins(QMargins(0, 0, 0, 2));
    below->addElement(0, 0, m_plot->legend);  // moves it out of the axis rect's inset layout
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);

    connect(m_plot, &QCustomPlot::mousePress, this, &ParetoPlot::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ParetoPlot::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ParetoPlot::onRelease);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_autoRange = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_autoRange = true;
        rescale();
    });
    rescale();
}

int ParetoPlot::styleIndex(const QString& methodId) {
    const auto it = m_style.find(methodId);
    if (it != m_style.end()) return it->second;
    const int n = static_cast<int>(m_style.size());
    m_style.emplace(methodId, n);
    return n;
}

ParetoPlot::Series& ParetoPlot::series(const QString& methodId, const QString& label) {
    Series& s = m_series[methodId];
    if (!s.graph) {
        const int style = styleIndex(methodId);
        const QColor colour = palette::seriesColour(style);
        s.graph = m_plot->addGraph();
        s.graph->setPen(QPen(colour, 1.6));
        s.graph->setScatterStyle(QCPScatterStyle(palette::seriesShape(style), QPen(colour, 1.6), colour, 8));
        s.errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        s.errors->setErrorType(QCPErrorBars::etKeyError);  // horizontal: spread of the cost
        s.errors->setPen(QPen(colour, 1.2));
        s.errors->setDataPlottable(s.graph);
        s.errors->removeFromLegend();
        s.accErrors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        s.accErrors->setErrorType(QCPErrorBars::etValueError);  // vertical: 95% interval of the accuracy
        QColor light = colour;
        light.setAlpha(150);
        s.accErrors->setPen(QPen(light, 1.0));
        s.accErrors->setWhiskerWidth(5);
        s.accErrors->setDataPlottable(s.graph);
        s.accErrors->removeFromLegend();
    }
    if (!label.isEmpty()) s.label = label;
    if (s.label.isEmpty()) s.label = methodId;
    s.graph->setName(s.label);
    return s;
}

void ParetoPlot::sync(Series& s) {
    QVector<double> keys, values, minus, plus, below, above;
    bool anyError = false, anyInterval = false;
    for (const ParetoPoint& p : s.points) {
        keys << p.cost;
        values << p.accuracy;
        minus << p.errLow;
        plus << p.errHigh;
        below << p.accLow;
        above << p.accHigh;
        anyError = anyError || p.errLow != 0 || p.errHigh != 0;
        anyInterval = anyInterval || p.accLow != 0 || p.accHigh != 0;
    }
    // Already sorted by cost: keeps graph index == points index (a re-sort could reorder ties).
    s.graph->setData(keys, values, true);
    s.errors->setData(minus, plus);
    s.errors->setVisible(anyError);
    s.accErrors->setData(below, above);
    s.accErrors->setVisible(anyInterval);
    rescale();
}

void ParetoPlot::setSeries(const QString& methodId, const QString& label, const std::vector<ParetoPoint>& points) {
    Series& s = series(methodId, label);
    s.points = points;
    std::stable_sort(s.points.begin(), s.points.end(),
                     [](const ParetoPoint& a, const ParetoPoint& b) { return a.cost < b.cost; });
    sync(s);
}

void ParetoPlot::addPoint(const QString& methodId, const ParetoPoint& point) {
    Series& s = series(methodId, QString());
    const auto at = std::upper_bound(s.points.begin(), s.points.end(), point.cost,
                                     [](double cost, const ParetoPoint& p) { return cost < p.cost; });
    s.points.insert(at, point);
    sync(s);
}

void ParetoPlot::removeSeries(const QString& methodId) {
    const auto it = m_series.find(methodId);
    if (it == m_series.end()) return;
    m_plot->removePlottable(it->second.errors);
    m_plot->removePlottable(it->second.accErrors);
    m_plot->removePlottable(it->second.graph);
    m_series.erase(it);
    rescale();
}

void ParetoPlot::setDense(double cost, double accuracy) {
    m_dense->setData({cost}, {accuracy}, true);
    m_hasDense = true;
    rescale();
}

void ParetoPlot::clearDense() {
    m_dense->data()->clear();
    m_hasDense = false;
    rescale();
}

void ParetoPlot::setCurrent(const QString& methodId, double cost, double accuracy) {
    m_current->setData({cost}, {accuracy}, true);
    m_hasCurrent = true;
    m_currentPoint = QPointF(cost, accuracy);
    m_currentMethod = methodId;
    rescale();
}

void ParetoPlot::clearCurrent() {
    m_current->data()->clear();
    m_hasCurrent = false;
    m_currentPoint = QPointF();
    m_currentMethod.clear();
    rescale();
}

void ParetoPlot::setCostAxis(const QString& label) {
    m_plot->xAxis->setLabel(label);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ParetoPlot::clearAll() {
    for (auto& [id, s] : m_series) {
        m_plot->removePlottable(s.errors);
        m_plot->removePlottable(s.accErrors);
        m_plot->removePlottable(s.graph);
    }
    m_series.clear();
    m_dense->data()->clear();
    m_current->data()->clear();
    m_hasDense = m_hasCurrent = false;
    m_currentPoint = QPointF();
    m_currentMethod.clear();
    m_autoRange = true;
    rescale();
}

int ParetoPlot::pointCount(const QString& methodId) const {
    const auto it = m_series.find(methodId);
    return it == m_series.end() ? 0 : static_cast<int>(it->second.points.size());
}

const std::vector<ParetoPoint>& ParetoPlot::points(const QString& methodId) const {
    static const std::vector<ParetoPoint> none;
    const auto it = m_series.find(methodId);
    return it == m_series.end() ? none : it->second.points;
}

QStringList ParetoPlot::methods() const {
    QStringList ids;
    for (const auto& [id, s] : m_series) ids << id;
    return ids;
}

QColor ParetoPlot::methodColour(const QString& methodId) const {
    const auto it = m_style.find(methodId);
    return it == m_style.end() ? QColor() : palette::seriesColour(it->second);
}

QCPGraph* ParetoPlot::graph(const QString& methodId) const {
    const auto it = m_series.find(methodId);
    return it == m_series.end() ? nullptr : it->second.graph;
}

// As many legend columns as the widest name allows at `width` px (long method names would
// otherwise be cut off or overlap).
void ParetoPlot::fitLegendTo(int width) {
    int widest = 1;
    const QFontMetrics metrics(m_plot->legend->font());
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(i)))
            widest = std::max(widest, metrics.horizontalAdvance(item->plottable()->name()) * 5 / 4 + 26 + 24);
    m_plot->legend->setWrap(std::clamp(width / widest, 1, kLegendColumns));
    m_plot->legend->setFillOrder(m_plot->legend->fillOrder(), true);  // re-flow the items already there
}

// Legend in style order (stable across sweeps), then dense and current; axes fit all data.
void ParetoPlot::rescale() {
    m_plot->legend->clearItems();
    std::vector<std::pair<int, QCPGraph*>> ordered;
    for (const auto& [id, s] : m_series) ordered.emplace_back(m_style.at(id), s.graph);
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& entry : ordered) entry.second->addToLegend();
    if (m_hasDense) m_dense->addToLegend();
    if (m_hasCurrent) m_current->addToLegend();
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);
    fitLegendTo(m_plot->width());

    if (m_autoRange) {
        bool any = false;
        QCPRange x, y;
        for (int i = 0; i < m_plot->plottableCount(); ++i) {
            QCPAbstractPlottable* p = m_plot->plottable(i);
            bool okX = false, okY = false;
            const QCPRange px = p->getKeyRange(okX), py = p->getValueRange(okY);
            if (!okX || !okY || !p->visible()) continue;
            x = any ? QCPRange(std::min(x.lower, px.lower), std::max(x.upper, px.upper)) : px;
            y = any ? QCPRange(std::min(y.lower, py.lower), std::max(y.upper, py.upper)) : py;
            any = true;
        }
        m_plot->xAxis->setRange(any ? padded(x) : QCPRange(0, 1));
        m_plot->yAxis->setRange(any ? padded(y) : QCPRange(0, 100));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPointF ParetoPlot::pointPixel(const QString& methodId, int index) const {
    const std::vector<ParetoPoint>& pts = points(methodId);
    if (index < 0 || index >= static_cast<int>(pts.size())) return {};
    return {m_plot->xAxis->coordToPixel(pts[index].cost), m_plot->yAxis->coordToPixel(pts[index].accuracy)};
}

int ParetoPlot::hitTest(const QPointF& pixel, QString* methodId) const {
    int best = -1;
    double bestDistance = kHitRadius;
    for (const auto& [id, s] : m_series) {
        if (!s.graph->visible()) continue;
        for (int i = 0; i < static_cast<int>(s.points.size()); ++i) {
            const QPointF d = pointPixel(id, i) - pixel;
            const double distance = std::hypot(d.x(), d.y());
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = i;
                if (methodId) *methodId = id;
            }
        }
    }
    return best;
}

bool ParetoPlot::clickAt(const QPointF& pixel) {
    QString id;
    const int index = hitTest(pixel, &id);
    if (index < 0) return false;
    Q_EMIT pointClicked(id, m_series.at(id).points[index].settings);
    return true;
}

void ParetoPlot::onPress(QMouseEvent* e) {
    m_pressed = e->button() == Qt::LeftButton;
    m_pressPos = e->position();
}

void ParetoPlot::onMove(QMouseEvent* e) {
    if (m_pressed) {
        const QPointF d = e->position() - m_pressPos;
        if (std::hypot(d.x(), d.y()) > kClickSlop) m_autoRange = false;  // the user pans
        return;
    }
    QString id;
    const int index = hitTest(e->position(), &id);
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    const Series& s = m_series.at(id);
    const ParetoPoint& p = s.points[index];
    QString text = s.label;
    if (!p.setting.isEmpty()) text += QStringLiteral(": ") + p.setting;
    text += QLatin1Char('\n') +
            tr("%1 %2, accuracy %3%").arg(p.cost, 0, 'g', 4).arg(m_plot->xAxis->label()).arg(p.accuracy, 0, 'f', 2);
    text += QLatin1Char('\n') + tr("Click to load this setting");
    QToolTip::showText(e->globalPosition().toPoint(), text, m_plot);
}

void ParetoPlot::onRelease(QMouseEvent* e) {
    if (!m_pressed || e->button() != Qt::LeftButton) return;
    m_pressed = false;
    const QPointF d = e->position() - m_pressPos;
    if (std::hypot(d.x(), d.y()) <= kClickSlop) clickAt(e->position());
}

}  // namespace vp
