#pragma once
// Per-block keep masks of one image as JSON ("vitprune-keep-masks/1"): for every block (0-based,
// the numbering of the knobs) each patch's fate by name and the token it lives in, the patches
// per fate, and what produced them. Written by `vitprune export-overlay --masks-out`,
// `vitprune predict --masks-out` and the studio's File ▸ Export keep masks.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "prune/token_trace.h"

namespace vp {

// "kept", "merged", "fused", "dropped", "parked", "reused".
const char* fateName(PatchFate fate);

struct KeepMasksInfo {
    std::string model, image, method;             // as the user named them
    std::map<std::string, std::string> settings;  // knob id -> value text (KnobValues::raw())
    double gmacs = 0;                             // of this image under the method
    double denseGmacs = -1;                       // < 0: left out
    std::string device = "cpu";                   // for the provenance
};

// Layout:
//   {"format", "model", "image", "method", "settings", "gmacs", "dense_gmacs", "grid": {"height",
//    "width"}, "patches", "prefix_tokens", "fates": [names], "provenance",
//    "blocks": [{"block", "tokens", "counts": {kept, merged, fused, dropped, parked, reused},
//                "fate": [name per patch, row-major], "token": [token index per patch]}]}
// "token" is the index of the token the patch lives in after the block (prefix tokens counted,
// as in the model's sequence); -1 dropped, -2-j parked in placeholder slot j. "tokens" is the
// patch tokens after the block (what predict --json's kept_per_layer gives for one image).
// Merged and fused patches are counted as such, never as kept; the counts sum to "patches".
// Throws vp::Error (Internal) when `trace` has no per-patch fates (recorded at TraceLevel::Counts)
// or `sample` is outside its batch.
nlohmann::ordered_json keepMasksJson(const TokenTrace& trace, const KeepMasksInfo& info, int sample = 0);

// The same as indented JSON text with a final newline (what the files hold).
std::string keepMasksText(const TokenTrace& trace, const KeepMasksInfo& info, int sample = 0);

}  // namespace vp
