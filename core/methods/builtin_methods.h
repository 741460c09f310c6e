#pragma once
// What a method's file includes: the interface, the registry types and the VP_TEXT marker for its
// texts. The factory a method file defines (`MethodPtr makeXxxMethod()`) is declared where it is
// registered, in the one list of builtin_methods.cpp. See docs/adding_a_method.md.
#include "prune/method_text.h"
#include "prune/registry.h"
