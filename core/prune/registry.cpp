#include "prune/registry.h"

#include "common/error.h"
#include "model/vit_model.h"

namespace vp {

std::optional<ViTModel> PruneMethod::patchModel(const ViTModel&) const { return std::nullopt; }

void Registry::add(Factory factory) {
    MethodPtr probe = factory();
    m_entries.push_back({probe->spec(), std::move(factory)});
}

std::vector<MethodSpec> Registry::specs() const {
    std::vector<MethodSpec> out;
    for (const Entry& e : m_entries) out.push_back(e.spec);
    return out;
}

bool Registry::contains(const std::string& id) const {
    for (const Entry& e : m_entries)
        if (e.spec.id == id) return true;
    return false;
}

namespace {
[[noreturn]] void throwUnknown(const std::string& id, const std::vector<MethodSpec>& specs) {
    std::string known;
    for (const MethodSpec& s : specs) known += (known.empty() ? "" : ", ") + s.id;
    throw Error("unknown method '" + id + "' (known: " + known + ")");
}
}  // namespace

const MethodSpec& Registry::spec(const std::string& id) const {
    for (const Entry& e : m_entries)
        if (e.spec.id == id) return e.spec;
    throwUnknown(id, specs());
}

MethodPtr Registry::create(const std::string& id) const {
    for (const Entry& e : m_entries)
        if (e.spec.id == id) return e.factory();
    throwUnknown(id, specs());
}

MethodPtr Registry::create(const std::string& id, const KnobValues& values) const {
    MethodPtr m = create(id);
    values.validate(m->spec());
    m->configure(values);
    return m;
}

const Registry& builtinRegistry() {
    static const Registry registry = [] {
        Registry r;
        registerBuiltinMethods(r);
        return r;
    }();
    return registry;
}

}  // namespace vp
