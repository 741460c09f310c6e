#pragma once
// A perceptually uniform colour map (viridis) for heatmaps, and its ramp for colour bars.
#include <QColor>
#include <QImage>

namespace vp {

// t in [0, 1] (clamped; NaN reads as 0): dark violet (low) through teal to yellow (high).
QColor viridis(double t);
// The map as a 1-pixel-wide image of `length` pixels; a vertical ramp has its low end at the bottom.
QImage viridisRamp(int length, Qt::Orientation orientation);

}  // namespace vp
