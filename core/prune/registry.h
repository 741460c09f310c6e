#pragma once
// The explicit list of methods. No static self-registration, so the linker never drops one.
#include <functional>
#include <string>
#include <vector>

#include "prune/prune_method.h"

namespace vp {

class Registry {
public:
    using Factory = std::function<MethodPtr()>;
    // Throws vp::Error when a method with the same id is registered already.
    void add(Factory factory);
    std::vector<MethodSpec> specs() const;
    bool contains(const std::string& id) const;
    // The spec of method `id`; throws vp::Error "unknown method" like create().
    const MethodSpec& spec(const std::string& id) const;
    // Throws vp::Error "unknown method 'x' (known: ...)".
    MethodPtr create(const std::string& id) const;
    MethodPtr create(const std::string& id, const KnobValues& values) const;

private:
    struct Entry {
        MethodSpec spec;
        Factory factory;
    };
    std::vector<Entry> m_entries;
};

// The explicit list of the built-in methods (methods/builtin_methods.cpp): one line per method.
void registerBuiltinMethods(Registry& registry);
// The registry every caller uses: the built-in methods, plus any added through registerMethod.
const Registry& builtinRegistry();
// Adds a method to builtinRegistry() at run time (tests, plug-ins); call it before any other
// thread uses the registry. Throws vp::Error on a duplicate id.
void registerMethod(Registry::Factory factory);

// What on-disk caches of a method's results are keyed by besides its settings: the app version
// and the method's behaviourVersion ("vitprune 0.1.0; evit behaviour 1"). A method that changes
// its output bumps its behaviourVersion, so cached sweeps and timings of the old behaviour are
// measured again, never shown. An unregistered id (a cache of a removed method) gets its own tag.
std::string methodCacheTag(const MethodSpec& spec);
std::string methodCacheTag(const std::string& methodId);

}  // namespace vp
