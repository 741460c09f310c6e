// Issue 18, "the studio tells the truth": the on-canvas legend counts agree with `vitprune
// predict --masks-out` for every block; four compare panes fit a 1366×768 screen with equal
// overlays and no unrelated side panel; an equal-GMACs lock says when a pane lands off the asked
// cost; the wheel over an unfocused panel control scrolls instead of editing; Ctrl+E reaches the
// window from a focused text field; the Pareto dock refuses a dataset the model cannot mean
// anything on.
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

#include "compare_view.h"
#include "main_window.h"
#include "panel_input_guard.h"
#include "pareto_panel.h"
#include "side_panel.h"
#include "single_image_page.h"
#include "sweep_setup_form.h"
#include "studio_test_support.h"
#include "widgets/fate_style.h"
#include "widgets/patch_overlay_view.h"

namespace {

using vp::PatchFate;
using vp::test::settled;
using vp::test::unattended;

const char* const kFateNames[] = {"kept", "merged", "fused", "dropped", "parked", "reused"};

bool allPanesDone(vp::MainWindow& w) {
    return QTest::qWaitFor(
        [&] {
            for (int i = 0; i < w.compareView()->paneCount(); ++i)
                if (!w.compareView()->paneHasResult(i)) return false;
            return true;
        },
        60000);
}

void sendWheel(QWidget* w, int angle) {
    const QPointF pos(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, angle), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                  false);
    QApplication::sendEvent(w, &e);
}

}  // namespace

class TestStudioTruth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The legend's counts are the CLI's per-block counts, block by block, for a fusing and a
    // merging method (merged and fused patches are never counted as kept).
    void legendCountsMatchTheCli_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("setting");
        QTest::newRow("evit") << "evit"
                              << "keep=0.5";
        QTest::newRow("tome") << "tome"
                              << "r=12";
    }
    void legendCountsMatchTheCli() {
        QFETCH(QString, method);
        QFETCH(QString, setting);
        QTemporaryDir dir;
        QProcess cli;
        cli.start(QStringLiteral(VP_CLI), {"predict", vp::test::kFixtureModel, vp::test::kPhoto, "--method", method,
                                           "--set", setting, "--masks-out", dir.filePath("masks.json")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QFile f(dir.filePath("masks.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray blocks = QJsonDocument::fromJson(f.readAll()).object().value("blocks").toArray();
        QVERIFY(!blocks.isEmpty());

        vp::StudioOptions o = unattended(method);
        o.sets << setting;
        vp::MainWindow w(o);
        QVERIFY(settled(w));
        bool sawNonKept = false;
        for (int b = 0; b < blocks.size(); ++b) {
            w.singleImagePage()->setLayer(b);
            const vp::FateTally shown = w.singleImagePage()->overlayView()->tally();
            const QJsonObject counts = blocks[b].toObject().value("counts").toObject();
            for (int fate = 0; fate < vp::kFateCount; ++fate) {
                QCOMPARE(shown.count[fate], counts.value(kFateNames[fate]).toInt());
                if (fate != 0 && shown.count[fate] > 0) sawNonKept = true;
            }
        }
        QVERIFY(sawNonKept);  // the setting does fuse / merge something
    }

    void fourComparePanesFitASmallScreen() {
        vp::MainWindow w(unattended("dense"));
        QVERIFY(settled(w));
        w.resize(1366, 740);
        w.show();
        w.compareView()->setPaneCount(4);
        const char* const methods[] = {"evit", "tome", "random", "attn-topk"};  // all fit the 4-block fixture
        for (int i = 0; i < 4; ++i) QVERIFY(w.compareView()->setPaneMethod(i, methods[i]));
        w.setCompareMode(true);
        QVERIFY(allPanesDone(w));
        QApplication::processEvents();
        QVERIFY2(w.width() <= 1366 && w.height() <= 768, qPrintable(QString("%1×%2").arg(w.width()).arg(w.height())));
        // The single view's method and budget panel does not describe the panes: hidden.
        QVERIFY(!w.sidePanel()->isVisibleTo(&w));
        const QSize first = w.compareView()->paneView(0)->size();
        QVERIFY2(first.width() >= 120 && first.height() >= 120,
                 qPrintable(QString("%1×%2").arg(first.width()).arg(first.height())));
        for (int i = 1; i < 4; ++i) {
            const QSize s = w.compareView()->paneView(i)->size();
            QVERIFY2(std::abs(s.width() - first.width()) <= 2 && std::abs(s.height() - first.height()) <= 2,
                     qPrintable(QString("pane %1: %2×%3 vs %4×%5")
                                    .arg(i)
                                    .arg(s.width())
                                    .arg(s.height())
                                    .arg(first.width())
                                    .arg(first.height())));
        }
        w.setCompareMode(false);
        QVERIFY(w.sidePanel()->isVisibleTo(&w));
    }

    void equalCostLockSaysWhenAPaneLandsOff() {
        vp::MainWindow w(unattended("dense"));
        QVERIFY(settled(w));
        w.compareView()->setPaneCount(2);
        QVERIFY(w.compareView()->setPaneMethod(0, "evit"));
        QVERIFY(w.compareView()->setPaneMethod(1, "tome"));
        w.setCompareMode(true);
        const double dense = w.shownResult().denseGmacs;
        w.compareView()->setEqualBudget(true, 0.5 * dense);
        QVERIFY(allPanesDone(w));
        const QList<QLabel*> labels = w.compareView()->findChildren<QLabel*>();
        for (int i = 0; i < 2; ++i) {
            const vp::StudioResult* r = w.compareView()->paneResult(i);
            QVERIFY(r);
            const QString id = QString::fromStdString(r->methodId);
            QLabel* caption = nullptr;
            for (QLabel* l : labels)
                if (l->text().startsWith("<b>" + id + "</b>")) caption = l;
            QVERIFY2(caption, qPrintable(id));
            const double pct = 100.0 * r->gmacs / r->denseGmacs;
            const bool off = std::abs(pct - 50.0) >= 1.0;
            // The lock slider has 1000 steps over 10%..100%: 50% is asked to within 0.1 point.
            QCOMPARE(caption->text().contains("lock asked"), off);
        }
    }

    void wheelOverAnUnfocusedControlScrollsThePanel() {
        QScrollArea area;
        auto* content = new QWidget;
        auto* v = new QVBoxLayout(content);
        auto* field = new QLineEdit;  // has the focus, as after typing a knob value
        auto* slider = new QSlider(Qt::Horizontal);
        slider->setRange(0, 100);
        slider->setValue(50);
        v->addWidget(field);
        v->addWidget(slider);
        v->addSpacing(2000);  // tall: the panel can scroll
        area.setWidget(content);
        area.setWidgetResizable(true);
        area.resize(300, 200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        vp::PanelInputGuard guard(&area);
        const int scrollBefore = area.verticalScrollBar()->value();
        sendWheel(slider, -120);
        QCOMPARE(slider->value(), 50);                              // the budget did not move
        QVERIFY(area.verticalScrollBar()->value() > scrollBefore);  // the panel scrolled
        slider->setFocus();
        QTRY_VERIFY(slider->hasFocus());
        sendWheel(slider, -120);
        QVERIFY(slider->value() != 50);  // a focused slider still takes the wheel
    }

    void windowShortcutWinsOverAFocusedTextField() {
        QMainWindow window;
        auto* area = new QScrollArea;
        auto* edit = new QLineEdit;
        area->setWidget(edit);
        window.setCentralWidget(area);
        auto* exportAction = new QAction(&window);
        exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        window.addAction(exportAction);
        QSignalSpy triggered(exportAction, &QAction::triggered);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        edit->setFocus();
        QTRY_VERIFY(edit->hasFocus());
        vp::PanelInputGuard guard(area);
        guard.setWindowShortcuts({QKeySequence(Qt::CTRL | Qt::Key_E)});
        QTest::keyClick(edit, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(triggered.count(), 1);
    }

    void paretoDockRefusesADatasetTheModelCannotMeanAnythingOn() {
        vp::ParetoPanel panel;
        panel.setModel(QStringLiteral("random:deit_small_patch16_224"), QStringLiteral("DeiT-S (random)"), 4.6, 1000);
        auto* run = panel.findChild<QPushButton*>(QStringLiteral("runButton"));
        QVERIFY(run);
        if (panel.setupForm()->datasetSpec().startsWith("fashion-mnist")) {
            QVERIFY(!run->isEnabled());
            QVERIFY2(panel.statusText().contains("10 classes") && panel.statusText().contains("1000"),
                     qPrintable(panel.statusText()));
            panel.runSweep();  // refused, not started
            QVERIFY(!panel.isRunning());
        }
        // A 10-class model may sweep Fashion-MNIST.
        panel.setupForm()->setDatasetSpec(QStringLiteral("fashion-mnist"));
        panel.setModel(vp::test::kFixtureModel, QStringLiteral("fixture"), 0.01, 10);
        QVERIFY(panel.setupForm()->datasetFits());
    }
};

QTEST_MAIN(TestStudioTruth)
#include "test_studio_truth.moc"
