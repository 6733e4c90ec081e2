// errors.h — raising, fetching and matching Python exceptions, and the builtin exception
// hierarchy of Python 3.11.
//
// The current exception. A runtime call that fails raises a Python exception and returns
// the error marker (Value{}, -1 or false). The raised exception — always a normalised
// exception *instance*, never a (type, value, traceback) triple — lives in one per-thread
// slot:
//   * when the VM has attached a gil::ThreadState to this OS thread (AttachThreadState),
//     the slot is that ThreadState's `current_exception` field (holding an owned object
//     pointer), so the VM and the GIL library see it;
//   * otherwise (unit tests, start-up before the VM exists) a thread_local slot.
// A thread_local pointer to the active slot makes ErrorOccurred() one load and a compare.
// AttachThreadState moves a pending exception into the new slot; DetachThreadState moves
// it back.
//
// Raising never allocates a traceback: the VM adds traceback entries as the exception
// unwinds (it owns the traceback type; BaseException only stores __traceback__).
// Exception chaining: when a C++ raise happens while an exception is being handled (the
// VM reports it through the HandledException hook), the new exception's __context__ is
// set to the handled one, as CPython's _PyErr_SetObject does.
//
// Exception objects: BaseExceptionObject below; subclasses with extra fields
// (StopIteration.value, OSError.errno/strerror/filename/..., SyntaxError.msg/lineno/...,
// ImportError.name/path/msg, UnicodeDecodeError..., SystemExit.code, NameError.name,
// AttributeError.name/obj, BaseExceptionGroup.message/exceptions) have their own layouts.
//
// Thread safety: the GIL must be held.
#ifndef PYRT_OBJECTS_CORE_ERRORS_H_
#define PYRT_OBJECTS_CORE_ERRORS_H_

#include <cstdarg>
#include <cstdint>
#include <string_view>

#include "objects/core/type.h"

namespace pyrt::gil {
class ThreadState;
}

namespace pyrt {

// --- the exception object layout ---

struct BaseExceptionObject {
  Object head;
  Value dict;              // instance __dict__ (lazily created) or Value{}
  Value args;              // a tuple
  Value notes;             // __notes__ list or Value{} (add_note creates it)
  Value traceback;         // __traceback__: a traceback object (VM's type) or Value{}
  Value context;           // __context__ or Value{}
  Value cause;             // __cause__ or Value{}
  bool suppress_context;   // __suppress_context__
};

// StopIteration / StopAsyncIteration.
struct StopIterationObject {
  BaseExceptionObject base;
  Value value;
};
// SystemExit.
struct SystemExitObject {
  BaseExceptionObject base;
  Value code;
};
// ImportError / ModuleNotFoundError.
struct ImportErrorObject {
  BaseExceptionObject base;
  Value msg, name, path;
};
// NameError / UnboundLocalError.
struct NameErrorObject {
  BaseExceptionObject base;
  Value name;
};
// AttributeError.
struct AttributeErrorObject {
  BaseExceptionObject base;
  Value name, obj;
};
// OSError and its subclasses.
struct OSErrorObject {
  BaseExceptionObject base;
  Value myerrno, strerror, filename, filename2;
  Value written;  // BlockingIOError.characters_written (int) or Value{}
};
// SyntaxError / IndentationError / TabError.
struct SyntaxErrorObject {
  BaseExceptionObject base;
  Value msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
};
// UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError.
struct UnicodeErrorObject {
  BaseExceptionObject base;
  Value encoding, object, start, end, reason;
};
// BaseExceptionGroup / ExceptionGroup.
struct ExceptionGroupObject {
  BaseExceptionObject base;
  Value msg, excs;  // str, tuple of exceptions
};

// --- the builtin exception types (3.11's hierarchy) ---

extern TypeObject kBaseExceptionType, kBaseExceptionGroupType, kGeneratorExitType,
    kKeyboardInterruptType, kSystemExitType, kExceptionType, kArithmeticErrorType,
    kFloatingPointErrorType, kOverflowErrorType, kZeroDivisionErrorType, kAssertionErrorType,
    kAttributeErrorType, kBufferErrorType, kEOFErrorType, kExceptionGroupType,
    kImportErrorType, kModuleNotFoundErrorType, kLookupErrorType, kIndexErrorType,
    kKeyErrorType, kMemoryErrorType, kNameErrorType, kUnboundLocalErrorType, kOSErrorType,
    kBlockingIOErrorType, kChildProcessErrorType, kConnectionErrorType, kBrokenPipeErrorType,
    kConnectionAbortedErrorType, kConnectionRefusedErrorType, kConnectionResetErrorType,
    kFileExistsErrorType, kFileNotFoundErrorType, kInterruptedErrorType,
    kIsADirectoryErrorType, kNotADirectoryErrorType, kPermissionErrorType,
    kProcessLookupErrorType, kTimeoutErrorType, kReferenceErrorType, kRuntimeErrorType,
    kNotImplementedErrorType, kRecursionErrorType, kStopAsyncIterationType,
    kStopIterationType, kSyntaxErrorType, kIndentationErrorType, kTabErrorType,
    kSystemErrorType, kTypeErrorType, kValueErrorType, kUnicodeErrorType,
    kUnicodeDecodeErrorType, kUnicodeEncodeErrorType, kUnicodeTranslateErrorType,
    kWarningType, kBytesWarningType, kDeprecationWarningType, kEncodingWarningType,
    kFutureWarningType, kImportWarningType, kPendingDeprecationWarningType,
    kResourceWarningType, kRuntimeWarningType, kSyntaxWarningType, kUnicodeWarningType,
    kUserWarningType;

// Calls fn(name, type) for every builtin exception type (for the builtins module; also
// EnvironmentError and IOError, which are OSError).
void ForEachBuiltinException(void (*fn)(const char* name, TypeObject* type, void* arg),
                             void* arg);

// --- raising ---

// Raises `exc` (an exception instance; borrowed, the slot takes its own reference). If
// `exc` is an exception *class*, it is instantiated with no arguments. Replaces (drops)
// any exception already set. Sets __context__ from the handled exception (see above).
void Raise(Value exc);
// Raises type(message). `type` must be an exception class.
void RaiseMessage(TypeObject* type, std::string_view message);
// Raises type(printf-style message) — CPython's PyErr_Format: %s (const char* UTF-8),
// %d/%i (int), %ld/%lld/%zd/%zu/%lu/%llu, %c (code point int), %x, %p, %%; %U (str
// Value), %S (str() of a Value), %R (repr() of a Value), %A (ascii() of a Value),
// %T (the type name of a Value), %N (a TypeObject*'s name, like %T for types),
// and ".NNN" precision on %s/%U/%S/%R (truncates to NNN characters).
void RaiseNew(TypeObject* type, const char* fmt, ...);
void RaiseNewV(TypeObject* type, const char* fmt, va_list ap);
// Raises type(*args) for a tuple of arguments (e.g. KeyError(key): RaiseWithArg).
void RaiseWithArg(TypeObject* type, Value arg);
// Raises UnicodeEncodeError / UnicodeDecodeError(encoding, object, start, end, reason)
// (object a str, or a bytes-like object for decoding) or UnicodeTranslateError(object,
// start, end, reason) (`encoding` ignored), with CPython's str(): "'utf-8' codec can't
// encode character '\ud800' in position 0: surrogates not allowed".
void RaiseUnicodeError(TypeObject* type, std::string_view encoding, Value object, int64_t start,
                       int64_t end, std::string_view reason);
// Raises MemoryError (preallocated instance; never allocates). Returns Value{}.
Value RaiseNoMemory();
// Raises SystemError "bad argument to internal function" (PyErr_BadInternalCall).
void RaiseBadInternalCall();

// The raise helpers in expression form: raise and return the error marker.
[[nodiscard]] inline Value Error(TypeObject* type, std::string_view message) {
  RaiseMessage(type, message);
  return Value();
}

// --- inspecting and clearing ---

// True if an exception is set on this thread. Cheap.
[[nodiscard]] bool ErrorOccurred();
// The current exception (borrowed) or Value{}.
[[nodiscard]] Value CurrentError();
// Takes the current exception (a new reference; Value{} if none) and clears the slot.
[[nodiscard]] Value FetchError();
// Sets the current exception to `exc` (stealing the reference; Value{} clears). Does not
// touch __context__ (unlike Raise): for restoring a fetched exception.
void RestoreError(Value exc);
// Drops the current exception if any.
void ClearError();
// True if the current exception is an instance of `type` (or of any class in `type` if
// it is a tuple). False when no exception is set.
[[nodiscard]] bool ExceptionMatches(TypeObject* type);
// Clears the current exception if it matches `type` and returns true; false otherwise
// (leaving any exception in place). Handy for StopIteration / KeyError / AttributeError.
[[nodiscard]] bool ClearIfMatches(TypeObject* type);
// CPython's PyErr_GivenExceptionMatches: `exc` (an instance or class) against `type`
// (a class or tuple of classes).
[[nodiscard]] bool GivenExceptionMatches(Value exc, Value type);

// --- exception objects ---

// True if `v` is an instance of BaseException.
[[nodiscard]] bool IsException(Value v);
// True if `v` is a subclass of BaseException.
[[nodiscard]] bool IsExceptionClass(Value v);
// Creates type(*args) without raising it (calls the class). New reference or Value{}.
[[nodiscard]] Value NewException(TypeObject* type, const Value* args, size_t nargs);
// Creates type(message).
[[nodiscard]] Value NewExceptionMessage(TypeObject* type, std::string_view message);
// Accessors (borrowed; Value{} when unset). Setters take borrowed values.
[[nodiscard]] Value ExceptionArgs(Value exc);
[[nodiscard]] Value ExceptionTraceback(Value exc);
void SetExceptionTraceback(Value exc, Value tb);
// The VM registers its traceback type so that `exc.__traceback__ = x` and
// exc.with_traceback(x) refuse anything else ("__traceback__ must be a traceback or None").
void RegisterTracebackType(TypeObject* type);
[[nodiscard]] Value ExceptionContext(Value exc);
void SetExceptionContext(Value exc, Value context);  // Value{} clears
[[nodiscard]] Value ExceptionCause(Value exc);
void SetExceptionCause(Value exc, Value cause);      // also sets __suppress_context__
// StopIteration(value).value; None if the exception has no value.
[[nodiscard]] Value StopIterationValue(Value exc);
// Raises StopIteration(value) (the generator return path). Wraps a tuple value as
// CPython does so that it is not unpacked.
void RaiseStopIteration(Value value);

// --- thread integration (the VM) ---

// Makes `ts->current_exception` this thread's exception slot (moving any pending
// exception there). nullptr detaches back to the thread_local slot.
void AttachThreadState(gil::ThreadState* ts);
// The VM installs this to report the exception currently being handled (sys.exception())
// for implicit chaining; returns a borrowed value or Value{}.
using HandledExceptionFn = Value (*)();
void SetHandledExceptionHook(HandledExceptionFn fn);

// Writes "Exception ignored in: <obj repr>" and the exception to stderr and clears it
// (PyErr_WriteUnraisable). The VM may install a hook to print tracebacks; by default the
// "Type: message" line is printed.
void WriteUnraisable(Value obj);
using UnraisableHookFn = void (*)(Value exc, Value obj);
void SetUnraisableHook(UnraisableHookFn fn);

// Formats "Type: message" as CPython's traceback's last line does (for tests and the
// default unraisable hook). Never fails (falls back to "<exception str() failed>").
[[nodiscard]] std::string FormatExceptionOnly(Value exc);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_ERRORS_H_
