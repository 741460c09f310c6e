#include "widgets/fate_style.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace vp {
namespace {

constexpr PatchFate kOrder[kFateCount] = {PatchFate::Kept,    PatchFate::Merged, PatchFate::Fused,
                                          PatchFate::Dropped, PatchFate::Parked, PatchFate::Reused};

// lupdate files these tr() calls under the context "vp" (the enclosing namespace).
QString tr(const char* text) { return QCoreApplication::translate("vp", text); }

// The legend's items, in order: kept always, others when present.
std::vector<PatchFate> shownFates(const FateTally& tally) {
    std::vector<PatchFate> out;
    for (PatchFate f : kOrder)
        if (f == PatchFate::Kept || tally.of(f) > 0) out.push_back(f);
    return out;
}

QString itemText(const FateTally& tally, PatchFate f, bool counts) {
    return counts ? QStringLiteral("%1 %2").arg(tally.of(f)).arg(fateLabel(f)) : fateLabel(f);
}

// Lays the items out in rows of `width`; calls place(fate, text, x, row) for each.
template <typename F>
int layOut(const QFontMetrics& fm, double width, const FateTally& tally, bool counts, F&& place) {
    const int swatch = fm.height(), gap = fm.height() / 2 + 4;
    double x = 0;
    int row = 0;
    for (PatchFate f : shownFates(tally)) {
        const QString text = itemText(tally, f, counts);
        const double w = swatch + 4 + fm.horizontalAdvance(text);
        if (x > 0 && x + w > width) {
            x = 0;
            ++row;
        }
        place(f, text, x, row);
        x += w + gap;
    }
    return row + 1;
}

}  // namespace

int FateTally::total() const {
    int n = 0;
    for (int c : count) n += c;
    return n;
}

FateTally tallyFates(const std::vector<PatchFate>& fates) {
    FateTally t;
    for (PatchFate f : fates) {
        const auto i = static_cast<size_t>(f);
        if (i < t.count.size()) ++t.count[i];
    }
    return t;
}

FateTally tallyFates(const TokenTrace& trace, int layer, int sample) {
    FateTally t;
    t.count = countFates(trace, layer, sample);
    return t;
}

QString fateLabel(PatchFate fate) {
    switch (fate) {
        case PatchFate::Kept:
            return tr("kept");
        case PatchFate::Merged:
            return tr("merged");
        case PatchFate::Fused:
            return tr("fused");
        case PatchFate::Dropped:
            return tr("dropped");
        case PatchFate::Parked:
            return tr("parked");
        case PatchFate::Reused:
            return tr("reused");
    }
    return {};
}

QString fateSummary(const FateTally& tally, bool ofTotal) {
    QStringList parts;
    for (PatchFate f : shownFates(tally)) {
        if (f == PatchFate::Kept && ofTotal)
            parts << QStringLiteral("%1/%2 %3").arg(tally.of(f)).arg(tally.total()).arg(fateLabel(f));
        else
            parts << itemText(tally, f, true);
    }
    return parts.join(QStringLiteral(" · "));
}

QString tokenCountText(int tokens) { return tokens == 1 ? tr("1 token") : tr("%1 tokens").arg(tokens); }

QColor mergedTokenColour(int token) {
    const double hue = std::fmod(0.13 + 0.61803398875 * token, 1.0);
    return QColor::fromHsvF(static_cast<float>(hue), 0.85f, 1.0f);
}

void paintFateCell(QPainter& p, const QRect& cell, PatchFate fate, int token) {
    if (fate == PatchFate::Kept) return;
    // Thin outlines at small sizes, so a 10-px cell is not all border.
    const int pen = cell.width() >= 24 ? 2 : 1;
    switch (fate) {
        case PatchFate::Dropped:
            p.fillRect(cell, QColor(0, 0, 0, 185));
            p.fillRect(cell, QBrush(QColor(255, 255, 255, 95), Qt::BDiagPattern));
            break;
        case PatchFate::Fused:  // into EViT's background token: dimmed, amber
            p.fillRect(cell, QColor(0, 0, 0, 120));
            p.fillRect(cell, QColor(255, 160, 30, 85));
            break;
        case PatchFate::Merged: {
            p.fillRect(cell, QColor(0, 0, 0, 70));
            QColor c = mergedTokenColour(token);
            c.setAlpha(110);
            p.fillRect(cell, c);
            break;
        }
        case PatchFate::Parked:  // set aside for some blocks, comes back later
            p.fillRect(cell, QColor(0, 0, 0, 110));
            p.setPen(QPen(QColor(90, 200, 255), pen, Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(cell.adjusted(pen / 2, pen / 2, -pen, -pen));
            break;
        case PatchFate::Reused:  // output taken from an earlier video frame (Eventful)
            p.fillRect(cell, QColor(0, 0, 0, 60));
            p.fillRect(cell, QColor(20, 60, 160, 140));
            break;
        case PatchFate::Kept:
            break;
    }
}

int fateLegendHeight(const QFontMetrics& fm, double width, const FateTally& tally, bool counts) {
    const int rows = layOut(fm, width, tally, counts, [](PatchFate, const QString&, double, int) {});
    return rows * (fm.height() + 4) + 4;
}

void paintFateLegend(QPainter& p, const QRectF& area, const FateTally& tally, bool counts, bool dark) {
    p.save();
    const QFontMetrics fm = p.fontMetrics();
    const int lineH = fm.height() + 4, swatch = fm.height() - 2;
    p.setRenderHint(QPainter::Antialiasing, false);
    layOut(fm, area.width(), tally, counts, [&](PatchFate f, const QString& text, double x, int row) {
        const QRect sw(static_cast<int>(area.left() + x), static_cast<int>(area.top() + 4 + row * lineH + 1), swatch,
                       swatch);
        p.fillRect(sw, QColor(170, 170, 170));  // a mid-grey "image" under the fate's styling
        paintFateCell(p, sw, f, 3);
        p.setPen(QPen(dark ? QColor(220, 220, 220) : QColor(60, 60, 60), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(sw.adjusted(0, 0, -1, -1));
        p.setPen(dark ? QColor(230, 230, 230) : QColor(20, 20, 20));
        p.drawText(QRectF(sw.right() + 5, area.top() + 4 + row * lineH, area.width(), fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, text);
    });
    p.restore();
}

}  // namespace vp
