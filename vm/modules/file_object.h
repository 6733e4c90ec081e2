// file_object.h — pyrt's minimal file objects: what open() returns and what sys.stdin,
// sys.stdout and sys.stderr are.
//
// Four builtin types with CPython's names (repr and type() show them):
//   _io.TextIOWrapper   text files (open(path), open(path, 'w'), the std streams)
//   _io.BufferedReader  open(path, 'rb')
//   _io.BufferedWriter  open(path, 'wb' / 'ab' / 'xb')
//   _io.BufferedRandom  open(path, 'r+b' / 'w+b' / ...)
// Each instance holds a shared fileio::FileStream (file_io.h does buffering, codecs and
// newline translation); a text file's `buffer` attribute is a BufferedWriter/Reader over
// the same stream, so sys.stdout.write and sys.stdout.buffer.write keep their order.
//
// Methods: read, readline, readlines, write, writelines, flush, close, fileno, isatty,
// readable, writable, seekable, seek, tell, __enter__/__exit__, iteration; attributes
// closed, name, mode, encoding, errors, line_buffering, buffer. Errors are CPython's:
// ValueError "I/O operation on closed file.", io.UnsupportedOperation "not readable" /
// "not writable", OSError subclasses with errno/strerror/filename, UnicodeDecodeError /
// UnicodeEncodeError. Unsupported relative to CPython: encodings other than
// UTF-8/Latin-1/ASCII (LookupError "unknown encoding: X"), truncate(), text-mode
// tell()/seek() cookies (plain byte offsets here), readinto(), peek().
//
// Thread safety: the GIL must be held; blocking reads and writes keep it (the stream
// has no lock of its own).
#ifndef PYRT_VM_MODULES_FILE_OBJECT_H_
#define PYRT_VM_MODULES_FILE_OBJECT_H_

#include "objects/core/core.h"

namespace pyrt {

extern TypeObject kTextIOWrapperType, kBufferedReaderType, kBufferedWriterType,
    kBufferedRandomType;

// True for an instance of one of the four file types.
[[nodiscard]] bool IsFileObject(Value v);

// builtins.open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
// closefd=True, opener=None), vectorcall form. New reference or Value{}.
[[nodiscard]] Value OpenFile(const Value* args, size_t nargs, Value kwnames);

// A text file over an existing descriptor for sys.stdin/stdout/stderr (never closes the
// fd). `name` is "<stdout>"; `writing` selects mode 'w' vs 'r'; `errors` "strict" or
// "backslashreplace"; `line_buffered` / `unbuffered` as file_io.h describes.
[[nodiscard]] Value NewStdFile(int fd, const char* name, bool writing, bool line_buffered,
                               bool unbuffered, const char* errors);

// Writes a str to a file object: the fast path for print() when `file` is one of ours
// (no method lookup), else file.write(s). 0 or -1.
[[nodiscard]] int FileWriteString(Value file, Value s);

// Reads one line from a text file object (input()): for our files directly, else via
// file.readline(). New reference (a str) or Value{}.
[[nodiscard]] Value FileReadLine(Value file);

// io.UnsupportedOperation (a subclass of OSError and ValueError), created on first use.
// Borrowed; the VM's io/_io module should export this same class.
[[nodiscard]] Value UnsupportedOperationType();

}  // namespace pyrt

#endif  // PYRT_VM_MODULES_FILE_OBJECT_H_
