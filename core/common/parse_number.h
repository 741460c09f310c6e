#pragma once
// Strict number parsing for user text (--set values, CLI flags): the whole string must be a
// finite decimal number ("0.5x", "0x10", " 1", "nan", "1e999" and "" are rejected).
#include <cmath>
#include <optional>
#include <string>

namespace vp {

inline std::optional<double> parseFiniteNumber(const std::string& text) {
    // Decimal notation only: std::stod would also take leading spaces, hexadecimal ("0x10"),
    // "nan" and "inf".
    if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
    size_t used = 0;
    double v = 0;
    try {
        v = std::stod(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (used == 0 || used != text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace vp
