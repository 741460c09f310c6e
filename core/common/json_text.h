#pragma once
// JSON text that never fails on strings which are not UTF-8. Linux paths are bytes: a file named
// $'caf\xe9.png' is legal, but nlohmann's dump() throws type_error.316 on it. Every JSON the
// program writes goes through here, with invalid bytes shown as U+FFFD; `validUtf8` gives the same
// text for comparing a path with what a JSON file says about it.
#include <nlohmann/json.hpp>

#include <string>

namespace vp {

template <typename Json>
std::string jsonText(const Json& j, int indent = -1) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `s` with each invalid UTF-8 sequence replaced by U+FFFD, as jsonText writes it.
inline std::string validUtf8(const std::string& s) {
    return nlohmann::json::parse(jsonText(nlohmann::json(s))).get<std::string>();
}

}  // namespace vp
