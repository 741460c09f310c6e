#include "cli_args.h"

#include <cmath>

#include "common/error.h"
#include "common/parse_number.h"

namespace vp::cli {

Args::Args(int argc, char** argv, int first, const std::set<std::string>& switches) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            m_positionals.push_back(a);
            continue;
        }
        std::string flag = a, value;
        bool inlineValue = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            flag = a.substr(0, eq);
            value = a.substr(eq + 1);
            inlineValue = true;
        }
        if (switches.count(flag)) {
            m_flags[flag] = "1";
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= argc) throw Error(flag + ": missing value");
            value = argv[++i];
        }
        if (flag == "--set")
            m_sets.push_back(value);
        else
            m_flags[flag] = value;
    }
}

std::string Args::positional(size_t i, const std::string& name) const {
    if (i >= m_positionals.size()) throw Error("missing argument " + name);
    return m_positionals[i];
}

bool Args::has(const std::string& flag) const { return m_flags.count(flag) != 0; }

std::string Args::value(const std::string& flag, const std::string& fallback) const {
    auto it = m_flags.find(flag);
    return it == m_flags.end() ? fallback : it->second;
}

double Args::doubleValue(const std::string& flag, double fallback, double min, double max) const {
    if (!has(flag)) return fallback;
    const std::string text = value(flag);
    const std::optional<double> parsed = parseFiniteNumber(text);
    if (!parsed) throw Error(flag + ": '" + text + "' is not a number");
    const double v = *parsed;
    if (v < min || v > max)
        throw Error(flag + ": " + text + " is outside [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return v;
}

int Args::intValue(const std::string& flag, int fallback, int min, int max) const {
    const double v = doubleValue(flag, fallback, min, max);
    if (v != std::floor(v)) throw Error(flag + ": '" + value(flag) + "' is not an integer");
    return static_cast<int>(v);
}

void Args::allowOnly(const std::set<std::string>& allowed) const {
    for (const auto& [flag, v] : m_flags)
        if (!allowed.count(flag)) throw Error("unknown option " + flag);
    if (!m_sets.empty() && !allowed.count("--set")) throw Error("unknown option --set");
}

}  // namespace vp::cli
