#pragma once
// Factories of the built-in methods; registerBuiltinMethods (builtin_methods.cpp) lists them all.
#include "prune/registry.h"

namespace vp {

MethodPtr makeDenseMethod();
MethodPtr makeRandomKeepMethod();
MethodPtr makeAttentionTopkMethod();
MethodPtr makeEvitMethod();
MethodPtr makeTomeMethod();
MethodPtr makeEvoVitMethod();
MethodPtr makeLtpMethod();
MethodPtr makePatchSlimmingMethod();

}  // namespace vp
