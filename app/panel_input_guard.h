#pragma once
// Two input fixes for the side panel, installed application-wide by the main window:
// - the mouse wheel over a slider, spin box or combo box of the panel scrolls the panel unless
//   that control has keyboard focus (a user scrolling past the budget slider must not change the
//   budget and add an undo step);
// - the window's own shortcuts (File ▸ Export, Ctrl+E) win over a text field's editing keys
//   (QLineEdit takes Ctrl+E as "end of line" on X11 and would swallow it).
#include <QKeySequence>
#include <QList>
#include <QObject>

class QScrollArea;

namespace vp {

class PanelInputGuard : public QObject {
    Q_OBJECT
public:
    explicit PanelInputGuard(QScrollArea* panel, QObject* parent = nullptr);
    // Shortcuts that must reach the window even from a focused text field.
    void setWindowShortcuts(QList<QKeySequence> shortcuts) { m_shortcuts = std::move(shortcuts); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QScrollArea* m_panel;
    QList<QKeySequence> m_shortcuts;
};

}  // namespace vp
