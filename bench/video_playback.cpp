// Video playback in the studio: vtest.avi (or --video) played at its own frame rate through a
// method on the video page (decoder thread → newest-frame mailbox → VideoWorker → page), while a
// 2 ms heartbeat timer measures how long the UI thread is ever blocked. Reports, as JSON:
//  - shown_fps: frames shown per second of playback; decoded: frames the decoder delivered;
//  - dropped: frames the decoder replaced before the worker took them (the model was busy);
//  - ui_max_stall_ms: the longest heartbeat gap minus the interval (goal < 50 ms);
//  - max_lag_frames: newest decoded frame index minus the shown one, worst case (goal ≤ 2).
// Usage: video_playback [--model M] [--method ID] [--set K=V] [--seconds S] [--speed X] [--check]
// --check exits 1 unless frames were shown and every shown frame reached the timeline (no timing
// assertion: CI-safe).
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <clocale>
#include <cstdio>

#include "common/runtime_setup.h"
#include "main_window.h"
#include "studio_environment.h"
#include "video_page.h"
#include "widgets/video_timeline.h"
#include "widgets/video_transport.h"

namespace {

QString arg(const QStringList& args, const QString& name, const QString& def) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : def;
}

}  // namespace

int main(int argc, char** argv) {
    // As the studio's main() does: the same environment (passive OpenMP waits), so the benchmark
    // measures the studio the way a user starts it.
    vp::ensureStartupEnvironment(argv, vp::studioEnvironment());
    QApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C");
    vp::useStudioThreads();  // one core stays free for the UI
    vp::keepFreedMemoryForReuse();
    const QStringList args = app.arguments();
    vp::StudioOptions o;
    o.model = arg(args, "--model", "fashion-vit-tiny");
    o.video = arg(args, "--video", "/usr/share/doc/opencv-doc/examples/data/vtest.avi");
    o.method = arg(args, "--method", "evit");
    const QString set = arg(args, "--set", "");
    if (!set.isEmpty()) o.sets = {set};
    o.screenshot = QStringLiteral("unused.png");  // unattended: no dialogs, no saved settings
    const double seconds = arg(args, "--seconds", "20").toDouble();
    const double speed = arg(args, "--speed", "1").toDouble();
    const bool check = args.contains("--check");

    vp::MainWindow window(o);
    window.resize(1366, 768);
    window.show();
    vp::VideoPage* page = window.videoPage();
    QObject::connect(&window, &vp::MainWindow::fatalError, [](const QString& message, int) {
        std::fprintf(stderr, "video_playback: %s\n", qPrintable(message));
        QApplication::exit(2);
    });

    // Heartbeat on the UI thread.
    constexpr int kBeatMs = 2;
    QElapsedTimer clock;
    clock.start();
    qint64 lastBeat = 0, worstGap = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worstGap = std::max(worstGap, now - lastBeat);
        lastBeat = now;
    });

    qint64 startShown = 0, startDropped = 0, playStartMs = 0;
    bool playing = false;
    QObject::connect(page, &vp::VideoPage::frameShown, [&] {
        if (playing) return;
        // The first frame is on screen and the model warm: start the clock and play.
        playing = true;
        startShown = page->framesShown();
        startDropped = page->lastFrame().dropped;
        playStartMs = clock.elapsed();
        lastBeat = clock.elapsed();
        worstGap = 0;
        heartbeat.start(kBeatMs);
        page->transport()->setSpeed(speed);
        page->play(true);
        QTimer::singleShot(static_cast<int>(seconds * 1000), [&] {
            heartbeat.stop();
            page->play(false);
            const double elapsed = (clock.elapsed() - playStartMs) / 1000.0;
            const qint64 shown = page->framesShown() - startShown;
            const vp::VideoFrameView& last = page->lastFrame();
            const double fps = elapsed > 0 ? shown / elapsed : 0;
            std::printf(
                "{\"model\":\"%s\",\"method\":\"%s\",\"seconds\":%.2f,\"speed\":%.2f,\"shown\":%lld,\"shown_fps\":%.2f,"
                "\"last_index\":%lld,\"dropped\":%lld,\"ui_max_stall_ms\":%lld,\"max_lag_frames\":%lld,"
                "\"last_ms\":%.2f,\"last_dense_ms\":%.2f}\n",
                qPrintable(*o.model), qPrintable(*o.method), elapsed, speed, static_cast<long long>(shown), fps,
                static_cast<long long>(last.index), static_cast<long long>(last.dropped - startDropped),
                static_cast<long long>(std::max<qint64>(0, worstGap - kBeatMs)), static_cast<long long>(page->maxLag()),
                last.ms, last.denseMs);
            std::fflush(stdout);
            const bool ok = shown > 0 &&
                            static_cast<qint64>(page->timeline()->points().size()) <= page->framesShown() &&
                            !page->timeline()->points().empty();
            QApplication::exit(check && !ok ? 1 : 0);
        });
    });
    return app.exec();
}
