#include "measured_cost.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>

#include "background_job.h"
#include "eval/thread_count.h"
#include "model_source.h"

namespace vp {
namespace {

const int kBatchChoices[] = {1, 8, 32};

KnobValues knobValues(const std::map<std::string, std::string>& settings) {
    KnobValues v;
    for (const auto& [k, val] : settings) v.set(k, val);
    return v;
}

}  // namespace

MeasuredCost::MeasuredCost(QWidget* parent, const QString& cachePath) : QObject(parent), m_machine(machineId()) {
    QString path = cachePath;
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        path = dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral("latency_cache.json"));
    }
    m_cache = std::make_unique<LatencyCache>(path.toStdString());

    m_controls = new QWidget(parent);
    m_axis = new QComboBox(m_controls);
    m_axis->setObjectName(QStringLiteral("costAxis"));
    m_axis->addItem(tr("GMACs"));
    m_axis->addItem(tr("ms per image"));
    m_axis->addItem(tr("images / s"));
    m_axis->setToolTip(tr("x axis: GMACs (the papers' convention) or cost measured on this machine"));
    m_batch = new QComboBox(m_controls);
    for (int b : kBatchChoices) m_batch->addItem(tr("batch %1").arg(b), b);
    m_batch->addItem(tr("custom"), 0);
    m_customBatch = new QSpinBox(m_controls);
    m_customBatch->setRange(1, 1024);
    m_customBatch->setValue(16);
    m_threads = new QSpinBox(m_controls);
    m_threads->setRange(1, std::max(1, QThread::idealThreadCount()));
    m_threads->setValue(m_threads->maximum());  // measurements use every core (the live view leaves one to the UI)
    m_threads->setPrefix(tr("Threads: "));      // a prefix reads right for every count
    m_device = new QComboBox(m_controls);
    m_device->addItem(QStringLiteral("cpu"));
    if (at::hasCUDA()) m_device->addItem(QStringLiteral("cuda"));
    m_cancel = new QPushButton(tr("Stop timing"), m_controls);
    m_status = new QLabel(m_controls);
    auto* row = new QHBoxLayout(m_controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("x:"), m_controls));
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_axis, m_batch, m_customBatch, m_threads, m_device, m_cancel, m_status})
        row->addWidget(w);
    row->addStretch(1);

    setBatch(1);
    for (QComboBox* box : {m_axis, m_batch, m_device})
        connect(box, &QComboBox::currentIndexChanged, this, &MeasuredCost::choicesChanged);
    for (QSpinBox* spin : {m_customBatch, m_threads})
        connect(spin, &QSpinBox::valueChanged, this, &MeasuredCost::choicesChanged);
    updateVisibility();

    m_job = new BackgroundJob(this);
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &MeasuredCost::cancel);
    connect(m_job, &BackgroundJob::progress, this, [this](int done, int total, const QString& text) {
        m_status->setText(tr("timing %1/%2: %3").arg(done + 1).arg(total).arg(text));
    });
    connect(m_job, &BackgroundJob::finished, this, [this](bool cancelled, const QString& error) {
        m_cancel->setVisible(false);
        m_status->setText(!error.isEmpty() ? tr("timing failed: %1").arg(error)
                          : cancelled      ? tr("timing stopped")
                                           : QString());
        Q_EMIT measuringFinished();
    });
}

MeasuredCost::~MeasuredCost() = default;

void MeasuredCost::rememberChoices() {
    {
        const QSignalBlocker a(m_axis), b(m_batch), c(m_customBatch), t(m_threads);  // one change, below
        QSettings settings;
        m_customBatch->setValue(settings.value(QStringLiteral("latency/customBatch"), m_customBatch->value()).toInt());
        m_threads->setValue(settings.value(QStringLiteral("latency/threads"), m_threads->value()).toInt());
        setBatch(settings.value(QStringLiteral("latency/batch"), batch()).toInt());
        m_axis->setCurrentIndex(
            std::clamp(settings.value(QStringLiteral("latency/axis"), m_axis->currentIndex()).toInt(), 0, 2));
    }
    m_remember = true;
    choicesChanged();
}

void MeasuredCost::updateVisibility() {
    const bool measured = axis() != Axis::Gmacs;
    m_batch->setVisible(measured);
    m_customBatch->setVisible(measured && m_batch->currentData().toInt() == 0);
    m_threads->setVisible(measured);
    m_device->setVisible(measured && m_device->count() > 1);
}

void MeasuredCost::choicesChanged() {
    updateVisibility();
    if (m_remember) {
        QSettings s;
        s.setValue(QStringLiteral("latency/axis"), m_axis->currentIndex());
        s.setValue(QStringLiteral("latency/batch"), batch());
        s.setValue(QStringLiteral("latency/customBatch"), m_customBatch->value());
        s.setValue(QStringLiteral("latency/threads"), threads());
    }
    Q_EMIT axisChanged();
}

MeasuredCost::Axis MeasuredCost::axis() const { return static_cast<Axis>(m_axis->currentIndex()); }
void MeasuredCost::setAxis(Axis a) { m_axis->setCurrentIndex(static_cast<int>(a)); }

int MeasuredCost::batch() const {
    const int b = m_batch->currentData().toInt();
    return b > 0 ? b : m_customBatch->value();
}

void MeasuredCost::setBatch(int b) {
    const int i = m_batch->findData(b);
    if (i >= 0) {
        m_batch->setCurrentIndex(i);
    } else {
        m_customBatch->setValue(std::max(1, b));
        m_batch->setCurrentIndex(m_batch->findData(0));
    }
}

int MeasuredCost::threads() const { return m_threads->value(); }
void MeasuredCost::setThreads(int t) { m_threads->setValue(t); }
QString MeasuredCost::device() const { return m_device->currentText(); }

QString MeasuredCost::axisLabel() const {
    const QString where = tr("batch %1, %2 threads, %3").arg(batch()).arg(threads()).arg(device());
    switch (axis()) {
        case Axis::Gmacs:
            return tr("GMACs per image");
        case Axis::MsPerImage:
            return tr("measured ms per image (%1)").arg(where);
        case Axis::ImagesPerSecond:
            return tr("measured images / s (%1)").arg(where);
    }
    return {};
}

void MeasuredCost::setModel(const QString& modelSpec) {
    // "" is the default model (openStudioModel); the cache keys it by its name.
    const QString spec = modelSpec.isEmpty() ? QString::fromLatin1(kDefaultModelName) : modelSpec;
    if (spec == m_modelSpec) return;
    cancel();
    m_modelSpec = spec;
}

LatencyKey MeasuredCost::keyFor(const std::string& methodId, const std::map<std::string, std::string>& settings) const {
    const std::string dev = device().toStdString();
    return {m_machine, dev == "cuda" ? "cuda:0" : dev,     m_modelSpec.toStdString(),
            methodId,  settingsText(knobValues(settings)), batch(),
            threads()};
}

std::optional<MeasuredCost::Cost> MeasuredCost::cost(const std::string& methodId,
                                                     const std::map<std::string, std::string>& settings) const {
    const std::optional<LatencyStats> s = m_cache->find(keyFor(methodId, settings));
    if (!s || s->ms <= 0) return std::nullopt;
    const double b = s->batch;
    if (axis() == Axis::ImagesPerSecond)  // faster runs give more images per second: p10 <-> p90
        return Cost{1000.0 * b / s->ms, 1000.0 * b / s->msP90, 1000.0 * b / s->msP10};
    return Cost{s->ms / b, s->msP10 / b, s->msP90 / b};
}

bool MeasuredCost::isMeasuring() const { return m_job->isRunning(); }

void MeasuredCost::cancel() { m_job->cancel(); }

bool MeasuredCost::measure(const std::vector<std::pair<std::string, std::map<std::string, std::string>>>& settings) {
    if (isMeasuring() || m_modelSpec.isEmpty() || axis() == Axis::Gmacs) return false;
    std::vector<std::pair<LatencyKey, std::pair<std::string, KnobValues>>> todo;
    for (const auto& [id, knobs] : settings) {
        const LatencyKey key = keyFor(id, knobs);
        if (!m_cache->find(key)) todo.push_back({key, {id, knobValues(knobs)}});
    }
    if (todo.empty()) return false;
    m_cancel->setVisible(true);
    const std::string spec = m_modelSpec.toStdString();
    const int nThreads = threads();
    LatencyOptions options;
    options.batch = batch();
    m_job->start([this, todo, spec, nThreads, options](BackgroundJob& job) {
        const OpenedModel opened = openStudioModel(spec);
        const at::Device dev(todo.front().first.device);
        const ViTModel model = dev.is_cpu() ? opened.model : opened.model.to(dev);
        const ScopedThreadCount threadCount(nThreads);
        const int total = static_cast<int>(todo.size());
        for (int i = 0; i < total && !job.cancelled(); ++i) {
            const auto& [key, setting] = todo[static_cast<size_t>(i)];
            job.reportProgress(i, total, QString::fromStdString(key.method + " " + key.settings));
            const LatencyStats s =
                measureLatency(model, setting.first, setting.second, options, [&] { return job.cancelled(); });
            if (s.runs > 0)
                job.post([this, key, s] {
                    m_cache->store(key, s);
                    try {
                        m_cache->save();
                    } catch (const std::exception& e) {  // kept in memory; the plot still shows it
                        m_status->setText(tr("latency cache not saved: %1").arg(QString::fromStdString(e.what())));
                    }
                    ++m_measurements;
                    Q_EMIT pointMeasured();
                });
        }
    });
    return true;
}

}  // namespace vp
