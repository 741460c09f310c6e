#pragma once
// A method spec's text (name, one-line help, knob label or help) in the UI language. The texts are
// marked with VP_TEXT in each method's own file (core/prune/method_text.h), from where lupdate
// puts them in translations/*.ts under the context "vp::Methods". Ids, --set texts, choice values
// and paper citations are never translated.
#include <QString>
#include <string>

namespace vp {

QString specText(const std::string& english);

}  // namespace vp
