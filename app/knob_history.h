#pragma once
// Undo/redo of the method and its knobs (menu Edit, Ctrl+Z / Ctrl+Shift+Z). A slider drag is one
// step: consecutive changes of the same knob within a short time merge into one command.
#include <QObject>
#include <QUndoStack>
#include <map>
#include <string>

namespace vp {

struct MethodState {
    std::string methodId;
    std::map<std::string, std::string> knobs;
    bool operator==(const MethodState& o) const { return methodId == o.methodId && knobs == o.knobs; }
    bool operator!=(const MethodState& o) const { return !(*this == o); }
};

class KnobHistory : public QObject {
    Q_OBJECT
public:
    explicit KnobHistory(QObject* parent = nullptr);

    QUndoStack* stack() { return &m_stack; }
    // The state shown now (set without recording, e.g. at start-up or after a model change).
    void reset(const MethodState& state);
    const MethodState& current() const { return m_current; }
    // The user changed the state: records current → state (nothing when equal).
    void record(const MethodState& state);
    // The same as its own undo step, never merged with the step before or after (a discrete edit,
    // such as the layer strip's attention toggles, not a drag).
    void recordStep(const MethodState& state);

Q_SIGNALS:
    // Undo or redo: show and run this state.
    void applyState(const vp::MethodState& state);

private:
    friend class KnobChangeCommand;
    void applyFromCommand(const MethodState& state);
    void push(const MethodState& state, bool mergeable);
    QUndoStack m_stack;
    MethodState m_current;
};

}  // namespace vp
