#pragma once
// Editors generated from a MethodSpec alone (a new method needs no GUI code):
// number → slider + spin box, integer → spin box, bool → check box, choice → combo box,
// int_list and number_list (per-block schedules) → line edit. Values travel as text, exactly as
// `--set K=V` takes them.
#include <QWidget>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "prune/knob.h"

class QFormLayout;
class QLabel;

namespace vp {

class KnobPanel : public QWidget {
    Q_OBJECT
public:
    explicit KnobPanel(QWidget* parent = nullptr);

    // Rebuilds the editors, every knob at its default. Emits nothing.
    void setSpec(const MethodSpec& spec);
    // The method's one-line description above the knobs (on by default; compare panes put it in
    // their method box's tooltip instead).
    void setHelpVisible(bool visible);
    const MethodSpec& spec() const { return m_spec; }

    // Sets one knob from text (as --set gives it). Returns false for an unknown id or a value the
    // editor cannot show (the caller validates values with KnobValues first). Emits nothing.
    bool setValue(const std::string& id, const std::string& text);
    // The same as if the user had typed it (another view edited the knob, e.g. a schedule chart):
    // emits valuesChanged when the value was taken and differs from the current one.
    bool applyUserValue(const std::string& id, const std::string& text);
    // Current text of every knob, by id.
    std::map<std::string, std::string> values() const;
    // Back to the spec's defaults. Emits valuesChanged.
    void resetToDefaults();

    // Text form of a number knob's value: as many decimals as its step needs.
    static QString formatNumber(const Knob& knob, double value);

Q_SIGNALS:
    // The user changed a knob (slider moves emit while dragging; int lists on editing finished).
    void valuesChanged();

private:
    struct Editor {
        Knob knob;
        std::function<QString()> get;
        std::function<bool(const QString&)> set;
    };
    void addEditor(const Knob& knob);
    void changed();

    MethodSpec m_spec;
    QLabel* m_help = nullptr;
    bool m_helpVisible = true;
    QFormLayout* m_form = nullptr;
    std::vector<Editor> m_editors;
    bool m_updating = false;
};

}  // namespace vp
