#include "method_strings.h"

#include <QCoreApplication>
#include <iterator>

namespace vp {
namespace {

// Every user-visible English text of the built-in MethodSpecs (core/methods/*.cpp), once each.
// Proper names (EViT, ToMe, Evo-ViT, LTP, Patch Slimming) stay in the translations; the
// descriptive parts of the names are translated. Paper citations are not listed.
// A text here must match the spec's text exactly (C++ literal concatenation is fine).
const char* const kStrings[] = {
    // dense
    QT_TRANSLATE_NOOP("vp::Methods", "Dense (no pruning)"),
    QT_TRANSLATE_NOOP("vp::Methods", "The unpruned model: every patch goes through every block."),
    // random
    QT_TRANSLATE_NOOP("vp::Methods", "Random keep"),
    QT_TRANSLATE_NOOP("vp::Methods", "Keeps a random subset of the patch tokens after attention at the chosen blocks."),
    QT_TRANSLATE_NOOP("vp::Methods", "Keep ratio"),
    QT_TRANSLATE_NOOP("vp::Methods", "Fraction of the current patch tokens kept at each pruning block."),
    QT_TRANSLATE_NOOP("vp::Methods", "Pruning blocks"),
    QT_TRANSLATE_NOOP("vp::Methods", "0-based blocks after whose attention tokens are dropped."),
    QT_TRANSLATE_NOOP("vp::Methods", "Seed"),
    QT_TRANSLATE_NOOP("vp::Methods", "Random seed (per forward)."),
    QT_TRANSLATE_NOOP("vp::Methods", "Per-block keep ratios"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "One keep ratio per block (1 = no pruning there), comma-separated; replaces the keep ratio and "
                      "the pruning blocks when set. Empty: not used."),
    // attn-topk and evit (shared knobs: "Pruning blocks" above)
    QT_TRANSLATE_NOOP("vp::Methods", "Attention top-k (no fusion)"),
    QT_TRANSLATE_NOOP("vp::Methods", "Keeps the patches the CLS token attends to most and drops the rest."),
    QT_TRANSLATE_NOOP("vp::Methods", "EViT"),
    QT_TRANSLATE_NOOP("vp::Methods", "Keeps the patches the CLS token attends to most; fuses the rest into one token."),
    QT_TRANSLATE_NOOP("vp::Methods", "Keep rate"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Fraction of the current non-CLS tokens kept at each pruning block (EViT's keep_rate)."),
    QT_TRANSLATE_NOOP("vp::Methods", "0-based blocks after whose attention tokens are reorganised."),
    QT_TRANSLATE_NOOP("vp::Methods", "Per-block keep rates"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "One keep rate per block (1 = no pruning there), comma-separated; replaces keep and the "
                      "pruning blocks when set. Empty: not used."),
    QT_TRANSLATE_NOOP("vp::Methods", "Fuse inattentive tokens"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Fold the dropped tokens into one attention-weighted token (EViT) or drop them."),
    // tome
    QT_TRANSLATE_NOOP("vp::Methods", "ToMe (token merging)"),
    QT_TRANSLATE_NOOP("vp::Methods", "Merges the r most similar token pairs in every block (bipartite soft matching)."),
    QT_TRANSLATE_NOOP("vp::Methods", "Tokens merged per block"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "r: tokens removed by merging in each block (capped at half the tokens, as the reference)."),
    QT_TRANSLATE_NOOP("vp::Methods", "Schedule"),
    QT_TRANSLATE_NOOP("vp::Methods", "constant: r in every block; decreasing: ToMe's (r, inflection) schedule."),
    QT_TRANSLATE_NOOP("vp::Methods", "Inflection"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "ToMe's inflection for the decreasing schedule (-0.5: start at 1.5r, end at 0.5r)."),
    QT_TRANSLATE_NOOP("vp::Methods", "Per-block r"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "One r per block (tokens merged there), comma-separated; replaces r and the schedule when set. "
                      "Empty: not used."),
    QT_TRANSLATE_NOOP("vp::Methods", "Proportional attention"),
    QT_TRANSLATE_NOOP("vp::Methods", "Add log(token size) to the attention logits of the keys."),
    // evo-vit ("Keep ratio" above)
    QT_TRANSLATE_NOOP("vp::Methods", "Evo-ViT"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Sorts patches by a global class-attention score in two stages; the informative ones go "
                      "through the blocks, the others are placeholders that skip them and re-join later."),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Fraction of the patches that are informative in each stage: int(P * keep) (98 of 196)."),
    QT_TRANSLATE_NOOP("vp::Methods", "Start block"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "First block of the first stage; the blocks from here on form two stages of equal length."),
    QT_TRANSLATE_NOOP("vp::Methods", "Score tradeoff"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "g <- (1 - alpha) g + alpha * CLS attention, for the informative tokens from the start block."),
    QT_TRANSLATE_NOOP("vp::Methods", "Head"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "mean: head(norm(mean of patch tokens)), the reference's head (Evo-ViT checkpoints); cls: the "
                      "checkpoint's own head (CLS token for DeiT); auto: mean for Evo-ViT checkpoints, cls otherwise."),
    QT_TRANSLATE_NOOP("vp::Methods", "Placeholders"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "code: authors' code, placeholders frozen; paper: paper's description (approximation), a "
                      "representative token carries the blocks' update to the placeholders."),
    // ltp
    QT_TRANSLATE_NOOP("vp::Methods", "LTP (fixed thresholds)"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Drops tokens that receive little attention (below theta_l / N, thresholds rising linearly "
                      "over the blocks); the count varies per image. The authors evaluate on BERT only: applying "
                      "it to ViTs is this app's adaptation."),
    QT_TRANSLATE_NOOP("vp::Methods", "Final threshold"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "theta_final, relative to the uniform score 1/N: after block l a token is pruned when the "
                      "attention it receives is below theta_final * (l+1)/L / N. 0 = dense; larger prunes more."),
    QT_TRANSLATE_NOOP("vp::Methods", "Learned thresholds"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Use thresholds learned with LTP's soft-mask training (not available without training)."),
    // patch-slimming ("Start block" above)
    QT_TRANSLATE_NOOP("vp::Methods", "Patch Slimming (training-free approximation)"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Static nested patch masks decided top-down from the attention of a calibration set (the "
                      "same patches for every image). Training-free approximation: the paper fine-tunes the model."),
    QT_TRANSLATE_NOOP("vp::Methods", "Last-block keep ratio"),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Fraction of the patches the last block keeps; earlier blocks keep linearly more."),
    QT_TRANSLATE_NOOP("vp::Methods",
                      "Block where the linear schedule starts at 100%; later blocks keep fewer patches."),
    QT_TRANSLATE_NOOP("vp::Methods", "Calibration images"),
    QT_TRANSLATE_NOOP("vp::Methods", "Images whose averaged attention decides the masks."),
};

}  // namespace

QString translatedSpecText(const std::string& english) {
    if (english.empty()) return {};
    return QCoreApplication::translate(kMethodStringsContext, english.c_str());
}

const std::vector<std::string>& methodSpecStrings() {
    static const std::vector<std::string> strings(std::begin(kStrings), std::end(kStrings));
    return strings;
}

}  // namespace vp
