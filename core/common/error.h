#pragma once
// Errors that cross the core's boundary. BadInput (a file, an argument, a value the user gave)
// maps to CLI exit code 2 and a dialog in the GUI; Internal maps to exit code 1.
#include <stdexcept>
#include <string>

namespace vp {

class Error : public std::runtime_error {
public:
    enum class Kind { BadInput, Internal };
    explicit Error(const std::string& message, Kind kind = Kind::BadInput)
        : std::runtime_error(message), m_kind(kind) {}
    Kind kind() const { return m_kind; }
    int exitCode() const { return m_kind == Kind::BadInput ? 2 : 1; }

private:
    Kind m_kind;
};

// Thrown by a forward whose ForwardOptions::abandon said so (a newer request made it stale).
// Not an error: the caller drops the work and goes on with the newer request.
class Abandoned : public std::exception {
public:
    const char* what() const noexcept override { return "abandoned"; }
};

// "FILE: problem" — every message about a file starts with the file's path.
inline Error fileError(const std::string& path, const std::string& problem) { return Error(path + ": " + problem); }

}  // namespace vp
