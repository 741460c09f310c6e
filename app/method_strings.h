#pragma once
// The English texts of the built-in methods' specs (core/methods/*.cpp: names, one-line help, knob
// labels and knob help) listed for Qt Linguist in the context "vp::Methods", so the studio can
// show them translated while core stays Qt-free. Ids, `--set` texts, choice values and paper
// citations stay as they are. tests/app/test_method_strings.cpp fails when a spec text is missing.
#include <QString>
#include <string>
#include <vector>

namespace vp {

inline constexpr const char* kMethodStringsContext = "vp::Methods";

// The translation of one spec text in the current language (the text itself when there is none).
QString translatedSpecText(const std::string& english);

// Every English text the table lists, in table order.
const std::vector<std::string>& methodSpecStrings();

}  // namespace vp
