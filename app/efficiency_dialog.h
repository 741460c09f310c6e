#pragma once
// Analysis ▸ Efficiency: for each method, "GMACs saved vs time saved" over its knob range and
// over batch sizes (core eval/efficiency.h, the same table as `vitprune bench --batches`), as a
// plot and a table, measured on this machine in the background with progress and cancel; a
// table saved by the CLI (--out) opens here too. Figure and table export like the other figures.
#include <QDialog>
#include <vector>

#include "eval/efficiency.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vp {

class BackgroundJob;
class EfficiencyPlot;

class EfficiencyDialog : public QDialog {
    Q_OBJECT
public:
    EfficiencyDialog(const QString& modelSpec, const QString& modelName, QWidget* parent = nullptr);
    // Shows a table written by `vitprune bench --out` or by this dialog. False + *error naming the file.
    bool openTable(const QString& path, QString* error);
    void run();  // with the form's choices
    void cancel();
    void setRows(const std::vector<EfficiencyRow>& rows);
    const std::vector<EfficiencyRow>& rows() const { return m_rows; }
    EfficiencyPlot* plot() const { return m_plot; }
    QTableWidget* table() const { return m_table; }
    bool isRunning() const;
    // By suffix: .png/.svg/.pdf = the plot; .json = the table (vitprune-efficiency-1); .md = Markdown; .csv.
    bool exportTo(const QString& path, QString* error);

Q_SIGNALS:
    void runFinished();

private:
    void addRow(const EfficiencyRow& row);
    void updateControls();
    QString m_modelSpec;
    QListWidget* m_methods = nullptr;
    QLineEdit* m_batches = nullptr;
    QLineEdit* m_budgets = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_pairs = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    EfficiencyPlot* m_plot = nullptr;
    QTableWidget* m_table = nullptr;
    BackgroundJob* m_job = nullptr;
    std::vector<EfficiencyRow> m_rows;
};

}  // namespace vp
