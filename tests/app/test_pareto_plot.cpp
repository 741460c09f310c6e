// ParetoPlot: progressive points in cost order, distinct stable styles per method, dense star,
// current ring, error bars, auto ranges with margins, and clicks that return a point's settings.
#include <QtTest>

#include "widgets/pareto_plot.h"
#include "widgets/qcp.h"

using Settings = std::map<std::string, std::string>;

namespace {

vp::ParetoPoint pt(double cost, double acc, const std::string& keep) {
    vp::ParetoPoint p;
    p.cost = cost;
    p.accuracy = acc;
    p.setting = QString::fromStdString("keep=" + keep);
    p.settings = {{"keep", keep}};
    return p;
}

QCPErrorBars* errorBarsOf(QCustomPlot* plot, QCPGraph* graph) {
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* e = qobject_cast<QCPErrorBars*>(plot->plottable(i)); e && e->dataPlottable() == graph) return e;
    return nullptr;
}

}  // namespace

class TestParetoPlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressivePointsStaySorted() {
        vp::ParetoPlot plot;
        QCOMPARE(plot.pointCount("evit"), 0);
        plot.addPoint("evit", pt(3.0, 78, "0.9"));
        QCOMPARE(plot.pointCount("evit"), 1);
        plot.addPoint("evit", pt(1.0, 60, "0.5"));
        plot.addPoint("evit", pt(2.0, 72, "0.7"));
        QCOMPARE(plot.pointCount("evit"), 3);
        const auto& pts = plot.points("evit");
        QCOMPARE(pts[0].cost, 1.0);
        QCOMPARE(pts[1].settings.at("keep"), std::string("0.7"));
        QCOMPARE(pts[2].cost, 3.0);
        // The drawn line follows cost order, index for index.
        QCPGraph* g = plot.graph("evit");
        QVERIFY(g);
        QCOMPARE(g->dataCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(g->data()->at(i)->key, pts[i].cost);
            QCOMPARE(g->data()->at(i)->value, pts[i].accuracy);
        }
        QCOMPARE(g->name(), QString("evit"));  // no label given yet

        plot.setSeries("evit", "EViT", {pt(2.0, 70, "0.6"), pt(1.5, 65, "0.55")});
        QCOMPARE(plot.pointCount("evit"), 2);
        QCOMPARE(plot.points("evit")[0].cost, 1.5);
        QCOMPARE(g->name(), QString("EViT"));

        // Axes cover every point with a margin.
        plot.setDense(4.6, 80);
        QVERIFY(plot.plot()->xAxis->range().lower < 1.5 && plot.plot()->xAxis->range().upper > 4.6);
        QVERIFY(plot.plot()->yAxis->range().lower < 65 && plot.plot()->yAxis->range().upper > 80);
        plot.setCostAxis("ms / image");
        QCOMPARE(plot.plot()->xAxis->label(), QString("ms / image"));
    }

    void methodsHaveDistinctStableStyles() {
        vp::ParetoPlot plot;
        plot.setSeries("evit", "EViT", {pt(1, 60, "0.5")});
        plot.setSeries("tome", "ToMe", {pt(1, 61, "8")});
        QCPGraph* a = plot.graph("evit");
        QCPGraph* b = plot.graph("tome");
        QVERIFY(a->pen().color() != b->pen().color());
        QVERIFY(a->scatterStyle().shape() != b->scatterStyle().shape());
        QCOMPARE(plot.methodColour("evit"), a->pen().color());
        const QColor tomeColour = b->pen().color();
        // After clearing, a method keeps its colour whatever order series come back in.
        plot.clearAll();
        QCOMPARE(plot.pointCount("evit"), 0);
        QVERIFY(!plot.graph("evit"));
        plot.addPoint("tome", pt(1, 61, "8"));
        QCOMPARE(plot.graph("tome")->pen().color(), tomeColour);
        QCOMPARE(plot.plot()->legend->itemCount(), 1);
    }

    void denseCurrentAndErrorBars() {
        vp::ParetoPlot plot;
        QVERIFY(!plot.hasCurrent());
        plot.setSeries("evit", "EViT", {pt(1, 60, "0.5"), pt(2, 70, "0.7")});
        vp::ParetoPoint timed = pt(3, 75, "0.9");
        timed.errLow = 0.2;
        timed.errHigh = 0.3;
        plot.setSeries("dyn", "DynamicViT", {pt(2.5, 71, "0.8"), timed});
        QVERIFY(!errorBarsOf(plot.plot(), plot.graph("evit"))->visible());
        QCPErrorBars* err = errorBarsOf(plot.plot(), plot.graph("dyn"));
        QVERIFY(err && err->visible());
        QCOMPARE(err->errorType(), QCPErrorBars::etKeyError);
        QCOMPARE(err->data()->at(1).errorMinus, 0.2);
        QCOMPARE(err->data()->at(1).errorPlus, 0.3);
        QVERIFY(plot.plot()->xAxis->range().upper > 3.3);  // the error bar fits too

        plot.setDense(4.6, 80);
        QVERIFY(plot.hasDense());
        QCOMPARE(plot.denseGraph()->scatterStyle().shape(), QCPScatterStyle::ssStar);
        QVERIFY(plot.plot()->legend->itemWithPlottable(plot.denseGraph()));

        plot.setCurrent("evit", 1.5, 66);
        QVERIFY(plot.hasCurrent());
        QCOMPARE(plot.currentPoint(), QPointF(1.5, 66));
        plot.setCurrent("evit", 1.8, 62);  // moves, does not add
        QCOMPARE(plot.currentGraph()->dataCount(), 1);
        QCOMPARE(plot.currentPoint(), QPointF(1.8, 62));

        // The ring is drawn: dark pixels about 10 px right of its centre, none in its middle.
        plot.resize(600, 400);
        plot.show();  // lays out the inner QCustomPlot at the widget's size
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.plot()->replot();
        const QImage img = plot.plot()->toPixmap().toImage();
        const QPoint c(qRound(plot.plot()->xAxis->coordToPixel(1.8)), qRound(plot.plot()->yAxis->coordToPixel(62)));
        int darkOnRing = 0;
        for (int dx = 8; dx <= 12; ++dx) darkOnRing += qGray(img.pixel(c.x() + dx, c.y())) < 90;
        QVERIFY(darkOnRing > 0);
        QVERIFY(qGray(img.pixel(c.x() + 3, c.y() - 3)) > 150);  // hollow

        plot.clearCurrent();
        QVERIFY(!plot.hasCurrent());
        QCOMPARE(plot.currentGraph()->dataCount(), 0);
    }

    void clickReturnsThePointsSettings() {
        vp::ParetoPlot plot;
        plot.setSeries("evit", "EViT", {pt(1, 60, "0.5"), pt(2, 70, "0.7"), pt(3, 75, "0.9")});
        plot.setSeries("tome", "ToMe", {pt(1.2, 58, "16"), pt(2.2, 72, "8")});
        plot.setDense(4.6, 80);
        plot.resize(600, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.plot()->replot();

        QString gotId;
        Settings gotSettings;
        int hits = 0;
        connect(&plot, &vp::ParetoPlot::pointClicked, this, [&](const QString& id, const Settings& s) {
            gotId = id;
            gotSettings = s;
            ++hits;
        });
        QVERIFY(plot.clickAt(plot.pointPixel("evit", 1) + QPointF(2, -2)));
        QCOMPARE(hits, 1);
        QCOMPARE(gotId, QString("evit"));
        QCOMPARE(gotSettings, Settings({{"keep", "0.7"}}));
        QVERIFY(plot.clickAt(plot.pointPixel("tome", 0)));
        QCOMPARE(gotId, QString("tome"));
        QCOMPARE(gotSettings.at("keep"), std::string("16"));
        // Empty space and the dense star are not settings.
        QVERIFY(!plot.clickAt(QPointF(plot.plot()->xAxis->coordToPixel(3.5), plot.plot()->yAxis->coordToPixel(60))));
        QVERIFY(!plot.clickAt(QPointF(plot.plot()->xAxis->coordToPixel(4.6), plot.plot()->yAxis->coordToPixel(80))));
        QCOMPARE(hits, 2);

        // A real mouse click goes through the same hit test.
        QTest::mouseClick(plot.plot(), Qt::LeftButton, Qt::NoModifier, plot.pointPixel("evit", 2).toPoint());
        QCOMPARE(hits, 3);
        QCOMPARE(gotSettings.at("keep"), std::string("0.9"));
    }
};

QTEST_MAIN(TestParetoPlot)
#include "test_pareto_plot.moc"
