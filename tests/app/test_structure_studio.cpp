// Structural pruning in the studio (issue 15): the structure view beside the image shows the widths
// the worker ran, the layer strip marks blocks without attention and its toggle writes the
// attention-removal method's `layers` knob, and File ▸ Save pruned model… writes a folder that
// reopens with the same widths. Methods that need no calibration images (hand-picked layers,
// VTP's weight-norm gates), so no dataset is needed.
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "main_window.h"
#include "model/model_loader.h"
#include "side_panel.h"
#include "studio_test_support.h"
#include "widgets/head_grid.h"
#include "widgets/kept_tokens_chart.h"
#include "widgets/knob_panel.h"
#include "widgets/layer_strip.h"
#include "widgets/structure_view.h"

namespace {

using vp::test::settled;
using vp::test::unattended;

vp::StudioOptions withSets(const QString& method, const QStringList& sets) {
    vp::StudioOptions o = unattended(method);
    o.sets = sets;
    return o;
}

std::string knob(const vp::MainWindow& w, const std::string& id) { return w.sidePanel()->knobs()->values().at(id); }

std::vector<int> removedBlocks(const vp::StudioResult& r) {
    std::vector<int> out;
    for (size_t l = 0; l < r.runWidths.size(); ++l)
        if (!r.runWidths[l].attention) out.push_back(static_cast<int>(l));
    return out;
}

// Chooses the strip's context menu entry for `layer`, as a right-click would.
void toggle(vp::MainWindow& w, int layer) {
    std::unique_ptr<QMenu> menu(w.singleImagePage()->layerStrip()->contextMenu(layer, nullptr));
    QVERIFY(menu);
    menu->actions().first()->trigger();
}

}  // namespace

class TestStructureStudio : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void structureViewShowsTheWidthsRun() {
        vp::MainWindow w(withSets("vtp", {"gates=weight-norm", "budget=0.5"}));
        QVERIFY(settled(w));
        const vp::StudioResult& r = w.shownResult();
        QCOMPARE(r.runWidths.size(), size_t(4));
        QCOMPARE(r.referenceWidths.size(), size_t(4));
        QCOMPARE(r.referenceWidths[0].heads, 3);  // the fixture: 3 heads of 16 dims, 192 neurons
        QCOMPARE(r.referenceWidths[0].mlpHidden, 192);
        QVERIFY(w.singleImagePage()->structureShown());
        vp::StructureView* view = w.singleImagePage()->structureView();
        std::vector<double> neurons;
        int heads = 0;
        for (int l = 0; l < 4; ++l) {
            QCOMPARE(view->grid()->keptHeads(l), r.runWidths[l].heads);
            heads += r.runWidths[l].heads;
            neurons.push_back(r.runWidths[l].mlpHidden);
        }
        QCOMPARE(view->neuronChart()->values(), neurons);
        QCOMPARE(view->neuronChart()->denseValues(), (std::vector<double>(4, 192.0)));
        // Half the GMACs must have taken something away.
        double kept = 0;
        for (double n : neurons) kept += n;
        QVERIFY2(heads < 12 || kept < 4 * 192, qPrintable(view->summaryText()));
        QVERIFY(view->summaryText().startsWith(QStringLiteral("%1 of 12 heads").arg(heads)));
        // Structural methods keep every patch: the strip says so.
        QCOMPARE(w.singleImagePage()->layerStrip()->keptCount(2), 64);
        QVERIFY(w.saveModelAction()->isEnabled());

        // Token methods: no structure to show, nothing to save.
        vp::MainWindow dense(unattended("dense"));
        QVERIFY(settled(dense));
        QVERIFY(!dense.shownResult().hasStructure());
        QVERIFY(!dense.singleImagePage()->structureShown());
        QVERIFY(!dense.saveModelAction()->isEnabled());
        QVERIFY(!dense.savePrunedModel(QDir::temp().filePath("never-written")));
    }

    void stripTogglesWriteTheLayersKnob() {
        vp::MainWindow w(withSets("attn-removal", {"layers=1"}));
        QVERIFY(settled(w));
        vp::LayerStrip* strip = w.singleImagePage()->layerStrip();
        QCOMPARE(removedBlocks(w.shownResult()), (std::vector<int>{1}));
        QVERIFY(strip->attentionRemoved(1));
        QVERIFY(!strip->attentionRemoved(2));
        QVERIFY(strip->attentionToggleable(2));
        QVERIFY(w.singleImagePage()->structureView()->grid()->attentionRemoved(1));

        toggle(w, 2);  // remove block 2's attention too
        QCOMPARE(knob(w, "layers"), std::string("1,2"));
        QVERIFY(settled(w));
        QCOMPARE(removedBlocks(w.shownResult()), (std::vector<int>{1, 2}));
        QVERIFY(strip->attentionRemoved(2));
        QVERIFY(w.singleImagePage()->structureView()->grid()->attentionRemoved(2));

        toggle(w, 1);  // keep block 1's
        QCOMPARE(knob(w, "layers"), std::string("2"));
        QVERIFY(settled(w));
        QCOMPARE(removedBlocks(w.shownResult()), (std::vector<int>{2}));

        // Each toggle is its own undo step (never merged like a drag), and undo runs it again.
        w.history()->stack()->undo();
        QCOMPARE(knob(w, "layers"), std::string("1,2"));
        QVERIFY(settled(w));
        QCOMPARE(removedBlocks(w.shownResult()), (std::vector<int>{1, 2}));
        w.history()->stack()->undo();
        QCOMPARE(knob(w, "layers"), std::string("1"));
        w.history()->stack()->redo();
        QCOMPARE(knob(w, "layers"), std::string("1,2"));
        QVERIFY(settled(w));

        // Keeping every block's attention sets count=0 as well: an empty list would hand the
        // choice back to the entropy ranking of `count` layers.
        toggle(w, 1);
        QVERIFY(settled(w));
        toggle(w, 2);
        QCOMPARE(knob(w, "layers"), std::string());
        QCOMPARE(knob(w, "count"), std::string("0"));
        QVERIFY(settled(w));
        QVERIFY(removedBlocks(w.shownResult()).empty());
        QVERIFY(!strip->attentionRemoved(2));
        QVERIFY(w.singleImagePage()->structureShown());  // still a structural method

        // Other methods offer no toggle.
        vp::MainWindow other(withSets("vtp", {"gates=weight-norm"}));
        QVERIFY(settled(other));
        QVERIFY(!other.singleImagePage()->layerStrip()->contextMenu(1, nullptr));
    }

    void savePrunedModelReopensWithTheSameWidths() {
        vp::MainWindow w(withSets("vtp", {"gates=weight-norm", "budget=0.5"}));
        QVERIFY(settled(w));
        QTemporaryDir tmp;
        const QString folder = tmp.filePath("pruned");
        QSignalSpy saved(&w, &vp::MainWindow::prunedModelSaved);
        QVERIFY(w.savePrunedModel(folder));
        QVERIFY(!w.saveModelAction()->isEnabled());  // one save at a time
        QVERIFY(saved.wait(120000));
        QCOMPARE(saved.at(0).at(0).toString(), folder);
        QCOMPARE(saved.at(0).at(1).toString(), QString());
        QVERIFY(w.saveModelAction()->isEnabled());
        const vp::ViTModel reopened = vp::loadModel(folder.toStdString());
        const vp::StudioResult& r = w.shownResult();
        QCOMPARE(reopened.config().depth, static_cast<int>(r.runWidths.size()));
        for (int l = 0; l < reopened.config().depth; ++l)
            QVERIFY2(reopened.config().blockWidth(l) == r.runWidths[l], qPrintable(QString::number(l)));
        QVERIFY(reopened.config().prunedBy.find("vtp") != std::string::npos);

        // A folder holding other files is refused, and the error names it.
        const QString busy = tmp.filePath("busy");
        QVERIFY(QDir().mkpath(busy));
        QFile notes(busy + "/notes.txt");
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("mine");
        notes.close();
        saved.clear();
        QVERIFY(w.savePrunedModel(busy));
        QVERIFY(saved.wait(120000));
        const QString error = saved.at(0).at(1).toString();
        QVERIFY2(error.contains(busy), qPrintable(error));
        QVERIFY(QFile::exists(busy + "/notes.txt"));
    }
};

QTEST_MAIN(TestStructureStudio)
#include "test_structure_studio.moc"
