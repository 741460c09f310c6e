#include "compatibility_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/spec_text.h"

namespace vp {
namespace {

QIcon dotIcon(const QColor& color) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, 12, 12));
    return QIcon(pixmap);
}

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

QString CompatibilityDialog::statusText(CompatStatus status) {
    switch (status) {
        case CompatStatus::Applies:
            return tr("Applies");
        case CompatStatus::NeedsTraining:
            return tr("Needs training");
        case CompatStatus::CannotApply:
            return tr("Cannot apply");
    }
    return {};
}

QColor CompatibilityDialog::statusColor(CompatStatus status) {
    switch (status) {
        case CompatStatus::Applies:
            return QColor(0x2e, 0x7d, 0x32);  // green
        case CompatStatus::NeedsTraining:
            return QColor(0xb2, 0x6a, 0x00);  // amber
        case CompatStatus::CannotApply:
            return QColor(0xc6, 0x28, 0x28);  // red
    }
    return {};
}

CompatibilityDialog::CompatibilityDialog(const ModelInfo& info, QWidget* parent)
    : QDialog(parent), m_report(info.compatibility) {
    const CompatibilityReport& r = m_report;
    setWindowTitle(tr("Compatibility report — %1").arg(info.name));
    auto* layout = new QVBoxLayout(this);

    auto* facts = new QFormLayout;
    facts->addRow(tr("Model:"), new QLabel(info.name));
    facts->addRow(tr("Family:"), new QLabel(q(r.family)));
    facts->addRow(tr("Input:"),
                  new QLabel(tr("%1 channel(s), %2×%3 pixels").arg(r.inChans).arg(r.imageSize).arg(r.imageSize)));
    facts->addRow(
        tr("Patches:"),
        new QLabel(
            tr("patch %1, grid %2×%3 (%4 patches)").arg(r.patchSize).arg(r.gridH).arg(r.gridW).arg(r.gridH * r.gridW)));
    facts->addRow(tr("Transformer:"), new QLabel(tr("%1 blocks, %2 heads × head dim %3 = embed dim %4")
                                                     .arg(r.depth)
                                                     .arg(r.numHeads)
                                                     .arg(r.headDim)
                                                     .arg(r.embedDim)));
    facts->addRow(tr("Prefix tokens:"), new QLabel(tr("%1 (%2)").arg(r.prefixTokens).arg(q(r.prefix))));
    facts->addRow(tr("Pooling:"), new QLabel(q(r.pooling)));
    layout->addLayout(facts);

    m_table = new QTableWidget(static_cast<int>(r.methods.size()), 3, this);
    m_table->setHorizontalHeaderLabels({tr("Method"), tr("Status"), tr("Detail")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const MethodCompatibility& m = r.methods[static_cast<size_t>(row)];
        auto* name = new QTableWidgetItem(specText(m.name));
        name->setToolTip(q(m.id));
        auto* status = new QTableWidgetItem(dotIcon(statusColor(m.status)), statusText(m.status));
        status->setForeground(statusColor(m.status));
        // The detail and notes come from the core in English (they name knobs and commands).
        QStringList lines{q(m.detail)};
        for (const std::string& note : m.notes) lines << tr("Note: %1").arg(q(note));
        auto* detail = new QTableWidgetItem(lines.join(QLatin1Char('\n')));
        detail->setToolTip(detail->text());
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, status);
        m_table->setItem(row, 2, detail);
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    // Wrapped details: row heights follow the detail column's current width.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    if (r.methods.empty()) layout->addWidget(new QLabel(tr("No model is loaded.")));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy as text"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(reportText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(960, 520);
}

QString CompatibilityDialog::reportText() const { return q(compatibilityText(m_report)); }

CompatibilityDialog* showCompatibilityDialog(QWidget* parent, const ModelInfo& info) {
    auto* dialog = new CompatibilityDialog(info, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

}  // namespace vp
