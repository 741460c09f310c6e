// SweepWorker on its own thread with the on-disk sweep cache: a small sweep of the built-in model
// finishes with plausible points, cancel keeps exactly the finished points, a rerun is served
// from the cache, the cache file depends on the limit, and a corrupt cache file is reported.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "sweep_cache.h"
#include "sweep_worker.h"

namespace {

const QString kModel = QStringLiteral("fashion-vit-tiny");
const QStringList kMethods = {QStringLiteral("evit"), QStringLiteral("tome")};
constexpr int kPoints = 2;
constexpr int kTotal = 1 + 2 * kPoints;  // dense once + each method's points
constexpr int kTimeoutMs = 240000;

vp::SweepJob job(qint64 limit) {
    return vp::makeSweepJob(kModel, QStringLiteral("fashion-mnist"), limit, kPoints, kMethods);
}

int filePoints(const QString& file) { return vp::loadSweep(file.toStdString()).finishedPoints(); }

// The worker's signals over one job, which is run to its end.
struct JobSpies {
    explicit JobSpies(vp::SweepWorker* w)
        : points(w, &vp::SweepWorker::pointReady), progress(w, &vp::SweepWorker::progress),
          notices(w, &vp::SweepWorker::notice), finished(w, &vp::SweepWorker::finished),
          failed(w, &vp::SweepWorker::failed) {}
    bool run(vp::SweepWorker* w, const vp::SweepJob& j) {
        QElapsedTimer t;
        t.start();
        w->start(j);
        const bool ended = QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kTimeoutMs);
        ms = t.elapsed();
        return ended;
    }
    QString failure() const { return failed.isEmpty() ? QString() : failed.first().at(0).toString(); }
    bool cancelled() const { return !finished.isEmpty() && finished.first().at(0).toBool(); }
    QSignalSpy points, progress, notices, finished, failed;
    qint64 ms = 0;
};

}  // namespace

class TestSweepWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_cache.isValid());
        qputenv("VITPRUNE_CACHE_DIR", m_cache.path().toUtf8());
        m_worker = new vp::SweepWorker;
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }

    void cleanupTestCase() {
        m_worker->cancel();
        m_thread.quit();
        m_thread.wait();
    }

    void cacheFilesLiveUnderTheOverride() {
        const vp::SweepJob j = job(64);
        QCOMPARE(j.cacheFiles.size(), 2);
        for (const QString& f : j.cacheFiles) QVERIFY2(f.startsWith(m_cache.path() + "/sweeps/"), qPrintable(f));
        QVERIFY(j.cacheFiles["evit"] != j.cacheFiles["tome"]);
        // The default model ("") is the built-in one: same identity, same files.
        QCOMPARE(vp::makeSweepJob("", "fashion-mnist", 64, kPoints, kMethods).cacheFiles, j.cacheFiles);
    }

    void sweepFinishesWithEveryPoint() {
        JobSpies spies(m_worker);
        QVERIFY(spies.run(m_worker, job(64)));
        m_firstRunMs = spies.ms;
        QVERIFY2(spies.failed.isEmpty(), qPrintable(spies.failure()));
        QVERIFY(!spies.cancelled());
        const QSignalSpy& points = spies.points;
        QCOMPARE(points.size(), kTotal);
        QCOMPARE(m_worker->evaluatedPoints(), kTotal);

        double dense = -1;
        QMap<QString, int> perMethod;
        for (const auto& args : points) {
            const QString id = args.at(0).toString();
            const auto p = args.at(1).value<vp::SweepPoint>();
            ++perMethod[id];
            QVERIFY(p.accuracy >= 0 && p.accuracy <= 1);
            QCOMPARE(p.images, int64_t(64));
            QVERIFY(p.msPerImage > 0);
            if (id == "dense") {
                QVERIFY(p.settings.empty());
                dense = p.gmacs;
                QVERIFY2(p.accuracy > 0.5, "the trained default model classifies most images");
            } else {
                QVERIFY(!p.settings.empty());
                QVERIFY2(dense > 0 && p.gmacs < dense,
                         qPrintable(QString("%1: %2 vs dense %3").arg(id).arg(p.gmacs).arg(dense)));
            }
        }
        QCOMPARE(points.first().at(0).toString(), QStringLiteral("dense"));  // dense comes first
        QCOMPARE(perMethod["dense"], 1);
        QCOMPARE(perMethod["evit"], kPoints);
        QCOMPARE(perMethod["tome"], kPoints);

        const auto last = spies.progress.last();
        QCOMPARE(last.at(0).toInt(), kTotal);
        QCOMPARE(last.at(1).toInt(), kTotal);
        QCOMPARE(last.at(3).toLongLong(), qint64(64));
        // Each method's file holds dense + its points, and loadCached reads them back.
        const vp::CachedSweeps cached = vp::loadCached(job(64));
        QVERIFY(cached.problems.isEmpty());
        QCOMPARE(int(cached.sweeps.size()), 2);
        for (const vp::SweepResult& r : cached.sweeps) QVERIFY(r.complete() && r.finishedPoints() == 1 + kPoints);
    }

    void rerunIsServedFromTheCache() {
        JobSpies spies(m_worker);
        QVERIFY(spies.run(m_worker, job(64)));
        QVERIFY(spies.failed.isEmpty() && !spies.cancelled());
        QCOMPARE(spies.points.size(), kTotal);
        QCOMPARE(m_worker->evaluatedPoints(), 0);
        for (const auto& args : spies.progress) QCOMPARE(args.at(2).toLongLong(), qint64(0));  // no image evaluated
        qInfo("first run %lld ms, cached rerun %lld ms", m_firstRunMs, spies.ms);
        // Complete cache files are shown without loading the model or the data.
        QVERIFY2(spies.ms < 2000 && spies.ms < m_firstRunMs,
                 qPrintable(QString("%1 ms vs %2 ms").arg(spies.ms).arg(m_firstRunMs)));
    }

    void limitNamesTheCacheFile() {
        const vp::SweepJob a = job(64), b = job(32);
        for (const QString& id : kMethods) QVERIFY(a.cacheFiles[id] != b.cacheFiles[id]);
        QVERIFY(vp::loadCached(b).sweeps.empty());
        QVERIFY(vp::makeSweepJob(kModel, "fashion-mnist:train", 64, kPoints, kMethods).cacheFiles["evit"] !=
                a.cacheFiles["evit"]);
        QVERIFY(vp::makeSweepJob(kModel, "fashion-mnist", 64, kPoints + 1, kMethods).cacheFiles["evit"] !=
                a.cacheFiles["evit"]);
    }

    // A model folder's identity covers its method parts: retrained parts re-measure the points.
    void methodPartsBelongToTheModelsIdentity() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile(dir.filePath("config.json")).open(QIODevice::WriteOnly);
        QVERIFY(QDir(dir.path()).mkdir("methods"));
        const QString before = vp::modelIdentity(dir.path()).hash;
        QFile parts(dir.filePath("methods/dynamicvit.safetensors"));
        QVERIFY(parts.open(QIODevice::WriteOnly));
        parts.write("x");
        parts.close();
        QVERIFY(vp::modelIdentity(dir.path()).hash != before);
    }

    void cancelKeepsOnlyFinishedPoints() {
        const vp::SweepJob j = job(96);
        // Cancel from the worker's own thread as soon as two points (dense, first evit) are done.
        const auto c = connect(
            m_worker, &vp::SweepWorker::progress, m_worker,
            [this](int done, int, qint64, qint64, const QString&) {
                if (done >= 2) m_worker->cancel();
            },
            Qt::DirectConnection);
        JobSpies cancelled(m_worker);
        QVERIFY(cancelled.run(m_worker, j));
        disconnect(c);
        QVERIFY(cancelled.cancelled());
        QCOMPARE(cancelled.points.size(), 2);
        QCOMPARE(filePoints(j.cacheFiles["evit"]), 2);
        QVERIFY(!vp::loadSweep(j.cacheFiles["evit"].toStdString()).complete());
        QVERIFY(!QFile::exists(j.cacheFiles["tome"]));

        // Run again: the two points come from the file, the other three are measured.
        JobSpies resumed(m_worker);
        QVERIFY(resumed.run(m_worker, j));
        QVERIFY(resumed.failed.isEmpty() && !resumed.cancelled());
        QCOMPARE(resumed.points.size(), kTotal);
        QCOMPARE(m_worker->evaluatedPoints(), kTotal - 2);
        QCOMPARE(filePoints(j.cacheFiles["tome"]), 1 + kPoints);  // dense was copied, not measured
    }

    void corruptCacheFileIsReportedAndReplaced() {
        const vp::SweepJob j = job(48);
        QDir().mkpath(QFileInfo(j.cacheFiles["evit"]).absolutePath());
        QFile f(j.cacheFiles["evit"]);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"vitprune-sweep/1\", \"methods\": [tru");
        f.close();

        const vp::CachedSweeps cached = vp::loadCached(j);
        QVERIFY(cached.sweeps.empty());
        QCOMPARE(cached.problems.size(), 1);
        QVERIFY2(cached.problems.first().contains(j.cacheFiles["evit"]), qPrintable(cached.problems.first()));

        JobSpies spies(m_worker);
        QVERIFY(spies.run(m_worker, j));
        QVERIFY2(spies.failed.isEmpty() && !spies.cancelled(), qPrintable(spies.failure()));
        QCOMPARE(spies.points.size(), kTotal);
        QCOMPARE(spies.notices.size(), 1);
        const QString notice = spies.notices.first().at(0).toString();
        QVERIFY2(notice.contains(j.cacheFiles["evit"]), qPrintable(notice));
        QVERIFY(QFile::exists(j.cacheFiles["evit"] + ".corrupt"));
        QVERIFY(vp::loadCached(j).problems.isEmpty());
    }

    void badDatasetFailsNamingIt() {
        const vp::SweepJob j = vp::makeSweepJob(kModel, m_cache.filePath("no-such-dataset"), 64, kPoints, kMethods);
        JobSpies spies(m_worker);
        QVERIFY(spies.run(m_worker, j));
        QVERIFY(spies.finished.isEmpty());
        QVERIFY2(spies.failure().contains(j.datasetSpec), qPrintable(spies.failure()));
    }

private:
    QTemporaryDir m_cache;
    QThread m_thread;
    vp::SweepWorker* m_worker = nullptr;
    qint64 m_firstRunMs = 0;
};

QTEST_GUILESS_MAIN(TestSweepWorker)
#include "test_sweep_worker.moc"
