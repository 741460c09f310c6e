// Editable per-block schedules in the studio: with "Edit schedule" on, the result panel's chart
// shows the value every block uses; dragging a bar writes the schedule knob (one undo step per
// drag) and the re-run trace keeps exactly the scheduled tokens; typing the knob, Reset, the
// budget slider, saved settings and the exported result data all agree with it.
#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "main_window.h"
#include "studio_test_support.h"
#include "result_panel.h"
#include "side_panel.h"
#include "widgets/kept_tokens_chart.h"
#include "widgets/knob_panel.h"
#include "widgets/qcp.h"

namespace {

using vp::test::kFixtureModel;
using vp::test::kPhoto;
using vp::test::settled;
using vp::test::unattended;

void send(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Drags block `layer`'s bar from its top to each value in turn, then releases.
void dragBar(vp::KeptTokensChart* chart, int layer, const std::vector<double>& values) {
    chart->plot()->replot();
    QCPAxis* y = chart->plot()->yAxis;
    const double x = chart->barTop(layer).x();
    send(chart->plot(), QEvent::MouseButtonPress, chart->barTop(layer) + QPointF(0, 3), Qt::LeftButton, Qt::LeftButton);
    for (double v : values)
        send(chart->plot(), QEvent::MouseMove, {x, y->coordToPixel(v)}, Qt::NoButton, Qt::LeftButton);
    send(chart->plot(), QEvent::MouseButtonRelease, {x, y->coordToPixel(values.back())}, Qt::LeftButton, Qt::NoButton);
}

std::vector<double> tokens(const vp::MainWindow& w) { return vp::tokensPerLayer(w.shownResult().trace); }

std::string knob(const vp::MainWindow& w, const std::string& id) { return w.sidePanel()->knobs()->values().at(id); }

}  // namespace

class TestScheduleEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // QSettings under ~/.qttest, not the user's
        QSettings().clear();
    }

    void chartShowsTheEffectiveSchedule() {
        vp::MainWindow w(unattended("evit"));
        QVERIFY(settled(w));
        vp::ResultPanel* panel = w.resultPanel();
        QVERIFY(panel->scheduleEditable());
        QCOMPARE(w.shownResult().scheduleKnob.id, std::string("schedule"));
        // Defaults keep 0.7 at blocks 3,6,9: on 4 blocks only block 3 prunes (64 -> 45 + fused).
        QCOMPARE(w.shownResult().schedule, (std::vector<double>{1, 1, 1, 0.7}));
        QCOMPARE(tokens(w), (std::vector<double>{64, 64, 64, 46}));
        QVERIFY(!panel->chart()->isEditable());
        QCOMPARE(panel->chart()->values(), tokens(w));
        panel->setScheduleEditing(true);
        QVERIFY(panel->chart()->isEditable());
        QCOMPARE(panel->chart()->values(), (std::vector<double>{1, 1, 1, 0.7}));
        QCOMPARE(panel->chart()->lineValues(), tokens(w));
        QCOMPARE(panel->chart()->maximum(), 1.0);
        QVERIFY(!panel->resetScheduleButton()->isEnabled());  // nothing to reset yet
        // Methods without a schedule knob hide the controls and show tokens.
        w.sidePanel()->setMethod("ltp");
        Q_EMIT w.sidePanel()->methodChanged();
        QVERIFY(settled(w));
        QVERIFY(!panel->scheduleEditable());
        QVERIFY(!panel->editScheduleButton()->isVisibleTo(panel));
        QVERIFY(!panel->chart()->isEditable());
        QVERIFY(panel->chart()->lineValues().empty());
    }

    void draggingABarSetsTheKnobAndReruns() {
        vp::MainWindow w(unattended("evit"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(settled(w));
        vp::ResultPanel* panel = w.resultPanel();
        panel->setScheduleEditing(true);
        QVERIFY(panel->editScheduleButton()->isVisible());
        QSignalSpy edited(panel, &vp::ResultPanel::scheduleEdited);
        // One drag through two values: one undo step.
        dragBar(panel->chart(), 1, {0.8, 0.5});
        QCOMPARE(edited.count(), 2);
        QCOMPARE(knob(w, "schedule"), std::string("1,0.5,1,0.7"));
        QVERIFY(settled(w));
        const vp::StudioResult& r = w.shownResult();
        QCOMPARE(r.knobs.at("schedule"), std::string("1,0.5,1,0.7"));
        QCOMPARE(r.schedule, (std::vector<double>{1, 0.5, 1, 0.7}));
        // Block 1 keeps ceil(0.5 * 64) = 32 + the fused token; block 3 ceil(0.7 * 33) = 24 + fused.
        QCOMPARE(tokens(w), (std::vector<double>{64, 33, 33, 25}));
        QCOMPARE(r.trace.layers[1].mlpTokens[0], 1 + 33);
        QCOMPARE(panel->chart()->values(), (std::vector<double>{1, 0.5, 1, 0.7}));
        QCOMPARE(panel->chart()->lineValues(), tokens(w));
        QVERIFY(panel->resetScheduleButton()->isEnabled());
        // The schedule replaces the main knob: no budget range.
        QCOMPARE(r.budgetMin, 0.0);
        QCOMPARE(r.budgetMax, 0.0);

        // Undo takes the whole drag back.
        QCOMPARE(w.history()->stack()->count(), 1);
        w.history()->stack()->undo();
        QVERIFY(settled(w));
        QCOMPARE(knob(w, "schedule"), std::string());
        QCOMPARE(w.shownResult().knobs.at("schedule"), std::string());
        QCOMPARE(tokens(w), (std::vector<double>{64, 64, 64, 46}));
        QVERIFY(w.shownResult().budgetMin < w.shownResult().budgetMax);
        w.history()->stack()->redo();
        QVERIFY(settled(w));
        QCOMPARE(tokens(w), (std::vector<double>{64, 33, 33, 25}));

        // Reset clears the knob: the main knob applies again.
        QTest::mouseClick(panel->resetScheduleButton(), Qt::LeftButton);
        QCOMPARE(knob(w, "schedule"), std::string());
        QVERIFY(settled(w));
        QCOMPARE(tokens(w), (std::vector<double>{64, 64, 64, 46}));
    }

    void typingTheKnobUpdatesTheChart() {
        vp::MainWindow w(unattended("attn-topk"));
        QVERIFY(settled(w));
        w.resultPanel()->setScheduleEditing(true);
        auto* edit = w.sidePanel()->knobs()->findChild<QLineEdit*>(QStringLiteral("knobEdit_schedule"));
        QVERIFY(edit);
        edit->setText(QStringLiteral("1, 1, 0.5, 0.25"));
        QVERIFY(edit->hasAcceptableInput());
        Q_EMIT edit->editingFinished();
        QVERIFY(settled(w));
        QCOMPARE(w.shownResult().knobs.at("schedule"), std::string("1,1,0.5,0.25"));
        QCOMPARE(tokens(w), (std::vector<double>{64, 64, 32, 8}));  // no fusion: 32, then ceil(0.25 * 32)
        QCOMPARE(w.resultPanel()->chart()->values(), (std::vector<double>{1, 1, 0.5, 0.25}));
        edit->setText(QStringLiteral("1,x"));
        QVERIFY(!edit->hasAcceptableInput());  // the editor refuses non-numbers
    }

    void wrongLengthIsAClearError() {
        vp::MainWindow w(unattended("evit"));
        QVERIFY(settled(w));
        QSignalSpy fatal(&w, &vp::MainWindow::fatalError);
        QVERIFY(w.sidePanel()->knobs()->applyUserValue("schedule", "1,0.5"));
        QVERIFY(QTest::qWaitFor([&] { return fatal.count() > 0; }, 60000));
        const QString message = fatal.first().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("knob 'schedule': 2 values for a model with 4 blocks")),
                 qPrintable(message));
    }

    void tomeDragsPerBlockR() {
        vp::MainWindow w(unattended("tome"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(settled(w));
        QCOMPARE(w.shownResult().scheduleKnob.id, std::string("layer_r"));
        QCOMPARE(w.shownResult().schedule, std::vector<double>(4, 8.0));  // r = 8 in every block
        vp::ResultPanel* panel = w.resultPanel();
        panel->setScheduleEditing(true);
        QCOMPARE(panel->chart()->maximum(), 32.0);  // half of the 64 patches
        dragBar(panel->chart(), 0, {10.2});
        QCOMPARE(knob(w, "layer_r"), std::string("10,8,8,8"));
        QVERIFY(settled(w));
        QCOMPARE(tokens(w), (std::vector<double>{54, 46, 38, 30}));
    }

    void savedSettingsAndExportKeepTheSchedule() {
        QTemporaryDir dir;
        const std::string text = "1,0.65,1,0.5";
        vp::StudioOptions o;
        o.model = kFixtureModel;
        o.image = kPhoto;
        {
            vp::MainWindow w(o);  // not unattended: reads and writes the settings
            QVERIFY(settled(w));
            QVERIFY(w.sidePanel()->setMethod("evit"));
            Q_EMIT w.sidePanel()->methodChanged();
            QVERIFY(w.sidePanel()->knobs()->applyUserValue("schedule", text));
            QVERIFY(settled(w));
            QCOMPARE(w.shownResult().knobs.at("schedule"), text);
            QString error;
            QVERIFY2(w.exportResultData(dir.filePath("result.json"), &error), qPrintable(error));
            w.close();
        }
        QCOMPARE(QSettings().value(QStringLiteral("knobs/evit/schedule")).toString().toStdString(), text);
        QFile f(dir.filePath("result.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o2 = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(
            o2.value(QStringLiteral("knobs")).toObject().value(QStringLiteral("schedule")).toString().toStdString(),
            text);
        // A new window starts with it, and runs it.
        vp::MainWindow again(o);
        QVERIFY(settled(again));
        QCOMPARE(again.sidePanel()->methodId(), std::string("evit"));
        QCOMPARE(knob(again, "schedule"), text);
        QCOMPARE(again.shownResult().schedule, (std::vector<double>{1, 0.65, 1, 0.5}));
        QVERIFY(again.resultPanel()->scheduleEditing());  // a set schedule shows as the schedule
        QSettings().clear();
    }
};

QTEST_MAIN(TestScheduleEditing)
#include "test_schedule_editing.moc"
