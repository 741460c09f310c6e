#pragma once
// What the current setting does: top-5 of the pruned and of the dense model side by side, whether
// they agree, the cost (GMACs, % of dense), measured time and speed-up, and the kept tokens per
// block as a bar chart (click a bar to show that block). Shows the worker's Torch-free results.
// For methods with a per-block schedule (MethodSpec::scheduleKnob), "Edit schedule" turns the
// chart into the schedule itself: one bar per block with the value that block uses (keep rate,
// r), dragged to change it, with the tokens it leaves drawn as a line; "Reset" clears the knob.
#include <QWidget>

#include "inference_types.h"

class QLabel;
class QToolButton;

namespace vp {

class KeptTokensChart;
class PredictionBars;

class ResultPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultPanel(QWidget* parent = nullptr);

    // The measured-time lines for a result (also used by compare panes and tests).
    static QString timeText(const StudioResult& result);
    void setResult(const StudioResult& result, const ModelInfo& info);
    void clear();
    void setCurrentLayer(int layer);
    KeptTokensChart* chart() const { return m_chart; }
    // "agree" / "disagree" line as shown (tests, export).
    QString agreementText() const;
    // Per-block kept tokens, predictions and cost of the shown result, for data export.
    QByteArray csv() const;

    // The shown result's method takes a per-block schedule (the edit controls are shown).
    bool scheduleEditable() const;
    // Schedule editing on or off (the "Edit schedule" toggle).
    void setScheduleEditing(bool on);
    bool scheduleEditing() const;
    QToolButton* editScheduleButton() const { return m_editSchedule; }
    QToolButton* resetScheduleButton() const { return m_resetSchedule; }
    // Knob text of per-block values: comma-separated, as many decimals as `knob`'s step needs.
    static std::string scheduleText(const Knob& knob, const std::vector<double>& values);

Q_SIGNALS:
    void layerClicked(int layer);
    // The user set the schedule knob `knobId` to `text` (a dragged bar, or "" for Reset).
    void scheduleEdited(const std::string& knobId, const std::string& text);

private:
    void showChart();
    void onBarEdited(int layer, double value);
    // Scrolls an enclosing scroll area (the window's right column) to the schedule controls.
    void revealChart();

    bool m_hasResult = false;
    bool m_hadResult = false;  // any result since construction
    StudioResult m_result;
    ModelInfo m_info;
    PredictionBars* m_pruned = nullptr;
    PredictionBars* m_dense = nullptr;
    QLabel* m_agreement = nullptr;
    QLabel* m_gmacs = nullptr;
    QLabel* m_time = nullptr;
    KeptTokensChart* m_chart = nullptr;
    QWidget* m_scheduleRow = nullptr;
    QToolButton* m_editSchedule = nullptr;
    QToolButton* m_resetSchedule = nullptr;
    QLabel* m_scheduleHint = nullptr;
};

// Tokens each block's MLP saw, per block, without the prefix tokens (sample 0).
std::vector<double> tokensPerLayer(const TokenTrace& trace);

}  // namespace vp
