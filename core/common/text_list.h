#pragma once
// "a,b,,c" -> {"a", "b", "c"}: comma-separated lists of user text (CLI flags, the GPU check).
#include <sstream>
#include <string>
#include <vector>

namespace vp {

inline std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace vp
