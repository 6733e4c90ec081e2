// memoryview.cc — the memoryview type (see memoryview.h).
#include "objects/core/memoryview.h"

#include <cstring>
#include <string>

#include "objects/core/bytes.h"
#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/core/list.h"
#include "objects/hash/hash.h"

namespace pyrt {

TypeObject kMemoryViewType;
TypeObject kMemoryIteratorType;

namespace {

MemoryViewObject* MV(Value v) { return reinterpret_cast<MemoryViewObject*>(v.object()); }

// --- formats ------------------------------------------------------------------------------

// The item size of a native single-character struct format, 0 if unsupported.
int64_t FormatSize(char f) {
  switch (f) {
    case 'b': case 'B': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': return 8;
    default: return 0;
  }
}
bool IsByteFormat(char f) { return f == 'B' || f == 'b' || f == 'c'; }

bool CheckReleased(MemoryViewObject* m) {
  if (m->released) {
    RaiseMessage(&kValueErrorType, "operation forbidden on released memoryview object");
    return false;
  }
  return true;
}

template <typename T>
T Load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <typename T>
void Store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

// The item at p as a Python object (struct.unpack of one item). New reference.
Value Unpack(char f, const char* p) {
  switch (f) {
    case 'B': return NewInt(static_cast<int64_t>(Load<uint8_t>(p)));
    case 'b': return NewInt(static_cast<int64_t>(Load<int8_t>(p)));
    case 'c': return NewBytes(std::string_view(p, 1));
    case '?': return NewBool(Load<uint8_t>(p) != 0);
    case 'h': return NewInt(static_cast<int64_t>(Load<int16_t>(p)));
    case 'H': return NewInt(static_cast<int64_t>(Load<uint16_t>(p)));
    case 'i': return NewInt(static_cast<int64_t>(Load<int32_t>(p)));
    case 'I': return NewInt(static_cast<int64_t>(Load<uint32_t>(p)));
    case 'l': case 'q': case 'n': return NewInt(Load<int64_t>(p));
    case 'L': case 'Q': case 'N': return NewIntFromUint64(Load<uint64_t>(p));
    case 'f': return NewFloat(static_cast<double>(Load<float>(p)));
    case 'd': return NewFloat(Load<double>(p));
    default: break;
  }
  RaiseNew(&kNotImplementedErrorType, "memoryview: format %c not supported", f);
  return Value();
}

int InvalidValue(char f) {
  RaiseNew(&kValueErrorType, "memoryview: invalid value for format '%c'", f);
  return -1;
}
int InvalidType(char f) {
  RaiseNew(&kTypeErrorType, "memoryview: invalid type for format '%c'", f);
  return -1;
}

// Packs `v` as one item of format f at p (struct.pack_into). 0 or -1.
int Pack(char f, char* p, Value v) {
  if (f == 'c') {
    if (!IsBytes(v)) return InvalidType(f);
    if (BytesSize(v) != 1) return InvalidValue(f);
    *p = BytesData(v)[0];
    return 0;
  }
  if (f == '?') {
    int t = IsTrue(v);
    if (t < 0) return -1;
    Store<uint8_t>(p, static_cast<uint8_t>(t));
    return 0;
  }
  if (f == 'f' || f == 'd') {
    if (!IsInt(v) && !IsFloat(v)) return InvalidType(f);
    double d = AsDouble(v);
    if (d == -1.0 && ErrorOccurred()) return -1;
    if (f == 'f') Store<float>(p, static_cast<float>(d));
    else Store<double>(p, d);
    return 0;
  }
  if (!IsInt(v)) return InvalidType(f);
  int64_t x = 0;
  if (f == 'L' || f == 'Q' || f == 'N') {
    if (IntSign(v) < 0) return InvalidValue(f);
    Ref max = Ref::Steal(NewIntFromUint64(UINT64_MAX));
    if (!max) return -1;
    if (IntCompare(v, max.get()) > 0) return InvalidValue(f);
    uint64_t u = 0;
    if (IntToInt64(v, &x)) {
      u = static_cast<uint64_t>(x);
    } else {
      // In [2^63, 2^64): v - 2^64 fits.
      Ref two64 = Ref::Steal(Add(max.get(), Ref::Steal(NewInt(1)).get()));
      if (!two64) return -1;
      Ref d = Ref::Steal(Subtract(v, two64.get()));
      if (!d || !IntToInt64(d.get(), &x)) return -1;
      u = static_cast<uint64_t>(x);
    }
    Store<uint64_t>(p, u);
    return 0;
  }
  if (!IntToInt64(v, &x)) return InvalidValue(f);
  auto in = [x](int64_t lo, int64_t hi) { return x >= lo && x <= hi; };
  switch (f) {
    case 'B': if (!in(0, 255)) return InvalidValue(f); Store<uint8_t>(p, static_cast<uint8_t>(x)); return 0;
    case 'b': if (!in(-128, 127)) return InvalidValue(f); Store<int8_t>(p, static_cast<int8_t>(x)); return 0;
    case 'h': if (!in(INT16_MIN, INT16_MAX)) return InvalidValue(f); Store<int16_t>(p, static_cast<int16_t>(x)); return 0;
    case 'H': if (!in(0, UINT16_MAX)) return InvalidValue(f); Store<uint16_t>(p, static_cast<uint16_t>(x)); return 0;
    case 'i': if (!in(INT32_MIN, INT32_MAX)) return InvalidValue(f); Store<int32_t>(p, static_cast<int32_t>(x)); return 0;
    case 'I': if (!in(0, UINT32_MAX)) return InvalidValue(f); Store<uint32_t>(p, static_cast<uint32_t>(x)); return 0;
    default: Store<int64_t>(p, x); return 0;
  }
}

// --- construction ---------------------------------------------------------------------------

Value AllocView() {
  Value v = AllocInstance(&kMemoryViewType);
  if (!v) return v;
  MemoryViewObject* m = MV(v);
  new (&m->view) BufferView();
  m->start = nullptr;
  m->length = m->stride = 0;
  m->itemsize = 1;
  m->format = 'B';
  m->at_prefix = false;
  m->readonly = true;
  m->released = false;
  m->exports = 0;
  m->hash = -1;
  return v;
}

// A new view on the same exporter as `src` (already checked not released) with its item
// description. New reference.
Value CloneView(MemoryViewObject* src) {
  Value v = AllocView();
  if (!v) return v;
  MemoryViewObject* m = MV(v);
  if (GetBuffer(src->view.obj, &m->view, false) < 0) {
    m->released = true;
    Decref(v);
    return Value();
  }
  m->start = static_cast<char*>(m->view.buf) + (src->start - static_cast<char*>(src->view.buf));
  m->length = src->length;
  m->stride = src->stride;
  m->itemsize = src->itemsize;
  m->format = src->format;
  m->at_prefix = src->at_prefix;
  m->readonly = src->readonly;
  return v;
}

bool Contiguous(MemoryViewObject* m) { return m->length <= 1 || m->stride == m->itemsize; }

// The bytes of the view, item by item.
std::string ViewBytes(MemoryViewObject* m) {
  std::string out;
  out.reserve(static_cast<size_t>(m->length * m->itemsize));
  const char* p = m->start;
  for (int64_t i = 0; i < m->length; ++i, p += m->stride) out.append(p, static_cast<size_t>(m->itemsize));
  return out;
}

void MemoryDealloc(Object* o) {
  MemoryViewObject* m = reinterpret_cast<MemoryViewObject*>(o);
  if (!m->released) ReleaseBuffer(&m->view);
  FreeInstance(o);
}

Value MemoryNew(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"memoryview", {"object"}, 0, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  return NewMemoryView(out[0]);
}

Value MemoryRepr(Value self) {
  return core_internal::NewStrFormat(MV(self)->released ? "<released memory at %s>" : "<memory at %s>",
                                     core_internal::PointerText(self.object()).c_str());
}

// --- the buffer protocol (memoryview as an exporter) -------------------------------------------

int MemoryGetBuffer(Value self, BufferView* view, bool writable) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return -1;
  if (writable && m->readonly) {
    RaiseMessage(&kBufferErrorType, "memoryview: underlying buffer is not writable");
    return -1;
  }
  if (!Contiguous(m)) {
    if (writable) {
      RaiseMessage(&kBufferErrorType, "memoryview: underlying buffer is not C-contiguous");
      return -1;
    }
    Value copy = NewBytes(ViewBytes(m));
    if (!copy) return -1;
    view->buf = const_cast<char*>(BytesData(copy));
    view->len = BytesSize(copy);
    view->readonly = true;
    view->obj = copy;
    return 0;
  }
  view->buf = m->start;
  view->len = m->length * m->itemsize;
  view->readonly = m->readonly;
  view->itemsize = m->itemsize;
  ++m->exports;
  Incref(self);
  view->obj = self;
  return 0;
}

void MemoryReleaseBuffer(Value self, BufferView*) { --MV(self)->exports; }

// --- sequence and mapping ------------------------------------------------------------------

int64_t MemoryLength(Value self) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return -1;
  return m->length;
}

// The item pointer for index `key` (an object with __index__), or null with IndexError.
char* ItemPointer(MemoryViewObject* m, Value key) {
  int64_t i = AsIndex(key, &kIndexErrorType);
  if (i == -1 && ErrorOccurred()) return nullptr;
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) {
    RaiseMessage(&kIndexErrorType, "index out of bounds on dimension 1");
    return nullptr;
  }
  return m->start + i * m->stride;
}

// A 1-tuple index is the same as its item (memoryview's multi-dimensional indexing).
Value SingleIndex(Value key) {
  if (IsTuple(key) && TupleSize(key) == 1 && HasIndex(TupleItem(key, 0))) return TupleItem(key, 0);
  return key;
}

Value MemorySubscript(Value self, Value key) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return Value();
  key = SingleIndex(key);
  if (HasIndex(key)) {
    char* p = ItemPointer(m, key);
    return p ? Unpack(m->format, p) : Value();
  }
  if (IsSlice(key)) {
    int64_t start, stop, step;
    if (SliceUnpack(key, &start, &stop, &step) < 0) return Value();
    int64_t n = SliceAdjustIndices(m->length, &start, &stop, step);
    Value v = CloneView(m);
    if (!v) return v;
    MemoryViewObject* r = MV(v);
    r->start = m->start + start * m->stride;
    r->stride = m->stride * step;
    r->length = n;
    return v;
  }
  if (key == Ellipsis()) {
    Incref(self);
    return self;
  }
  return Error(&kTypeErrorType, "memoryview: invalid slice key");
}

int MemoryAssSubscript(Value self, Value key, Value value) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return -1;
  if (m->readonly) {
    RaiseMessage(&kTypeErrorType, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    RaiseMessage(&kTypeErrorType, "cannot delete memory");
    return -1;
  }
  key = SingleIndex(key);
  if (HasIndex(key)) {
    char* p = ItemPointer(m, key);
    if (!p) return -1;
    return Pack(m->format, p, value);
  }
  if (!IsSlice(key)) {
    RaiseMessage(&kTypeErrorType, "memoryview: invalid slice key");
    return -1;
  }
  int64_t start, stop, step;
  if (SliceUnpack(key, &start, &stop, &step) < 0) return -1;
  int64_t n = SliceAdjustIndices(m->length, &start, &stop, step);
  BufferView src;
  if (GetBuffer(value, &src, false) < 0) return -1;
  char src_format = src.format && src.format[0] ? src.format[0] : 'B';
  int64_t src_itemsize = src.itemsize;
  if (IsMemoryView(value)) {
    src_format = MV(value)->format;
    src_itemsize = MV(value)->itemsize;
  }
  if (src_format != m->format || src_itemsize != m->itemsize || src.len != n * m->itemsize) {
    ReleaseBuffer(&src);
    RaiseMessage(&kValueErrorType, "memoryview assignment: lvalue and rvalue have different structures");
    return -1;
  }
  std::string data(static_cast<const char*>(src.buf), static_cast<size_t>(src.len));  // may overlap
  ReleaseBuffer(&src);
  char* p = m->start + start * m->stride;
  for (int64_t i = 0; i < n; ++i, p += m->stride * step) {
    std::memcpy(p, data.data() + i * m->itemsize, static_cast<size_t>(m->itemsize));
  }
  return 0;
}

// --- comparison and hashing ----------------------------------------------------------------

// The items of a buffer-exporting object as (format, itemsize, bytes); false if `v` has no
// buffer (no exception left set).
bool ItemsOf(Value v, char* format, int64_t* itemsize, std::string* data) {
  if (IsMemoryView(v)) {
    MemoryViewObject* m = MV(v);
    *format = m->format;
    *itemsize = m->itemsize;
    *data = ViewBytes(m);
    return true;
  }
  if (TypeOf(v)->getbuffer == nullptr) return false;
  BufferView b;
  if (GetBuffer(v, &b, false) < 0) {
    ClearError();
    return false;
  }
  *format = 'B';
  *itemsize = 1;
  data->assign(static_cast<const char*>(b.buf), static_cast<size_t>(b.len));
  ReleaseBuffer(&b);
  return true;
}

Value MemoryRichCompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return NewNotImplemented();
  bool equal;
  if (a == b) {
    equal = true;
  } else {
    if ((IsMemoryView(a) && MV(a)->released) || (IsMemoryView(b) && MV(b)->released)) {
      equal = false;
    } else {
      char fa, fb;
      int64_t sa, sb;
      std::string da, db;
      if (!ItemsOf(a, &fa, &sa, &da) || !ItemsOf(b, &fb, &sb, &db)) return NewNotImplemented();
      int64_t na = sa ? static_cast<int64_t>(da.size()) / sa : 0;
      int64_t nb = sb ? static_cast<int64_t>(db.size()) / sb : 0;
      equal = na == nb;
      if (equal && fa == fb) {
        equal = da == db;
      } else {
        for (int64_t i = 0; equal && i < na; ++i) {
          Ref x = Ref::Steal(Unpack(fa, da.data() + i * sa));
          Ref y = Ref::Steal(Unpack(fb, db.data() + i * sb));
          if (!x || !y) return Value();
          int r = RichCompareBool(x.get(), y.get(), CompareOp::kEq);
          if (r < 0) return Value();
          equal = r == 1;
        }
      }
    }
  }
  return NewBool(op == CompareOp::kEq ? equal : !equal);
}

int64_t MemoryHash(Value self) {
  MemoryViewObject* m = MV(self);
  if (m->hash != -1) return m->hash;
  if (!CheckReleased(m)) return -1;
  if (!m->readonly) {
    RaiseMessage(&kValueErrorType, "cannot hash writable memoryview object");
    return -1;
  }
  if (!IsByteFormat(m->format)) {
    RaiseMessage(&kValueErrorType, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  // hash(view) == hash(view.tobytes()), as CPython's.
  Ref b = Ref::Steal(NewBytes(ViewBytes(m)));
  if (!b) return -1;
  m->hash = Hash(b.get());
  return m->hash;
}

// --- iteration ---------------------------------------------------------------------------

struct MemoryIterObject {
  Object head;
  Value view;     // owned
  int64_t index;
};

Value MemoryIter(Value self) {
  if (!CheckReleased(MV(self))) return Value();
  Value it = AllocInstance(&kMemoryIteratorType);
  if (!it) return it;
  auto* i = reinterpret_cast<MemoryIterObject*>(it.object());
  Incref(self);
  i->view = self;
  i->index = 0;
  return it;
}

Value MemoryIterNext(Value self) {
  auto* i = reinterpret_cast<MemoryIterObject*>(self.object());
  if (!i->view) return Value();
  MemoryViewObject* m = MV(i->view);
  if (!CheckReleased(m)) return Value();
  if (i->index >= m->length) {
    Value v = i->view;
    i->view = Value();
    Decref(v);
    return Value();
  }
  return Unpack(m->format, m->start + (i->index++) * m->stride);
}

void MemoryIterDealloc(Object* o) {
  auto* i = reinterpret_cast<MemoryIterObject*>(o);
  Value v = i->view;
  FreeInstance(o);
  Decref(v);
}

// --- methods ---------------------------------------------------------------------------------

Value MTobytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"tobytes", {"order"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return Value();
  if (out[0] && !IsNone(out[0])) {
    if (!IsStr(out[0])) {
      RaiseNew(&kTypeErrorType, "tobytes() argument 'order' must be str or None, not %T", out[0]);
      return Value();
    }
    std::string o = StrToUtf8Lossless(out[0]);
    if (o != "C" && o != "F" && o != "A") return Error(&kValueErrorType, "order must be 'C', 'F' or 'A'");
  }
  return NewBytes(ViewBytes(m));
}

Value MTolist(Value self) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return Value();
  Value list = NewList(m->length);
  if (!list) return list;
  const char* p = m->start;
  for (int64_t i = 0; i < m->length; ++i, p += m->stride) {
    Value item = Unpack(m->format, p);
    if (!item) {
      Decref(list);
      return Value();
    }
    ListSetItemInit(list, i, item);
  }
  return list;
}

Value MHex(Value self, const Value* args, size_t nargs, Value kwnames) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return Value();
  Ref b = Ref::Steal(NewBytes(ViewBytes(m)));
  if (!b) return Value();
  static const Value kHex = Intern("hex");
  Ref f = Ref::Steal(GetAttr(b.get(), kHex));
  if (!f) return Value();
  return Call(f.get(), args, nargs, kwnames);
}

Value MRelease(Value self) {
  MemoryViewObject* m = MV(self);
  if (m->released) return NewNone();
  if (m->exports > 0) {
    RaiseNew(&kBufferErrorType, "memoryview has %lld exported buffer%s",
             static_cast<long long>(m->exports), m->exports == 1 ? "" : "s");
    return Value();
  }
  m->released = true;
  ReleaseBuffer(&m->view);
  return NewNone();
}

Value MEnter(Value self) {
  if (!CheckReleased(MV(self))) return Value();
  Incref(self);
  return self;
}

Value MExit(Value self, const Value*, size_t) { return MRelease(self); }

Value MToReadonly(Value self) {
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return Value();
  Value v = CloneView(m);
  if (v) MV(v)->readonly = true;
  return v;
}

Value MCast(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"cast", {"format", "shape"}, 0, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  MemoryViewObject* m = MV(self);
  if (!CheckReleased(m)) return Value();
  if (!IsStr(out[0])) {
    RaiseNew(&kTypeErrorType, "memoryview: format argument must be a string");
    return Value();
  }
  if (!Contiguous(m)) return Error(&kTypeErrorType, "memoryview: casts are restricted to C-contiguous views");
  std::string f = StrToUtf8Lossless(out[0]);
  const bool at_prefix = f.size() == 2 && f[0] == '@';
  if (at_prefix) f = f.substr(1);
  if (f.size() != 1 || FormatSize(f[0]) == 0) {
    return Error(&kValueErrorType,
                 "memoryview: destination format must be a native single character format prefixed "
                 "with an optional '@'");
  }
  char nf = f[0];
  if (!IsByteFormat(m->format) && !IsByteFormat(nf)) {
    return Error(&kTypeErrorType, "memoryview: cannot cast between two non-byte formats");
  }
  int64_t nbytes = m->length * m->itemsize;
  int64_t size = FormatSize(nf);
  if (nbytes % size != 0) return Error(&kTypeErrorType, "memoryview: length is not a multiple of itemsize");
  if (out[1]) {
    if (!IsList(out[1]) && !IsTuple(out[1])) return Error(&kTypeErrorType, "shape must be a list or a tuple");
    Ref n = Ref::Steal(NewInt(nbytes / size));
    if (!n) return Value();
    Ref one = Ref::Steal(TuplePack({n.get()}));
    if (!one) return Value();
    Ref shape = Ref::Steal(IsTuple(out[1]) ? (Incref(out[1]), out[1]) : TupleFromArray(ListItems(out[1]), Length(out[1])));
    if (!shape) return Value();
    int eq = RichCompareBool(shape.get(), one.get(), CompareOp::kEq);
    if (eq < 0) return Value();
    if (!eq) {
      return Error(&kNotImplementedErrorType, "memoryview: pyrt supports one-dimensional casts only");
    }
  }
  Value v = CloneView(m);
  if (!v) return v;
  MemoryViewObject* r = MV(v);
  r->format = nf;
  r->at_prefix = at_prefix;
  r->itemsize = size;
  r->stride = size;
  r->length = nbytes / size;
  return v;
}

// --- attributes ------------------------------------------------------------------------------

#define PYRT_MV_GETTER(name, expr)            \
  Value name(Value self, void*) {             \
    MemoryViewObject* m = MV(self);           \
    if (!CheckReleased(m)) return Value();    \
    return expr;                              \
  }

Value OneTuple(int64_t x) {
  Ref v = Ref::Steal(NewInt(x));
  if (!v) return Value();
  return TuplePack({v.get()});
}

PYRT_MV_GETTER(GetObj, (Incref(m->view.obj), m->view.obj))
PYRT_MV_GETTER(GetNbytes, NewInt(m->length * m->itemsize))
PYRT_MV_GETTER(GetReadonly, NewBool(m->readonly))
PYRT_MV_GETTER(GetItemsize, NewInt(m->itemsize))
PYRT_MV_GETTER(GetFormat, NewStr(std::string(m->at_prefix ? "@" : "") + m->format))
PYRT_MV_GETTER(GetNdim, NewInt(1))
PYRT_MV_GETTER(GetShape, OneTuple(m->length))
PYRT_MV_GETTER(GetStrides, OneTuple(m->stride))
PYRT_MV_GETTER(GetSuboffsets, TuplePack({}))
PYRT_MV_GETTER(GetContiguous, NewBool(Contiguous(m)))
#undef PYRT_MV_GETTER

const MethodDef kMemoryMethods[] = {
    MethodDef::NoArgs("release", MRelease, "Release the underlying buffer exposed by the memoryview object."),
    MethodDef::FastKw("tobytes", MTobytes, "Return the data in the buffer as a byte string."),
    MethodDef::FastKw("hex", MHex, "Return the data in the buffer as a str of hexadecimal numbers."),
    MethodDef::NoArgs("tolist", MTolist, "Return the data in the buffer as a list of elements."),
    MethodDef::FastKw("cast", MCast, "Cast a memoryview to a new format or shape."),
    MethodDef::NoArgs("toreadonly", MToReadonly, "Return a readonly version of the memoryview."),
    MethodDef::NoArgs("__enter__", MEnter),
    MethodDef::Fast("__exit__", MExit),
    MethodDef(),
};

const GetSetDef kMemoryGetSets[] = {
    {"obj", GetObj, nullptr, "The underlying object of the memoryview."},
    {"nbytes", GetNbytes, nullptr, "The amount of space in bytes that the array would use in a contiguous representation."},
    {"readonly", GetReadonly, nullptr, "A bool indicating whether the memory is read only."},
    {"itemsize", GetItemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", GetFormat, nullptr, "A string containing the format (in struct module style) for each element in the view."},
    {"ndim", GetNdim, nullptr, "An integer indicating how many dimensions of a multi-dimensional array the memory represents."},
    {"shape", GetShape, nullptr, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array."},
    {"strides", GetStrides, nullptr, "A tuple of ndim integers giving the size in bytes to access each element for each dimension of the array."},
    {"suboffsets", GetSuboffsets, nullptr, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", GetContiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", GetContiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", GetContiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {},
};

void InitMemoryView() {
  {
    TypeInit t(&kMemoryViewType, "memoryview", sizeof(MemoryViewObject));
    t.final().flags(kTypeSequence);
    TypeObject* mt = t.type;
    mt->hooks.dealloc = MemoryDealloc;
    mt->new_ = MemoryNew;
    mt->repr = MemoryRepr;
    mt->hash = MemoryHash;
    mt->richcompare = MemoryRichCompare;
    mt->iter = MemoryIter;
    mt->length = MemoryLength;
    mt->subscript = MemorySubscript;
    mt->ass_subscript = MemoryAssSubscript;
    mt->getbuffer = MemoryGetBuffer;
    mt->releasebuffer = MemoryReleaseBuffer;
    t.methods(kMemoryMethods);
    t.getsets(kMemoryGetSets);
    t.doc("Create a new memoryview object which references the given object.");
    t.Ready();
  }
  {
    TypeInit t(&kMemoryIteratorType, "memory_iterator", sizeof(MemoryIterObject));
    t.final();
    t.type->hooks.dealloc = MemoryIterDealloc;
    t.type->iter = [](Value self) {
      Incref(self);
      return self;
    };
    t.type->iternext = MemoryIterNext;
    t.type->flags |= kTypeDisallowInstantiation;
    t.Ready();
  }
}

InitRegistration g_memoryview_init(InitPhase::kBuiltinTypes, InitMemoryView);

}  // namespace

Value NewMemoryView(Value obj) {
  if (IsMemoryView(obj)) {
    if (!CheckReleased(MV(obj))) return Value();
    return CloneView(MV(obj));
  }
  if (TypeOf(obj)->getbuffer == nullptr) {
    RaiseNew(&kTypeErrorType, "memoryview: a bytes-like object is required, not '%s'", TypeName(TypeOf(obj)));
    return Value();
  }
  Value v = AllocView();
  if (!v) return v;
  MemoryViewObject* m = MV(v);
  if (GetBuffer(obj, &m->view, false) < 0) {
    m->released = true;
    Decref(v);
    return Value();
  }
  m->start = static_cast<char*>(m->view.buf);
  m->itemsize = 1;
  m->stride = 1;
  m->length = m->view.len;
  m->readonly = m->view.readonly;
  return v;
}

}  // namespace pyrt
