#include "methods/builtin_methods.h"

namespace vp {

void registerBuiltinMethods(Registry& registry) {
    registry.add(makeDenseMethod);
    registry.add(makeRandomKeepMethod);
}

}  // namespace vp
