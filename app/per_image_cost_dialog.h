#pragma once
// Analysis ▸ Per-image cost…: runs the window's current method and settings over the first N
// images of a dataset on a worker thread (progress, Cancel) and shows what each image cost: a
// histogram of GMACs per image (CostHistogram) with the mean and the dense cost marked, and the
// distribution's summary (mean ± std, percentiles, kept tokens, top-1). Dynamic methods (LTP)
// spread over many bins; fixed-count methods give one bar, and the dialog says so. The figure
// exports as PNG/SVG/PDF and the per-image list as CSV (atomic writes).
#include <QDialog>
#include <QThread>
#include <functional>
#include <map>
#include <string>

#include "eval/cost_distribution.h"
#include "per_image_cost_worker.h"
#include "worker_thread.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vp {

class CostHistogram;

// What the window shows now: the dialog measures this.
struct PerImageSubject {
    QString modelSpec;  // "" = default model
    QString modelName;
    std::string methodId = "dense";
    std::map<std::string, std::string> knobs;
    double denseGmacs = 0;
};

class PerImageCostDialog : public QDialog {
    Q_OBJECT
public:
    // `subject` is asked for the window's current model, method and knobs when a run starts (and
    // when the dialog is shown, for its header).
    explicit PerImageCostDialog(std::function<PerImageSubject()> subject, QWidget* parent = nullptr);
    ~PerImageCostDialog() override;  // cancels a running job and waits for its thread

    void setDatasetSpec(const QString& spec);  // "fashion-mnist", "fashion-mnist:train" or a folder
    QString datasetSpec() const;
    void setImageCount(int images);
    int imageCount() const;
    static constexpr int kDefaultBins = 24;
    void setBins(int bins);  // <= 0: kDefaultBins
    int bins() const;
    // Off: choices are not written to QSettings (unattended command-line runs).
    void setRemembersSettings(bool on) { m_remember = on; }

    void run();  // the subject as it is now; no-op while running
    void cancel();
    bool isRunning() const { return m_running; }
    bool hasCosts() const { return !m_costs.images.empty(); }
    const PerImageCosts& costs() const { return m_costs; }

    CostHistogram* histogram() const { return m_histogram; }
    QString headerText() const;
    QString summaryText() const;  // plain text of the summary under the plot
    QString noteText() const;     // e.g. the single-bar explanation for fixed-count methods
    QString statusText() const;

    // By suffix: .png/.svg/.pdf the histogram; .csv the per-image rows. False + *error on failure.
    bool exportFigure(const QString& path, QString* error);
    bool exportCsv(const QString& path, QString* error);

Q_SIGNALS:
    // A run ended (finished, cancelled or failed) and its result, if any, is on screen.
    void runEnded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshHeader();
    void showCosts();
    void rebin();
    void setRunning(bool running);
    void setStatus(const QString& text);
    void datasetActivated(int index);
    void saveSettings() const;
    QString methodDisplayName(const std::string& id) const;
    QString subjectText(const PerImageSubject& s) const;  // "LTP (fixed thresholds), theta=1.0"

    std::function<PerImageSubject()> m_subjectFn;
    PerImageSubject m_ran;  // what the shown costs were measured for
    PerImageCosts m_costs;

    QLabel* m_header = nullptr;
    QComboBox* m_dataset = nullptr;
    QSpinBox* m_images = nullptr;
    QSpinBox* m_bins = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    CostHistogram* m_histogram = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_exportFigure = nullptr;
    QPushButton* m_exportCsv = nullptr;
    int m_datasetIndex = 0;
    bool m_remember = true;
    bool m_loading = false;  // applying the saved choices: nothing to save yet

    WorkerThread<PerImageCostWorker> m_worker{QStringLiteral("per-image cost")};
    bool m_running = false;  // Run stays disabled until the job's finished/failed arrives
};

// Opens (or raises) the window's dialog; it is not modal and stays alive for the next use.
PerImageCostDialog* showPerImageCostDialog(QWidget* parent, std::function<PerImageSubject()> subject);

}  // namespace vp
