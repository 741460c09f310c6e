// Studio responsiveness: N programmatic moves of the main knob's slider (the real QSlider of the
// knob panel, as a drag produces them) at a fixed rate, while a 2 ms heartbeat timer measures how
// long the UI thread is ever blocked. Reports, as JSON:
//  - ui_max_block_ms: the longest gap between heartbeats minus the interval (goal < 100 ms);
//  - latency p50/p95 (ms): slider move → its result shown in the overlay, over shown results
//    (latest-wins skips superseded moves; goal p95 < 20 ms on fashion-vit-tiny, < 100 ms on
//    random:deit_small_patch16_224, CPU);
//  - final_matches: the overlay after the last move equals a direct forward at that value.
// Usage: studio_responsiveness [--model M] [--method ID] [--moves N] [--interval-ms T] [--check]
// --check exits 1 unless the run completed and final_matches (no timing assertion: CI-safe).
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <clocale>
#include <cstdio>
#include <map>
#include <functional>
#include <thread>

#include "io/image_loader.h"
#include "io/preprocess.h"
#include "common/runtime_setup.h"
#include "main_window.h"
#include "studio_environment.h"
#include "model_source.h"
#include "prune/registry.h"
#include "side_panel.h"
#include "widgets/knob_panel.h"
#include "widgets/patch_overlay_view.h"

namespace {

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(std::min<double>(v.size() - 1, q * (v.size() - 1) + 0.5))];
}

QString arg(const QStringList& args, const QString& name, const QString& def) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : def;
}

// Median of `runs` dense forwards of the image at batch 1 (after a warm-up), in this run: the
// yardstick of the latency goal on big models (p95 ≤ 1.3 × a dense forward).
double denseForwardMedianMs(const QString& modelSpec, const QString& image, int runs);

// The fates of `layer` from a forward outside the studio, for the final check.
std::vector<vp::PatchFate> directFates(const QString& modelSpec, const QString& image, const std::string& method,
                                       const std::map<std::string, std::string>& knobs, int layer);

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
    const QString model = arg(args, "--model", "fashion-vit-tiny");
    const QString method = arg(args, "--method", "evit");
    const int moves = arg(args, "--moves", "1000").toInt();
    const int interval = arg(args, "--interval-ms", "10").toInt();
    const bool check = args.contains("--check");

    vp::StudioOptions o;
    o.model = model;
    o.method = method;
    o.image = QString::fromStdString(vp::defaultImagePath());
    o.screenshot = QStringLiteral("unused.png");  // unattended: no dialogs, no saved settings
    vp::MainWindow w(o);
    w.show();

    // Slider-move times by generation, and latencies of the results shown.
    std::map<quint64, qint64> movedAt;
    std::vector<double> latencies;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&w, &vp::MainWindow::resultShown, [&] {
        const auto it = movedAt.find(w.shownGeneration());
        if (it == movedAt.end()) return;  // a refined time for a result already counted
        latencies.push_back((clock.nsecsElapsed() - it->second) / 1e6);
        movedAt.erase(it);
    });

    // Heartbeat: the UI thread's longest stall.
    constexpr int kBeatMs = 2;
    qint64 lastBeat = clock.nsecsElapsed();
    double maxGapMs = 0;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        maxGapMs = std::max(maxGapMs, (now - lastBeat) / 1e6 - kBeatMs);
        lastBeat = now;
    });

    // Waits (running the event loop) until `done` or the timeout; false on timeout.
    auto waitFor = [&](const std::function<bool()>& done, int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > timeoutMs) return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        return true;
    };
    if (!waitFor([&] { return w.shownGeneration() > 0 && w.shownGeneration() == w.lastSubmittedGeneration(); },
                 300000)) {
        std::fprintf(stderr, "studio_responsiveness: no first result within 300 s\n");
        return 1;
    }
    const std::string mainKnob = [&] {
        for (const vp::MethodSpec& s : vp::builtinRegistry().specs())
            if (s.id == method.toStdString()) return s.mainKnob;
        return std::string();
    }();
    auto* slider =
        w.sidePanel()->knobs()->findChild<QSlider*>(QStringLiteral("knobSlider_") + QString::fromStdString(mainKnob));
    if (!slider) {
        std::fprintf(stderr, "studio_responsiveness: %s has no slider for a main knob\n", qPrintable(method));
        return 1;
    }

    // Sweep the slider back and forth over its range, one step per tick.
    const int lo = slider->minimum() + (slider->maximum() - slider->minimum()) / 10;  // stay off the extremes
    const int hi = slider->maximum();
    int done = 0, position = hi, direction = -1;
    QTimer mover;
    mover.setTimerType(Qt::PreciseTimer);
    QObject::connect(&mover, &QTimer::timeout, [&] {
        if (done >= moves) return mover.stop();
        position += direction * std::max(1, (hi - lo) / 37);
        if (position <= lo || position >= hi) {
            position = std::clamp(position, lo, hi);
            direction = -direction;
        }
        const quint64 next = w.lastSubmittedGeneration() + 1;
        movedAt[next] = clock.nsecsElapsed();
        slider->setValue(position);  // → KnobPanel → MainWindow::submit (generation `next`)
        ++done;
    });
    const qint64 start = clock.nsecsElapsed();
    lastBeat = start;
    beat.start(kBeatMs);
    mover.start(interval);
    waitFor([&] { return done >= moves; }, 600000);
    const double dragSeconds = (clock.nsecsElapsed() - start) / 1e9;
    const bool settled = waitFor([&] { return w.shownGeneration() == w.lastSubmittedGeneration(); }, 120000);
    beat.stop();

    const int layer = w.shownLayer();
    const auto knobs = w.sidePanel()->knobs()->values();
    const vp::TokenTrace& shown = w.shownResult().trace;
    const size_t patches = static_cast<size_t>(shown.patches);
    std::vector<vp::PatchFate> onScreen(shown.layers[layer].fate.begin(), shown.layers[layer].fate.begin() + patches);
    const QString image = *o.image;
    const bool matches = settled && w.shownResult().knobs == knobs &&
                         onScreen == directFates(model, image, method.toStdString(), knobs, layer);

    const double denseMs = denseForwardMedianMs(model, image, 15);
    const double p95 = percentile(latencies, 0.95);
    std::printf(
        "{\"model\": \"%s\", \"method\": \"%s\", \"moves\": %d, \"drag_seconds\": %.2f, "
        "\"results_shown\": %zu, \"ui_max_block_ms\": %.1f, \"latency_p50_ms\": %.1f, "
        "\"latency_p95_ms\": %.1f, \"dense_forward_median_ms\": %.1f, \"p95_over_dense\": %.2f, "
        "\"final_value\": \"%s\", \"final_matches\": %s, \"threads\": %d, \"omp_wait_policy\": \"%s\"}\n",
        qPrintable(model), qPrintable(method), done, dragSeconds, latencies.size(), maxGapMs,
        percentile(latencies, 0.5), p95, denseMs, denseMs > 0 ? p95 / denseMs : 0.0, knobs.at(mainKnob).c_str(),
        matches ? "true" : "false", at::get_num_threads(), qgetenv("OMP_WAIT_POLICY").constData());
    return check && !matches ? 1 : 0;
}

namespace {

double denseForwardMedianMs(const QString& modelSpec, const QString& image, int runs) {
    c10::InferenceMode guard;
    const vp::OpenedModel opened = vp::openStudioModel(modelSpec.toStdString());
    const at::Tensor input = vp::preprocess(vp::loadImage(image.toStdString()), opened.model.config());
    opened.model.forward(input);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        opened.model.forward(input);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    return percentile(ms, 0.5);
}

std::vector<vp::PatchFate> directFates(const QString& modelSpec, const QString& image, const std::string& method,
                                       const std::map<std::string, std::string>& knobs, int layer) {
    c10::InferenceMode guard;
    const vp::OpenedModel opened = vp::openStudioModel(modelSpec.toStdString());
    vp::KnobValues values;
    for (const auto& [id, v] : knobs) values.set(id, v);
    vp::MethodPtr m = vp::builtinRegistry().create(method, values);
    m->prepare(opened.model);
    const at::Tensor input = vp::preprocess(vp::loadImage(image.toStdString()), opened.model.config());
    const vp::ForwardResult r = opened.model.forward(input, *m, vp::ForwardOptions{vp::TraceLevel::Full});
    const auto& f = r.trace.layers[layer].fate;
    return {f.begin(), f.begin() + r.trace.patches};
}

}  // namespace
