// module_util.cc — see module_util.h.
#include "vm/modules/module_util.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>

namespace pyrt::modules_internal {

// --- Struct sequences ---

namespace {

// GetSetDefs must outlive their descriptors; struct-sequence types live for the whole
// run, so their defs are kept here (a deque never moves its elements).
std::deque<GetSetDef>& StructSeqDefs() {
  static auto* defs = new std::deque<GetSetDef>();
  return *defs;
}

Value StructSeqGet(Value self, void* closure) {
  const auto index = static_cast<int64_t>(reinterpret_cast<intptr_t>(closure));
  if (!IsTuple(self) || index >= TupleSize(self)) {
    return Error(&kAttributeErrorType, "struct sequence field is not set");
  }
  Value v = TupleItem(self, index);
  Incref(v);
  return v;
}

Value StructSeqRepr(Value self) {
  TypeObject* t = TypeOf(self);
  Value fields = TypeLookup(t, Intern("__pyrt_fields__"));
  Value module = TypeLookup(t, Intern("__module__"));
  StrBuilder b;
  if (module && IsStr(module)) {
    b.AppendStr(module);
    b.Append(".");
  }
  b.AppendStr(t->name_str);
  b.Append("(");
  const int64_t n = TupleSize(self);
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0) b.Append(", ");
    if (fields && IsTuple(fields) && i < TupleSize(fields)) {
      b.AppendStr(TupleItem(fields, i));
      b.Append("=");
    }
    Ref r = Ref::Steal(Repr(TupleItem(self, i)));
    if (!r) return Value();
    b.AppendStr(r.get());
  }
  b.Append(")");
  return b.Finish();
}

const MethodDef kStructSeqRepr =
    MethodDef::NoArgs("__repr__", StructSeqRepr, "Return repr(self).");

int64_t ClassInt(TypeObject* t, const char* name) {
  Value v = TypeLookup(t, Intern(name));
  int64_t n = 0;
  if (v && IsInt(v) && IntToInt64(v, &n)) return n;
  return 0;
}

// __new__(cls, sequence, dict=None): CPython's structseq_new — the first n_sequence_fields
// items make the tuple, the rest (up to n_fields) become the named attributes.
Value StructSeqNew(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1 || !IsType(args[0])) return Error(&kTypeErrorType, "struct sequence __new__(): not enough arguments");
  TypeObject* t = AsType(args[0]);
  Value a[2] = {};
  static const ArgSpec kSpec = {"struct_sequence", {"sequence", "dict"}, 0, 1};
  if (!ParseArgs(kSpec, args + 1, nargs - 1, kwnames, a)) return Value();
  Ref list = Ref::Steal(ListOf(a[0]));
  if (!list) {
    if (ExceptionMatches(&kTypeErrorType)) {
      ClearError();
      RaiseMessage(&kTypeErrorType, "constructor requires a sequence");
    }
    return Value();
  }
  const int64_t len = Length(list.get());
  const int64_t min_len = ClassInt(t, "n_sequence_fields");
  const int64_t max_len = ClassInt(t, "n_fields");
  if (len < min_len || len > max_len) {
    const char* how = min_len == max_len ? "a" : len < min_len ? "an at least" : "an at most";
    RaiseNew(&kTypeErrorType, "%s() takes %s %lld-sequence (%lld-sequence given)", TypeName(t), how,
             static_cast<long long>(len < min_len ? min_len : max_len), static_cast<long long>(len));
    return Value();
  }
  Ref items = Ref::Steal(ListAsTuple(list.get()));
  if (!items) return Value();
  Ref head = Ref::Steal(TupleSlice(items.get(), 0, min_len));
  if (!head) return Value();
  Value h = head.get();
  Ref self = Ref::Steal(kTupleType.new_(t, &h, 1, Value()));
  if (!self) return Value();
  Value fields = TypeLookup(t, Intern("__pyrt_fields__"));
  for (int64_t i = min_len; i < len && fields && IsTuple(fields) && i < TupleSize(fields); ++i) {
    if (SetAttr(self.get(), TupleItem(fields, i), TupleItem(items.get(), i)) < 0) return Value();
  }
  return self.release();
}

const MethodDef kStructSeqNew = MethodDef::FastKw("__new__", StructSeqNew, "Create and return a new object.");

}  // namespace

Value NewStructSeqType(const char* module, const char* name,
                       std::initializer_list<const char*> fields, size_t n_sequence,
                       bool instantiable) {
  Ref ns = Ref::Steal(NewDict());
  if (!ns) return Value();
  Ref mod = Ref::Steal(NewStr(module));
  if (!mod || DictSetUtf8(ns.get(), "__module__", mod.get()) < 0) return Value();
  Ref field_names = Ref::Steal(NewTuple(static_cast<int64_t>(fields.size())));
  if (!field_names) return Value();
  int64_t i = 0;
  for (const char* f : fields) {
    Value s = NewStr(f);
    if (!s) return Value();
    TupleSetItem(field_names.get(), i++, s);
  }
  if (DictSetUtf8(ns.get(), "__pyrt_fields__", field_names.get()) < 0) return Value();
  // Fields past the sequence part are instance attributes; an instance made from a plain
  // 9-tuple (time.struct_time(t)) reads them as None, as CPython's.
  i = 0;
  for (const char* f : fields) {
    if (static_cast<size_t>(i++) >= n_sequence && DictSetUtf8(ns.get(), f, None()) < 0) return Value();
  }
  Ref counts[3] = {Ref::Steal(NewInt(static_cast<int64_t>(n_sequence))),
                   Ref::Steal(NewInt(static_cast<int64_t>(fields.size()))),
                   Ref::Steal(NewInt(0))};
  if (DictSetUtf8(ns.get(), "n_sequence_fields", counts[0].get()) < 0 ||
      DictSetUtf8(ns.get(), "n_fields", counts[1].get()) < 0 ||
      DictSetUtf8(ns.get(), "n_unnamed_fields", counts[2].get()) < 0) {
    return Value();
  }
  Ref name_str = Ref::Steal(NewStr(name));
  Ref bases = Ref::Steal(TuplePack({TypeValue(&kTupleType)}));
  if (!name_str || !bases) return Value();
  Ref cls = Ref::Steal(NewClass(&kTypeType, name_str.get(), bases.get(), ns.get()));
  if (!cls) return Value();
  TypeObject* t = AsType(cls.get());
  // Messages name it "time.struct_time", as CPython's static type (its __name__ stays
  // "struct_time"): "'time.struct_time' object has no attribute 'x'".
  static std::deque<std::string> qualified_names;
  t->name = qualified_names.emplace_back(std::string(module) + "." + name).c_str();
  t->hooks.name = t->name;
  i = 0;
  for (const char* f : fields) {
    if (static_cast<size_t>(i) < n_sequence) {
      GetSetDef& def = StructSeqDefs().emplace_back();
      def.name = f;
      def.get = StructSeqGet;
      def.closure = reinterpret_cast<void*>(static_cast<intptr_t>(i));
      Ref d = Ref::Steal(NewGetSetDescr(t, &def));
      if (!d || TypeSetAttr(t, f, d.get()) < 0) return Value();
    }
    ++i;
  }
  Ref repr = Ref::Steal(NewMethodDescr(t, &kStructSeqRepr));
  if (!repr || TypeSetAttr(t, "__repr__", repr.get()) < 0) return Value();
  if (instantiable) {
    Ref new_fn = Ref::Steal(NewBuiltinFunction(&kStructSeqNew, Value()));
    if (!new_fn) return Value();
    Ref new_static = Ref::Steal(NewStaticMethod(new_fn.get()));
    if (!new_static || TypeSetAttr(t, "__new__", new_static.get()) < 0) return Value();
  } else {
    t->flags |= kTypeDisallowInstantiation;
    t->new_ = nullptr;
  }
  return cls.release();
}

Value NewStructSeq(Value type, std::initializer_list<Value> items) {
  bool failed = false;
  for (Value v : items) failed |= !v.has_value();
  if (failed) {
    for (Value v : items) Decref(v);
    return Value();
  }
  Ref tuple = Ref::Steal(NewTuple(static_cast<int64_t>(items.size())));
  if (!tuple) {
    for (Value v : items) Decref(v);
    return Value();
  }
  int64_t i = 0;
  for (Value v : items) TupleSetItem(tuple.get(), i++, v);
  // tuple.__new__ directly: the type's own __new__ may be disabled (sys types).
  Value t = tuple.get();
  return kTupleType.new_(AsType(type), &t, 1, Value());
}

// --- Types from other branches ---

Value ListOf(Value iterable) { return ListFromIterable(iterable); }

Value NewBytesValue(std::string_view data) { return NewBytes(data); }

bool IsBytesLike(Value v) {
  if (!v.is_object()) return false;
  if (HasFlag(TypeOf(v), kTypeBytesSubclass)) return true;
  return TypeCheck(v, &kByteArrayType);
}

bool BytesOf(Value v, std::string* out) {
  BufferView view;
  if (GetBuffer(v, &view, false) < 0) return false;
  out->assign(static_cast<const char*>(view.buf), static_cast<size_t>(view.len));
  ReleaseBuffer(&view);
  return true;
}

// --- Raising ---

namespace {
TypeObject* OSErrorTypeFor(int err) {
  switch (err) {
    case ENOENT: return &kFileNotFoundErrorType;
    case EEXIST: return &kFileExistsErrorType;
    case EISDIR: return &kIsADirectoryErrorType;
    case ENOTDIR: return &kNotADirectoryErrorType;
    case EACCES:
    case EPERM: return &kPermissionErrorType;
    case EINTR: return &kInterruptedErrorType;
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS: return &kBlockingIOErrorType;
    case ECHILD: return &kChildProcessErrorType;
    case EPIPE:
    case ESHUTDOWN: return &kBrokenPipeErrorType;
    case ECONNABORTED: return &kConnectionAbortedErrorType;
    case ECONNREFUSED: return &kConnectionRefusedErrorType;
    case ECONNRESET: return &kConnectionResetErrorType;
    case ESRCH: return &kProcessLookupErrorType;
    case ETIMEDOUT: return &kTimeoutErrorType;
    default: return &kOSErrorType;
  }
}
}  // namespace

Value RaiseOSError(int err, Value filename) {
  Value args[3] = {NewInt(err), NewStr(std::strerror(err)), filename};
  if (!args[0] || !args[1]) {
    Decref(args[0]);
    Decref(args[1]);
    return Value();
  }
  Ref exc = Ref::Steal(NewException(OSErrorTypeFor(err), args, filename ? 3 : 2));
  Decref(args[0]);
  Decref(args[1]);
  if (exc) Raise(exc.get());
  return Value();
}

Value RaiseCodecError(const text::CodecError& e, Value object) {
  TypeObject* type = e.decoding ? &kUnicodeDecodeErrorType : &kUnicodeEncodeErrorType;
  if (!object) return Error(type, e.Message());
  Value args[5] = {NewStr(e.encoding), object, NewInt(e.start), NewInt(e.end),
                   NewStr(e.reason)};
  Ref exc;
  if (args[0] && args[4]) exc = Ref::Steal(NewException(type, args, 5));
  Decref(args[0]);
  Decref(args[4]);
  if (exc) Raise(exc.get());
  return Value();
}

// --- Module dicts ---

Value ModuleGet(Value m, std::string_view name) {
  Value v = DictGetUtf8(ModuleDict(m), name);
  if (!v && ErrorOccurred()) ClearError();
  return v;
}

int ModuleAddNew(Value m, std::string_view name, Value value) {
  if (!value) return -1;
  const int r = ModuleAddObject(m, name, value);
  Decref(value);
  return r;
}

}  // namespace pyrt::modules_internal
