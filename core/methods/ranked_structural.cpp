#include "methods/ranked_structural.h"

#include <iomanip>
#include <sstream>

#include "common/error.h"
#include "prune/first_images.h"
#include "prune/flops.h"

namespace vp {

std::vector<Knob> RankedStructuralMethod::sharedKnobs(bool calibration, const std::string& defaultBudget) {
    std::vector<Knob> knobs = {
        {"budget",
         VP_TEXT("vp::Methods", "GMACs budget"),
         KnobType::Number,
         0.05,
         1.0,
         0.01,
         defaultBudget,
         {},
         VP_TEXT("vp::Methods",
                 "Fraction of the model's dense GMACs the pruned model may cost; the least important units are "
                 "removed across all blocks until it does.")},
    };
    if (calibration)
        knobs.push_back({"calib",
                         VP_TEXT("vp::Methods", "Calibration images"),
                         KnobType::Integer,
                         1,
                         60000,
                         1,
                         "64",
                         {},
                         VP_TEXT("vp::Methods", "Images whose gradients rank the units.")});
    return knobs;
}

MethodSpec RankedStructuralMethod::structuralSpec(std::string id, std::string name, std::string paper, std::string help,
                                                  bool calibration) {
    MethodSpec s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.paper = std::move(paper);
    s.help = std::move(help);
    s.family = "structural";
    s.mainKnob = "budget";
    s.knobs = sharedKnobs(calibration);
    return s;
}

void RankedStructuralMethod::configure(const KnobValues& values) {
    const MethodSpec s = spec();
    m_budget = values.number(s, "budget");
    const int calib = s.knob("calib") ? values.integer(s, "calib") : 0;
    if (calib != m_calib) m_batches.clear();
    m_calib = calib;
}

int RankedStructuralMethod::calibrationImages() const { return m_calib; }

void RankedStructuralMethod::calibrate(const ViTModel&, const std::vector<at::Tensor>& batches) {
    m_batches = firstImages(batches, m_calib);  // the scores (and their cache key) depend on them
}

Knob RankedStructuralMethod::searchStepsKnob() {
    return {"steps",
            VP_TEXT("vp::Methods", "Search steps"),
            KnobType::Integer,
            1,
            100000,
            10,
            "60",
            {},
            VP_TEXT("vp::Methods",
                    "Adam steps of the mask search over the calibration images (weights frozen); more steps separate "
                    "important from unimportant units more clearly.")};
}

Knob RankedStructuralMethod::sparsityKnob() {
    return {"sparsity",
            VP_TEXT("vp::Methods", "Mask sparsity weight"),
            KnobType::Number,
            0,
            100,
            0.01,
            "0.05",
            {},
            VP_TEXT("vp::Methods",
                    "Weight of the L1 penalty on the masks against the distillation loss during the search.")};
}

MaskSearchOptions RankedStructuralMethod::searchOptions(const KnobValues& values) const {
    const MethodSpec s = spec();
    MaskSearchOptions o;
    o.steps = values.integer(s, "steps");
    o.sparsity = values.number(s, "sparsity");
    return o;
}

UnitScores RankedStructuralMethod::searchedMasks(const ViTModel& model, const MaskSearchOptions& o) const {
    std::ostringstream tag;
    tag << "masks projected steps=" << o.steps << " lr=" << o.lr << " sparsity=" << o.sparsity << " embed=" << o.embed
        << " shared=" << o.sharedHeadDims;
    return cachedScores(model, tag.str(), m_batches, [&] { return softMaskScores(model, m_batches, o); });
}

UnitScores RankedStructuralMethod::scores(const ViTModel& model) const {
    return cachedUnitScores(model, source(), m_batches);
}

KeepPlan RankedStructuralMethod::plan(const ViTModel& model) const {
    const std::string id = spec().id;
    if (calibrationImages() > 0 && m_batches.empty())
        throw Error(id + ": needs calibration images and the calibration set has zero images");
    return rankUnderBudget(model, scores(model), m_budget * denseMacs(model), units(), id);
}

std::optional<ViTModel> RankedStructuralMethod::patchModel(const ViTModel& model) const {
    const KeepPlan p = plan(model);
    std::ostringstream by;
    by << spec().id << " budget=" << std::setprecision(3) << m_budget << " (" << importanceLabel() << "; "
       << planSummary(model, p) << ")";
    return applyPlan(model, p, by.str());
}

}  // namespace vp
