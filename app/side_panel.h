#pragma once
// The right-hand column's controls: the model (name, family, stand-in warning), the method picker
// (grouped by kind, with the paper and a one-line help) with its generated knobs, the budget
// slider in GMACs that drives the method's main knob, and the device. Qt only.
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "inference_types.h"
#include "prune/knob.h"

class QComboBox;
class QLabel;
class QSlider;

namespace vp {

class KnobPanel;

class SidePanel : public QWidget {
    Q_OBJECT
public:
    explicit SidePanel(const std::vector<MethodSpec>& methods, QWidget* parent = nullptr);

    // Selects a method (its knobs at their defaults). Emits nothing. False for an unknown id.
    bool setMethod(const std::string& id);
    std::string methodId() const;
    KnobPanel* knobs() const { return m_knobs; }
    std::map<std::string, std::string> knobValues() const;

    void setModelInfo(const ModelInfo& info);
    // The chosen method cannot run on this model as it is (needs trained parts, or cannot apply):
    // the banner under the picker says why and what to do.
    bool methodUnavailable() const;
    // The budget slider follows the shown result: its range (the main knob's reach) and cost.
    void setResult(const StudioResult& result);
    // Sets knobs as the worker ran them (a solved budget), without emitting knobsChanged.
    void showKnobs(const std::map<std::string, std::string>& knobs);
    // Method and knobs together (undo, Pareto clicks). Emits nothing.
    bool setState(const std::string& methodId, const std::map<std::string, std::string>& knobs);
    QString device() const;
    // Selects a device choice (availableComputeChoices()); false, and nothing changes, when this
    // build does not offer it.
    bool setDevice(const QString& choice);
    double budgetSliderGmacs() const;
    // The GMACs budget is per image; the video page hides it (a video method's cost varies per frame).
    void setBudgetVisible(bool on) { m_budgetBox->setVisible(on); }

Q_SIGNALS:
    void methodChanged();
    void knobsChanged();
    // The user moved the budget slider: meet this many GMACs per image.
    void budgetRequested(double gmacs);
    void deviceChanged(const QString& device);

private:
    QWidget* buildModelBox();
    QWidget* buildMethodBox();
    QWidget* buildBudgetBox();
    QWidget* buildDeviceBox();
    void showMethod(int index);
    void showBudget(double gmacs);
    // Marks the methods the model's compatibility report says need training or cannot apply.
    void markAvailability();
    void updateMethodStatus();  // the banner under the picker for the chosen method

    std::vector<MethodSpec> m_methods;
    QLabel* m_modelName = nullptr;
    QLabel* m_modelDetails = nullptr;
    QLabel* m_standIn = nullptr;
    QComboBox* m_methodCombo = nullptr;
    QLabel* m_methodPaper = nullptr;
    QLabel* m_methodStatus = nullptr;  // why the chosen method cannot run on this model, and the fix
    CompatibilityReport m_compat;
    KnobPanel* m_knobs = nullptr;
    QWidget* m_budgetBox = nullptr;
    QSlider* m_budget = nullptr;
    QLabel* m_budgetLabel = nullptr;
    double m_budgetMin = 0, m_budgetMax = 0, m_denseGmacs = 0;
    QString m_scheduleKnob;  // set: a per-block schedule replaces the main knob (no budget)
    QComboBox* m_device = nullptr;
};

}  // namespace vp
