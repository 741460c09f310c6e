#include "panel_input_guard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QWheelEvent>

namespace vp {

PanelInputGuard::PanelInputGuard(QScrollArea* panel, QObject* parent) : QObject(parent), m_panel(panel) {
    qApp->installEventFilter(this);
}

bool PanelInputGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Wheel) {
        auto* w = qobject_cast<QWidget*>(watched);
        const bool control = qobject_cast<QAbstractSlider*>(watched) || qobject_cast<QAbstractSpinBox*>(watched) ||
                             qobject_cast<QComboBox*>(watched);
        if (control && !w->hasFocus() && m_panel && m_panel->isAncestorOf(w) && !qobject_cast<QScrollBar*>(watched)) {
            // The panel scrolls instead (its scroll bar takes the same wheel event).
            QCoreApplication::sendEvent(m_panel->verticalScrollBar(), event);
            return true;
        }
    } else if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        const QKeySequence pressed(key->modifiers() | key->key());
        for (const QKeySequence& s : m_shortcuts) {
            if (s.matches(pressed) == QKeySequence::ExactMatch) {
                event->ignore();  // not overridden: the window's shortcut fires
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace vp
