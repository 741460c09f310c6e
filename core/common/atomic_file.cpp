#include "common/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "common/error.h"

namespace vp {
namespace fs = std::filesystem;

namespace {

std::string tmpPrefix(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

// Deletes ".NAME.tmp-PID-..." files beside `target` whose PID no longer runs. A temporary of a
// live process (another writer right now) is left alone.
void removeStaleTemporaries(const fs::path& target) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = tmpPrefix(target);
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = name.substr(prefix.size());
        const size_t dash = rest.find('-');
        if (dash == std::string::npos || dash == 0 || rest.find_first_not_of("0123456789") != dash) continue;
        const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to know)
        std::error_code rmEc;
        fs::remove(it->path(), rmEc);
    }
}

// Writes and syncs the temporary for `path`; returns its name.
fs::path writeTemporary(const std::string& path, const std::string& bytes) {
    const fs::path target(path);
    removeStaleTemporaries(target);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path tmp = dir / (tmpPrefix(target) + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw fileError(path, std::string("cannot write: ") + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw fileError(path, std::string("write failed: ") + std::strerror(err));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw fileError(path, std::string("write failed: ") + std::strerror(err));
    }
    return tmp;
}

void renameOver(const fs::path& tmp, const std::string& path) {
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw fileError(path, std::string("cannot replace: ") + std::strerror(err));
    }
}

}  // namespace

void writeFileAtomic(const std::string& path, const std::string& bytes) {
    renameOver(writeTemporary(path, bytes), path);
}

void writeFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<fs::path> tmps;
    try {
        for (const auto& [path, bytes] : files) tmps.push_back(writeTemporary(path, bytes));
    } catch (...) {
        for (const fs::path& t : tmps) ::unlink(t.c_str());
        throw;
    }
    for (size_t i = 0; i < files.size(); ++i) {
        try {
            renameOver(tmps[i], files[i].first);
        } catch (...) {
            for (size_t k = i + 1; k < tmps.size(); ++k) ::unlink(tmps[k].c_str());
            throw;
        }
    }
}

void checkCanWrite(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw fileError(path, "is a folder; a file name is needed");
    ::unlink(writeTemporary(path, "").c_str());
}

std::string readSmallFile(const std::string& path, uintmax_t maxBytes, const std::string& what) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec == std::errc::no_such_file_or_directory || (!ec && !fs::exists(st))) throw fileError(path, "no such file");
    if (ec) throw fileError(path, "cannot access: " + ec.message());
    if (fs::is_directory(st)) throw fileError(path, "is a folder, not a " + what);
    if (!fs::is_regular_file(st)) throw fileError(path, "is not a regular file");
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) throw fileError(path, "cannot read its size: " + ec.message());
    if (size > maxBytes)
        throw fileError(path, "is " + std::to_string(size) + " bytes, too large for a " + what + " (at most " +
                                  std::to_string(maxBytes) + ")");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError(path, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw fileError(path, "read error");
    return s.str();
}

}  // namespace vp
