#include "widgets/attention_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace vp {
namespace {

constexpr double kGap = 12, kColourBarRamp = 18;

// Paints the view's panes and explains the patch under the mouse.
class AttentionCanvas : public QWidget {
public:
    explicit AttentionCanvas(AttentionView* view) : QWidget(view), m_view(view) {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMouseTracking(true);
    }
    QSize sizeHint() const override { return {760, 400}; }
    QSize minimumSizeHint() const override { return {320, 180}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        m_view->paintPanes(p, QRectF(rect()));
    }
    bool event(QEvent* e) override {
        if (e->type() != QEvent::ToolTip) return QWidget::event(e);
        auto* help = static_cast<QHelpEvent*>(e);
        QString text;
        for (bool pruned : {false, true}) {
            const QRectF r = m_view->paneRect(QRectF(rect()), pruned);
            if (!r.contains(help->pos())) continue;
            text = m_view->describePatch(pruned, m_view->patchAt(QRectF(rect()), pruned, help->pos()));
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }

private:
    AttentionView* m_view;
};

int blockCount(const AttentionMaps& a, const AttentionMaps& b) {
    return static_cast<int>(std::max(a.blocks.size(), b.blocks.size()));
}

int headCount(const AttentionMaps& maps) {
    int h = 0;
    for (const AttentionBlock& b : maps.blocks) h = std::max(h, b.heads);
    return h;
}

}  // namespace

AttentionView::AttentionView(QWidget* parent) : QWidget(parent) {
    auto* lv = new QVBoxLayout(this);
    lv->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout();
    m_modeBox = new QComboBox(this);
    m_modeBox->addItem(tr("CLS attention"));
    m_modeBox->addItem(tr("Rollout"));
    m_modeBox->setToolTip(
        tr("CLS attention: the CLS query's attention inside the chosen block, on the token each patch "
           "lives in.\nRollout (Abnar & Zuidema 2020): the attention of every block up to the chosen one, "
           "heads fused, identity added, rows renormalised and multiplied through the blocks; the CLS "
           "row read on the original patches."));
    m_blockBox = new QComboBox(this);
    m_blockBox->setToolTip(tr("0-based block, as --layer and the methods' block knobs"));
    m_headLabel = new QLabel(tr("Head:"), this);
    m_headBox = new QComboBox(this);
    m_fusionLabel = new QLabel(tr("Heads fused by:"), this);
    m_fusionBox = new QComboBox(this);
    m_fusionBox->addItem(tr("mean"));
    m_fusionBox->addItem(tr("max"));
    m_fusionBox->addItem(tr("min"));
    m_fusionBox->setToolTip(tr("How the rollout combines a block's heads before adding the identity"));
    row->addWidget(new QLabel(tr("Show:"), this));
    row->addWidget(m_modeBox);
    row->addSpacing(8);
    row->addWidget(new QLabel(tr("Block:"), this));
    row->addWidget(m_blockBox);
    row->addSpacing(8);
    row->addWidget(m_headLabel);
    row->addWidget(m_headBox);
    row->addWidget(m_fusionLabel);
    row->addWidget(m_fusionBox);
    row->addStretch(1);
    lv->addLayout(row);
    m_canvas = new AttentionCanvas(this);
    lv->addWidget(m_canvas, 1);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    lv->addWidget(m_caption);

    connect(m_modeBox, &QComboBox::currentIndexChanged, this, [this](int i) { setMode(static_cast<Mode>(i)); });
    connect(m_blockBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0) return;
        m_block = i;
        refresh();
        Q_EMIT blockChosen(i);
    });
    connect(m_headBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0) setHead(i - 1);
    });
    connect(m_fusionBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setFusion(static_cast<HeadFusion>(std::clamp(i, 0, kHeadFusions - 1))); });
    m_denseTitle = tr("Dense");
    m_prunedTitle = tr("Method");
    rebuildSelectors();
    refresh();
}

void AttentionView::setImage(const QImage& image) {
    m_grey = image.isNull() ? QImage() : image.convertToFormat(QImage::Format_Grayscale8);
    refresh();
}

void AttentionView::setMaps(AttentionMaps dense, AttentionMaps pruned) {
    // Maps whose blocks do not match their grid are shown as none rather than read out of bounds.
    for (AttentionMaps* m : {&dense, &pruned}) {
        const size_t n = static_cast<size_t>(std::max(0, m->patches()));
        for (const AttentionBlock& b : m->blocks) {
            bool ok = b.token.size() == n && b.fate.size() == n && b.clsMean.size() == (b.heads > 0 ? n : 0) &&
                      b.cls.size() == size_t(std::max(0, b.heads)) * n;
            for (const auto& r : b.rollout) ok = ok && r.size() == n;
            if (!ok) m->blocks.clear();
        }
    }
    m_dense = std::move(dense);
    m_pruned = std::move(pruned);
    rebuildSelectors();
    refresh();
}

void AttentionView::clearMaps() { setMaps({}, {}); }

void AttentionView::setTitles(const QString& dense, const QString& pruned) {
    m_denseTitle = dense;
    m_prunedTitle = pruned;
    refresh();
}

void AttentionView::setNotes(const QString& dense, const QString& pruned) {
    m_denseNote = dense;
    m_prunedNote = pruned;
    refresh();
}

int AttentionView::block() const {
    const int n = blockCount(m_dense, m_pruned);
    if (n == 0) return -1;
    return m_block < 0 ? n - 1 : std::min(m_block, n - 1);
}

void AttentionView::setBlock(int block) {
    m_block = block;
    const QSignalBlocker guard(m_blockBox);
    m_blockBox->setCurrentIndex(this->block());
    refresh();
}

void AttentionView::setHead(int head) {
    m_head = std::max(-1, head);
    const QSignalBlocker guard(m_headBox);
    m_headBox->setCurrentIndex(std::min(m_head + 1, m_headBox->count() - 1));
    refresh();
}

void AttentionView::setMode(Mode mode) {
    m_mode = mode;
    const QSignalBlocker guard(m_modeBox);
    m_modeBox->setCurrentIndex(static_cast<int>(mode));
    refresh();
}

void AttentionView::setFusion(HeadFusion fusion) {
    m_fusion = fusion;
    const QSignalBlocker guard(m_fusionBox);
    m_fusionBox->setCurrentIndex(static_cast<int>(fusion));
    refresh();
}

void AttentionView::rebuildSelectors() {
    const int blocks = blockCount(m_dense, m_pruned);
    const int heads = std::max(headCount(m_dense), headCount(m_pruned));
    {
        const QSignalBlocker guard(m_blockBox);
        if (m_blockBox->count() != blocks) {
            m_blockBox->clear();
            for (int l = 0; l < blocks; ++l) m_blockBox->addItem(tr("block %1").arg(l));
        }
        m_blockBox->setCurrentIndex(block());
    }
    const QSignalBlocker guard(m_headBox);
    if (m_headBox->count() != heads + 1) {
        m_headBox->clear();
        m_headBox->addItem(tr("mean of heads"));
        for (int h = 0; h < heads; ++h) m_headBox->addItem(tr("head %1").arg(h));
    }
    if (m_head >= heads) m_head = -1;
    m_headBox->setCurrentIndex(m_head + 1);
}

void AttentionView::refresh() {
    const bool rollout = m_mode == Mode::Rollout;
    m_headLabel->setVisible(!rollout);
    m_headBox->setVisible(!rollout);
    m_fusionLabel->setVisible(rollout);
    m_fusionBox->setVisible(rollout);
    m_caption->setText(caption());
    m_canvas->update();
}

const AttentionBlock* AttentionView::shownBlock(const AttentionMaps& maps) const {
    const int b = block();
    return b >= 0 && b < static_cast<int>(maps.blocks.size()) ? &maps.blocks[b] : nullptr;
}

HeatmapPane AttentionView::pane(bool pruned) const {
    const AttentionMaps& maps = pruned ? m_pruned : m_dense;
    HeatmapPane pane;
    const AttentionBlock* b = shownBlock(maps);
    if (!b) return pane;
    const int n = maps.patches();
    pane.gridH = maps.gridH;
    pane.gridW = maps.gridW;
    pane.fused.resize(n);
    for (int p = 0; p < n; ++p) pane.fused[p] = b->fate[p] == PatchFate::Fused;
    if (m_mode == Mode::Rollout) {
        pane.values = b->rollout[static_cast<int>(m_fusion)];
        pane.absent.resize(n);
        for (int p = 0; p < n; ++p) pane.absent[p] = !b->hasToken(p);
        return pane;
    }
    pane.token = b->token;
    pane.values.assign(n, std::nanf(""));
    if (m_head < b->heads)
        for (int p = 0; p < n; ++p) pane.values[p] = b->clsValue(m_head, p);
    return pane;
}

ValueRange AttentionView::range() const {
    ValueRange r;
    r.include(pane(false).values);
    r.include(pane(true).values);
    return r;
}

QString AttentionView::caption() const {
    const int b = block();
    if (b < 0) return tr("Open an image to see where the CLS token attends, for the dense model and the method.");
    if (m_mode == Mode::Rollout)
        return tr("Attention rollout through blocks 0–%1, heads fused by their %2: how much of the CLS token "
                  "traces back to each original patch (identity added for the residual, rows renormalised). "
                  "Hatched over a colour: the patch is no longer in the method's tokens at block %1; dashed "
                  "outline: in the fused token.")
            .arg(b)
            .arg(m_fusionBox->currentText());
    const QString head = m_head < 0 ? tr("the mean of the heads") : tr("head %1").arg(m_head);
    return tr("CLS attention in block %1, %2, over the tokens that entered the block: each patch shows the "
              "attention its token gets (patches of a merged or fused token share it; dashed outline: the "
              "fused token). Dark and hatched: the patch is in no token there (dropped or parked).")
        .arg(b)
        .arg(head);
}

QString AttentionView::describePatch(bool pruned, int patch) const {
    const AttentionMaps& maps = pruned ? m_pruned : m_dense;
    const AttentionBlock* b = shownBlock(maps);
    if (!b || patch < 0 || patch >= maps.patches()) return {};
    const HeatmapPane p = pane(pruned);
    QStringList lines;
    lines << tr("%1 · patch %2 (row %3, col %4), block %5")
                 .arg(pruned ? m_prunedTitle : m_denseTitle)
                 .arg(patch)
                 .arg(patch / maps.gridW)
                 .arg(patch % maps.gridW)
                 .arg(b->layer);
    lines << tr("Value: %1").arg(formatValue(p.values[patch]));
    const int token = b->token[patch];
    if (token == -1)
        lines << tr("Dropped: in no token at this block");
    else if (token <= -2)
        lines << tr("Parked: set aside, not in this block's tokens");
    else {
        const auto shared = std::count(b->token.begin(), b->token.end(), token);
        QString t =
            shared > 1 ? tr("Token %1, shared by %2 patches").arg(token).arg(shared) : tr("Token %1").arg(token);
        if (b->fate[patch] == PatchFate::Fused) t += tr(" (fused token)");
        lines << t;
    }
    return lines.join(QLatin1Char('\n'));
}

double AttentionView::colourBarWidth() const {
    return kGap + kColourBarRamp + 10 + fontMetrics().horizontalAdvance(QStringLiteral("8.8e-88"));
}

QRectF AttentionView::paneRect(const QRectF& target, bool pruned) const {
    const double titleH = fontMetrics().height() + 6;
    const double width = (target.width() - colourBarWidth() - kGap) / 2;
    const double left = target.left() + (pruned ? width + kGap : 0);
    return QRectF(left, target.top() + titleH, std::max(1.0, width), std::max(1.0, target.height() - titleH));
}

int AttentionView::patchAt(const QRectF& target, bool pruned, const QPointF& pos) const {
    return heatmapPatchAt(paneRect(target, pruned), m_grey, pane(pruned), pos);
}

void AttentionView::paintPanes(QPainter& p, const QRectF& target) const {
    p.save();
    p.fillRect(target, palette().color(QPalette::Window));
    p.setFont(font());
    const ValueRange r = range();
    for (bool pruned : {false, true}) {
        const QRectF area = paneRect(target, pruned);
        const QRectF title(area.left(), target.top(), area.width(), area.top() - target.top());
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(
            title, Qt::AlignHCenter | Qt::AlignVCenter,
            p.fontMetrics().elidedText(pruned ? m_prunedTitle : m_denseTitle, Qt::ElideRight, int(area.width())));
        const HeatmapPane pane = this->pane(pruned);
        if (pane.hasValues()) {
            paintHeatmap(p, area, m_grey, pane, r, m_imageOpacity);
            continue;
        }
        p.fillRect(area, QColor(40, 42, 46));
        p.setPen(QColor(230, 230, 230));
        const QString note = pruned ? m_prunedNote : m_denseNote;
        p.drawText(area.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, note);
    }
    const QRectF first = paneRect(target, false);
    const double barWidth = colourBarWidth() - kGap;
    const QRectF bar(target.right() - barWidth, first.top() + first.height() * 0.1, barWidth, first.height() * 0.8);
    paintColourBar(p, bar, r);
    p.restore();
}

QImage AttentionView::renderPanes(const QSize& size) const {
    QImage out(size, QImage::Format_RGB32);
    out.fill(palette().color(QPalette::Window));
    QPainter p(&out);
    paintPanes(p, QRectF(QPointF(0, 0), QSizeF(size)));
    return out;
}

}  // namespace vp
