#pragma once
// Write-then-rename, so a crash or a full disk never leaves a half-written result file; and the
// bounded reading of small text files (sweep results, caches).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vp {

// Writes `bytes` to a temporary file in the target's folder, flushes it, then renames it over
// `path`. Throws vp::Error naming `path` on failure; the old file stays intact.
// The temporary is ".NAME.tmp-PID-RANDOM"; temporaries of NAME left by a process that no longer
// runs (killed with -9 mid-write) are deleted first.
void writeFileAtomic(const std::string& path, const std::string& bytes);

// The same for several files that belong together: every temporary is written and synced before
// the first rename, then they are renamed in the order given.
void writeFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files);

// Throws vp::Error naming `path` now, before any long work, when writeFileAtomic(path, ...) could
// not write it (a missing or read-only folder, a folder at `path`). Leaves nothing behind.
void checkCanWrite(const std::string& path);

// The whole of a regular file of at most `maxBytes`; `what` names it in errors ("sweep file").
// Throws vp::Error naming `path` for a folder, a symlink loop, a larger file or a read error.
std::string readSmallFile(const std::string& path, uintmax_t maxBytes, const std::string& what);

}  // namespace vp
