#pragma once
// The right-hand column of the main window: the model (name, family, stand-in warning), the
// method picker with its generated knobs, the top-5 prediction and the cost (GMACs, % of dense,
// measured time). Qt only; it shows the worker's Torch-free results.
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "inference_types.h"
#include "prune/knob.h"

class QComboBox;
class QLabel;

namespace vp {

class KnobPanel;
class PredictionBars;

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
    void setResult(const StudioResult& result, const ModelInfo& info);
    void clearResult();

Q_SIGNALS:
    void methodChanged();
    void knobsChanged();

private:
    QWidget* buildModelBox();
    QWidget* buildMethodBox();
    QWidget* buildPredictionBox();
    QWidget* buildCostBox();
    void showMethod(int index);

    std::vector<MethodSpec> m_methods;
    QLabel* m_modelName = nullptr;
    QLabel* m_modelDetails = nullptr;
    QLabel* m_standIn = nullptr;
    QComboBox* m_methodCombo = nullptr;
    QLabel* m_methodPaper = nullptr;
    KnobPanel* m_knobs = nullptr;
    PredictionBars* m_bars = nullptr;
    QLabel* m_gmacs = nullptr;
    QLabel* m_time = nullptr;
};

}  // namespace vp
