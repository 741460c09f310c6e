#pragma once
// One place for how the patch fates look and read: the cell styling of the overlay, their names,
// the per-fate counts and the legend drawn with them. The overlay, the layer strip, the figures
// and the labels all use it, so a merged or fused patch is never counted (or drawn) as kept.
// Styling: kept patches are the only clear ones; every other fate is darkened first and then
// marked (dropped hatched, fused amber, merged in its token's colour, parked with a blue dotted
// outline, reused blue), so the kept patches stand out at any size, even in small panes.
#include <QColor>
#include <QString>
#include <array>
#include <vector>

#include "prune/token_trace.h"

class QPainter;
class QFontMetrics;
class QRect;
class QRectF;

namespace vp {

inline constexpr int kFateCount = kPatchFates;

struct FateTally {
    std::array<int, kFateCount> count{};
    int of(PatchFate f) const { return count[static_cast<size_t>(f)]; }
    int total() const;
};

FateTally tallyFates(const std::vector<PatchFate>& fates);
// Sample `sample`'s fates after block `layer` of a Full trace (all kept when it has none).
FateTally tallyFates(const TokenTrace& trace, int layer, int sample = 0);

QString fateLabel(PatchFate fate);  // "kept", "merged", … (translated)
// "8 kept · 41 fused": kept always, the other fates when present. With `ofTotal`, kept reads
// "8/49 kept".
QString fateSummary(const FateTally& tally, bool ofTotal = false);

// "1 token", "14 tokens" (translated; no "token(s)").
QString tokenCountText(int tokens);

// The colour of merged token `token` (distinct, stable: golden-ratio hue steps).
QColor mergedTokenColour(int token);
// Draws `fate`'s styling over a cell already showing the image (token: merged token's index).
void paintFateCell(QPainter& painter, const QRect& cell, PatchFate fate, int token = 0);

// The legend: a swatch and a name (and its count, with `counts`) for each fate present, kept
// always, in rows that fit `width`. Height it needs, then the painting into `area` (light text
// on `dark` backgrounds, dark text otherwise).
int fateLegendHeight(const QFontMetrics& metrics, double width, const FateTally& tally, bool counts);
void paintFateLegend(QPainter& painter, const QRectF& area, const FateTally& tally, bool counts, bool dark);

}  // namespace vp
