#include "knob_history.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <set>

namespace vp {

namespace {

constexpr int kCommandId = 0x6b6e6f62;  // "knob"
constexpr qint64 kMergeWindowMs = 1500;

std::set<std::string> changedKnobs(const MethodState& a, const MethodState& b) {
    std::set<std::string> out;
    for (const auto& [id, v] : a.knobs) {
        const auto it = b.knobs.find(id);
        if (it == b.knobs.end() || it->second != v) out.insert(id);
    }
    for (const auto& [id, v] : b.knobs)
        if (!a.knobs.count(id)) out.insert(id);
    return out;
}

QString describe(const MethodState& before, const MethodState& after) {
    if (before.methodId != after.methodId)
        return QCoreApplication::translate("vp::KnobHistory", "method %1").arg(QString::fromStdString(after.methodId));
    QStringList parts;
    for (const std::string& id : changedKnobs(before, after)) {
        const auto it = after.knobs.find(id);
        parts << QString::fromStdString(id + "=" + (it == after.knobs.end() ? std::string("default") : it->second));
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace

class KnobChangeCommand : public QUndoCommand {
public:
    KnobChangeCommand(KnobHistory* history, MethodState before, MethodState after, bool mergeable)
        : m_history(history), m_before(std::move(before)), m_after(std::move(after)),
          m_changed(changedKnobs(m_before, m_after)), m_mergeable(mergeable) {
        m_age.start();
        setText(describe(m_before, m_after));
    }
    int id() const override { return kCommandId; }
    void undo() override { m_history->applyFromCommand(m_before); }
    void redo() override {
        if (m_first) {  // pushed after the change was made: nothing to re-apply
            m_first = false;
            return;
        }
        m_history->applyFromCommand(m_after);
    }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = static_cast<const KnobChangeCommand*>(other);
        if (!m_mergeable || !o->m_mergeable) return false;
        // One drag of one knob = one step.
        if (o->m_before.methodId != m_after.methodId || o->m_after.methodId != m_after.methodId) return false;
        if (m_before.methodId != m_after.methodId || o->m_changed != m_changed) return false;
        if (m_age.elapsed() > kMergeWindowMs) return false;
        m_after = o->m_after;
        m_age.restart();
        setText(describe(m_before, m_after));
        return true;
    }

private:
    KnobHistory* m_history;
    MethodState m_before, m_after;
    std::set<std::string> m_changed;
    bool m_mergeable = true;
    QElapsedTimer m_age;
    bool m_first = true;
};

KnobHistory::KnobHistory(QObject* parent) : QObject(parent) {}

void KnobHistory::reset(const MethodState& state) { m_current = state; }

void KnobHistory::record(const MethodState& state) { push(state, true); }

void KnobHistory::recordStep(const MethodState& state) { push(state, false); }

void KnobHistory::push(const MethodState& state, bool mergeable) {
    if (state == m_current) return;
    const MethodState before = m_current;
    m_current = state;
    m_stack.push(new KnobChangeCommand(this, before, state, mergeable));
}

void KnobHistory::applyFromCommand(const MethodState& state) {
    m_current = state;
    Q_EMIT applyState(state);
}

}  // namespace vp
