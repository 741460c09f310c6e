// The Analysis views on the built-in model: the efficiency view measures a small table, exports it
// (figure and data) and reopens its JSON; the time breakdown times every block; the measured-cost
// axis caches timings by device, batch and threads (a new key times again, a reopened cache does
// not); the Pareto panel's latency axis places every point at its measured ms per image; the
// compare view's lock asks the worker for equal measured latency instead of equal GMACs.
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "compare_view.h"
#include "efficiency_dialog.h"
#include "inference_types.h"
#include "measured_cost.h"
#include "pareto_panel.h"
#include "prune/registry.h"
#include "time_breakdown_dialog.h"
#include "widgets/efficiency_plot.h"
#include "widgets/pareto_plot.h"
#include "widgets/time_breakdown_chart.h"

namespace {

const QString kModel = QStringLiteral("fashion-vit-tiny");
constexpr int kTimeoutMs = 240000;

}  // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { vp::registerStudioMetaTypes(); }

    void efficiencyViewMeasuresExportsAndReopensItsTable() {
        vp::EfficiencyDialog dialog(kModel, kModel);
        QSignalSpy done(&dialog, &vp::EfficiencyDialog::runFinished);
        // Two methods, one budget, batches 1 and 2, a few pairs: 4 rows.
        auto* methods = dialog.findChild<QListWidget*>();
        QVERIFY(methods);
        for (int i = 0; i < methods->count(); ++i) {
            const QString id = methods->item(i)->text();
            methods->item(i)->setCheckState(id == QLatin1String("evit") || id == QLatin1String("tome") ? Qt::Checked
                                                                                                       : Qt::Unchecked);
        }
        auto* batches = dialog.findChild<QLineEdit*>(QStringLiteral("batchesEdit"));
        auto* budgets = dialog.findChild<QLineEdit*>(QStringLiteral("budgetsEdit"));
        auto* pairs = dialog.findChild<QSpinBox*>(QStringLiteral("pairsSpin"));
        QVERIFY(batches && budgets && pairs);
        batches->setText(QStringLiteral("1,2"));
        budgets->setText(QStringLiteral("0.6"));
        pairs->setValue(3);
        dialog.run();
        QVERIFY(QTest::qWaitFor([&] { return !done.isEmpty(); }, kTimeoutMs));
        QCOMPARE(dialog.rows().size(), size_t(4));
        QCOMPARE(dialog.table()->rowCount(), 4);
        QCOMPARE(dialog.plot()->seriesCount(), 4);  // (evit, tome) x (batch 1, 2)
        for (const vp::EfficiencyRow& r : dialog.rows()) {
            QVERIFY(r.pairs >= 3);
            QVERIFY(r.gmacs < r.gmacsDense);
            QVERIFY(r.speedup > 0);
        }

        QTemporaryDir dir;
        QString error;
        for (const char* name : {"eff.json", "eff.csv", "eff.md", "eff.png", "eff.svg"})
            QVERIFY2(dialog.exportTo(dir.filePath(QString::fromLatin1(name)), &error), qPrintable(error));
        QVERIFY(!dialog.exportTo(dir.filePath(QStringLiteral("eff.xyz")), &error));
        QVERIFY(error.contains(QStringLiteral("eff.xyz")));
        QFile md(dir.filePath(QStringLiteral("eff.md")));
        QVERIFY(md.open(QIODevice::ReadOnly));
        QCOMPARE(md.readAll().count('\n'), 6);  // header, rule, 4 rows

        vp::EfficiencyDialog reopened(kModel, kModel);
        QVERIFY2(reopened.openTable(dir.filePath(QStringLiteral("eff.json")), &error), qPrintable(error));
        QCOMPARE(reopened.rows().size(), size_t(4));
        QCOMPARE(reopened.rows()[3].efficiency(), dialog.rows()[3].efficiency());
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"vitprune-efficiency-1\", \"rows\": [{\"method\": 1}]}");
        bad.close();
        QVERIFY(!reopened.openTable(bad.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("bad.json")), qPrintable(error));
    }

    void timeBreakdownTimesEveryBlockDenseAndPruned() {
        vp::KnobValues v;
        v.set("keep", "0.5");
        vp::TimeBreakdownDialog dialog(kModel, kModel, "evit", v);
        QSignalSpy measured(&dialog, &vp::TimeBreakdownDialog::measured);
        dialog.measure();
        QVERIFY(QTest::qWaitFor([&] { return !measured.isEmpty(); }, kTimeoutMs));
        QVERIFY(dialog.breakdown().has_value());
        const vp::TimeBreakdown& b = *dialog.breakdown();
        QCOMPARE(b.dense.layers.size(), size_t(12));
        QCOMPARE(b.pruned.layers.size(), size_t(12));
        QVERIFY(b.runs >= 1);
        QVERIFY(b.gmacs < b.gmacsDense);
        for (const vp::LayerStageMs& l : b.pruned.layers) QVERIFY(l.attention > 0 && l.mlp > 0 && l.select >= 0);
        QCOMPARE(dialog.chart()->blockCount(), 12);
        QVERIFY(dialog.summary().contains(QStringLiteral("selection/merge ops")));
        QTemporaryDir dir;
        QString error;
        for (const char* name : {"b.json", "b.txt", "b.pdf"})
            QVERIFY2(dialog.exportTo(dir.filePath(QString::fromLatin1(name)), &error), qPrintable(error));
    }

    void measuredCostIsKeyedByDeviceBatchAndThreads() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("latency.json"));
        const std::vector<std::pair<std::string, std::map<std::string, std::string>>> settings = {
            {"dense", {}}, {"evit", {{"keep", "0.5"}}}};
        QWidget host;
        vp::MeasuredCost cost(&host, cache);
        cost.setModel(kModel);
        cost.setAxis(vp::MeasuredCost::Axis::MsPerImage);
        cost.setBatch(1);
        cost.setThreads(1);
        QSignalSpy finished(&cost, &vp::MeasuredCost::measuringFinished);
        auto measureAll = [&] {
            const int before = static_cast<int>(finished.size());
            if (!cost.measure(settings)) return false;
            return QTest::qWaitFor([&] { return finished.size() > before; }, kTimeoutMs);
        };
        QVERIFY(measureAll());
        QCOMPARE(cost.measurements(), 2);
        QVERIFY(!cost.measure(settings));  // cached: nothing to time
        const auto ms1 = cost.cost("evit", {{"keep", "0.5"}});
        QVERIFY(ms1 && ms1->value > 0 && ms1->low <= ms1->value && ms1->high >= ms1->value);
        cost.setBatch(4);  // another batch: timed again
        QVERIFY(!cost.cost("evit", {{"keep", "0.5"}}));
        QVERIFY(measureAll());
        QCOMPARE(cost.measurements(), 4);
        cost.setThreads(2);  // another thread count: timed again
        QVERIFY(measureAll());
        QCOMPARE(cost.measurements(), 6);
        cost.setAxis(vp::MeasuredCost::Axis::ImagesPerSecond);
        const auto ips = cost.cost("evit", {{"keep", "0.5"}});
        QVERIFY(ips && ips->value > 0 && ips->low <= ips->value);

        // A new session with the same cache file times nothing it already has.
        vp::MeasuredCost again(&host, cache);
        again.setModel(kModel);
        again.setAxis(vp::MeasuredCost::Axis::MsPerImage);
        again.setBatch(4);
        again.setThreads(1);
        QVERIFY(again.cost("evit", {{"keep", "0.5"}}).has_value());
        QVERIFY(!again.measure(settings));
        QCOMPARE(again.measurements(), 0);
    }

    // The x axis, batch and threads are remembered between sessions, but only once the window asks
    // (unattended runs never do, so screenshots and exports start on GMACs whatever was saved).
    void costAxisChoicesAreRememberedOnlyWhenAsked() {
        QSettings().setValue(QStringLiteral("latency/axis"), 1);
        QSettings().setValue(QStringLiteral("latency/batch"), 8);
        QTemporaryDir dir;
        QWidget host;
        vp::MeasuredCost fresh(&host, dir.filePath(QStringLiteral("a.json")));
        QCOMPARE(fresh.axis(), vp::MeasuredCost::Axis::Gmacs);
        QCOMPARE(fresh.batch(), 1);
        fresh.setAxis(vp::MeasuredCost::Axis::ImagesPerSecond);
        QCOMPARE(QSettings().value(QStringLiteral("latency/axis")).toInt(), 1);  // not remembering: not saved
        vp::MeasuredCost remembering(&host, dir.filePath(QStringLiteral("b.json")));
        remembering.rememberChoices();
        QCOMPARE(remembering.axis(), vp::MeasuredCost::Axis::MsPerImage);
        QCOMPARE(remembering.batch(), 8);
        remembering.setBatch(32);
        QCOMPARE(QSettings().value(QStringLiteral("latency/batch")).toInt(), 32);
        QSettings().remove(QStringLiteral("latency"));
    }

    void paretoPanelPlacesPointsAtTheirMeasuredLatency() {
        vp::ParetoPanel panel;
        panel.setModel(kModel, kModel, 0.126);
        QString error;
        const QString sweep = QStringLiteral(VP_SOURCE_DIR "/docs/results/fashion_vit_tiny_10k.json");
        QVERIFY2(panel.showSweepFile(sweep, &error), qPrintable(error));
        const int evitPoints = panel.plot()->pointCount(QStringLiteral("evit"));
        QVERIFY(evitPoints >= 2);
        panel.measuredCost()->setBatch(1);
        panel.measuredCost()->setThreads(2);
        QSignalSpy measured(&panel, &vp::ParetoPanel::latencyMeasured);
        panel.showMeasuredCost();
        QVERIFY(QTest::qWaitFor([&] { return !measured.isEmpty(); }, kTimeoutMs));
        QCOMPARE(panel.plot()->pointCount(QStringLiteral("evit")), evitPoints);
        QVERIFY(panel.plot()->hasDense());
        for (const vp::ParetoPoint& p : panel.plot()->points(QStringLiteral("evit"))) {
            const auto c = panel.measuredCost()->cost("evit", p.settings);
            QVERIFY(c.has_value());
            QCOMPARE(p.cost, c->value);  // ms per image, not GMACs
            QVERIFY(p.cost > 0.05);      // a forward of this model takes milliseconds; GMACs are 0.126 at most
        }
    }

    void compareLockAsksForEqualLatency() {
        vp::CompareView view(vp::builtinRegistry().specs());
        vp::ModelInfo info;
        info.depth = 12;
        info.denseGmacs = 0.126;
        view.setModelInfo(info);
        QSignalSpy requests(&view, &vp::CompareView::paneRequest);
        view.setLatencyLock(true);
        view.setEqualBudget(true, 0.063);
        QVERIFY(!requests.isEmpty());
        const auto r = requests.last().at(0).value<vp::StudioRequest>();
        QVERIFY(r.latencyFraction.has_value());
        QVERIFY(!r.budgetGmacs.has_value());
        QVERIFY(*r.latencyFraction > 0.1 && *r.latencyFraction <= 1.0);
        view.setLatencyLock(false);
        const auto g = requests.last().at(0).value<vp::StudioRequest>();
        QVERIFY(g.budgetGmacs.has_value());
        QVERIFY(!g.latencyFraction.has_value());
    }
};

QTEST_MAIN(TestAnalysis)
#include "test_analysis.moc"
