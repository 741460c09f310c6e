#pragma once
// Write-then-rename, so a crash or a full disk never leaves a half-written result file.
#include <string>

namespace vp {

// Writes `bytes` to a temporary file in the target's folder, flushes it, then renames it over
// `path`. Throws vp::Error naming `path` on failure; the old file stays intact.
void writeFileAtomic(const std::string& path, const std::string& bytes);

}  // namespace vp
