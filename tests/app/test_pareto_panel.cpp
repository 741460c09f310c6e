// ParetoPanel end to end on the built-in model: a small sweep fills the plot per method, the
// current setting is highlighted on the swept curve, clicking a point asks for its setting,
// reopening shows the cached points without a run, choices are remembered, a corrupt cache file
// is reported, and export data is the points shown.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "pareto_panel.h"
#include "sweep_cache.h"
#include "sweep_setup_form.h"
#include "widgets/pareto_plot.h"
#include "widgets/qcp.h"

namespace {

const QString kModel = QStringLiteral("fashion-vit-tiny");
const QStringList kMethods = {QStringLiteral("evit"), QStringLiteral("tome")};
constexpr int kPoints = 2;
constexpr qint64 kLimit = 100;  // the spin box's smallest subset
constexpr int kTimeoutMs = 240000;

void choose(vp::ParetoPanel& panel, int points = kPoints) {
    vp::SweepSetupForm* form = panel.setupForm();
    form->setDatasetSpec(QStringLiteral("fashion-mnist"));
    form->setLimit(kLimit);
    form->setPointsPerMethod(points);
    form->setMethodIds(kMethods);
}

}  // namespace

class TestParetoPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_cache.isValid());
        qputenv("VITPRUNE_CACHE_DIR", m_cache.path().toUtf8());
    }

    void runFillsThePlotAndExports() {
        vp::ParetoPanel panel;
        choose(panel);
        QCOMPARE(panel.setupForm()->methodIds(), kMethods);
        panel.setModel(kModel, QStringLiteral("Fashion ViT"), 0.0);
        QVERIFY(!panel.isRunning());  // no auto-run
        QCOMPARE(panel.plot()->pointCount("evit"), 0);
        QVERIFY2(panel.statusText().contains("not swept yet"), qPrintable(panel.statusText()));

        QSignalSpy finished(&panel, &vp::ParetoPanel::sweepFinished);
        panel.runSweep();
        QVERIFY(panel.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kTimeoutMs);
        QCOMPARE(finished.size(), 1);
        QVERIFY2(!panel.statusText().contains("failed"), qPrintable(panel.statusText()));
        for (const QString& id : kMethods) QCOMPARE(panel.plot()->pointCount(id), kPoints);
        QVERIFY(panel.plot()->hasDense());

        // Export: header + dense + every method's points, as core's sweep formats.
        QCOMPARE(panel.csv().trimmed().split('\n').size(), 1 + 1 + 2 * kPoints);
        const QJsonObject j = QJsonDocument::fromJson(panel.json()).object();
        QCOMPARE(j.value("format").toString(), QStringLiteral("vitprune-sweep/1"));
        const QJsonArray methods = j.value("methods").toArray();
        QCOMPARE(methods.size(), 3);
        QCOMPARE(methods.at(0).toObject().value("id").toString(), QStringLiteral("dense"));

        if (const QByteArray out = qgetenv("VP_PARETO_SCREENSHOT"); !out.isEmpty()) {
            panel.resize(980, 420);
            panel.setCurrent("evit", panel.plot()->points("evit").back().cost);
            QVERIFY(panel.grab().save(QString::fromUtf8(out) + ".png"));
        }
    }

    void progressNamesThePointAndCancelStops() {
        vp::ParetoPanel panel;
        choose(panel);
        panel.setupForm()->setLimit(1000);  // long enough to be caught running
        panel.setModel(kModel, QStringLiteral("Fashion ViT"), 0.0);
        auto* bar = panel.findChild<QProgressBar*>();
        QVERIFY(bar);
        panel.runSweep();
        QVERIFY(!panel.setupForm()->isEnabled());  // choices are fixed while it runs
        // "evit keep=0.3 — point 2/5, 128/1000 images — about 40 s left" (the estimate once it
        // has something to stand on)
        const QRegularExpression format(
            QStringLiteral("^\\S+ \\S+=\\S+ — point \\d/5, \\d+/1000 images( — about \\d+ (s|min) left)?$"));
        QTRY_VERIFY_WITH_TIMEOUT(format.match(bar->text()).hasMatch() && bar->text().contains("point 2/5"), kTimeoutMs);
        if (const QByteArray out = qgetenv("VP_PARETO_SCREENSHOT"); !out.isEmpty()) {
            panel.resize(980, 420);
            QVERIFY(panel.grab().save(QString::fromUtf8(out) + "_running.png"));
        }
        panel.cancelSweep();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kTimeoutMs);
        QVERIFY2(panel.statusText().startsWith("Cancelled"), qPrintable(panel.statusText()));
        QVERIFY(panel.setupForm()->isEnabled());
        QCOMPARE(panel.plot()->pointCount("tome"), 0);
        QVERIFY(panel.plot()->hasDense());
        choose(panel);  // the later tests expect the remembered choices of the first
    }

    void currentSettingIsHighlightedOnTheCurve() {
        vp::ParetoPanel panel;
        choose(panel);
        panel.setModel(kModel, QString(), 0.0);
        const auto& evit = panel.plot()->points("evit");
        QCOMPARE(int(evit.size()), kPoints);

        // Between the two swept points: on the segment joining them.
        const double mid = 0.5 * (evit[0].cost + evit[1].cost);
        panel.setCurrent("evit", mid);
        QVERIFY(panel.plot()->hasCurrent());
        QCOMPARE(panel.plot()->currentPoint().x(), mid);
        const double expected = 0.5 * (evit[0].accuracy + evit[1].accuracy);
        QVERIFY(std::abs(panel.plot()->currentPoint().y() - expected) < 1e-9);
        QCOMPARE(panel.plot()->currentMethod(), QStringLiteral("evit"));

        // Exactly on a point; below the cheapest point nothing is known.
        panel.setCurrent("evit", evit[0].cost);
        QVERIFY(std::abs(panel.plot()->currentPoint().y() - evit[0].accuracy) < 1e-9);
        panel.setCurrent("evit", evit[0].cost * 0.5);
        QVERIFY(!panel.plot()->hasCurrent());
        // A method without points clears the highlight.
        panel.setCurrent("tome", panel.plot()->points("tome")[0].cost);
        QVERIFY(panel.plot()->hasCurrent());
        panel.setCurrent("random", 0.1);
        QVERIFY(!panel.plot()->hasCurrent());
    }

    void clickingAPointRequestsItsSetting() {
        vp::ParetoPanel panel;
        choose(panel);
        panel.setModel(kModel, QString(), 0.0);
        panel.resize(900, 400);
        panel.plot()->plot()->replot();
        QSignalSpy requested(&panel, &vp::ParetoPanel::settingRequested);
        const vp::ParetoPoint target = panel.plot()->points("tome")[1];
        QVERIFY(panel.plot()->clickAt(panel.plot()->pointPixel("tome", 1)));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("tome"));
        const auto settings = requested.first().at(1).value<std::map<std::string, std::string>>();
        QCOMPARE(settings, target.settings);
        QVERIFY(settings.count("r") == 1);
    }

    void reopeningShowsCachedPointsAndRemembersChoices() {
        vp::ParetoPanel panel;  // no choose(): the previous panels' choices come from QSettings
        QCOMPARE(panel.setupForm()->datasetSpec(), QStringLiteral("fashion-mnist"));
        QCOMPARE(panel.setupForm()->limit(), kLimit);
        QCOMPARE(panel.setupForm()->pointsPerMethod(), kPoints);
        QCOMPARE(panel.setupForm()->methodIds(), kMethods);
        panel.setModel(kModel, QString(), 0.0);
        QVERIFY(!panel.isRunning());
        for (const QString& id : kMethods) QCOMPARE(panel.plot()->pointCount(id), kPoints);
        QVERIFY(panel.plot()->hasDense());
        QVERIFY2(panel.statusText().contains("cached"), qPrintable(panel.statusText()));

        // Other choices, other cache files: nothing shown until they are swept.
        panel.setupForm()->setMethodIds({QStringLiteral("evit")});
        QCOMPARE(panel.plot()->pointCount("tome"), 0);
        QCOMPARE(panel.plot()->pointCount("evit"), kPoints);
        panel.setupForm()->setLimit(200);
        QCOMPARE(panel.plot()->pointCount("evit"), 0);
        choose(panel);  // back to the swept choices
        QCOMPARE(panel.plot()->pointCount("tome"), kPoints);
    }

    void corruptCacheFileIsReported() {
        vp::ParetoPanel panel;
        choose(panel, 3);
        panel.setModel(kModel, QString(), 0.0);
        const QString file = panel.currentJob().cacheFiles.value("evit");
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json at all");
        f.close();
        choose(panel, 3);  // reload
        panel.setModel(kModel, QString(), 0.0);
        QVERIFY2(panel.statusText().contains(file), qPrintable(panel.statusText()));
        QCOMPARE(panel.plot()->pointCount("evit"), 0);
        QVERIFY(!panel.isRunning());
    }

private:
    QTemporaryDir m_cache;
};

QTEST_MAIN(TestParetoPanel)
#include "test_pareto_panel.moc"
