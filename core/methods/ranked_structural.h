#pragma once
// What the globally ranked structural methods (NViT, VTP, S²ViTE, ...) share: a GMACs budget knob,
// a calibration-size knob when the importance needs data, importance by one source
// (prune/unit_importance.h), one global ranking (prune/global_ranking.h) and the slicing
// (prune/structure_plan.h). A method file declares its spec, units and source; patchModel does
// the rest. The model it returns is what every later forward, trace and GMACs count runs on.
#include <optional>
#include <string>
#include <vector>

#include "methods/builtin_methods.h"
#include "prune/global_ranking.h"
#include "prune/soft_mask_search.h"

namespace vp {

class RankedStructuralMethod : public PruneMethod {
public:
    void configure(const KnobValues& values) override;
    int calibrationImages() const override;
    void calibrate(const ViTModel& model, const std::vector<at::Tensor>& batches) override;
    std::optional<ViTModel> patchModel(const ViTModel& model) const override;

    // The plan for `model` under the configured budget (patchModel slices it).
    KeepPlan plan(const ViTModel& model) const;

    // The knobs every ranked method has: "budget" (fraction of the dense GMACs) and, when the
    // source needs data, "calib" (calibration images). Methods add their own after these.
    static std::vector<Knob> sharedKnobs(bool calibration, const std::string& defaultBudget = "0.7");

protected:
    virtual RankingUnits units() const = 0;
    // The importance of every unit: by default unitScores(source()) on the calibration images,
    // remembered across budget changes; a method with its own scorer (a mask search) overrides
    // scores() and importanceLabel().
    virtual ImportanceSource source() const { return ImportanceSource::Magnitude; }
    virtual UnitScores scores(const ViTModel& model) const;
    virtual std::string importanceLabel() const { return importanceName(source()); }

    // The soft-mask search's knobs ("steps", "sparsity") and its remembered result for `model`
    // on the calibration images (ViT-Slim; VTP's learned gates).
    static Knob searchStepsKnob();
    static Knob sparsityKnob();
    MaskSearchOptions searchOptions(const KnobValues& values) const;
    UnitScores searchedMasks(const ViTModel& model, const MaskSearchOptions& options) const;
    // Fills id/name/paper/help with family "structural" and the main knob "budget".
    static MethodSpec structuralSpec(std::string id, std::string name, std::string paper, std::string help,
                                     bool calibration);

    double m_budget = 0.7;
    int m_calib = 0;
    std::vector<at::Tensor> m_batches;
};

}  // namespace vp
