#pragma once
// Model ▸ Compatibility report: the model's facts (family, grid, heads, pooling, prefix tokens) and
// one row per registered method: whether it applies as is, needs trained parts first (and the
// command that trains them) or cannot apply (and why). Shows ModelInfo's Torch-free report.
#include <QColor>
#include <QDialog>

#include "inference_types.h"

class QTableWidget;

namespace vp {

class CompatibilityDialog : public QDialog {
    Q_OBJECT
public:
    explicit CompatibilityDialog(const ModelInfo& info, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // The report as plain aligned text (what "Copy as text" puts on the clipboard).
    QString reportText() const;

    static QString statusText(CompatStatus status);  // translated
    static QColor statusColor(CompatStatus status);

private:
    QTableWidget* m_table = nullptr;
    CompatibilityReport m_report;
};

// Opens the dialog for `info` next to `parent`; it is not modal and deletes itself when closed.
CompatibilityDialog* showCompatibilityDialog(QWidget* parent, const ModelInfo& info);

}  // namespace vp
