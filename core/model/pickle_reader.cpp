#include "model/pickle_reader.h"

#include "common/error.h"

#include <c10/util/accumulate.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <map>
#include <unordered_map>
#include <vector>

namespace vp::detail {

namespace {

// Real checkpoints (state dict + optimizer state) need ~10^5 objects; an object is ~200 bytes.
constexpr size_t kMaxObjects = size_t(1) << 21;
constexpr size_t kMaxStack = size_t(1) << 22;
constexpr size_t kMaxGlobalLine = 1024;
constexpr size_t kMaxDims = 64;
// Bytes that tensors copied out of shared storages may add beyond 2x the storages loaded
// (stride-0 or repeated views must not turn a small file into a huge allocation).
constexpr int64_t kCopySlack = int64_t(64) << 20;

using Obj = PickleObject;
using Kind = PickleObject::Kind;
using Fn = PickleObject::Fn;

struct StorageName {
    const char* name;
    at::ScalarType type;
};
constexpr StorageName kStorages[] = {
    {"FloatStorage", at::kFloat},   {"HalfStorage", at::kHalf}, {"BFloat16Storage", at::kBFloat16},
    {"DoubleStorage", at::kDouble}, {"LongStorage", at::kLong}, {"IntStorage", at::kInt},
    {"ShortStorage", at::kShort},   {"CharStorage", at::kChar}, {"ByteStorage", at::kByte},
    {"BoolStorage", at::kBool},
};

class Vm {
public:
    Vm(const uint8_t* data, size_t size, const std::string& origin, std::deque<Obj>& arena)
        : m_p(data), m_size(size), m_origin(origin), m_objs(arena) {}

    Obj* run();

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw fileError(m_origin, "data.pkl: " + problem + " at byte " + std::to_string(m_op));
    }
    const uint8_t* take(size_t n) {
        if (n > m_size - m_pos) fail("truncated pickle (needs " + std::to_string(n) + " more bytes)");
        const uint8_t* p = m_p + m_pos;
        m_pos += n;
        return p;
    }
    uint64_t le(size_t n) {
        const uint8_t* p = take(n);
        uint64_t v = 0;
        for (size_t k = n; k-- > 0;) v = (v << 8) | p[k];
        return v;
    }
    std::string line() {
        size_t limit = std::min(m_size - m_pos, kMaxGlobalLine);
        const void* nl = std::memchr(m_p + m_pos, '\n', limit);
        if (!nl) fail("GLOBAL name not terminated");
        size_t n = static_cast<const uint8_t*>(nl) - (m_p + m_pos);
        std::string out(reinterpret_cast<const char*>(take(n)), n);
        take(1);
        return out;
    }
    Obj* make(Kind k) {
        if (m_objs.size() >= kMaxObjects) fail("too many objects");
        m_objs.emplace_back();
        m_objs.back().kind = k;
        return &m_objs.back();
    }
    Obj* makeInt(int64_t v, Kind k = Kind::Int) {
        Obj* o = make(k);
        o->i = v;
        return o;
    }
    Obj* makeStr(size_t n, Kind k) {
        const char* p = reinterpret_cast<const char*>(take(n));
        Obj* o = make(k);
        o->s.assign(p, n);
        return o;
    }
    void push(Obj* o) {
        if (m_stack.size() >= kMaxStack) fail("pickle stack too deep");
        m_stack.push_back(o);
    }
    Obj* pop() {
        if (m_stack.size() <= floor()) fail("pickle stack underflow");
        Obj* o = m_stack.back();
        m_stack.pop_back();
        return o;
    }
    Obj*& top() {
        if (m_stack.size() <= floor()) fail("pickle stack underflow");
        return m_stack.back();
    }
    size_t floor() const { return m_marks.empty() ? 0 : m_marks.back(); }
    std::vector<Obj*> popMark() {
        if (m_marks.empty()) fail("no MARK on the stack");
        size_t m = m_marks.back();
        m_marks.pop_back();
        std::vector<Obj*> items(m_stack.begin() + static_cast<std::ptrdiff_t>(m), m_stack.end());
        m_stack.resize(m);
        return items;
    }
    Obj* seq(Kind k, std::vector<Obj*> items) {
        Obj* o = make(k);
        o->items = std::move(items);
        return o;
    }
    Obj* tuple(std::vector<Obj*> items) { return seq(Kind::Tuple, std::move(items)); }
    void memoPut(uint64_t idx) {
        if (m_memo.size() >= kMaxObjects && !m_memo.count(idx)) fail("pickle memo too large");
        m_memo[idx] = top();
    }
    Obj* memoGet(uint64_t idx) {
        auto it = m_memo.find(idx);
        if (it == m_memo.end()) fail("memo key " + std::to_string(idx) + " missing");
        return it->second;
    }
    void setItem(Obj* d, Obj* k, Obj* v) {
        if (d->kind == Kind::Opaque) return;
        if (d->kind != Kind::Dict) fail(std::string("SETITEM on a ") + kindName(d->kind));
        if (k->kind == Kind::Str) {
            // One memoised long key can be used many times, and each use copies it (the dict's
            // index, the state dict's names): all keys together may not outweigh the stream itself.
            m_keyBytes += k->s.size();
            if (m_keyBytes > m_size + (1u << 20))
                fail("dict keys add up to " + std::to_string(m_keyBytes) + " bytes, more than the " +
                     std::to_string(m_size) + "-byte pickle holds (one long key reused many times)");
            auto it = d->index.find(k->s);
            if (it != d->index.end()) {
                d->entries[it->second].second = v;
                return;
            }
            d->index.emplace(k->s, d->entries.size());
        }
        d->entries.emplace_back(k, v);
    }
    void append(Obj* l, Obj* v) {
        if (l->kind == Kind::Opaque) return;
        if (l->kind != Kind::List) fail(std::string("APPEND on a ") + kindName(l->kind));
        l->items.push_back(v);
    }
    Obj* global(const std::string& module, const std::string& name);
    Obj* call(Obj* fn, Obj* args, int depth = 0);
    Obj* persistentLoad(Obj* pid);
    Obj* rebuildTensor(const std::vector<Obj*>& a);
    int64_t intArg(Obj* o, const char* what) {
        if (o->kind != Kind::Int) fail(std::string(what).append(" is not an int"));
        return o->i;
    }

    const uint8_t* m_p;
    size_t m_size;
    size_t m_pos = 0, m_op = 0;
    const std::string& m_origin;
    std::deque<Obj>& m_objs;
    std::vector<Obj*> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, Obj*> m_memo;
    std::map<std::string, Obj*> m_storages;
    size_t m_keyBytes = 0;
};

Obj* Vm::global(const std::string& module, const std::string& name) {
    Obj* g = make(Kind::Global);
    g->s = module + "." + name;
    if (module == "collections" && name == "OrderedDict")
        g->fn = Fn::OrderedDict;
    else if (module == "torch._utils" && name == "_rebuild_tensor_v2")
        g->fn = Fn::RebuildTensorV2;
    else if (module == "torch._utils" && (name == "_rebuild_parameter" || name == "_rebuild_parameter_with_state"))
        g->fn = Fn::RebuildParameter;
    else if (module == "torch._tensor" && name == "_rebuild_from_type_v2")
        g->fn = Fn::RebuildFromType;
    else if (module == "torch")
        for (const auto& st : kStorages)
            if (name == st.name) {
                g->fn = Fn::StorageType;
                g->dtype = st.type;
            }
    return g;
}

Obj* Vm::call(Obj* fn, Obj* args, int depth) {
    if (fn->kind == Kind::Opaque) return make(Kind::Opaque);
    if (fn->kind != Kind::Global) fail(std::string("cannot call a ") + kindName(fn->kind));
    if (args->kind != Kind::Tuple) fail(std::string("call arguments are a ") + kindName(args->kind));
    const auto& a = args->items;
    switch (fn->fn) {
        case Fn::OrderedDict:
            return a.empty() ? make(Kind::Dict) : make(Kind::Opaque);
        case Fn::RebuildTensorV2:
            return rebuildTensor(a);
        case Fn::RebuildParameter:
            return !a.empty() && a[0]->kind == Kind::Tensor ? a[0] : make(Kind::Opaque);
        case Fn::RebuildFromType:  // (func, type, args, state): func(*args)
            if (depth == 0 && a.size() >= 3 && a[0]->kind == Kind::Global && a[2]->kind == Kind::Tuple &&
                a[0]->fn != Fn::RebuildFromType)
                return call(a[0], a[2], depth + 1);
            return make(Kind::Opaque);
        default:
            return make(Kind::Opaque);
    }
}

Obj* Vm::persistentLoad(Obj* pid) {
    if (pid->kind != Kind::Tuple || pid->items.size() != 5 || pid->items[0]->kind != Kind::Str ||
        pid->items[0]->s != "storage")
        fail("unsupported persistent id (expected ('storage', type, key, location, numel))");
    Obj* type = pid->items[1];
    Obj* key = pid->items[2];
    if (type->kind != Kind::Global) fail("persistent id storage type is not a global");
    if (type->fn != Fn::StorageType) fail("unsupported storage type '" + type->s + "'");
    if (key->kind != Kind::Str) fail("persistent id key is not a string");
    const int64_t numel = intArg(pid->items[4], "storage numel");
    if (numel < 0) fail("negative storage size");
    auto it = m_storages.find(key->s);
    if (it != m_storages.end()) {
        if (it->second->dtype != type->dtype || it->second->i != numel)
            fail("storage '" + key->s + "' used with two different types or sizes");
        return it->second;
    }
    Obj* st = make(Kind::Storage);
    st->s = key->s;
    st->dtype = type->dtype;
    st->i = numel;  // read later, only if a materialised tensor needs it
    m_storages.emplace(key->s, st);
    return st;
}

Obj* Vm::rebuildTensor(const std::vector<Obj*>& a) {
    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks[, metadata])
    if (a.size() < 4) fail("_rebuild_tensor_v2 needs at least 4 arguments");
    Obj* st = a[0];
    if (st->kind != Kind::Storage) fail(std::string("_rebuild_tensor_v2 storage is a ") + kindName(st->kind));
    const int64_t offset = intArg(a[1], "storage offset");
    if (a[2]->kind != Kind::Tuple || a[3]->kind != Kind::Tuple) fail("tensor size/stride are not tuples");
    const auto& sz = a[2]->items;
    const auto& sd = a[3]->items;
    if (sz.size() != sd.size() || sz.size() > kMaxDims) fail("tensor size and stride do not match");
    std::vector<int64_t> sizes, strides;
    int64_t numel = 1, last = offset;  // index of the last element
    bool overflow = offset < 0;
    for (size_t d = 0; d < sz.size(); ++d) {
        int64_t n = intArg(sz[d], "tensor size"), s = intArg(sd[d], "tensor stride");
        if (n < 0 || s < 0) fail("negative tensor size or stride");
        sizes.push_back(n);
        strides.push_back(s);
        int64_t span = 0;
        overflow |= __builtin_mul_overflow(numel, n, &numel);
        if (n > 0) overflow |= __builtin_mul_overflow(n - 1, s, &span) || __builtin_add_overflow(last, span, &last);
    }
    const int64_t storageNumel = st->i;
    auto text = [](const std::vector<int64_t>& v) {
        std::string out = "[";
        for (size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + std::to_string(v[k]);
        return out + "]";
    };
    if (overflow || (numel > 0 && last >= storageNumel) || offset > storageNumel)
        fail("tensor extent (offset " + std::to_string(offset) + ", size " + text(sizes) + ", stride " + text(strides) +
             ") exceeds storage '" + st->s + "' of " + std::to_string(storageNumel) + " elements");
    Obj* t = make(Kind::Tensor);
    t->storage = st;
    t->i = offset;
    t->sizes = std::move(sizes);
    t->strides = std::move(strides);
    return t;
}

Obj* Vm::run() {
    while (m_pos < m_size) {
        m_op = m_pos;
        const uint8_t op = *take(1);
        switch (op) {
            case 0x80:  // PROTO
                if (uint64_t v = le(1); v < 2 || v > 5) fail("pickle protocol " + std::to_string(v) + " not supported");
                break;
            case 0x95:
                le(8);
                break;  // FRAME: a size hint only
            case '.':
                return top();  // STOP
            case '(':
                if (m_marks.size() >= kMaxStack) fail("too many MARKs");
                m_marks.push_back(m_stack.size());
                break;
            case '0':
                pop();
                break;  // POP
            case '1':
                popMark();
                break;  // POP_MARK
            case '2':
                push(top());
                break;  // DUP
            case 'N':
                push(make(Kind::None));
                break;
            case 0x88:
                push(makeInt(1, Kind::Bool));
                break;
            case 0x89:
                push(makeInt(0, Kind::Bool));
                break;
            case 'J':
                push(makeInt(static_cast<int32_t>(le(4))));
                break;  // BININT
            case 'K':
                push(makeInt(static_cast<int64_t>(le(1))));
                break;  // BININT1
            case 'M':
                push(makeInt(static_cast<int64_t>(le(2))));
                break;  // BININT2
            case 0x8a:
            case 0x8b: {  // LONG1, LONG4: little-endian two's complement
                const uint64_t n = le(op == 0x8a ? 1 : 4);
                if (n > m_size - m_pos) fail("truncated LONG");
                if (n > 8) {
                    take(n);
                    push(make(Kind::Opaque));  // too big for int64: nothing torch needs
                    break;
                }
                uint64_t v = n ? le(n) : 0;
                if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1) v |= ~uint64_t(0) << (8 * n);
                push(makeInt(static_cast<int64_t>(v)));
                break;
            }
            case 'G':
                take(8), push(make(Kind::Float));
                break;  // BINFLOAT: value not needed
            case 'X':
                push(makeStr(le(4), Kind::Str));
                break;  // BINUNICODE
            case 0x8c:
                push(makeStr(le(1), Kind::Str));
                break;  // SHORT_BINUNICODE
            case 0x8d:
                push(makeStr(le(8), Kind::Str));
                break;  // BINUNICODE8
            case 'T':
                push(makeStr(le(4), Kind::Str));
                break;  // BINSTRING
            case 'U':
                push(makeStr(le(1), Kind::Str));
                break;  // SHORT_BINSTRING
            case 'B':
                push(makeStr(le(4), Kind::Bytes));
                break;  // BINBYTES
            case 'C':
                push(makeStr(le(1), Kind::Bytes));
                break;  // SHORT_BINBYTES
            case 0x8e:
                push(makeStr(le(8), Kind::Bytes));
                break;  // BINBYTES8
            case '}':
                push(make(Kind::Dict));
                break;
            case ']':
            case 0x8f:
                push(make(Kind::List));
                break;  // EMPTY_LIST, EMPTY_SET
            case ')':
                push(tuple({}));
                break;
            case 't':
                push(tuple(popMark()));
                break;
            case 0x85: {
                Obj* a = pop();
                push(tuple({a}));
                break;
            }
            case 0x86: {
                Obj* b = pop();
                Obj* a = pop();
                push(tuple({a, b}));
                break;
            }
            case 0x87: {
                Obj* c = pop();
                Obj* b = pop();
                Obj* a = pop();
                push(tuple({a, b, c}));
                break;
            }
            case 'l':
            case 0x91:
                push(seq(Kind::List, popMark()));
                break;   // LIST, FROZENSET
            case 'd': {  // DICT
                auto items = popMark();
                if (items.size() % 2) fail("DICT with an odd number of items");
                Obj* d = make(Kind::Dict);
                for (size_t k = 0; k < items.size(); k += 2) setItem(d, items[k], items[k + 1]);
                push(d);
                break;
            }
            case 's': {
                Obj* v = pop();
                Obj* k = pop();
                setItem(top(), k, v);
                break;
            }
            case 'u': {  // SETITEMS
                auto items = popMark();
                if (items.size() % 2) fail("SETITEMS with an odd number of items");
                Obj* d = top();
                for (size_t k = 0; k < items.size(); k += 2) setItem(d, items[k], items[k + 1]);
                break;
            }
            case 'a': {
                Obj* v = pop();
                append(top(), v);
                break;
            }
            case 'e':
            case 0x90: {  // APPENDS, ADDITEMS
                auto items = popMark();
                Obj* l = top();
                for (Obj* v : items) append(l, v);
                break;
            }
            case 'c': {  // GLOBAL "module\nname\n"
                std::string module = line();
                push(global(module, line()));
                break;
            }
            case 0x93: {  // STACK_GLOBAL
                Obj* name = pop();
                Obj* module = pop();
                if (name->kind != Kind::Str || module->kind != Kind::Str) fail("STACK_GLOBAL needs two strings");
                push(global(module->s, name->s));
                break;
            }
            case 'Q': {
                Obj* pid = pop();
                push(persistentLoad(pid));
                break;
            }  // BINPERSID
            case 'R': {
                Obj* args = pop();
                Obj* fn = pop();
                push(call(fn, args));
                break;
            }  // REDUCE
            case 0x81:
            case 0x92: {                // NEWOBJ, NEWOBJ_EX: cls.__new__(cls, *args) is never run
                if (op == 0x92) pop();  // kwargs
                pop();                  // args
                Obj* cls = pop();
                if (cls->kind != Kind::Global && cls->kind != Kind::Opaque)
                    fail(std::string("NEWOBJ on a ") + kindName(cls->kind));
                push(cls->kind == Kind::Global && cls->fn == Fn::OrderedDict ? make(Kind::Dict) : make(Kind::Opaque));
                break;
            }
            case 'b':
                pop();
                top();
                break;  // BUILD: state is ignored, the object stays
            case 'q':
                memoPut(le(1));
                break;  // BINPUT
            case 'r':
                memoPut(le(4));
                break;  // LONG_BINPUT
            case 0x94:
                memoPut(m_memo.size());
                break;  // MEMOIZE
            case 'h':
                push(memoGet(le(1)));
                break;  // BINGET
            case 'j':
                push(memoGet(le(4)));
                break;  // LONG_BINGET
            default: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                fail(std::string("pickle opcode ") + hex + " not supported");
            }
        }
    }
    m_op = m_pos;
    fail("pickle ends without STOP");
}

}  // namespace

const char* kindName(PickleObject::Kind k) {
    static const char* names[] = {"None", "bool", "int",    "float",   "str",    "bytes",      "tuple",
                                  "list", "dict", "global", "storage", "tensor", "placeholder"};
    return names[static_cast<int>(k)];
}

std::unique_ptr<Unpickled> unpickle(const uint8_t* data, size_t size, const StorageLoader& loadStorage,
                                    const std::string& origin) {
    auto out = std::make_unique<Unpickled>(loadStorage, origin);
    out->root = Vm(data, size, origin, out->objects).run();
    return out;
}

at::Tensor Unpickled::materialize(PickleObject& t) {
    if (t.kind != Kind::Tensor) throw Error("materialize: not a tensor", Error::Kind::Internal);
    if (t.tensor.defined()) return t.tensor;
    PickleObject& st = *t.storage;
    const int64_t numel = c10::multiply_integers(t.sizes);  // no overflow: checked by the VM
    if (numel == 0) return t.tensor = at::empty(t.sizes, at::TensorOptions().dtype(st.dtype));
    if (!st.tensor.defined()) {
        st.tensor = m_load(st.s, st.dtype, st.i);
        if (st.tensor.numel() != st.i || st.tensor.scalar_type() != st.dtype)
            throw Error("storage loader returned the wrong size", Error::Kind::Internal);
        m_loadedBytes += static_cast<int64_t>(st.tensor.nbytes());
    }
    at::Tensor view = st.tensor.as_strided(t.sizes, t.strides, t.i);
    if (!st.storageUsed && t.i == 0 && numel == st.i && view.is_contiguous()) {
        t.tensor = view;  // the whole storage, already laid out: no copy
    } else {
        const int64_t bytes = std::min(numel, INT64_MAX >> 4) * static_cast<int64_t>(st.tensor.element_size());
        if (m_copiedBytes + bytes > 2 * m_loadedBytes + kCopySlack)
            throw fileError(m_origin, "tensor views copy more data (" + std::to_string(m_copiedBytes + bytes) +
                                          " bytes) than the checkpoint holds");
        m_copiedBytes += bytes;
        t.tensor = view.clone(at::MemoryFormat::Contiguous);
    }
    st.storageUsed = true;
    return t.tensor;
}

}  // namespace vp::detail
