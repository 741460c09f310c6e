// The studio's video page driven directly (offscreen) on opencv-doc's vtest.avi with the shipped
// model: the Eventful Transformer's recomputed and reused patches reach the overlay and its
// legend, the timeline gets every shown frame, a method change while paused re-runs the frame,
// the exports write what was shown, and a file that is not a video gets a clear error.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/videoio.hpp>

#include <fstream>

#include "io/fate_drawing.h"
#include "main_window.h"
#include "side_panel.h"
#include "video_page.h"
#include "widgets/knob_panel.h"
#include "widgets/patch_overlay_view.h"
#include "widgets/video_timeline.h"
#include "widgets/video_transport.h"

namespace {

const QString kVtest = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/vtest.avi");

vp::StudioOptions videoOptions(const QString& video, const QString& method, const QStringList& sets) {
    vp::StudioOptions o;
    o.model = QStringLiteral("fashion-vit-tiny");
    o.video = video;
    o.method = method;
    o.sets = sets;
    o.layer = 0;
    o.screenshot = QStringLiteral("unused.png");  // unattended: no dialogs, no saved settings
    return o;
}

int countFate(const vp::PatchOverlayView* view, int patches, vp::PatchFate fate) {
    // The overlay's own count of what it draws: kept = not dropped, the rest from its tooltip text.
    int n = 0;
    for (int p = 0; p < patches; ++p) {
        const QString text = view->describePatch(p);
        if (fate == vp::PatchFate::Reused && text.contains(QStringLiteral("reused"))) ++n;
        if (fate == vp::PatchFate::Kept && text.contains(QStringLiteral("Fate: kept"))) ++n;
    }
    return n;
}

}  // namespace

class TestVideoPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eventfulShowsRecomputedAndReusedPatches() {
        vp::MainWindow w(videoOptions(kVtest, QStringLiteral("eventful"), {QStringLiteral("r=10")}));
        QVERIFY(w.videoMode());
        vp::VideoPage* page = w.videoPage();
        QVERIFY(QTest::qWaitFor([&] { return page->framesShown() >= 1; }, 60000));
        page->play(true);
        QVERIFY(QTest::qWaitFor([&] { return page->framesShown() >= 15; }, 60000));
        page->play(false);
        QTest::qWait(300);  // a frame in flight lands
        const vp::VideoFrameView& f = page->lastFrame();
        QVERIFY(f.index > 0);
        QCOMPARE(f.methodId, QStringLiteral("eventful"));
        QVERIFY(f.gmacs < f.denseGmacs);
        // Block 0 picks r = 10 tokens (CLS included) at its qkv gate: at most 10 of 49 patches recomputed.
        const auto n = vp::countFates(f.trace, 0);
        QVERIFY(n[0] >= 9 && n[0] <= 10);
        QCOMPARE(n[0] + n[5], 49);
        const vp::PatchOverlayView* view = page->overlayView();
        QCOMPARE(countFate(view, 49, vp::PatchFate::Kept), n[0]);
        QCOMPARE(countFate(view, 49, vp::PatchFate::Reused), n[5]);
        // Every shown frame is on the timeline, the first one dense.
        const auto& points = page->timeline()->points();
        QCOMPARE(static_cast<qint64>(points.size()), page->framesShown());
        QCOMPARE(points.front().gmacs, points.front().denseGmacs);

        // Paused: a seek shows that frame as the first of a new stream (dense for a video method).
        page->transport()->seekRequested(40);
        QVERIFY(QTest::qWaitFor([&] { return page->lastFrame().index == 40; }, 60000));
        QCOMPARE(page->lastFrame().gmacs, page->lastFrame().denseGmacs);

        // Paused: a method change shows the same frame again with the new method.
        const qint64 frame = page->lastFrame().index;
        w.sidePanel()->setMethod("dense");
        Q_EMIT w.sidePanel()->methodChanged();
        QVERIFY(QTest::qWaitFor([&] { return page->lastFrame().methodId == QStringLiteral("dense"); }, 60000));
        QCOMPARE(page->lastFrame().index, frame);
        QCOMPARE(vp::countFates(page->lastFrame().trace, 0)[0], 49);
        QCOMPARE(page->lastFrame().gmacs, page->lastFrame().denseGmacs);
    }

    void exportsWriteWhatWasShown() {
        QTemporaryDir dir;
        // A short file: the first 5% of vtest.avi (the rest cut off, as a broken download would).
        {
            QFile in(kVtest);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(dir.filePath(QStringLiteral("short.avi")));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(in.read(in.size() / 20));
        }
        vp::MainWindow w(videoOptions(dir.filePath(QStringLiteral("short.avi")), QStringLiteral("eventful"),
                                      {QStringLiteral("r=20")}));
        vp::VideoPage* page = w.videoPage();
        QVERIFY(QTest::qWaitFor([&] { return page->framesShown() >= 1; }, 60000));
        page->play(true);
        QVERIFY(QTest::qWaitFor([&] { return page->framesShown() >= 6; }, 60000));
        page->play(false);
        QTest::qWait(300);
        QString error;
        const QString csv = dir.filePath(QStringLiteral("frames.csv")),
                      json = dir.filePath(QStringLiteral("frames.json"));
        QVERIFY2(page->exportData(csv, &error), qPrintable(error));
        QVERIFY2(page->exportData(json, &error), qPrintable(error));
        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = c.readAll().trimmed().split('\n');
        QCOMPARE(lines.front(), QByteArray("index,gmacs,dense_gmacs,ms,dense_ms,agrees_with_dense"));
        QCOMPARE(static_cast<size_t>(lines.size() - 1), page->timeline()->points().size());
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(j.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("method")).toString(), QStringLiteral("eventful"));
        QVERIFY(doc.value(QStringLiteral("provenance")).toObject().contains(QStringLiteral("app")));
        QCOMPARE(static_cast<size_t>(doc.value(QStringLiteral("frames")).toArray().size()),
                 page->timeline()->points().size());

        // The overlaid video: every frame of the (short) file, written atomically.
        QSignalSpy done(page, &vp::VideoPage::exportFinished);
        const QString avi = dir.filePath(QStringLiteral("overlay.avi"));
        page->exportVideo(avi);
        QVERIFY(done.wait(120000));
        QVERIFY2(done.front().at(0).toBool(), qPrintable(done.front().at(1).toString()));
        cv::VideoCapture written(avi.toStdString());
        QVERIFY(written.isOpened());
        int frames = 0;
        cv::Mat m;
        while (written.read(m)) ++frames;
        QVERIFY(frames > 20);
        QVERIFY(QDir(dir.path())
                    .entryList(QStringList{QStringLiteral(".overlay.tmp-*")}, QDir::Hidden | QDir::Files)
                    .isEmpty());
    }

    void aTextFileNamedAviGetsAClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.avi"));
        std::ofstream(path.toStdString()) << "not a video\n";
        vp::MainWindow w(videoOptions(path, QStringLiteral("eventful"), {}));
        QSignalSpy errors(&w, &vp::MainWindow::fatalError);
        QVERIFY(errors.wait(60000));
        const QString message = errors.front().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("notes.avi")) && message.contains(QStringLiteral("not a video")),
                 qPrintable(message));
        QCOMPARE(errors.front().at(1).toInt(), 2);
    }
};

QTEST_MAIN(TestVideoPage)
#include "test_video_page.moc"
