// KnobPanel builds one editor per knob from a MethodSpec alone and round-trips values as text.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

#include "widgets/knob_panel.h"

using vp::Knob;
using vp::KnobType;

namespace {

vp::MethodSpec spec() {
    vp::MethodSpec s;
    s.id = "fake";
    s.name = "Fake";
    s.help = "A method with every kind of knob.";
    s.knobs = {
        {"keep", "Keep ratio", KnobType::Number, 0.05, 1.0, 0.01, "0.7", {}, "fraction kept"},
        {"r", "Merged per block", KnobType::Integer, 0, 64, 1, "13", {}, ""},
        {"prop", "Proportional attention", KnobType::Bool, 0, 1, 1, "true", {}, ""},
        {"schedule", "Schedule", KnobType::Choice, 0, 0, 0, "constant", {"constant", "decreasing"}, ""},
        {"locations", "Pruning blocks", KnobType::IntList, 0, 63, 1, "3,6,9", {}, ""},
    };
    return s;
}

}  // namespace

class TestKnobPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editorsPerType() {
        vp::KnobPanel panel;
        panel.setSpec(spec());
        QCOMPARE(panel.findChildren<QSlider*>().size(), 1);
        QCOMPARE(panel.findChildren<QDoubleSpinBox*>().size(), 1);
        QCOMPARE(panel.findChildren<QCheckBox*>().size(), 1);
        QCOMPARE(panel.findChildren<QComboBox*>().size(), 1);
        QVERIFY(panel.findChildren<QSpinBox*>().size() >= 1);
        QVERIFY(panel.findChildren<QLineEdit*>().size() >= 1);
    }

    void defaultsAsText() {
        vp::KnobPanel panel;
        panel.setSpec(spec());
        const auto v = panel.values();
        QCOMPARE(QString::fromStdString(v.at("keep")), QString("0.70"));
        QCOMPARE(QString::fromStdString(v.at("r")), QString("13"));
        QCOMPARE(QString::fromStdString(v.at("prop")), QString("true"));
        QCOMPARE(QString::fromStdString(v.at("schedule")), QString("constant"));
        QCOMPARE(QString::fromStdString(v.at("locations")), QString("3,6,9"));
    }

    void setValueEmitsNothingAndRoundTrips() {
        vp::KnobPanel panel;
        panel.setSpec(spec());
        QSignalSpy spy(&panel, &vp::KnobPanel::valuesChanged);
        QVERIFY(panel.setValue("keep", "0.5"));
        QVERIFY(panel.setValue("r", "8"));
        QVERIFY(panel.setValue("prop", "false"));
        QVERIFY(panel.setValue("schedule", "decreasing"));
        QVERIFY(panel.setValue("locations", "2,5"));
        QVERIFY(!panel.setValue("keep", "7"));  // out of range
        QVERIFY(!panel.setValue("nope", "1"));
        QCOMPARE(spy.count(), 0);
        const auto v = panel.values();
        QCOMPARE(QString::fromStdString(v.at("keep")), QString("0.50"));
        QCOMPARE(QString::fromStdString(v.at("r")), QString("8"));
        QCOMPARE(QString::fromStdString(v.at("prop")), QString("false"));
        QCOMPARE(QString::fromStdString(v.at("schedule")), QString("decreasing"));
        QCOMPARE(QString::fromStdString(v.at("locations")), QString("2,5"));
        QCOMPARE(panel.findChild<QSlider*>()->value(), 45);  // (0.5 - 0.05) / 0.01
    }

    void userEditsEmit() {
        vp::KnobPanel panel;
        panel.setSpec(spec());
        QSignalSpy spy(&panel, &vp::KnobPanel::valuesChanged);
        panel.findChild<QSlider*>()->setValue(10);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(QString::fromStdString(panel.values().at("keep")), QString("0.15"));
        panel.findChild<QCheckBox*>()->setChecked(false);
        QCOMPARE(spy.count(), 2);
    }

    // A per-block schedule: a line edit taking numbers (typed, or set by another view with
    // applyUserValue, which emits like a user edit); empty means "no schedule".
    void numberListSchedule() {
        vp::MethodSpec s = spec();
        s.knobs.push_back({"per_block", "Per-block keep", KnobType::NumberList, 0.01, 1.0, 0.01, "", {}, ""});
        s.scheduleKnob = "per_block";
        vp::KnobPanel panel;
        panel.setSpec(s);
        auto* edit = panel.findChild<QLineEdit*>(QStringLiteral("knobEdit_per_block"));
        QVERIFY(edit);
        QCOMPARE(panel.values().at("per_block"), std::string());
        QVERIFY(!edit->placeholderText().isEmpty());
        QSignalSpy changed(&panel, &vp::KnobPanel::valuesChanged);
        QVERIFY(panel.setValue("per_block", "1,0.5, .25,1e-1"));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(panel.values().at("per_block"), std::string("1,0.5,.25,1e-1"));
        QVERIFY(!panel.setValue("per_block", "1,abc"));  // the editor refuses non-numbers
        QVERIFY(panel.setValue("per_block", ""));
        QVERIFY(panel.applyUserValue("per_block", "1,0.7,1"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(panel.applyUserValue("per_block", "1,0.7,1"));  // unchanged: no second signal
        QCOMPARE(changed.count(), 1);
        edit->setText(QStringLiteral("0.5,0.5"));
        Q_EMIT edit->editingFinished();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(panel.values().at("per_block"), std::string("0.5,0.5"));
        QVERIFY(!panel.applyUserValue("nope", "1"));
    }

    void noKnobs() {
        vp::KnobPanel panel;
        vp::MethodSpec s;
        s.id = "dense";
        panel.setSpec(s);
        QVERIFY(panel.values().empty());
    }
};

QTEST_MAIN(TestKnobPanel)
#include "test_knob_panel.moc"
