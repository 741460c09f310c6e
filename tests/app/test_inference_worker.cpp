// InferenceWorker on its own thread: latest request wins, results are plain data, bad files
// come back as failures naming them.
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "inference_worker.h"

namespace {

const QString kFixtureModel = QStringLiteral(VP_TEST_DATA "/reference/tv_vit_timm.safetensors");

QString writeTestImage(const QTemporaryDir& dir) {
    QImage img(64, 48, QImage::Format_RGB888);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, qRgb(x * 4, y * 5, (x * y) % 256));
    const QString path = dir.filePath("gradient.png");
    img.save(path);
    return path;
}

}  // namespace

class TestInferenceWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        vp::registerStudioMetaTypes();
        m_worker = new vp::InferenceWorker;
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_finished = std::make_unique<QSignalSpy>(m_worker, &vp::InferenceWorker::finished);
        m_thread.start();
    }

    void cleanupTestCase() {
        m_thread.quit();
        m_thread.wait();
    }

    void latestRequestWins() {
        QTemporaryDir dir;
        const QString image = writeTestImage(dir);
        QSignalSpy results(m_worker, &vp::InferenceWorker::resultReady);
        QSignalSpy finished(m_worker, &vp::InferenceWorker::finished);
        QSignalSpy models(m_worker, &vp::InferenceWorker::modelLoaded);
        QSignalSpy failures(m_worker, &vp::InferenceWorker::failed);
        constexpr int kRequests = 20;
        for (int g = 1; g <= kRequests; ++g) {
            vp::StudioRequest r;
            r.generation = g;
            r.modelSpec = kFixtureModel;
            r.imagePath = image;
            r.methodId = "random";
            r.knobs = {{"keep", QString::number(0.05 * g, 'f', 2).toStdString()}, {"locations", "0"}};
            m_worker->submit(r);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toULongLong() == kRequests, 60000);
        QVERIFY2(failures.isEmpty(),
                 failures.isEmpty() ? "" : qPrintable(failures.first().at(0).value<vp::StudioFailure>().message));
        QVERIFY(!results.isEmpty());
        QVERIFY2(results.size() < kRequests, qPrintable(QString("%1 results").arg(results.size())));
        const auto last = results.last().at(0).value<vp::StudioResult>();
        QCOMPARE(last.generation, quint64(kRequests));
        QCOMPARE(last.logits.size(), size_t(10));
        QCOMPARE(last.trace.gridH, 8);
        QCOMPARE(static_cast<int>(last.trace.layers.size()), 4);
        // keep = 1.0 at block 0: nothing dropped.
        const auto& fates = last.trace.layers[0].fate;
        QCOMPARE(static_cast<int>(fates.size()), 64);
        QVERIFY(std::none_of(fates.begin(), fates.end(), [](vp::PatchFate f) { return f == vp::PatchFate::Dropped; }));
        QVERIFY(last.gmacs > 0 && std::abs(last.gmacs - last.denseGmacs) < 1e-9);
        QVERIFY(last.ms > 0);
        QCOMPARE(models.size(), 1);  // loaded once, reused by every request
    }

    void prunedResultHasDroppedPatches() {
        QTemporaryDir dir;
        QSignalSpy results(m_worker, &vp::InferenceWorker::resultReady);
        vp::StudioRequest r;
        r.generation = 100;
        r.modelSpec = kFixtureModel;
        r.imagePath = writeTestImage(dir);
        r.methodId = "random";
        r.knobs = {{"keep", "0.5"}, {"locations", "1"}};
        m_worker->submit(r);
        QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), 60000);
        const auto res = results.last().at(0).value<vp::StudioResult>();
        const auto& fates = res.trace.layers[1].fate;
        QCOMPARE(std::count(fates.begin(), fates.end(), vp::PatchFate::Dropped), 32L);
        QVERIFY(res.gmacs < res.denseGmacs);
        QVERIFY(finishes(100));
    }

    void budgetSolvesTheMainKnobAndDenseComesAlong() {
        QTemporaryDir dir;
        QSignalSpy results(m_worker, &vp::InferenceWorker::resultReady);
        vp::StudioRequest r;
        r.generation = 150;
        r.modelSpec = kFixtureModel;
        r.imagePath = writeTestImage(dir);
        r.methodId = "evit";
        r.knobs = {{"locations", "1"}};
        m_worker->submit(r);
        // The first result is shown untimed; the same request's timed result follows once no
        // newer request comes (dense and the method interleaved).
        QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty() && results.last().at(0).value<vp::StudioResult>().timedRuns > 0,
                                 60000);
        QCOMPARE(results.first().at(0).value<vp::StudioResult>().timedRuns, 0);
        const auto plain = results.last().at(0).value<vp::StudioResult>();
        QVERIFY(plain.ms > 0);
        QVERIFY(plain.speedupLo <= plain.speedup && plain.speedup <= plain.speedupHi);
        QVERIFY(plain.budgetMin > 0 && plain.budgetMin < plain.budgetMax);
        QVERIFY(plain.budgetMax <= plain.denseGmacs + 1e-9);
        QCOMPARE(plain.denseLogits.size(), size_t(10));
        QVERIFY(plain.denseMs > 0);

        // A budget halfway: the solved keep ratio costs at most the budget, within 1% of it
        // (the grid is fine enough on this 64-patch model).
        const double budget = 0.5 * (plain.budgetMin + plain.budgetMax);
        r.generation = 151;
        r.budgetGmacs = budget;
        m_worker->submit(r);
        QTRY_VERIFY_WITH_TIMEOUT(results.last().at(0).value<vp::StudioResult>().generation == 151, 60000);
        const auto solved = results.last().at(0).value<vp::StudioResult>();
        QVERIFY(solved.knobs.count("keep"));
        QVERIFY2(solved.gmacs <= budget * 1.001 && solved.gmacs >= budget * 0.97,
                 qPrintable(QString("gmacs %1 for budget %2").arg(solved.gmacs).arg(budget)));
        QCOMPARE(solved.denseLogits, plain.denseLogits);  // cached for the same model and image
        QVERIFY(finishes(151));                           // before the image's folder goes
    }

    void panesEachGetTheirLatestResult() {
        QTemporaryDir dir;
        const QString image = writeTestImage(dir);
        QSignalSpy results(m_worker, &vp::InferenceWorker::resultReady);
        QSignalSpy finished(m_worker, &vp::InferenceWorker::finished);
        for (int pane = 1; pane <= 3; ++pane) {
            vp::StudioRequest r;
            r.generation = 160 + pane;
            r.pane = pane;
            r.modelSpec = kFixtureModel;
            r.imagePath = image;
            r.methodId = pane == 1 ? "dense" : "tome";
            r.withDense = false;
            m_worker->submit(r);
        }
        // Every pane's request finishes (results may come twice: at once, then with the time refined).
        QTRY_VERIFY_WITH_TIMEOUT(std::count_if(finished.begin(), finished.end(),
                                               [](const QList<QVariant>& a) {
                                                   return a.at(0).toULongLong() > 160 && a.at(0).toULongLong() <= 163;
                                               }) == 3,
                                 60000);
        QSet<int> panes;
        for (const auto& args : results) {
            const auto res = args.at(0).value<vp::StudioResult>();
            if (res.generation <= 160) continue;  // a refined time of an earlier test's request
            panes.insert(res.pane);
            QVERIFY(res.denseLogits.empty());
        }
        QCOMPARE(panes, QSet<int>({1, 2, 3}));
    }

    void calibratedMethodRunsInTheStudio() {
        // Patch Slimming calibrates its masks on Fashion-MNIST train images, as the CLI does.
        QTemporaryDir dir;
        QSignalSpy results(m_worker, &vp::InferenceWorker::resultReady);
        QSignalSpy failures(m_worker, &vp::InferenceWorker::failed);
        vp::StudioRequest r;
        r.generation = 170;
        r.modelSpec = kFixtureModel;
        r.imagePath = writeTestImage(dir);
        r.methodId = "patch-slimming";
        r.knobs = {{"keep", "0.5"}, {"start", "1"}};
        m_worker->submit(r);
        QVERIFY(finishes(170));
        QVERIFY2(failures.isEmpty(),
                 failures.isEmpty() ? "" : qPrintable(failures.first().at(0).value<vp::StudioFailure>().message));
        const auto res = results.last().at(0).value<vp::StudioResult>();
        QCOMPARE(res.generation, quint64(170));
        QVERIFY(res.gmacs < res.denseGmacs);
    }

    void badImageFailsNamingIt() {
        QTemporaryDir dir;
        const QString bad = dir.filePath("broken_image.png");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x89PNG\r\n\x1a\n truncated", 18);
        f.close();
        QSignalSpy failed(m_worker, &vp::InferenceWorker::failed);
        vp::StudioRequest r;
        r.generation = 200;
        r.modelSpec = kFixtureModel;
        r.imagePath = bad;
        m_worker->submit(r);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        const auto fail = failed.last().at(0).value<vp::StudioFailure>();
        QVERIFY(fail.stage == vp::StudioFailure::Stage::Image);
        QCOMPARE(fail.exitCode, 2);
        QVERIFY2(fail.message.contains("broken_image.png"), qPrintable(fail.message));
    }

    // The picker's precision: bfloat16 on the CPU gives the float32 prediction within bf16's
    // rounding, says so in the result, and a later float32 request runs in float32 again.
    void bfloat16OnTheCpuAndBack() {
        QTemporaryDir dir;
        const QString image = writeTestImage(dir);
        QSignalSpy results(m_worker, &vp::InferenceWorker::resultReady);
        QSignalSpy failed(m_worker, &vp::InferenceWorker::failed);
        QVERIFY(vp::availableComputeChoices().contains(QStringLiteral("cpu/bfloat16")));
        std::vector<std::vector<float>> logits;
        const QStringList devices{QStringLiteral("cpu"), QStringLiteral("cpu/bfloat16"), QStringLiteral("cpu")};
        for (int i = 0; i < devices.size(); ++i) {
            vp::StudioRequest r;
            r.generation = 400 + i;
            r.modelSpec = kFixtureModel;
            r.imagePath = image;
            r.methodId = "tome";
            r.knobs = {{"r", "4"}};
            r.device = devices[i];
            m_worker->submit(r);
            QVERIFY(finishes(r.generation));
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).value<vp::StudioFailure>().message));
            const auto res = results.last().at(0).value<vp::StudioResult>();
            QCOMPARE(res.generation, r.generation);
            QCOMPARE(res.device, devices[i]);
            logits.push_back(res.logits);
        }
        QCOMPARE(logits[0], logits[2]);  // back to float32: the same numbers as before
        double maxDiff = 0;
        for (size_t c = 0; c < logits[0].size(); ++c) maxDiff = std::max<double>(maxDiff, std::abs(logits[0][c] - logits[1][c]));
        QVERIFY2(maxDiff > 0 && maxDiff < 0.25, qPrintable(QString("max |dlogit| %1").arg(maxDiff)));
        const auto top = [](const std::vector<float>& l) { return std::max_element(l.begin(), l.end()) - l.begin(); };
        QCOMPARE(top(logits[1]), top(logits[0]));
        if (!vp::availableDevices().contains(QStringLiteral("cuda"))) {  // a GPU choice without a GPU: named
            vp::StudioRequest r;
            r.generation = 410;
            r.modelSpec = kFixtureModel;
            r.imagePath = image;
            r.device = QStringLiteral("cuda/float16");
            m_worker->submit(r);
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
            QVERIFY2(failed.last().at(0).value<vp::StudioFailure>().message.contains("cuda/float16"),
                     qPrintable(failed.last().at(0).value<vp::StudioFailure>().message));
        }
    }

    void badModelFailsNamingIt() {
        QSignalSpy failed(m_worker, &vp::InferenceWorker::failed);
        vp::StudioRequest r;
        r.generation = 300;
        r.modelSpec = QStringLiteral("/nonexistent/dir/model_xyz.safetensors");
        m_worker->submit(r);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        const auto fail = failed.last().at(0).value<vp::StudioFailure>();
        QVERIFY(fail.stage == vp::StudioFailure::Stage::Model);
        QCOMPARE(fail.subject, r.modelSpec);
        QVERIFY2(fail.message.contains("model_xyz.safetensors"), qPrintable(fail.message));
    }

private:
    // Waits for the worker's `finished` of this generation (or a later one).
    bool finishes(quint64 generation) {
        return QTest::qWaitFor(
            [&] {
                for (const auto& a : *m_finished)
                    if (a.at(0).toULongLong() >= generation) return true;
                return false;
            },
            60000);
    }

    QThread m_thread;
    vp::InferenceWorker* m_worker = nullptr;
    std::unique_ptr<QSignalSpy> m_finished;  // every `finished` of the whole run
};

QTEST_GUILESS_MAIN(TestInferenceWorker)
#include "test_inference_worker.moc"
