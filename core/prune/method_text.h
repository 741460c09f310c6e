#pragma once
// Marks a method's user-visible English texts (name, one-line help, knob labels and knob help) for
// translation where they are written, in the method's own file. It expands to the text itself, so
// core stays Qt-free. lupdate reads it as QT_TRANSLATE_NOOP (scripts/update_translations.sh passes
// -tr-function-alias QT_TRANSLATE_NOOP+=VP_TEXT), so the .ts files list every marked text; the
// studio shows them through QCoreApplication::translate(kMethodTextContext, text). The context
// must be written out as the literal "vp::Methods": lupdate does not expand macros.
// Ids, --set values, choice values and paper citations are not marked: they stay as they are.
#include <string>
#include <vector>

#include "prune/knob.h"

#define VP_TEXT(context, text) text

namespace vp {

inline constexpr const char* kMethodTextContext = "vp::Methods";

// Every translatable text of a spec (name, help, knob labels and help), empty ones left out.
std::vector<std::string> translatableTexts(const MethodSpec& spec);

}  // namespace vp
