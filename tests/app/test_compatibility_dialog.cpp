// The compatibility dialog: the worker's ModelInfo carries the report (describe()), and the dialog
// shows one row per method with the status in words and colour, the detail and its notes.
#include <QSignalSpy>
#include <QTableWidget>
#include <QThread>
#include <QtTest>

#include "compatibility_dialog.h"
#include "inference_worker.h"

namespace {

const QString kDistilled = QStringLiteral(VP_TEST_DATA "/reference/deit_distilled_tiny.safetensors");

int rowOf(const QTableWidget* table, const QString& methodId) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->toolTip() == methodId) return row;
    return -1;
}

}  // namespace

class TestCompatibilityDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workerModelInfoCarriesTheReport() {
        vp::registerStudioMetaTypes();
        QThread thread;
        auto* worker = new vp::InferenceWorker;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        QSignalSpy models(worker, &vp::InferenceWorker::modelLoaded);
        thread.start();
        vp::StudioRequest r;
        r.generation = 1;
        r.modelSpec = kDistilled;
        worker->submit(r);
        QTRY_VERIFY_WITH_TIMEOUT(!models.isEmpty(), 60000);
        thread.quit();
        thread.wait();
        const auto info = models.first().at(1).value<vp::ModelInfo>();
        QCOMPARE(QString::fromStdString(info.compatibility.family),
                 QStringLiteral("distilled DeiT (2 prefix tokens, two heads; timm keys)"));
        QVERIFY(!info.compatibility.methods.empty());

        vp::CompatibilityDialog dialog(info);
        QTableWidget* table = dialog.table();
        QCOMPARE(table->rowCount(), static_cast<int>(info.compatibility.methods.size()));
        const int evit = rowOf(table, QStringLiteral("evit"));
        QVERIFY(evit >= 0);
        QCOMPARE(table->item(evit, 1)->text(), vp::CompatibilityDialog::statusText(vp::CompatStatus::Applies));
        // Two blocks: the 3,6,9 default shows as a note under the detail.
        QVERIFY(table->item(evit, 2)->text().contains(QStringLiteral("knob 'locations'")));
        QVERIFY(dialog.reportText().contains(QStringLiteral("compatibility")));
    }

    void statusesHaveTheirWordsAndColours() {
        vp::ModelInfo info;
        info.name = QStringLiteral("hand-made");
        info.compatibility.family = "random weights";
        info.compatibility.methods = {
            {"a", "A", vp::CompatStatus::Applies, "training-free", {}, "", {}},
            {"b", "B", vp::CompatStatus::NeedsTraining, "needs trained parts", {}, "vitprune train-method b", {"p."}},
            {"c", "C", vp::CompatStatus::CannotApply, "no CLS token", {}, "", {}}};
        vp::CompatibilityDialog dialog(info);
        QTableWidget* table = dialog.table();
        QCOMPARE(table->rowCount(), 3);
        QSet<QRgb> colours;
        for (int row = 0; row < 3; ++row) {
            const auto status = info.compatibility.methods[static_cast<size_t>(row)].status;
            QCOMPARE(table->item(row, 1)->text(), vp::CompatibilityDialog::statusText(status));
            QCOMPARE(table->item(row, 1)->foreground().color(), vp::CompatibilityDialog::statusColor(status));
            QVERIFY(!table->item(row, 1)->icon().isNull());
            colours.insert(vp::CompatibilityDialog::statusColor(status).rgb());
        }
        QCOMPARE(colours.size(), 3);
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("no CLS token"));
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("hand-made")));
    }
};

QTEST_MAIN(TestCompatibilityDialog)
#include "test_compatibility_dialog.moc"
