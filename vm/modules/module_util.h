// module_util.h — small helpers shared by the builtin modules in vm/modules (internal to
// this package; not part of the VM's interface, which is modules.h).
//
//   * Struct sequences (sys.version_info, sys.flags, time.struct_time, ...): CPython's
//     PyStructSequence is a tuple subclass with named read-only fields and a repr
//     "sys.version_info(major=3, ...)". Here it is a Python class created with NewClass
//     (bases (tuple,)) whose fields are getset descriptors reading tuple items, so no
//     knowledge of tuple's memory layout is needed.
//   * Types not yet on this branch (complex): reached through weak symbols
//     (null when the type is not linked in).
//   * Raising OSError from an errno, and UnicodeError from a text::CodecError.
//
// Thread safety: the GIL must be held for everything here.
#ifndef PYRT_VM_MODULES_MODULE_UTIL_H_
#define PYRT_VM_MODULES_MODULE_UTIL_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "objects/core/bytes.h"
#include "objects/core/core.h"
#include "objects/core/iterators.h"
#include "objects/core/list.h"
#include "objects/core/memoryview.h"
#include "objects/core/range.h"
#include "objects/core/set.h"
#include "objects/text/codecs.h"

namespace pyrt {

// Types not yet defined on this branch (complex comes from wip/types later):
// weak references, null when the type is not linked in, so that this package builds and
// links before they exist. Replace each by its header once it lands.
extern TypeObject kComplexType __attribute__((weak));

// types.SimpleNamespace (type(sys.implementation), which Lib/types.py exports):
// attributes in an instance __dict__, namespace(**kwargs), repr "namespace(a=1, b=2)",
// == comparing the dicts. Defined in namespace_object.cc.
extern TypeObject kSimpleNamespaceType;

namespace modules_internal {

// A new empty SimpleNamespace (new reference).
[[nodiscard]] Value NewSimpleNamespace();

// A struct-sequence type named `module.name` with the given field names (the first
// `n_sequence` are tuple items; with fewer items than fields the rest are read as
// instance attributes, like struct_time's tm_zone/tm_gmtoff). Returns a new reference to
// the class, or Value{} with an exception.
// `instantiable` false: Python code cannot call the type ("cannot create 'sys.flags'
// instances", as CPython's sys types); NewStructSeq still can.
[[nodiscard]] Value NewStructSeqType(const char* module, const char* name,
                                     std::initializer_list<const char*> fields,
                                     size_t n_sequence, bool instantiable = true);
// An instance of a struct-sequence type from `items` (stolen references; any Value{}
// means an earlier error: the others are dropped and Value{} returned).
[[nodiscard]] Value NewStructSeq(Value type, std::initializer_list<Value> items);

// list(iterable). Value{} + exception.
[[nodiscard]] Value ListOf(Value iterable);
// bytes with the given content (NewBytes).
[[nodiscard]] Value NewBytesValue(std::string_view data);
// True if v is a bytes or bytearray object (the types the file object accepts).
[[nodiscard]] bool IsBytesLike(Value v);
// The bytes of a bytes-like object (buffer protocol). False + TypeError
// "a bytes-like object is required, not 'str'".
[[nodiscard]] bool BytesOf(Value v, std::string* out);

// Raises OSError (the errno's subclass, e.g. FileNotFoundError) with
// args (errno, strerror[, filename]) as CPython's PyErr_SetFromErrnoWithFilenameObject.
// `filename` may be Value{}. Returns Value{}.
Value RaiseOSError(int err, Value filename = Value());
// Raises the UnicodeDecodeError/UnicodeEncodeError a codec error describes. `object` is
// the bytes or str being coded (may be Value{}: then the message-only form is used).
Value RaiseCodecError(const text::CodecError& e, Value object = Value());

// Fetches `name` from the module dict of `m` (borrowed) or Value{} without exception.
[[nodiscard]] Value ModuleGet(Value m, std::string_view name);
// Adds a new reference to module `m` under `name` (steals `value`). 0 or -1; a Value{}
// value (an earlier failure) returns -1.
[[nodiscard]] int ModuleAddNew(Value m, std::string_view name, Value value);

}  // namespace modules_internal
}  // namespace pyrt

#endif  // PYRT_VM_MODULES_MODULE_UTIL_H_
