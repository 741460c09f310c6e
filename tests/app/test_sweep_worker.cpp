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

vp::SweepJob job(qint64 limit) { return vp::makeSweepJob(kModel, QStringLiteral("fashion-mnist"), limit, kPoints, kMethods); }

int filePoints(const QString& file) { return vp::loadSweep(file.toStdString()).finishedPoints(); }

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
        QSignalSpy points(m_worker, &vp::SweepWorker::pointReady);
        QSignalSpy progress(m_worker, &vp::SweepWorker::progress);
        QSignalSpy finished(m_worker, &vp::SweepWorker::finished);
        QSignalSpy failed(m_worker, &vp::SweepWorker::failed);
        QElapsedTimer t;
        t.start();
        m_worker->start(job(64));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kTimeoutMs);
        m_firstRunMs = t.elapsed();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        QCOMPARE(finished.first().at(0).toBool(), false);
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
                QVERIFY2(dense > 0 && p.gmacs < dense, qPrintable(QString("%1: %2 vs dense %3").arg(id).arg(p.gmacs).arg(dense)));
            }
        }
        QCOMPARE(points.first().at(0).toString(), QStringLiteral("dense"));  // dense comes first
        QCOMPARE(perMethod["dense"], 1);
        QCOMPARE(perMethod["evit"], kPoints);
        QCOMPARE(perMethod["tome"], kPoints);

        const auto last = progress.last();
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
        QSignalSpy points(m_worker, &vp::SweepWorker::pointReady);
        QSignalSpy progress(m_worker, &vp::SweepWorker::progress);
        QSignalSpy finished(m_worker, &vp::SweepWorker::finished);
        QElapsedTimer t;
        t.start();
        m_worker->start(job(64));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(points.size(), kTotal);
        QCOMPARE(m_worker->evaluatedPoints(), 0);
        for (const auto& args : progress) QCOMPARE(args.at(2).toLongLong(), qint64(0));  // no image evaluated
        qInfo("first run %lld ms, cached rerun %lld ms", m_firstRunMs, t.elapsed());
        QVERIFY2(t.elapsed() < m_firstRunMs, qPrintable(QString("%1 ms vs %2 ms").arg(t.elapsed()).arg(m_firstRunMs)));
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

    void cancelKeepsOnlyFinishedPoints() {
        const vp::SweepJob j = job(96);
        QSignalSpy points(m_worker, &vp::SweepWorker::pointReady);
        QSignalSpy finished(m_worker, &vp::SweepWorker::finished);
        // Cancel from the worker's own thread as soon as two points (dense, first evit) are done.
        const auto c = connect(m_worker, &vp::SweepWorker::progress, m_worker,
                               [this](int done, int, qint64, qint64, const QString&) {
                                   if (done >= 2) m_worker->cancel();
                               }, Qt::DirectConnection);
        m_worker->start(j);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        disconnect(c);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(points.size(), 2);
        QCOMPARE(filePoints(j.cacheFiles["evit"]), 2);
        QVERIFY(!vp::loadSweep(j.cacheFiles["evit"].toStdString()).complete());
        QVERIFY(!QFile::exists(j.cacheFiles["tome"]));

        // Run again: the two points come from the file, the other three are measured.
        points.clear();
        finished.clear();
        m_worker->start(j);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(points.size(), kTotal);
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

        QSignalSpy notices(m_worker, &vp::SweepWorker::notice);
        QSignalSpy points(m_worker, &vp::SweepWorker::pointReady);
        QSignalSpy finished(m_worker, &vp::SweepWorker::finished);
        m_worker->start(j);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(points.size(), kTotal);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.first().at(0).toString().contains(j.cacheFiles["evit"]), qPrintable(notices.first().at(0).toString()));
        QVERIFY(QFile::exists(j.cacheFiles["evit"] + ".corrupt"));
        QVERIFY(vp::loadCached(j).problems.isEmpty());
    }

    void badDatasetFailsNamingIt() {
        vp::SweepJob j = job(64);
        j.datasetSpec = m_cache.filePath("no-such-dataset");
        QSignalSpy finished(m_worker, &vp::SweepWorker::finished);
        QSignalSpy failed(m_worker, &vp::SweepWorker::failed);
        m_worker->start(j);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kTimeoutMs);
        QVERIFY(finished.isEmpty());
        QVERIFY2(failed.first().at(0).toString().contains(j.datasetSpec), qPrintable(failed.first().at(0).toString()));
    }

private:
    QTemporaryDir m_cache;
    QThread m_thread;
    vp::SweepWorker* m_worker = nullptr;
    qint64 m_firstRunMs = 0;
};

QTEST_GUILESS_MAIN(TestSweepWorker)
#include "test_sweep_worker.moc"
