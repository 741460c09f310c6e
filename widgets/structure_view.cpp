#include "widgets/structure_view.h"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/head_grid.h"
#include "widgets/kept_tokens_chart.h"
#include "widgets/plot_palette.h"

namespace vp {
namespace {

QString swatch(const QColor& c, const QString& glyph) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(c.name(), glyph);
}

}  // namespace

StructureView::StructureView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Structure kept</b>"), this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_gridCaption = new QLabel(this);
    m_gridCaption->setWordWrap(true);
    m_gridCaption->setForegroundRole(QPalette::PlaceholderText);
    m_gridCaption->setText(tr("Heads per block (rows): %1 kept · %2 removed · %3 attention removed — counts, not "
                              "original positions")
                               .arg(swatch(HeadGrid::keptColour(), QStringLiteral("■")),
                                    swatch(QColor(150, 150, 150), QStringLiteral("▨")),
                                    swatch(palette::seriesColour(1), QStringLiteral("▨"))));
    m_gridCaption->setToolTip(
        tr("A pruned model's config records how many heads each block kept, not which of the original "
           "heads: the kept heads are drawn as the first cells of their row."));
    m_grid = new HeadGrid(this);
    m_neurons = new KeptTokensChart(this);
    m_neurons->setAxisLabels(tr("block"), tr("MLP neurons"));
    m_neurons->setSeriesNames(tr("kept"), tr("unpruned"));
    m_neurons->setLegendAbove();  // the view is narrow: a legend column would squeeze the bars
    m_neurons->setMinimumHeight(130);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_gridCaption);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_neurons, 1);
    connect(m_grid, &HeadGrid::layerClicked, this, &StructureView::layerClicked);
    connect(m_neurons, &KeptTokensChart::layerClicked, this, &StructureView::layerClicked);
}

void StructureView::setStructure(const std::vector<BlockWidth>& reference, const std::vector<BlockWidth>& pruned,
                                 const QString& prunedBy) {
    m_grid->setWidths(reference, pruned);
    std::vector<double> kept, unpruned;
    for (size_t i = 0; i < reference.size(); ++i) {
        unpruned.push_back(reference[i].mlpHidden);
        kept.push_back(i < pruned.size() ? pruned[i].mlpHidden : 0);
    }
    m_neurons->setCounts(kept, unpruned);
    m_summary->setText(summaryText());
    m_summary->setToolTip(prunedBy.isEmpty() ? QString() : tr("Pruned by: %1").arg(prunedBy));
}

void StructureView::clear() { setStructure({}, {}, QString()); }

void StructureView::setCurrentLayer(int layer) {
    m_grid->setCurrentLayer(layer);
    m_neurons->setCurrentLayer(layer);
}

// "9 of 12 heads · 2 attention sub-blocks removed · MLP neurons 3000 of 6144 (49%)".
QString StructureView::summaryText() const {
    if (m_grid->rowCount() == 0) return {};
    int heads = 0, refHeads = 0, noAttention = 0, cut = 0;
    double neurons = 0, refNeurons = 0;
    const std::vector<double> kept = m_neurons->values(), unpruned = m_neurons->denseValues();
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        const int k = m_grid->keptHeads(row);
        if (k < 0) ++cut;
        if (m_grid->attentionRemoved(row)) ++noAttention;
        heads += std::max(0, k);
        refHeads += m_grid->referenceHeads(row);
        neurons += kept[row];
        refNeurons += unpruned[row];
    }
    QString text = tr("%1 of %2 heads").arg(heads).arg(refHeads);
    if (noAttention > 0)
        text += noAttention == 1 ? tr(" · 1 attention sub-block removed")
                                 : tr(" · %1 attention sub-blocks removed").arg(noAttention);
    if (cut > 0) text += cut == 1 ? tr(" · 1 block cut") : tr(" · %1 blocks cut").arg(cut);
    text += tr(" · MLP neurons %1 of %2 (%3%)")
                .arg(neurons, 0, 'f', 0)
                .arg(refNeurons, 0, 'f', 0)
                .arg(refNeurons > 0 ? 100.0 * neurons / refNeurons : 0.0, 0, 'f', 0);
    return text;
}

}  // namespace vp
