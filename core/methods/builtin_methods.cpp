#include "methods/builtin_methods.h"

namespace vp {

void registerBuiltinMethods(Registry& registry) {
    registry.add(makeDenseMethod);
    registry.add(makeRandomKeepMethod);
    registry.add(makeAttentionTopkMethod);
    registry.add(makeEvitMethod);
    registry.add(makeTomeMethod);
    registry.add(makeEvoVitMethod);
    registry.add(makeLtpMethod);
    registry.add(makePatchSlimmingMethod);
}

}  // namespace vp
