// file_io.h — the byte and text machinery behind pyrt's file object (open(), sys.stdin,
// sys.stdout, sys.stderr), free of Python objects so it can be tested alone.
//
// CPython stacks three objects (FileIO, BufferedReader/Writer, TextIOWrapper); pyrt's
// minimal file object (file_object.h) holds one FileStream, which is all three:
//
//   fd ──► raw read/write (EINTR retried)
//          │
//          ├─ write buffer: bytes collect until `buffer_size` (io.DEFAULT_BUFFER_SIZE,
//          │  8192) or, when line buffered, until a write that contains '\n' or '\r'
//          │  (CPython's TextIOWrapper line_buffering rule); unbuffered = write-through.
//          │  stdout is line buffered on a tty and block buffered otherwise; stderr is
//          │  always line buffered (CPython 3.9+).
//          │
//          └─ read buffer: raw bytes read in chunks; text mode decodes them (UTF-8,
//             Latin-1 or ASCII via //objects/text, with an error handler) into a buffer
//             of code points with newline translation already applied.
//
// Newlines (text mode, CPython's `newline` argument):
//   reading  None: '\r\n' and '\r' become '\n' (universal newlines); lines end at '\n'.
//            '':   lines end at '\n', '\r' or '\r\n', nothing translated.
//            '\n', '\r', '\r\n': lines end at exactly that, nothing translated.
//   writing  None, '' or '\n': written as is (os.linesep is '\n' here);
//            '\r' or '\r\n': every '\n' written becomes that.
// Line splitting at ASCII bytes is safe for all three codecs: in UTF-8 an ASCII byte is
// never part of a multi-byte sequence. A chunk ending inside a UTF-8 sequence (or just
// after '\r', which may start '\r\n') keeps the tail for the next chunk.
//
// Errors are returned, not raised: an `IoError` with the errno (OSError) or a codec error
// (UnicodeDecodeError / UnicodeEncodeError), which the Python layer turns into exceptions.
//
// Thread safety: a FileStream is not synchronised; the GIL (held by the Python layer)
// serialises access. Blocking reads and writes happen inside the calls.
#ifndef PYRT_VM_MODULES_FILE_IO_H_
#define PYRT_VM_MODULES_FILE_IO_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "objects/text/codecs.h"

namespace pyrt::fileio {

// io.DEFAULT_BUFFER_SIZE.
inline constexpr size_t kDefaultBufferSize = 8192;

// The codecs a text file supports.
enum class Encoding : uint8_t { kUtf8, kLatin1, kAscii, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be };
// Parses an encoding name as Python normalises it ("utf-8", "UTF8", "utf_8", "latin-1",
// "iso-8859-1", "latin1", "l1", "ascii", "us-ascii", "utf-16", "utf-32-le", ...). False if
// unsupported. "utf-16"/"utf-32" read a BOM at the start of the file (little-endian
// without one) and write one when writing starts at offset 0.
[[nodiscard]] bool ParseEncoding(std::string_view name, Encoding* out);
// Python's canonical name ("utf-8", "latin-1", "ascii"): what TextIOWrapper.encoding
// shows for these codecs' usual spellings.
[[nodiscard]] const char* EncodingName(Encoding e);

enum class Newline : uint8_t { kUniversal /*None*/, kUntranslated /*''*/, kLf, kCr, kCrLf };

enum class Buffering : uint8_t { kUnbuffered, kLine, kBlock };

// The outcome of an operation: ok, an OS error (errno), or a codec error.
struct IoError {
  int err = 0;                // errno for OSError
  text::CodecError codec;     // codec.failed for Unicode errors
  std::string input;          // decoding: the bytes the codec was given (the exception's
                              // `object`; codec.start/end index into it)
  [[nodiscard]] bool ok() const { return err == 0 && !codec.failed; }
};

// What open() parsed from its `mode` string.
struct OpenMode {
  bool reading = false, writing = false, appending = false, creating = false,
       truncating = false, updating = false, binary = false;
};
// Parses open()'s mode with CPython's messages on failure (returned in *error, e.g.
// "invalid mode: 'rw'", "must have exactly one of create/read/write/append mode",
// "can't have text and binary mode at once"). False on error.
[[nodiscard]] bool ParseMode(std::string_view mode, OpenMode* out, std::string* error);

class FileStream {
 public:
  // Wraps an open descriptor. `owns_fd` (closefd) closes it on Close/destruction.
  FileStream(int fd, bool readable, bool writable, bool owns_fd);
  ~FileStream();
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;

  // Opens `path` with `mode` (O_CLOEXEC; 0666 & ~umask). nullptr with *err = errno.
  [[nodiscard]] static std::unique_ptr<FileStream> Open(const std::string& path,
                                                        const OpenMode& mode, int* err);

  // --- configuration ---
  void SetText(Encoding enc, text::ErrorHandler errors, Newline newline);
  void SetBuffering(Buffering b, size_t size = kDefaultBufferSize);
  [[nodiscard]] bool text() const { return text_; }
  [[nodiscard]] Encoding encoding() const { return encoding_; }
  [[nodiscard]] Buffering buffering() const { return buffering_; }
  [[nodiscard]] Newline newline() const { return newline_; }
  [[nodiscard]] text::ErrorHandler errors() const { return errors_; }
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] bool readable() const { return readable_; }
  [[nodiscard]] bool writable() const { return writable_; }
  [[nodiscard]] bool closed() const { return fd_ < 0; }
  [[nodiscard]] bool IsATty() const;
  // The kinds of line ends read so far in universal-newlines mode (TextIOWrapper.newlines):
  // a mask of kSeenCr, kSeenLf, kSeenCrLf.
  static constexpr int kSeenCr = 1, kSeenLf = 2, kSeenCrLf = 4;
  [[nodiscard]] int seen_newlines() const { return seen_newlines_; }

  // --- binary I/O ---
  // Appends up to n bytes (n < 0: to EOF) to *out.
  [[nodiscard]] IoError ReadBytes(int64_t n, std::string* out);
  // One line ending at '\n' (included), at most `limit` bytes (limit < 0: no limit).
  [[nodiscard]] IoError ReadLineBytes(int64_t limit, std::string* out);
  // Buffers (or writes) bytes according to the buffering mode.
  [[nodiscard]] IoError WriteBytes(std::string_view data);

  // --- text I/O (code points) ---
  // Up to n characters (n < 0: to EOF).
  [[nodiscard]] IoError ReadText(int64_t n, std::u32string* out);
  // One line including its terminator (see Newline), at most `limit` characters.
  [[nodiscard]] IoError ReadLineText(int64_t limit, std::u32string* out);
  // Encodes, translates '\n' as the newline mode says, and writes (buffered).
  [[nodiscard]] IoError WriteText(std::u32string_view text);
  // The fast path for str objects whose UTF-8 form is at hand: true if text written as
  // its UTF-8 bytes needs no encoding or newline work here (UTF-8 file, or an ASCII-only
  // text on an ASCII/Latin-1 file; no '\n' translation).
  [[nodiscard]] bool TakesUtf8Directly(bool ascii_only) const {
    return (encoding_ == Encoding::kUtf8 ||
            (ascii_only && (encoding_ == Encoding::kLatin1 || encoding_ == Encoding::kAscii))) &&
           newline_ != Newline::kCr &&
           newline_ != Newline::kCrLf;
  }
  // Writes text already encoded (see TakesUtf8Directly), with WriteText's buffering.
  [[nodiscard]] IoError WriteEncodedText(std::string_view bytes);

  // --- state ---
  [[nodiscard]] IoError Flush();
  // Flushes and closes (idempotent). The first error is returned; the fd is closed anyway.
  [[nodiscard]] IoError Close();
  // lseek on the descriptor after dropping the read buffer / flushing the write buffer.
  [[nodiscard]] IoError Seek(int64_t offset, int whence, int64_t* pos);
  [[nodiscard]] IoError Tell(int64_t* pos);

 private:
  [[nodiscard]] IoError FillRaw(size_t want, bool* eof);
  [[nodiscard]] IoError FillDecoded(bool* eof);
  [[nodiscard]] IoError WriteRaw(std::string_view data);
  // Before a write on a file also read from: moves the descriptor back over the raw
  // bytes read ahead but not yet decoded, and drops the decoded text not yet returned —
  // what CPython's BufferedRandom (rewinds its buffer) and TextIOWrapper (drops its
  // decoded chunk) do together. So a binary "r+b" write lands where reading stopped,
  // while a text "r+" write lands after the last chunk read, as in CPython.
  [[nodiscard]] IoError DropReadAhead();
  // Index just past the first line end in decoded_ from `from`, or npos.
  [[nodiscard]] size_t FindLineEnd(size_t from, bool eof) const;

  int fd_;
  bool readable_, writable_, owns_fd_;
  bool text_ = false;
  Encoding encoding_ = Encoding::kUtf8;
  text::ErrorHandler errors_ = text::ErrorHandler::kStrict;
  Newline newline_ = Newline::kUniversal;
  int seen_newlines_ = 0;
  // UTF-16/UTF-32: the byte order in use (a BOM decides it for "utf-16"/"utf-32"), and
  // whether the BOM has been read / written yet.
  bool wide_big_ = false;
  bool bom_read_ = false;
  bool bom_written_ = false;
  // Decodes / encodes with the text encoding (wide encodings in wide_big_ order, no BOM).
  [[nodiscard]] text::CodecError DecodeText(std::string_view bytes, std::u32string* out) const;
  [[nodiscard]] text::CodecError EncodeText(std::u32string_view text, text::ErrorHandler errors,
                                            std::string* out) const;
  Buffering buffering_ = Buffering::kBlock;
  size_t buffer_size_ = kDefaultBufferSize;
  std::string wbuf_;         // pending output bytes
  std::string rbuf_;         // raw input bytes not yet consumed / decoded
  std::u32string decoded_;   // decoded, newline-translated text not yet returned
  size_t decoded_pos_ = 0;   // consumed prefix of decoded_
  bool raw_eof_ = false;
};

}  // namespace pyrt::fileio

#endif  // PYRT_VM_MODULES_FILE_IO_H_
