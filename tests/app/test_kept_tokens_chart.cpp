// KeptTokensChart: one bar per layer with the given values, the current bar highlighted, clicks
// report the layer, and in editable mode a vertical drag sets (and clamps) a bar's value.
#include <QSignalSpy>
#include <QtTest>

#include "widgets/kept_tokens_chart.h"
#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace {

const std::vector<double> kPruned = {49, 49, 49, 37, 37, 37, 21, 21, 21, 9, 9, 9};
const std::vector<double> kDense(12, 49);

void send(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// A chart laid out and drawn, so pixel ↔ value mappings hold.
void layOut(vp::KeptTokensChart& chart) {
    chart.resize(520, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.plot()->replot();
}

bool near(QRgb a, QColor b, int tol = 12) {
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol &&
           std::abs(qBlue(a) - b.blue()) <= tol;
}

}  // namespace

class TestKeptTokensChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneBarPerLayer() {
        vp::KeptTokensChart chart;
        chart.setCounts(kPruned, kDense);
        QCOMPARE(chart.layerCount(), 12);
        QCOMPARE(chart.prunedBars()->data()->size(), 12);
        QCOMPARE(chart.denseBars()->data()->size(), 12);
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(chart.prunedBars()->data()->at(i)->key, double(i));  // 0-based blocks, as the knobs and JSON
            QCOMPARE(chart.prunedBars()->data()->at(i)->value, kPruned[i]);
            QCOMPARE(chart.denseBars()->data()->at(i)->value, 49.0);
        }
        QCOMPARE(chart.values(), kPruned);
        QCOMPARE(chart.maximum(), 49.0);
        QCOMPARE(chart.plot()->legend->itemCount(), 2);  // dense, pruned
        chart.setCounts({3, 2}, {});
        QCOMPARE(chart.prunedBars()->data()->size(), 2);
        QCOMPARE(chart.denseBars()->data()->size(), 0);
        QCOMPARE(chart.plot()->legend->itemCount(), 1);
    }

    void currentBarIsHighlighted() {
        vp::KeptTokensChart chart;
        chart.setCounts(kPruned, kDense);
        chart.setCurrentLayer(4);
        QCOMPARE(chart.currentLayer(), 4);
        layOut(chart);
        const QImage shot = chart.plot()->toPixmap().toImage();
        const QPoint inCurrent = (chart.barTop(4) + QPointF(0, 12)).toPoint();
        const QPoint inOther = (chart.barTop(3) + QPointF(0, 12)).toPoint();
        QVERIFY2(near(shot.pixel(inCurrent), vp::palette::highlight()),
                 qPrintable(QColor(shot.pixel(inCurrent)).name()));
        QVERIFY2(near(shot.pixel(inOther), vp::palette::seriesColour(0)),
                 qPrintable(QColor(shot.pixel(inOther)).name()));
        chart.setCurrentLayer(-1);
        chart.plot()->replot();
        QVERIFY(!near(chart.plot()->toPixmap().toImage().pixel(inCurrent), vp::palette::highlight()));
        chart.setCurrentLayer(40);  // out of range: none
        QCOMPARE(chart.currentLayer(), -1);
    }

    void clickReportsTheLayer() {
        vp::KeptTokensChart chart;
        chart.setCounts(kPruned, kDense);
        layOut(chart);
        QSignalSpy clicked(&chart, &vp::KeptTokensChart::layerClicked);
        QSignalSpy edited(&chart, &vp::KeptTokensChart::barEdited);
        QTest::mouseClick(chart.plot(), Qt::LeftButton, Qt::NoModifier, (chart.barTop(2) + QPointF(0, 5)).toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.last().at(0).toInt(), 2);
        QTest::mouseClick(chart.plot(), Qt::LeftButton, Qt::NoModifier, QPoint(2, 2));  // outside the axes
        QCOMPARE(clicked.count(), 1);
        // Not editable: dragging changes nothing.
        const QPointF p = chart.barTop(6) + QPointF(0, 5);
        send(chart.plot(), QEvent::MouseButtonPress, p, Qt::LeftButton, Qt::LeftButton);
        send(chart.plot(), QEvent::MouseMove, p - QPointF(0, 60), Qt::NoButton, Qt::LeftButton);
        send(chart.plot(), QEvent::MouseButtonRelease, p - QPointF(0, 60), Qt::LeftButton, Qt::NoButton);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(chart.values(), kPruned);
    }

    void dragEditsInEditableMode() {
        vp::KeptTokensChart chart;
        chart.setCounts(kPruned, kDense);
        chart.setEditable(true);
        chart.setEditStep(1);
        layOut(chart);
        QSignalSpy edited(&chart, &vp::KeptTokensChart::barEdited);
        QCPAxis* y = chart.plot()->yAxis;
        const double x = chart.barTop(3).x();
        send(chart.plot(), QEvent::MouseButtonPress, {x, y->coordToPixel(20)}, Qt::LeftButton, Qt::LeftButton);
        send(chart.plot(), QEvent::MouseMove, {x, y->coordToPixel(10.2)}, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.last().at(0).toInt(), 3);
        QCOMPARE(edited.last().at(1).toDouble(), 10.0);  // snapped to the step
        QCOMPARE(chart.values()[3], 10.0);
        QCOMPARE(chart.prunedBars()->data()->at(3)->value, 10.0);
        // Clamped to [0, max] beyond the axes.
        send(chart.plot(), QEvent::MouseMove, {x, 1.0}, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(edited.last().at(1).toDouble(), 49.0);
        send(chart.plot(), QEvent::MouseMove, {x, chart.plot()->height() - 1.0}, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(edited.last().at(1).toDouble(), 0.0);
        send(chart.plot(), QEvent::MouseButtonRelease, {x, 100}, Qt::LeftButton, Qt::NoButton);
        // After release, moving edits nothing; other layers were never touched.
        const int n = edited.count();
        send(chart.plot(), QEvent::MouseMove, {x, y->coordToPixel(30)}, Qt::NoButton, Qt::NoButton);
        QCOMPARE(edited.count(), n);
        std::vector<double> expect = kPruned;
        expect[3] = 0;
        QCOMPARE(chart.values(), expect);

        chart.setMaximum(30);
        chart.plot()->replot();
        send(chart.plot(), QEvent::MouseButtonPress, chart.barTop(0), Qt::LeftButton, Qt::LeftButton);
        send(chart.plot(), QEvent::MouseMove, {chart.barTop(0).x(), 1.0}, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(chart.values()[0], 30.0);
    }

    // Schedules: edits clamp to [minimum, maximum], a line rides on the right axis, and new
    // values arriving mid-drag leave the dragged bar under the mouse.
    void scheduleEditing() {
        vp::KeptTokensChart chart;
        const std::vector<double> schedule{1, 1, 1, 0.7, 1, 1, 0.7, 1, 1, 0.7, 1, 1};
        chart.setCounts(schedule, {});
        chart.setEditable(true);
        chart.setEditStep(0.01);
        chart.setMinimum(0.05);
        chart.setMaximum(1);
        chart.setSeriesNames(QStringLiteral("keep rate"), QString());
        chart.setLine(kPruned, QStringLiteral("tokens"), QStringLiteral("tokens"));
        QCOMPARE(chart.lineValues(), kPruned);
        QCOMPARE(chart.lineGraph()->data()->size(), 12);
        QVERIFY(chart.plot()->yAxis2->visible());
        QCOMPARE(chart.plot()->legend->itemCount(), 2);  // keep rate, tokens
        layOut(chart);
        QSignalSpy edited(&chart, &vp::KeptTokensChart::barEdited);
        QCPAxis* y = chart.plot()->yAxis;
        const double x = chart.barTop(3).x();
        send(chart.plot(), QEvent::MouseButtonPress, chart.barTop(3) + QPointF(0, 2), Qt::LeftButton, Qt::LeftButton);
        send(chart.plot(), QEvent::MouseMove, {x, y->coordToPixel(0.42)}, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(edited.last().at(1).toDouble(), 0.42);
        // A result of an earlier step of the drag arrives: the dragged bar stays, the others update.
        std::vector<double> arriving = schedule;
        arriving[0] = 0.9;
        chart.setCounts(arriving, {});
        QCOMPARE(chart.values()[3], 0.42);
        QCOMPARE(chart.values()[0], 0.9);
        send(chart.plot(), QEvent::MouseMove, {x, chart.plot()->height() - 1.0}, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(edited.last().at(1).toDouble(), 0.05);  // the minimum, not 0
        send(chart.plot(), QEvent::MouseButtonRelease, {x, 100}, Qt::LeftButton, Qt::NoButton);
        chart.setCounts(schedule, {});  // after the drag, values are taken as they come
        QCOMPARE(chart.values(), schedule);
        chart.setLine({}, QString(), QString());
        QVERIFY(!chart.plot()->yAxis2->visible());
        QCOMPARE(chart.plot()->legend->itemCount(), 1);
    }
};

QTEST_MAIN(TestKeptTokensChart)
#include "test_kept_tokens_chart.moc"
