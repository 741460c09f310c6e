#pragma once
// Compare mode: 2–4 panes of the same image under different methods, one layer scrubber for all,
// and an equal-GMACs lock that solves every pane's main knob for one shared budget. Each pane
// asks the InferenceWorker through the main window (pane ids 1..4); results come back by pane.
#include <QWidget>
#include <optional>
#include <vector>

#include "inference_types.h"
#include "prune/knob.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;
class QScrollArea;
class QSpinBox;

namespace vp {

class KnobPanel;
class PatchOverlayView;

class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(const std::vector<MethodSpec>& methods, QWidget* parent = nullptr);

    static constexpr int kMaxPanes = 4;
    void setPaneCount(int panes);  // clamped to 2..4
    int paneCount() const { return static_cast<int>(m_panes.size()); }
    // Method of pane i (0-based) at its defaults; false for an unknown id. Emits paneRequest.
    bool setPaneMethod(int pane, const std::string& methodId);
    std::string paneMethod(int pane) const;
    void setEqualBudget(bool locked, double gmacs);
    bool equalBudget() const;
    // The lock matches measured latency (else GMACs).
    bool latencyLock() const;
    void setLatencyLock(bool on);

    void setModelInfo(const ModelInfo& info);
    void setImage(const QImage& image);
    void setResult(const StudioResult& result);  // result.pane is 1-based
    void setLayer(int layer);
    int layer() const { return m_layer; }
    // Re-asks every pane (model, image or device changed).
    void refreshAll();
    // The panes alone (export).
    QWidget* panesWidget() const { return m_panesWidget; }
    const PatchOverlayView* paneView(int pane) const;
    bool paneHasResult(int pane) const;
    const StudioResult* paneResult(int pane) const;  // null: none yet

protected:
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    // Pane `request.pane` (1-based) wants this method, knobs and optional budget run; the main
    // window fills in model, image, device and generation.
    void paneRequest(const vp::StudioRequest& request);
    void layerChanged(int layer);

private:
    struct Pane {
        QWidget* box = nullptr;
        QComboBox* method = nullptr;
        KnobPanel* knobs = nullptr;
        PatchOverlayView* view = nullptr;
        QLabel* caption = nullptr;
        std::optional<StudioResult> result;
    };
    void addPane();
    void ask(int pane);
    void showPaneResult(int pane);
    void relayout();
    int columnCount() const;
    const MethodSpec* spec(const std::string& id) const;
    double budgetFraction() const;  // the lock slider's cost as a fraction of dense

    std::vector<MethodSpec> m_methods;
    ModelInfo m_info;
    QImage m_image;
    int m_layer = -1;
    std::vector<Pane> m_panes;
    QWidget* m_panesWidget = nullptr;
    int m_columns = 0;  // as laid out
    QGridLayout* m_grid = nullptr;
    QSpinBox* m_count = nullptr;
    QSlider* m_layerSlider = nullptr;
    QLabel* m_layerLabel = nullptr;
    QCheckBox* m_lock = nullptr;
    QComboBox* m_lockKind = nullptr;  // equal GMACs | equal measured latency
    QSlider* m_budget = nullptr;
    QLabel* m_budgetLabel = nullptr;
};

}  // namespace vp
