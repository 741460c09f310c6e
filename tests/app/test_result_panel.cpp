// The result panel says when GMACs and time part ways on purpose: with unstructured weight
// sparsity (S-ViTE) the GMACs count the non-zero weights while the dense kernels' time stays.
#include <QLabel>
#include <QtTest>

#include "result_panel.h"

namespace {

vp::StudioResult timedResult(double density) {
    vp::StudioResult r;
    r.methodId = "svite";
    r.logits.assign(10, 0.0f);
    r.denseLogits.assign(10, 0.0f);
    r.gmacs = 0.06;
    r.denseGmacs = 0.12;
    r.ms = 1.0;
    r.denseMs = 1.0;
    r.timedRuns = 5;
    r.speedup = r.speedupLo = r.speedupHi = 1.0;
    r.threads = 2;
    r.device = QStringLiteral("cpu");
    r.linearDensity = density;
    return r;
}

bool anyLabelSays(const QWidget& w, const QString& text) {
    for (const QLabel* l : w.findChildren<QLabel*>())
        if (l->text().contains(text)) return true;
    return false;
}

}  // namespace

class TestResultPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sparseWeightsSayTheTimeDoesNotDrop() {
        vp::ModelInfo info;
        info.numClasses = 10;
        info.denseGmacs = 0.12;
        vp::ResultPanel panel;
        panel.setResult(timedResult(0.5), info);
        QVERIFY(anyLabelSays(panel, QStringLiteral("50% non-zero weights")));
        QVERIFY(anyLabelSays(panel, QStringLiteral("time does not drop")));
        panel.setResult(timedResult(1.0), info);
        QVERIFY(!anyLabelSays(panel, QStringLiteral("non-zero weights")));
    }
};

QTEST_MAIN(TestResultPanel)
#include "test_result_panel.moc"
