// file_object.cc — see file_object.h.
#include "vm/modules/file_object.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "vm/modules/file_io.h"
#include "vm/modules/module_util.h"

namespace pyrt {

TypeObject kTextIOWrapperType, kBufferedReaderType, kBufferedWriterType, kBufferedRandomType;

namespace {

using fileio::FileStream;
using fileio::IoError;
using modules_internal::RaiseCodecError;
using modules_internal::RaiseOSError;

struct FileObject {
  Object head;
  std::shared_ptr<FileStream> stream;  // placement-constructed by NewFileObject
  Value name;                          // str or int, owned
  Value mode;                          // str, owned
  Value encoding;                      // str (text files) or Value{}, owned
  Value errors;                        // str (text files) or Value{}, owned
  Value buffer;                        // text files: the binary object (lazy) or Value{}
  bool text;
  bool line_buffering;
};

FileObject* AsFile(Value v) { return reinterpret_cast<FileObject*>(v.object()); }

Value NewFileObject(TypeObject* type, std::shared_ptr<FileStream> stream, Value name,
                    Value mode, Value encoding, Value errors) {
  Value v = AllocInstance(type);
  if (!v) return Value();
  FileObject* f = AsFile(v);
  new (&f->stream) std::shared_ptr<FileStream>(std::move(stream));
  Incref(name), Incref(mode), Incref(encoding), Incref(errors);
  f->name = name, f->mode = mode, f->encoding = encoding, f->errors = errors;
  f->buffer = Value();
  f->text = type == &kTextIOWrapperType;
  f->line_buffering = f->stream->buffering() == fileio::Buffering::kLine;
  return v;
}

void FileDealloc(Object* o) {
  FileObject* f = reinterpret_cast<FileObject*>(o);
  // The stream flushes and closes (if it owns its fd) when its last holder goes away.
  f->stream.~shared_ptr<FileStream>();
  Decref(f->name), Decref(f->mode), Decref(f->encoding), Decref(f->errors),
      Decref(f->buffer);
  FreeInstance(o);
}

// --- Errors ---

Value g_unsupported_operation;

Value RaiseClosed() { return Error(&kValueErrorType, "I/O operation on closed file."); }

Value RaiseUnsupported(const char* what) {
  Value t = UnsupportedOperationType();
  if (!t) return Value();
  Ref msg = Ref::Steal(NewStr(what));
  if (!msg) return Value();
  Ref exc = Ref::Steal(Call1(t, msg.get()));
  if (exc) Raise(exc.get());
  return Value();
}

Value RaiseIo(const IoError& e, Value object = Value()) {
  if (e.codec.failed) {
    if (e.codec.decoding) {
      Ref b = Ref::Steal(modules_internal::NewBytesValue(e.input));
      if (!b) {
        ClearError();  // no bytes type yet: the exception carries the message only
        return RaiseCodecError(e.codec, Value());
      }
      return RaiseCodecError(e.codec, b.get());
    }
    return RaiseCodecError(e.codec, object);
  }
  return RaiseOSError(e.err);
}

// Checks that `self` is open (and readable/writable when asked). nullptr + exception.
FileStream* Checked(Value self, bool need_read, bool need_write) {
  FileStream* s = AsFile(self)->stream.get();
  if (s->closed()) {
    RaiseClosed();
    return nullptr;
  }
  if (need_read && !s->readable()) {
    RaiseUnsupported("not readable");
    return nullptr;
  }
  if (need_write && !s->writable()) {
    RaiseUnsupported("not writable");
    return nullptr;
  }
  return s;
}

// A size argument: None or an int (-1 = all). false + TypeError.
bool SizeArg(Value v, int64_t* out) {
  if (!v || IsNone(v)) {
    *out = -1;
    return true;
  }
  if (!IsInt(v)) {
    RaiseNew(&kTypeErrorType, "argument should be integer or None, not '%T'", v);
    return false;
  }
  const int64_t n = AsIndex(v, &kOverflowErrorType);
  if (n == -1 && ErrorOccurred()) return false;
  *out = n;
  return true;
}

Value TextValue(const std::u32string& s) { return NewStrFromCodePoints(s); }

// --- Methods ---

Value FileRead(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("read", nargs, 0, 1)) return Value();
  int64_t n = -1;
  if (nargs == 1 && !SizeArg(args[0], &n)) return Value();
  FileStream* s = Checked(self, true, false);
  if (!s) return Value();
  if (AsFile(self)->text) {
    std::u32string out;
    if (IoError e = s->ReadText(n, &out); !e.ok()) return RaiseIo(e);
    return TextValue(out);
  }
  std::string out;
  if (IoError e = s->ReadBytes(n, &out); !e.ok()) return RaiseIo(e);
  return modules_internal::NewBytesValue(out);
}

Value ReadLineImpl(Value self, int64_t limit) {
  FileStream* s = Checked(self, true, false);
  if (!s) return Value();
  if (AsFile(self)->text) {
    std::u32string out;
    if (IoError e = s->ReadLineText(limit, &out); !e.ok()) return RaiseIo(e);
    return TextValue(out);
  }
  std::string out;
  if (IoError e = s->ReadLineBytes(limit, &out); !e.ok()) return RaiseIo(e);
  return modules_internal::NewBytesValue(out);
}

Value FileReadLineMethod(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("readline", nargs, 0, 1)) return Value();
  int64_t n = -1;
  if (nargs == 1 && !SizeArg(args[0], &n)) return Value();
  return ReadLineImpl(self, n);
}

// True if the line value is empty (end of file).
bool IsEmptyLine(Value line) {
  if (IsStr(line)) return StrLength(line) == 0;
  const int64_t n = Length(line);
  return n == 0;
}

Value FileReadLines(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("readlines", nargs, 0, 1)) return Value();
  int64_t hint = -1;
  if (nargs == 1 && !SizeArg(args[0], &hint)) return Value();
  std::vector<Ref> lines;
  int64_t total = 0;
  while (true) {
    Ref line = Ref::Steal(ReadLineImpl(self, -1));
    if (!line) return Value();
    if (IsEmptyLine(line.get())) break;
    const int64_t len = Length(line.get());
    lines.push_back(std::move(line));
    total += len;
    if (hint > 0 && total >= hint) break;
  }
  Ref tuple = Ref::Steal(NewTuple(static_cast<int64_t>(lines.size())));
  if (!tuple) return Value();
  for (size_t i = 0; i < lines.size(); ++i) {
    TupleSetItem(tuple.get(), static_cast<int64_t>(i), lines[i].release());
  }
  return ListFromIterable(tuple.get());
}

Value WriteImpl(Value self, Value data) {
  FileStream* s = Checked(self, false, true);
  if (!s) return Value();
  if (AsFile(self)->text) {
    if (!IsStr(data)) {
      RaiseNew(&kTypeErrorType, "write() argument must be str, not %T", data);
      return Value();
    }
    if (s->TakesUtf8Directly(StrIsAscii(data))) {
      int64_t size = 0;
      const char* utf8 = AsUtf8(data, &size);  // cached in the str; fails on surrogates
      if (utf8 != nullptr) {
        if (IoError e = s->WriteEncodedText(std::string_view(utf8, static_cast<size_t>(size)));
            !e.ok()) {
          return RaiseIo(e, data);
        }
        return NewInt(StrLength(data));
      }
      ClearError();  // lone surrogates: the codec path reports them with the error handler
    }
    const std::u32string cps = StrCodePoints(data);
    if (IoError e = s->WriteText(cps); !e.ok()) return RaiseIo(e, data);
    return NewInt(StrLength(data));
  }
  std::string bytes;
  if (!modules_internal::BytesOf(data, &bytes)) return Value();
  if (IoError e = s->WriteBytes(bytes); !e.ok()) return RaiseIo(e);
  return NewInt(static_cast<int64_t>(bytes.size()));
}

Value FileWrite(Value self, Value data) { return WriteImpl(self, data); }

Value FileWriteLines(Value self, Value lines) {
  if (!Checked(self, false, true)) return Value();
  Ref it = Ref::Steal(GetIter(lines));
  if (!it) return Value();
  while (true) {
    Value item;
    const IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref hold = Ref::Steal(item);
    Ref n = Ref::Steal(WriteImpl(self, item));
    if (!n) return Value();
  }
  return NewNone();
}

Value FileFlush(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  if (IoError e = s->Flush(); !e.ok()) return RaiseIo(e);
  return NewNone();
}

Value FileClose(Value self) {
  FileStream* s = AsFile(self)->stream.get();
  if (IoError e = s->Close(); !e.ok()) return RaiseIo(e);
  return NewNone();
}

Value FileFileno(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  return NewInt(s->fd());
}

Value FileIsatty(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  return NewBool(s->IsATty());
}

Value FileReadable(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  return NewBool(s->readable());
}

Value FileWritable(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  return NewBool(s->writable());
}

Value FileSeekable(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  return NewBool(::lseek(s->fd(), 0, SEEK_CUR) >= 0);
}

Value FileSeek(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("seek", nargs, 1, 2)) return Value();
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  const int64_t offset = AsIndex(args[0], &kOverflowErrorType);
  if (offset == -1 && ErrorOccurred()) return Value();
  int64_t whence = 0;
  if (nargs == 2) {
    whence = AsIndex(args[1], &kOverflowErrorType);
    if (whence == -1 && ErrorOccurred()) return Value();
  }
  if (whence < 0 || whence > 2) {
    RaiseNew(&kValueErrorType, "invalid whence (%lld, should be 0, 1 or 2)",
             static_cast<long long>(whence));
    return Value();
  }
  if (AsFile(self)->text && whence != 0 && offset != 0) {
    return RaiseUnsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                        : "can't do nonzero end-relative seeks");
  }
  int64_t pos = 0;
  if (IoError e = s->Seek(offset, static_cast<int>(whence), &pos); !e.ok()) return RaiseIo(e);
  return NewInt(pos);
}

Value FileTell(Value self) {
  FileStream* s = Checked(self, false, false);
  if (!s) return Value();
  int64_t pos = 0;
  if (IoError e = s->Tell(&pos); !e.ok()) return RaiseIo(e);
  return NewInt(pos);
}

Value FileEnter(Value self) {
  if (!Checked(self, false, false)) return Value();
  Incref(self);
  return self;
}

Value FileExit(Value self, const Value* /*args*/, size_t /*nargs*/) { return FileClose(self); }

Value FileIter(Value self) {
  if (!Checked(self, false, false)) return Value();
  Incref(self);
  return self;
}

Value FileIterNext(Value self) {
  Value line = ReadLineImpl(self, -1);
  if (!line) return Value();
  if (IsEmptyLine(line)) {
    Decref(line);
    return Value();  // exhausted, no exception
  }
  return line;
}

Value FileRepr(Value self) {
  FileObject* f = AsFile(self);
  StrBuilder b;
  b.Append("<");
  b.Append(TypeName(TypeOf(self)));
  Ref name_repr = Ref::Steal(Repr(f->name));
  if (!name_repr) return Value();
  b.Append(" name=");
  b.AppendStr(name_repr.get());
  if (f->text) {
    Ref mode_repr = Ref::Steal(Repr(f->mode));
    Ref enc_repr = Ref::Steal(Repr(f->encoding));
    if (!mode_repr || !enc_repr) return Value();
    b.Append(" mode=");
    b.AppendStr(mode_repr.get());
    b.Append(" encoding=");
    b.AppendStr(enc_repr.get());
  }
  b.Append(">");
  return b.Finish();
}

// --- Attributes ---

Value GetClosed(Value self, void*) { return NewBool(AsFile(self)->stream->closed()); }
Value GetName(Value self, void*) {
  Incref(AsFile(self)->name);
  return AsFile(self)->name;
}
Value GetMode(Value self, void*) {
  Incref(AsFile(self)->mode);
  return AsFile(self)->mode;
}
Value GetEncoding(Value self, void*) {
  Value e = AsFile(self)->encoding;
  if (!e) return Error(&kAttributeErrorType, "binary files have no encoding");
  Incref(e);
  return e;
}
Value GetErrors(Value self, void*) {
  Value e = AsFile(self)->errors;
  if (!e) return Error(&kAttributeErrorType, "binary files have no errors attribute");
  Incref(e);
  return e;
}
Value GetLineBuffering(Value self, void*) { return NewBool(AsFile(self)->line_buffering); }
Value GetNewlines(Value self, void*) {
  FileObject* f = AsFile(self);
  if (!f->text || !f->stream) return NewNone();
  const int seen = f->stream->seen_newlines();
  std::vector<Value> kinds;
  if (seen & FileStream::kSeenCr) kinds.push_back(NewStr("\r"));
  if (seen & FileStream::kSeenLf) kinds.push_back(NewStr("\n"));
  if (seen & FileStream::kSeenCrLf) kinds.push_back(NewStr("\r\n"));
  for (Value k : kinds) {
    if (!k) {
      for (Value v : kinds) Decref(v);
      return Value();
    }
  }
  if (kinds.empty()) return NewNone();
  if (kinds.size() == 1) return kinds[0];
  Value t = TupleFromArray(kinds.data(), kinds.size());
  for (Value v : kinds) Decref(v);
  return t;
}
Value GetBuffer(Value self, void*) {
  FileObject* f = AsFile(self);
  if (!f->text) return Error(&kAttributeErrorType, "binary files have no buffer attribute");
  if (!f->buffer) {
    FileStream* s = f->stream.get();
    TypeObject* t = s->readable() && s->writable() ? &kBufferedRandomType
                    : s->writable()                ? &kBufferedWriterType
                                                   : &kBufferedReaderType;
    Ref mode = Ref::Steal(NewStr(s->readable() && s->writable() ? "rb+"
                                 : s->writable()                ? "wb"
                                                                : "rb"));
    if (!mode) return Value();
    f->buffer = NewFileObject(t, f->stream, f->name, mode.get(), Value(), Value());
    if (!f->buffer) return Value();
  }
  Incref(f->buffer);
  return f->buffer;
}

const MethodDef kFileMethods[] = {
    MethodDef::Fast("read", FileRead, "Read at most size characters/bytes (all if < 0)."),
    MethodDef::Fast("readline", FileReadLineMethod, "Read until newline or EOF."),
    MethodDef::Fast("readlines", FileReadLines, "Return a list of lines from the stream."),
    MethodDef::OneArg("write", FileWrite, "Write a string (text) or bytes (binary)."),
    MethodDef::OneArg("writelines", FileWriteLines, "Write a list of lines to the stream."),
    MethodDef::NoArgs("flush", FileFlush, "Flush the write buffer."),
    MethodDef::NoArgs("close", FileClose, "Flush and close the file."),
    MethodDef::NoArgs("fileno", FileFileno, "Return the underlying file descriptor."),
    MethodDef::NoArgs("isatty", FileIsatty, "True if the file is connected to a tty."),
    MethodDef::NoArgs("readable", FileReadable, "True if the file was opened for reading."),
    MethodDef::NoArgs("writable", FileWritable, "True if the file was opened for writing."),
    MethodDef::NoArgs("seekable", FileSeekable, "True if the file supports random access."),
    MethodDef::Fast("seek", FileSeek, "Change the stream position."),
    MethodDef::NoArgs("tell", FileTell, "Return the current stream position."),
    MethodDef::NoArgs("__enter__", FileEnter),
    MethodDef::Fast("__exit__", FileExit),
    {},
};

const GetSetDef kFileGetSets[] = {
    {"closed", GetClosed},
    {"name", GetName},
    {"mode", GetMode},
    {"encoding", GetEncoding},
    {"errors", GetErrors},
    {"line_buffering", GetLineBuffering},
    {"newlines", GetNewlines},
    {"buffer", GetBuffer},
    {},
};

void InitFileType(TypeObject* t, const char* name) {
  TypeInit init(t, name, sizeof(FileObject));
  t->hooks.dealloc = FileDealloc;
  t->repr = FileRepr;
  t->iter = FileIter;
  t->iternext = FileIterNext;
  init.methods(kFileMethods).getsets(kFileGetSets).final();
  init.Ready();
}

void InitFileTypes() {
  InitFileType(&kTextIOWrapperType, "_io.TextIOWrapper");
  InitFileType(&kBufferedReaderType, "_io.BufferedReader");
  InitFileType(&kBufferedWriterType, "_io.BufferedWriter");
  InitFileType(&kBufferedRandomType, "_io.BufferedRandom");
}

InitRegistration g_init_files(InitPhase::kModules, InitFileTypes);

// --- open() ---

bool ParseNewlineArg(Value v, fileio::Newline* out) {
  if (!v || IsNone(v)) {
    *out = fileio::Newline::kUniversal;
    return true;
  }
  if (!IsStr(v)) {
    RaiseNew(&kTypeErrorType, "open() argument 'newline' must be str or None, not %T", v);
    return false;
  }
  if (StrEqualsUtf8(v, "")) *out = fileio::Newline::kUntranslated;
  else if (StrEqualsUtf8(v, "\n")) *out = fileio::Newline::kLf;
  else if (StrEqualsUtf8(v, "\r")) *out = fileio::Newline::kCr;
  else if (StrEqualsUtf8(v, "\r\n")) *out = fileio::Newline::kCrLf;
  else {
    RaiseNew(&kValueErrorType, "illegal newline value: %U", v);
    return false;
  }
  return true;
}

// The path of open()'s `file` argument (str, bytes or os.PathLike), as bytes for the OS.
bool PathArg(Value file, std::string* out) {
  if (IsStr(file)) {
    std::string_view s = StrView(file);
    if (s.data() == nullptr && ErrorOccurred()) return false;
    if (s.find('\0') != std::string_view::npos) {
      RaiseMessage(&kValueErrorType, "embedded null byte");
      return false;
    }
    out->assign(s);
    return true;
  }
  if (file.is_object() && HasFlag(TypeOf(file), kTypeBytesSubclass)) {
    return modules_internal::BytesOf(file, out);
  }
  Ref fspath = Ref::Steal(LookupSpecial(file, Intern("__fspath__")));
  if (!fspath) {
    if (!ErrorOccurred()) {
      RaiseNew(&kTypeErrorType, "expected str, bytes or os.PathLike object, not %T", file);
    }
    return false;
  }
  Ref p = Ref::Steal(Call0(fspath.get()));
  if (!p) return false;
  if (!IsStr(p.get()) && !HasFlag(TypeOf(p.get()), kTypeBytesSubclass)) {
    RaiseNew(&kTypeErrorType, "expected %T.__fspath__() to return str or bytes, not %T",
             file, p.get());
    return false;
  }
  return PathArg(p.get(), out);
}

// The name open() reports as `encoding` when none is given: the locale's codeset as
// CPython shows it (nl_langinfo(CODESET), "UTF-8" in a UTF-8 locale), or "utf-8" in the
// C/POSIX locale, where CPython 3.11 runs in UTF-8 mode (PEP 538/540). Files are
// always decoded as UTF-8 here.
const char* DefaultEncodingName() {
  const char* value = nullptr;
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') {
      value = v;
      break;
    }
  }
  if (value == nullptr) return "utf-8";
  const std::string_view locale(value);
  if (locale == "C" || locale == "POSIX") return "utf-8";
  return "UTF-8";
}

bool OptionalStrArg(Value v, const char* arg, std::string* out, bool* given) {
  *given = v && !IsNone(v);
  if (!*given) return true;
  if (!IsStr(v)) {
    RaiseNew(&kTypeErrorType, "open() argument '%s' must be str or None, not %T", arg, v);
    return false;
  }
  out->assign(StrView(v));
  return true;
}

}  // namespace

bool IsFileObject(Value v) {
  if (!v.is_object()) return false;
  TypeObject* t = TypeOf(v);
  return t == &kTextIOWrapperType || t == &kBufferedReaderType || t == &kBufferedWriterType ||
         t == &kBufferedRandomType;
}

Value UnsupportedOperationType() {
  if (g_unsupported_operation) return g_unsupported_operation;
  Ref ns = Ref::Steal(NewDict());
  Ref mod = Ref::Steal(NewStr("io"));
  if (!ns || !mod || DictSetUtf8(ns.get(), "__module__", mod.get()) < 0) return Value();
  Ref name = Ref::Steal(NewStr("UnsupportedOperation"));
  Ref bases = Ref::Steal(TuplePack({TypeValue(&kOSErrorType), TypeValue(&kValueErrorType)}));
  if (!name || !bases) return Value();
  g_unsupported_operation = NewClass(&kTypeType, name.get(), bases.get(), ns.get());
  return g_unsupported_operation;
}

Value OpenFile(const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {
      "open",
      {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"},
      0,
      1};
  Value a[8] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  Value file = a[0];
  std::string mode_text = "r";
  if (a[1]) {
    if (!IsStr(a[1])) {
      RaiseNew(&kTypeErrorType, "open() argument 'mode' must be str, not %T", a[1]);
      return Value();
    }
    mode_text.assign(StrView(a[1]));
  }
  int64_t buffering = -1;
  if (a[2]) {
    buffering = AsIndex(a[2], &kOverflowErrorType);
    if (buffering == -1 && ErrorOccurred()) return Value();
  }
  std::string encoding, errors;
  bool has_encoding = false, has_errors = false;
  if (!OptionalStrArg(a[3], "encoding", &encoding, &has_encoding)) return Value();
  if (!OptionalStrArg(a[4], "errors", &errors, &has_errors)) return Value();
  fileio::Newline newline;
  if (!ParseNewlineArg(a[5], &newline)) return Value();
  bool closefd = true;
  if (a[6]) {
    const int t = IsTrue(a[6]);
    if (t < 0) return Value();
    closefd = t == 1;
  }
  Value opener = a[7] && !IsNone(a[7]) ? a[7] : Value();

  fileio::OpenMode mode;
  std::string mode_error;
  if (!fileio::ParseMode(mode_text, &mode, &mode_error)) {
    return Error(&kValueErrorType, mode_error);
  }
  const bool text = !mode.binary;
  if (text && buffering == 0) return Error(&kValueErrorType, "can't have unbuffered text I/O");
  if (!text) {
    if (has_encoding) return Error(&kValueErrorType, "binary mode doesn't take an encoding argument");
    if (has_errors) return Error(&kValueErrorType, "binary mode doesn't take an errors argument");
    if (a[5] && !IsNone(a[5])) {
      return Error(&kValueErrorType, "binary mode doesn't take a newline argument");
    }
  }

  // Open the descriptor (or adopt an int `file`).
  std::unique_ptr<FileStream> stream;
  const bool readable = mode.reading || mode.updating;
  const bool writable = mode.writing || mode.appending || mode.creating || mode.updating;
  if (IsInt(file) && !IsBool(file)) {
    const int64_t fd = AsInt64(file);
    if (fd == -1 && ErrorOccurred()) return Value();
    if (fd < 0) return Error(&kValueErrorType, "negative file descriptor");
    stream = std::make_unique<FileStream>(static_cast<int>(fd), readable, writable, closefd);
  } else {
    if (!closefd) return Error(&kValueErrorType, "Cannot use closefd=False with file name");
    std::string path;
    if (!PathArg(file, &path)) return Value();
    if (opener) {
      int flags = O_CLOEXEC;
      flags |= readable && writable ? O_RDWR : writable ? O_WRONLY : O_RDONLY;
      if (mode.writing) flags |= O_CREAT | O_TRUNC;
      if (mode.creating) flags |= O_CREAT | O_EXCL;
      if (mode.appending) flags |= O_CREAT | O_APPEND;
      Ref flags_v = Ref::Steal(NewInt(flags));
      Ref fd_v = Ref::Steal(Call2(opener, file, flags_v.get()));
      if (!fd_v) return Value();
      const int64_t fd = AsInt64(fd_v.get());
      if (fd == -1 && ErrorOccurred()) return Value();
      if (fd < 0) {
        RaiseNew(&kValueErrorType, "opener returned %lld", static_cast<long long>(fd));
        return Value();
      }
      stream = std::make_unique<FileStream>(static_cast<int>(fd), readable, writable, true);
    } else {
      int err = 0;
      stream = FileStream::Open(path, mode, &err);
      if (!stream) return RaiseOSError(err, file);
    }
  }

  // Buffering: 1 = line buffered (text), 0 = unbuffered (binary), >1 = buffer size.
  if (buffering == 0) {
    stream->SetBuffering(fileio::Buffering::kUnbuffered);
  } else if (buffering == 1 && text) {
    stream->SetBuffering(fileio::Buffering::kLine);
  } else if (buffering == 1 || buffering < 0) {
    stream->SetBuffering(text && stream->IsATty() ? fileio::Buffering::kLine
                                                  : fileio::Buffering::kBlock);
  } else {
    stream->SetBuffering(fileio::Buffering::kBlock, static_cast<size_t>(buffering));
  }

  Ref mode_str = Ref::Steal(NewStr(mode_text));
  if (!mode_str) return Value();
  if (!text) {
    TypeObject* t = readable && writable ? &kBufferedRandomType
                    : writable           ? &kBufferedWriterType
                                         : &kBufferedReaderType;
    return NewFileObject(t, std::shared_ptr<FileStream>(std::move(stream)), file,
                         mode_str.get(), Value(), Value());
  }
  fileio::Encoding enc = fileio::Encoding::kUtf8;
  if (has_encoding && !fileio::ParseEncoding(encoding, &enc)) {
    RaiseNew(&kLookupErrorType, "unknown encoding: %s", encoding.c_str());
    return Value();
  }
  text::ErrorHandler handler = text::ErrorHandler::kStrict;
  if (has_errors && !text::ParseErrorHandler(errors, &handler)) {
    RaiseNew(&kLookupErrorType, "unknown error handler name '%s'", errors.c_str());
    return Value();
  }
  stream->SetText(enc, handler, newline);
  Ref enc_str = Ref::Steal(has_encoding ? NewStr(encoding) : NewStr(DefaultEncodingName()));
  Ref err_str = Ref::Steal(NewStr(has_errors ? errors : "strict"));
  if (!enc_str || !err_str) return Value();
  return NewFileObject(&kTextIOWrapperType, std::shared_ptr<FileStream>(std::move(stream)),
                       file, mode_str.get(), enc_str.get(), err_str.get());
}

Value NewStdFile(int fd, const char* name, bool writing, bool line_buffered, bool unbuffered,
                 const char* errors) {
  auto stream = std::make_shared<FileStream>(fd, !writing, writing, false);
  text::ErrorHandler handler = text::ErrorHandler::kStrict;
  (void)text::ParseErrorHandler(errors, &handler);
  stream->SetText(fileio::Encoding::kUtf8, handler, fileio::Newline::kLf);
  stream->SetBuffering(unbuffered      ? fileio::Buffering::kUnbuffered
                       : line_buffered ? fileio::Buffering::kLine
                                       : fileio::Buffering::kBlock);
  Ref name_str = Ref::Steal(NewStr(name));
  Ref mode = Ref::Steal(NewStr(writing ? "w" : "r"));
  Ref enc = Ref::Steal(NewStr("utf-8"));
  Ref err = Ref::Steal(NewStr(errors));
  if (!name_str || !mode || !enc || !err) return Value();
  Value f = NewFileObject(&kTextIOWrapperType, std::move(stream), name_str.get(), mode.get(),
                          enc.get(), err.get());
  if (f) AsFile(f)->line_buffering = line_buffered && !unbuffered;
  return f;
}

int FileWriteString(Value file, Value s) {
  if (file.is_object() && TypeOf(file) == &kTextIOWrapperType) {
    Ref r = Ref::Steal(WriteImpl(file, s));
    return r ? 0 : -1;
  }
  Ref r = Ref::Steal(CallMethod(file, Intern("write"), &s, 1));
  return r ? 0 : -1;
}

Value FileReadLine(Value file) {
  if (file.is_object() && TypeOf(file) == &kTextIOWrapperType) return ReadLineImpl(file, -1);
  return CallMethod(file, Intern("readline"), nullptr, 0);
}

}  // namespace pyrt
