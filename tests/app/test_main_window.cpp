// The main window driven directly (offscreen): undo/redo of knob changes, the budget slider
// solving the main knob, compare mode, a Pareto click loading its setting, and every export
// format validated (PNG decodes, SVG parses, PDF starts with %PDF, CSV/JSON read back).
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include "compare_view.h"
#include "main_window.h"
#include "studio_test_support.h"
#include "pareto_panel.h"
#include "eval/sweep_result.h"
#include "side_panel.h"
#include "widgets/pareto_plot.h"
#include "widgets/knob_panel.h"
#include "widgets/patch_overlay_view.h"

namespace {

using vp::test::settled;
using vp::test::unattended;

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void undoRestoresKnobsAndResult() {
        vp::MainWindow w(unattended("evit"));
        QVERIFY(settled(w));
        vp::KnobPanel* knobs = w.sidePanel()->knobs();
        const std::string before = knobs->values().at("keep");
        const double gmacsBefore = w.shownResult().gmacs;
        QVERIFY(knobs->setValue("keep", "0.3"));
        Q_EMIT knobs->valuesChanged();  // as a user edit does
        QVERIFY(settled(w));
        QCOMPARE(std::stod(w.shownResult().knobs.at("keep")), 0.3);
        QVERIFY(w.shownResult().gmacs < gmacsBefore);
        QVERIFY(w.history()->stack()->canUndo());
        w.history()->stack()->undo();
        QVERIFY(settled(w));
        QCOMPARE(knobs->values().at("keep"), before);
        QCOMPARE(w.shownResult().knobs.at("keep"), before);
        QVERIFY(std::abs(w.shownResult().gmacs - gmacsBefore) < 1e-12);
        w.history()->stack()->redo();
        QVERIFY(settled(w));
        QCOMPARE(std::stod(w.shownResult().knobs.at("keep")), 0.3);
    }

    void budgetSliderSolvesTheMainKnob() {
        vp::MainWindow w(unattended("tome"));
        QVERIFY(settled(w));
        const vp::StudioResult first = w.shownResult();
        QVERIFY(first.budgetMin < first.budgetMax);
        const double target = first.budgetMin + 0.3 * (first.budgetMax - first.budgetMin);
        Q_EMIT w.sidePanel()->budgetRequested(target);
        QVERIFY(settled(w));
        const vp::StudioResult solved = w.shownResult();
        QVERIFY2(solved.gmacs <= target * 1.001, qPrintable(QString("%1 > %2").arg(solved.gmacs).arg(target)));
        // The knob panel shows the solved r, and it is one undoable step.
        QCOMPARE(w.sidePanel()->knobs()->values().at("r"), solved.knobs.at("r"));
        QVERIFY(solved.knobs.at("r") != first.knobs.at("r"));
        QVERIFY(w.history()->stack()->canUndo());
    }

    void compareModeFillsEveryPane() {
        vp::MainWindow w(unattended("dense"));
        QVERIFY(settled(w));
        w.compareView()->setPaneCount(3);
        w.setCompareMode(true);
        QVERIFY(w.compareView()->setPaneMethod(2, "random"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (int i = 0; i < 3; ++i)
                    if (!w.compareView()->paneHasResult(i)) return false;
                return true;
            },
            60000));
        QCOMPARE(w.compareView()->paneMethod(2), std::string("random"));
        // Equal GMACs: every pane is solved for one budget and lands at or below it.
        w.compareView()->setEqualBudget(true, 0.6 * w.shownResult().denseGmacs);
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (int i = 0; i < 3; ++i)
                    if (!w.compareView()->paneHasResult(i)) return false;
                return true;
            },
            60000));
        QVERIFY(w.compareView()->paneView(0)->tally().total() == w.compareView()->paneView(0)->patchCount());
        QTemporaryDir dir;
        QString error;
        QVERIFY2(w.exportComparison(dir.filePath("cmp.pdf"), &error), qPrintable(error));
        // docs/screenshots/comparison_figure.png is this export (VP_COMPARE_FIGURE=path).
        if (const QByteArray out = qgetenv("VP_COMPARE_FIGURE"); !out.isEmpty())
            QVERIFY2(w.exportComparison(QString::fromUtf8(out), &error), qPrintable(error));
        // A figure, not a grab of the controls: PNG of the panes with their captions and legend.
        QVERIFY2(w.exportComparison(dir.filePath("cmp.png"), &error), qPrintable(error));
        const QImage png(dir.filePath("cmp.png"));
        QVERIFY(!png.isNull() && png.width() > 3 * 200);
        QFile pdf(dir.filePath("cmp.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }

    void paretoClickLoadsTheSetting() {
        vp::MainWindow w(unattended("dense"));
        QVERIFY(settled(w));
        Q_EMIT w.paretoPanel()->settingRequested(QStringLiteral("evit"), {{"keep", "0.6"}, {"locations", "1,2"}});
        QVERIFY(settled(w));
        QCOMPARE(w.shownResult().methodId, std::string("evit"));
        QCOMPARE(std::stod(w.shownResult().knobs.at("keep")), 0.6);
        QCOMPARE(w.sidePanel()->methodId(), std::string("evit"));
    }

    void sweepFileFillsTheParetoPlot() {
        vp::MainWindow w(unattended("dense"));
        QVERIFY(settled(w));
        QTemporaryDir dir;
        vp::SweepResult sweep;
        sweep.model = "fixture";
        sweep.dataset = "fashion-mnist";
        sweep.limit = 100;
        sweep.pointsPerMethod = 2;
        sweep.plannedPoints = 3;
        sweep.denseGMacs = 0.009;
        vp::SweepPoint dense{{}, 0.009, 0.009, 80, 100, 0.8, 1.0};
        vp::SweepPoint a{{{"keep", "0.5"}}, 0.005, 0.005, 70, 100, 0.7, 0.6};
        vp::SweepPoint b{{{"keep", "0.7"}}, 0.007, 0.007, 76, 100, 0.76, 0.8};
        sweep.methods = {{"dense", {dense}}, {"evit", {a, b}}};
        const QString path = dir.filePath("sweep.json");
        vp::saveSweep(sweep, path.toStdString());
        QString error;
        QVERIFY2(w.paretoPanel()->showSweepFile(path, &error), qPrintable(error));
        QCOMPARE(w.paretoPanel()->plot()->pointCount("evit"), 2);
        QVERIFY(w.paretoPanel()->plot()->hasDense());
        QFile bad(dir.filePath("broken_sweep.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": 1");
        bad.close();
        QVERIFY(!w.paretoPanel()->showSweepFile(bad.fileName(), &error));
        QVERIFY2(error.contains("broken_sweep.json"), qPrintable(error));
        QCOMPARE(w.paretoPanel()->plot()->pointCount("evit"), 2);  // what was shown stays
    }

    void exportsEveryFormat() {
        vp::MainWindow w(unattended("random"));
        w.show();
        QVERIFY(settled(w));
        QTemporaryDir dir;
        QString error;
        for (const QString suffix : {"png", "svg", "pdf"}) {
            const QString grid = dir.filePath("grid." + suffix), pareto = dir.filePath("pareto." + suffix);
            QVERIFY2(w.exportOverlayGrid(grid, &error), qPrintable(error));
            QVERIFY2(w.exportPareto(pareto, &error), qPrintable(error));
            for (const QString& path : {grid, pareto}) {
                QFile f(path);
                QVERIFY2(f.open(QIODevice::ReadOnly) && f.size() > 500, qPrintable(path));
                const QByteArray head = f.read(8);
                if (suffix == "png") {
                    QImage img(path);
                    QVERIFY2(!img.isNull() && img.width() > 200, qPrintable(path));
                } else if (suffix == "svg") {
                    QSvgRenderer svg(path);
                    QVERIFY2(svg.isValid(), qPrintable(path));
                } else {
                    QVERIFY2(head.startsWith("%PDF"), qPrintable(path));
                }
            }
        }
        QVERIFY2(w.exportResultData(dir.filePath("result.json"), &error), qPrintable(error));
        QFile json(dir.filePath("result.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(o.value("method").toString(), QString("random"));
        QCOMPARE(o.value("tokens_per_block").toArray().size(), 4);
        QVERIFY2(w.exportResultData(dir.filePath("result.csv"), &error), qPrintable(error));
        // An unwritable target fails with the path in the message and leaves nothing.
        const QString bad = dir.filePath("no/such/dir/grid.png");
        QVERIFY(!w.exportOverlayGrid(bad, &error));
        QVERIFY2(error.contains("grid.png"), qPrintable(error));
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
