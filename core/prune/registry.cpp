#include "prune/registry.h"

#include "common/error.h"
#include "model/vit_model.h"

namespace vp {

std::optional<ViTModel> PruneMethod::patchModel(const ViTModel&) const { return std::nullopt; }

void Registry::add(Factory factory) {
    MethodPtr probe = factory();
    if (contains(probe->spec().id)) throw Error("method '" + probe->spec().id + "' is registered twice");
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

namespace {
Registry& mutableRegistry() {
    static Registry registry = [] {
        Registry r;
        registerBuiltinMethods(r);
        return r;
    }();
    return registry;
}
}  // namespace

const Registry& builtinRegistry() { return mutableRegistry(); }

void registerMethod(Registry::Factory factory) { mutableRegistry().add(std::move(factory)); }

namespace {
std::string cacheTag(const std::string& methodId, const std::string& behaviour) {
    std::string tag = "vitprune ";
    tag += VITPRUNE_VERSION;
    tag += "; ";
    tag += methodId;
    tag += behaviour;
    return tag;
}
}  // namespace

std::string methodCacheTag(const MethodSpec& spec) {
    return cacheTag(spec.id, " behaviour " + std::to_string(spec.behaviourVersion));
}

std::string methodCacheTag(const std::string& methodId) {
    const Registry& r = builtinRegistry();
    if (methodId.empty() || methodId == "dense") return methodCacheTag(r.spec("dense"));
    return r.contains(methodId) ? methodCacheTag(r.spec(methodId)) : cacheTag(methodId, " (not registered)");
}

}  // namespace vp
