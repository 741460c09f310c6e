// PerImageCostDialog end to end on the shipped model and Fashion-MNIST test images: LTP spreads
// over several bins, EViT is one bar with the dialog saying why, progress reaches the image count,
// Cancel stops a run, and the figure and CSV export.
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "eval/fashion_mnist_idx.h"
#include "per_image_cost_dialog.h"
#include "widgets/cost_histogram.h"

namespace {

vp::PerImageSubject subject(const std::string& method, std::map<std::string, std::string> knobs = {}) {
    vp::PerImageSubject s;
    s.modelName = QStringLiteral("fashion-vit-tiny");
    s.methodId = method;
    s.knobs = std::move(knobs);
    s.denseGmacs = 0.126;
    return s;
}

bool haveData() {
    return QFileInfo::exists(QString::fromStdString(vp::fashionMnistDir()) + "/t10k-images-idx3-ubyte.gz");
}

}  // namespace

class TestPerImageCostDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ltpSpreadsAndEvitIsOneBar() {
        if (!haveData()) QSKIP("Fashion-MNIST is not installed (dataset-fashion-mnist)");
        vp::PerImageSubject current = subject("ltp");
        vp::PerImageCostDialog dialog([&current] { return current; });
        dialog.setDatasetSpec(QStringLiteral("fashion-mnist"));
        dialog.setImageCount(300);
        dialog.setBins(15);
        dialog.show();
        QVERIFY(dialog.headerText().contains(QStringLiteral("fashion-vit-tiny")));
        QSignalSpy ended(&dialog, &vp::PerImageCostDialog::runEnded);
        dialog.run();
        QVERIFY(dialog.isRunning());
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("perImageRun"))->isEnabled());
        QVERIFY(ended.wait(240000));
        QVERIFY2(dialog.hasCosts(), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.costs().images.size(), size_t(300));
        QCOMPARE(dialog.histogram()->imageCount(), qint64(300));
        QCOMPARE(dialog.histogram()->binCount(), 15);
        QVERIFY(dialog.noteText().isEmpty());
        QVERIFY(dialog.summaryText().contains(QStringLiteral("GMACs per image")));
        QVERIFY(dialog.histogram()->title().contains(QStringLiteral("300")));
        QCOMPARE(dialog.findChild<QProgressBar*>(QStringLiteral("perImageProgress"))->value(), 300);
        QVERIFY(dialog.costs().denseGmacs > 0.1);
        // Re-binning needs no new run.
        dialog.setBins(6);
        QCOMPARE(dialog.histogram()->binCount(), 6);
        QCOMPARE(dialog.histogram()->imageCount(), qint64(300));

        QTemporaryDir dir;
        QString error;
        QVERIFY2(dialog.exportFigure(dir.filePath(QStringLiteral("ltp.svg")), &error), qPrintable(error));
        QVERIFY2(dialog.exportFigure(dir.filePath(QStringLiteral("ltp.png")), &error), qPrintable(error));
        QVERIFY2(dialog.exportCsv(dir.filePath(QStringLiteral("ltp.csv")), &error), qPrintable(error));
        QFile csv(dir.filePath(QStringLiteral("ltp.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 301);
        QVERIFY(!QImage(dir.filePath(QStringLiteral("ltp.png"))).isNull());

        current = subject("evit", {{"keep", "0.7"}});
        dialog.run();
        QVERIFY(ended.wait(240000));
        QCOMPARE(dialog.histogram()->binCount(), 1);
        QCOMPARE(dialog.histogram()->imageCount(), qint64(300));
        QVERIFY2(dialog.noteText().contains(QStringLiteral("single bar")), qPrintable(dialog.noteText()));
        QVERIFY(dialog.costs().uniform());
    }

    void cancelStopsAndKeepsWhatIsDone() {
        if (!haveData()) QSKIP("Fashion-MNIST is not installed (dataset-fashion-mnist)");
        vp::PerImageCostDialog dialog([] { return subject("ltp"); });
        dialog.setDatasetSpec(QStringLiteral("fashion-mnist"));
        dialog.setImageCount(10000);
        QSignalSpy ended(&dialog, &vp::PerImageCostDialog::runEnded);
        dialog.run();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QProgressBar*>(QStringLiteral("perImageProgress"))->value() > 0,
                                 120000);
        dialog.cancel();
        QVERIFY(ended.wait(120000));
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.costs().cancelled);
        QVERIFY(dialog.costs().images.size() < 10000u);
        QVERIFY(dialog.statusText().contains(QStringLiteral("Cancelled")));
    }

    void exportWithoutResultsFails() {
        vp::PerImageCostDialog dialog([] { return subject("dense"); });
        QString error;
        QVERIFY(!dialog.exportCsv(QStringLiteral("/tmp/never.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("/tmp/never.csv")));
    }
};

QTEST_MAIN(TestPerImageCostDialog)
#include "test_per_image_cost_dialog.moc"
