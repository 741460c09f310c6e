#pragma once
// Minimal argument parsing for the vitprune subcommands: positionals, --flag VALUE, --switch,
// and the repeatable --set K=V.
#include <map>
#include <set>
#include <string>
#include <vector>

namespace vp::cli {

class Args {
public:
    // `switches` are flags without a value (e.g. --json); every other --flag takes one value.
    Args(int argc, char** argv, int first, const std::set<std::string>& switches);
    const std::vector<std::string>& positionals() const { return m_positionals; }
    std::string positional(size_t i, const std::string& name) const;  // throws if missing
    bool has(const std::string& flag) const;
    std::string value(const std::string& flag, const std::string& fallback = "") const;
    int intValue(const std::string& flag, int fallback, int min, int max) const;
    double doubleValue(const std::string& flag, double fallback, double min, double max) const;
    const std::vector<std::string>& sets() const { return m_sets; }
    // Throws vp::Error for flags not in `allowed`.
    void allowOnly(const std::set<std::string>& allowed) const;

private:
    std::vector<std::string> m_positionals;
    std::map<std::string, std::string> m_flags;
    std::vector<std::string> m_sets;
    std::string m_missingValue;  // a trailing --flag without its value
};

}  // namespace vp::cli
