#pragma once
// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies) and marker
// shapes, shared by the plots so that a method looks the same everywhere.
#include <QColor>
#include <array>

#include "widgets/qcp.h"

namespace vp::palette {

// Series order: yellow last (weak on white), black kept for the dense reference.
inline const std::array<QColor, 7>& series() {
    static const std::array<QColor, 7> colours = {
        QColor(0x00, 0x72, 0xB2),  // blue
        QColor(0xD5, 0x5E, 0x00),  // vermillion
        QColor(0x00, 0x9E, 0x73),  // bluish green
        QColor(0xCC, 0x79, 0xA7),  // reddish purple
        QColor(0xE6, 0x9F, 0x00),  // orange
        QColor(0x56, 0xB4, 0xE9),  // sky blue
        QColor(0xC9, 0xB7, 0x00),  // yellow, darkened to stay visible on white
    };
    return colours;
}

inline const std::array<QCPScatterStyle::ScatterShape, 8>& shapes() {
    static const std::array<QCPScatterStyle::ScatterShape, 8> s = {
        QCPScatterStyle::ssCircle,     QCPScatterStyle::ssSquare,           QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssDiamond,    QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCrossSquare,
        QCPScatterStyle::ssPlusCircle, QCPScatterStyle::ssCrossCircle,
    };
    return s;
}

// Style n of a series: colour and shape cycle with different periods (7 and 8), so the first 56
// series all differ in colour or shape.
inline QColor seriesColour(int n) { return series()[static_cast<size_t>(n) % series().size()]; }
inline QCPScatterStyle::ScatterShape seriesShape(int n) { return shapes()[static_cast<size_t>(n) % shapes().size()]; }

inline QColor highlight() { return QColor(0xE6, 0x9F, 0x00); }  // current layer / selection
inline QColor reference() { return QColor(0x9A, 0x9A, 0x9A); }  // dense outlines

}  // namespace vp::palette
