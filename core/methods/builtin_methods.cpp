// The explicit list of the built-in methods, in the order the studio and `vitprune methods` show
// them: one line per method. Each factory is defined in its method's own file
// (core/methods/<method>.cpp); this list declares and registers it. No static self-registration,
// so the linker never drops a method.
#include "methods/builtin_methods.h"

#define VP_BUILTIN_METHODS(X)     \
    X(makeDenseMethod)            \
    X(makeRandomKeepMethod)       \
    X(makeAttentionTopkMethod)    \
    X(makeEvitMethod)             \
    X(makeTomeMethod)             \
    X(makeEvoVitMethod)           \
    X(makeLtpMethod)              \
    X(makeLtpLearnedMethod)       \
    X(makeDynamicVitMethod)       \
    X(makeIaRed2Method)           \
    X(makeAvitMethod)             \
    X(makeSviteMethod)            \
    X(makePatchSlimmingMethod)    \
    X(makeVtpMethod)              \
    X(makeNvitMethod)             \
    X(makeS2viteMethod)           \
    X(makeVitSlimMethod)          \
    X(makeWdpruningMethod)        \
    X(makeAttentionRemovalMethod) \
    X(makeHmhsaCffnMethod)        \
    X(makeSpvitMethod)            \
    X(makeEventfulMethod)

namespace vp {

#define VP_DECLARE_FACTORY(factory) MethodPtr factory();
VP_BUILTIN_METHODS(VP_DECLARE_FACTORY)
#undef VP_DECLARE_FACTORY

void registerBuiltinMethods(Registry& registry) {
#define VP_REGISTER_FACTORY(factory) registry.add(factory);
    VP_BUILTIN_METHODS(VP_REGISTER_FACTORY)
#undef VP_REGISTER_FACTORY
}

}  // namespace vp
