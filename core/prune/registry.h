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
    void add(Factory factory);
    std::vector<MethodSpec> specs() const;
    bool contains(const std::string& id) const;
    // The spec of method `id`; throws vp::Error "unknown method" like create().
    const MethodSpec& spec(const std::string& id) const;
    // Throws vp::Error "unknown method 'x' (known: ...)".
    MethodPtr create(const std::string& id) const;
    MethodPtr create(const std::string& id, const KnobValues& values) const;

private:
    struct Entry { MethodSpec spec; Factory factory; };
    std::vector<Entry> m_entries;
};

void registerBuiltinMethods(Registry& registry);
const Registry& builtinRegistry();

}  // namespace vp
