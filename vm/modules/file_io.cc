// file_io.cc — see file_io.h.
#include "vm/modules/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cctype>

namespace pyrt::fileio {

namespace {
IoError OsError(int err) {
  IoError e;
  e.err = err;
  return e;
}
IoError CodecFailure(const text::CodecError& ce, std::string_view input) {
  IoError e;
  e.codec = ce;
  e.input.assign(input);
  return e;
}
}  // namespace

// --- Names and modes ---

namespace {
std::string NormaliseEncodingName(std::string_view name) {
  std::string out;
  for (char c : name) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out += (l == '-' || l == ' ') ? '_' : l;
  }
  return out;
}
}  // namespace

bool ParseEncoding(std::string_view name, Encoding* out) {
  const std::string n = NormaliseEncodingName(name);
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") {
    *out = Encoding::kUtf8;
  } else if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" ||
             n == "iso_8859_1" || n == "iso8859_1" || n == "8859" || n == "cp819" ||
             n == "iso_ir_100" || n == "iso8859") {
    *out = Encoding::kLatin1;
  } else if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" ||
             n == "ansi_x3.4_1968" || n == "iso646_us" || n == "cp367") {
    *out = Encoding::kAscii;
  } else if (n == "utf_16" || n == "utf16" || n == "u16") {
    *out = Encoding::kUtf16;
  } else if (n == "utf_16_le" || n == "utf_16le") {
    *out = Encoding::kUtf16Le;
  } else if (n == "utf_16_be" || n == "utf_16be") {
    *out = Encoding::kUtf16Be;
  } else if (n == "utf_32" || n == "utf32" || n == "u32") {
    *out = Encoding::kUtf32;
  } else if (n == "utf_32_le" || n == "utf_32le") {
    *out = Encoding::kUtf32Le;
  } else if (n == "utf_32_be" || n == "utf_32be") {
    *out = Encoding::kUtf32Be;
  } else {
    return false;
  }
  return true;
}

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kLatin1: return "latin-1";
    case Encoding::kAscii: return "ascii";
    case Encoding::kUtf16: return "utf-16";
    case Encoding::kUtf16Le: return "utf-16-le";
    case Encoding::kUtf16Be: return "utf-16-be";
    case Encoding::kUtf32: return "utf-32";
    case Encoding::kUtf32Le: return "utf-32-le";
    case Encoding::kUtf32Be: return "utf-32-be";
  }
  return "utf-8";
}

bool ParseMode(std::string_view mode, OpenMode* out, std::string* error) {
  OpenMode m;
  bool text = false;
  std::string seen;
  for (char c : mode) {
    if (std::string_view("rwxabt+").find(c) == std::string_view::npos ||
        seen.find(c) != std::string::npos) {
      *error = "invalid mode: '" + std::string(mode) + "'";
      return false;
    }
    seen += c;
    switch (c) {
      case 'r': m.reading = true; break;
      case 'w': m.writing = m.truncating = true; break;
      case 'x': m.creating = true; break;
      case 'a': m.appending = true; break;
      case 'b': m.binary = true; break;
      case 't': text = true; break;
      case '+': m.updating = true; break;
      default: break;
    }
  }
  if (text && m.binary) {
    *error = "can't have text and binary mode at once";
    return false;
  }
  const int kinds = m.creating + m.reading + m.writing + m.appending;
  if (kinds > 1) {
    *error = "must have exactly one of create/read/write/append mode";
    return false;
  }
  if (kinds == 0) {
    *error = "Must have exactly one of create/read/write/append mode and at most one plus";
    return false;
  }
  *out = m;
  return true;
}

// --- FileStream ---

FileStream::FileStream(int fd, bool readable, bool writable, bool owns_fd)
    : fd_(fd), readable_(readable), writable_(writable), owns_fd_(owns_fd) {}

FileStream::~FileStream() { (void)Close(); }

std::unique_ptr<FileStream> FileStream::Open(const std::string& path, const OpenMode& mode,
                                             int* err) {
  int flags = O_CLOEXEC;
  const bool readable = mode.reading || mode.updating;
  const bool writable = mode.writing || mode.appending || mode.creating || mode.updating;
  flags |= readable && writable ? O_RDWR : writable ? O_WRONLY : O_RDONLY;
  if (mode.writing) flags |= O_CREAT | O_TRUNC;
  if (mode.creating) flags |= O_CREAT | O_EXCL;
  if (mode.appending) flags |= O_CREAT | O_APPEND;
  int fd;
  do {
    fd = ::open(path.c_str(), flags, 0666);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    *err = errno;
    return nullptr;
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    *err = EISDIR;
    return nullptr;
  }
  auto f = std::make_unique<FileStream>(fd, readable, writable, true);
  if (mode.appending) ::lseek(fd, 0, SEEK_END);
  return f;
}

namespace {
// Bytes per code unit of a wide encoding, 0 for the byte-oriented ones.
int UnitWidth(Encoding e) {
  switch (e) {
    case Encoding::kUtf16: case Encoding::kUtf16Le: case Encoding::kUtf16Be: return 2;
    case Encoding::kUtf32: case Encoding::kUtf32Le: case Encoding::kUtf32Be: return 4;
    default: return 0;
  }
}
bool HasBom(Encoding e) { return e == Encoding::kUtf16 || e == Encoding::kUtf32; }
}  // namespace

text::CodecError FileStream::DecodeText(std::string_view bytes, std::u32string* out) const {
  const text::ByteOrder order = wide_big_ ? text::ByteOrder::kBig : text::ByteOrder::kLittle;
  text::CodecError ce;
  switch (encoding_) {
    case Encoding::kUtf8: ce = text::DecodeUtf8(bytes, errors_, out); break;
    case Encoding::kLatin1: text::DecodeLatin1(bytes, out); break;
    case Encoding::kAscii: ce = text::DecodeAscii(bytes, errors_, out); break;
    case Encoding::kUtf16: case Encoding::kUtf16Le: case Encoding::kUtf16Be:
      ce = text::DecodeUtf16(bytes, errors_, order, out);
      break;
    case Encoding::kUtf32: case Encoding::kUtf32Le: case Encoding::kUtf32Be:
      ce = text::DecodeUtf32(bytes, errors_, order, out);
      break;
  }
  return ce;
}

text::CodecError FileStream::EncodeText(std::u32string_view text, text::ErrorHandler errors,
                                        std::string* out) const {
  const text::ByteOrder order = wide_big_ ? text::ByteOrder::kBig : text::ByteOrder::kLittle;
  text::CodecError ce;
  switch (encoding_) {
    case Encoding::kUtf8: ce = text::EncodeUtf8(text, errors, out); break;
    case Encoding::kLatin1: ce = text::EncodeLatin1(text, errors, out); break;
    case Encoding::kAscii: ce = text::EncodeAscii(text, errors, out); break;
    case Encoding::kUtf16: case Encoding::kUtf16Le: case Encoding::kUtf16Be:
      ce = text::EncodeUtf16(text, errors, order, out);
      break;
    case Encoding::kUtf32: case Encoding::kUtf32Le: case Encoding::kUtf32Be:
      ce = text::EncodeUtf32(text, errors, order, out);
      break;
  }
  // Encoding errors name the codec as the user spelled it ("utf-16", not "utf-16-le").
  if (ce.failed && HasBom(encoding_)) ce.encoding = EncodingName(encoding_);
  return ce;
}

void FileStream::SetText(Encoding enc, text::ErrorHandler errors, Newline newline) {
  text_ = true;
  encoding_ = enc;
  wide_big_ = enc == Encoding::kUtf16Be || enc == Encoding::kUtf32Be;
  bom_read_ = bom_written_ = !HasBom(enc);
  errors_ = errors;
  newline_ = newline;
}

void FileStream::SetBuffering(Buffering b, size_t size) {
  buffering_ = b;
  buffer_size_ = size == 0 ? kDefaultBufferSize : size;
}

bool FileStream::IsATty() const { return fd_ >= 0 && ::isatty(fd_) == 1; }

// --- raw I/O ---

IoError FileStream::FillRaw(size_t want, bool* eof) {
  *eof = false;
  if (raw_eof_) {
    *eof = true;
    return {};
  }
  const size_t old = rbuf_.size();
  rbuf_.resize(old + want);
  ssize_t n;
  do {
    n = ::read(fd_, rbuf_.data() + old, want);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    rbuf_.resize(old);
    return OsError(errno);
  }
  rbuf_.resize(old + static_cast<size_t>(n));
  if (n == 0) *eof = true;
  // A tty returns 0 at Ctrl-D but may be read again afterwards; other files stay at EOF.
  if (n == 0 && !IsATty()) raw_eof_ = true;
  return {};
}

IoError FileStream::WriteRaw(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return OsError(errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

// --- binary ---

IoError FileStream::ReadBytes(int64_t n, std::string* out) {
  if (IoError e = Flush(); !e.ok()) return e;
  bool eof = false;
  while (!eof && (n < 0 || rbuf_.size() < static_cast<size_t>(n))) {
    const size_t want =
        n < 0 ? std::max(buffer_size_, rbuf_.size()) : static_cast<size_t>(n) - rbuf_.size();
    if (IoError e = FillRaw(std::max<size_t>(want, 1), &eof); !e.ok()) return e;
    // A short read on a tty or pipe returns what is there (like io.FileIO.read).
    if (n >= 0 && !rbuf_.empty() && !eof && IsATty()) break;
  }
  const size_t take = n < 0 ? rbuf_.size() : std::min(rbuf_.size(), static_cast<size_t>(n));
  out->append(rbuf_, 0, take);
  rbuf_.erase(0, take);
  return {};
}

IoError FileStream::ReadLineBytes(int64_t limit, std::string* out) {
  if (IoError e = Flush(); !e.ok()) return e;
  size_t scanned = 0;
  bool eof = false;
  while (true) {
    const size_t nl = rbuf_.find('\n', scanned);
    if (nl != std::string::npos) {
      size_t take = nl + 1;
      if (limit >= 0) take = std::min(take, static_cast<size_t>(limit));
      out->append(rbuf_, 0, take);
      rbuf_.erase(0, take);
      return {};
    }
    if (eof || (limit >= 0 && rbuf_.size() >= static_cast<size_t>(limit))) break;
    scanned = rbuf_.size();
    if (IoError e = FillRaw(buffer_size_, &eof); !e.ok()) return e;
  }
  const size_t take = limit < 0 ? rbuf_.size() : std::min(rbuf_.size(), static_cast<size_t>(limit));
  out->append(rbuf_, 0, take);
  rbuf_.erase(0, take);
  return {};
}

IoError FileStream::DropReadAhead() {
  if (rbuf_.empty() && decoded_.size() == decoded_pos_) return {};
  if (!rbuf_.empty() &&
      ::lseek(fd_, -static_cast<off_t>(rbuf_.size()), SEEK_CUR) < 0) {
    return OsError(errno);
  }
  rbuf_.clear();
  decoded_.clear();
  decoded_pos_ = 0;
  raw_eof_ = false;
  return {};
}

IoError FileStream::WriteBytes(std::string_view data) {
  if (readable_) {
    if (IoError e = DropReadAhead(); !e.ok()) return e;
  }
  if (buffering_ == Buffering::kUnbuffered) {
    if (IoError e = Flush(); !e.ok()) return e;
    return WriteRaw(data);
  }
  wbuf_.append(data);
  if (buffering_ == Buffering::kLine &&
      data.find_first_of("\n\r") != std::string_view::npos) {
    return Flush();
  }
  if (wbuf_.size() >= buffer_size_) return Flush();
  return {};
}

// --- text ---

namespace {
// Length of the longest prefix of `b` that does not end inside a UTF-8 sequence.
size_t CompleteUtf8Prefix(std::string_view b) {
  const size_t n = b.size();
  for (size_t back = 1; back <= 4 && back <= n; ++back) {
    const unsigned char c = static_cast<unsigned char>(b[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    return len > back ? n - back : n;
  }
  return n;
}
}  // namespace

IoError FileStream::FillDecoded(bool* eof) {
  *eof = false;
  while (true) {
    bool raw_eof = false;
    if (IoError e = FillRaw(buffer_size_, &raw_eof); !e.ok()) return e;
    const int width = UnitWidth(encoding_);
    if (!bom_read_) {
      // "utf-16"/"utf-32": a BOM at the start decides the byte order and is dropped.
      if (!raw_eof && rbuf_.size() < static_cast<size_t>(width)) continue;
      const std::string_view head(rbuf_.data(), std::min(rbuf_.size(), static_cast<size_t>(width)));
      const std::string le = width == 2 ? std::string("\xff\xfe") : std::string("\xff\xfe\0\0", 4);
      const std::string be = width == 2 ? std::string("\xfe\xff") : std::string("\0\0\xfe\xff", 4);
      wide_big_ = head == be;
      if (head == le || head == be) rbuf_.erase(0, static_cast<size_t>(width));
      bom_read_ = true;
    }
    size_t cut = rbuf_.size();
    if (!raw_eof) {
      if (encoding_ == Encoding::kUtf8) cut = CompleteUtf8Prefix(std::string_view(rbuf_).substr(0, cut));
      if (width > 0) {
        cut -= cut % static_cast<size_t>(width);
        // Keep a high surrogate back until its partner arrives.
        if (width == 2 && cut >= 2) {
          const auto hi = static_cast<unsigned char>(rbuf_[cut - (wide_big_ ? 2 : 1)]);
          if (hi >= 0xD8 && hi <= 0xDB) cut -= 2;
        }
        // A '\r' unit at the end may be the first half of '\r\n'.
        if (newline_ == Newline::kUniversal && cut >= static_cast<size_t>(width)) {
          std::u32string last;
          if (!DecodeText(std::string_view(rbuf_.data() + cut - width, static_cast<size_t>(width)), &last).failed &&
              last == U"\r") {
            cut -= static_cast<size_t>(width);
          }
        }
      } else if (newline_ == Newline::kUniversal && cut > 0 && rbuf_[cut - 1] == '\r') {
        // A '\r' at the end may be the first half of '\r\n': wait for the next byte.
        --cut;
      }
      if (cut == 0) continue;
    }
    std::u32string chunk;
    const std::string_view bytes(rbuf_.data(), cut);
    text::CodecError ce = DecodeText(bytes, &chunk);
    if (ce.failed) return CodecFailure(ce, bytes);
    rbuf_.erase(0, cut);
    if (decoded_pos_ > 0) {
      decoded_.erase(0, decoded_pos_);
      decoded_pos_ = 0;
    }
    if (newline_ == Newline::kUniversal) {
      for (size_t i = 0; i < chunk.size(); ++i) {
        if (chunk[i] == U'\r') {
          decoded_ += U'\n';
          if (i + 1 < chunk.size() && chunk[i + 1] == U'\n') {
            ++i;
            seen_newlines_ |= kSeenCrLf;
          } else {
            seen_newlines_ |= kSeenCr;
          }
        } else {
          if (chunk[i] == U'\n') seen_newlines_ |= kSeenLf;
          decoded_ += chunk[i];
        }
      }
    } else {
      decoded_ += chunk;
    }
    *eof = raw_eof;
    return {};
  }
}

size_t FileStream::FindLineEnd(size_t from, bool eof) const {
  const std::u32string_view d(decoded_);
  switch (newline_) {
    case Newline::kUniversal:
    case Newline::kLf: {
      const size_t i = d.find(U'\n', from);
      return i == std::u32string_view::npos ? i : i + 1;
    }
    case Newline::kCr: {
      const size_t i = d.find(U'\r', from);
      return i == std::u32string_view::npos ? i : i + 1;
    }
    case Newline::kCrLf: {
      const size_t i = d.find(U"\r\n", from);
      return i == std::u32string_view::npos ? i : i + 2;
    }
    case Newline::kUntranslated: {
      const size_t i = d.find_first_of(U"\r\n", from);
      if (i == std::u32string_view::npos) return i;
      if (d[i] == U'\n') return i + 1;
      if (i + 1 < d.size()) return d[i + 1] == U'\n' ? i + 2 : i + 1;
      return eof ? i + 1 : std::u32string_view::npos;  // '\r' at the end: maybe "\r\n"
    }
  }
  return std::u32string_view::npos;
}

IoError FileStream::ReadText(int64_t n, std::u32string* out) {
  if (IoError e = Flush(); !e.ok()) return e;
  bool eof = false;
  if (n < 0) {
    // read() decodes the rest of the file in one piece (error positions are then
    // relative to the whole rest, as in CPython).
    bool raw_eof = false;
    while (!raw_eof) {
      if (IoError e = FillRaw(std::max(buffer_size_, rbuf_.size()), &raw_eof); !e.ok()) return e;
    }
    raw_eof_ = true;
  }
  while (!eof && (n < 0 || decoded_.size() - decoded_pos_ < static_cast<size_t>(n))) {
    if (IoError e = FillDecoded(&eof); !e.ok()) return e;
    if (n >= 0 && decoded_.size() > decoded_pos_ && IsATty()) break;
  }
  const size_t avail = decoded_.size() - decoded_pos_;
  const size_t take = n < 0 ? avail : std::min(avail, static_cast<size_t>(n));
  out->append(decoded_, decoded_pos_, take);
  decoded_pos_ += take;
  return {};
}

IoError FileStream::ReadLineText(int64_t limit, std::u32string* out) {
  if (IoError e = Flush(); !e.ok()) return e;
  bool eof = false;
  size_t end;
  while (true) {
    end = FindLineEnd(decoded_pos_, eof);
    if (end != std::u32string::npos) break;
    if (eof) {
      end = decoded_.size();
      break;
    }
    if (limit >= 0 && decoded_.size() - decoded_pos_ >= static_cast<size_t>(limit)) {
      end = decoded_.size();
      break;
    }
    if (IoError e = FillDecoded(&eof); !e.ok()) return e;
  }
  size_t take = end - decoded_pos_;
  if (limit >= 0) take = std::min(take, static_cast<size_t>(limit));
  out->append(decoded_, decoded_pos_, take);
  decoded_pos_ += take;
  return {};
}

IoError FileStream::WriteText(std::u32string_view text) {
  if (readable_) {
    if (IoError e = DropReadAhead(); !e.ok()) return e;
  }
  std::u32string translated;
  if ((newline_ == Newline::kCr || newline_ == Newline::kCrLf) &&
      text.find(U'\n') != std::u32string_view::npos) {
    for (char32_t c : text) {
      if (c == U'\n') {
        translated += newline_ == Newline::kCr ? U"\r" : U"\r\n";
      } else {
        translated += c;
      }
    }
    text = translated;
  }
  std::string bytes;
  text::CodecError ce = EncodeText(text, errors_, &bytes);
  if (ce.failed) return CodecFailure(ce, {});
  if (!bom_written_) {
    // "utf-16"/"utf-32" write a BOM when writing starts at the beginning of the file.
    bom_written_ = true;
    int64_t pos = 0;
    if (IoError e = Tell(&pos); e.ok() && pos == 0) {
      std::string bom;
      (void)EncodeText(U"\uFEFF", text::ErrorHandler::kStrict, &bom);
      bytes.insert(0, bom);
    }
  }
  return WriteEncodedText(bytes);
}

IoError FileStream::WriteEncodedText(std::string_view bytes) {
  if (readable_) {
    if (IoError e = DropReadAhead(); !e.ok()) return e;
  }
  if (buffering_ == Buffering::kUnbuffered) {
    if (IoError e = Flush(); !e.ok()) return e;
    return WriteRaw(bytes);
  }
  wbuf_ += bytes;
  // '\n' and '\r' are single ASCII bytes in all three codecs.
  const bool has_newline = bytes.find_first_of("\n\r") != std::string_view::npos;
  if ((buffering_ == Buffering::kLine && has_newline) || wbuf_.size() >= buffer_size_) {
    return Flush();
  }
  return {};
}

// --- state ---

IoError FileStream::Flush() {
  if (wbuf_.empty() || fd_ < 0) return {};
  std::string pending;
  pending.swap(wbuf_);
  return WriteRaw(pending);
}

IoError FileStream::Close() {
  if (fd_ < 0) return {};
  IoError e = Flush();
  if (owns_fd_) {
    if (::close(fd_) != 0 && e.ok() && errno != EINTR) e = OsError(errno);
  }
  fd_ = -1;
  return e;
}

IoError FileStream::Tell(int64_t* pos) {
  if (IoError e = Flush(); !e.ok()) return e;
  const off_t p = ::lseek(fd_, 0, SEEK_CUR);
  if (p < 0) return OsError(errno);
  int64_t unread = static_cast<int64_t>(rbuf_.size());
  if (text_ && decoded_.size() > decoded_pos_) {
    std::string bytes;
    const std::u32string_view rest(decoded_.data() + decoded_pos_, decoded_.size() - decoded_pos_);
    (void)EncodeText(rest, encoding_ == Encoding::kUtf8 || UnitWidth(encoding_) > 0 ? text::ErrorHandler::kSurrogatePass
                                                                                 : text::ErrorHandler::kReplace,
                     &bytes);
    unread += static_cast<int64_t>(bytes.size());
  }
  *pos = static_cast<int64_t>(p) - unread;
  return {};
}

IoError FileStream::Seek(int64_t offset, int whence, int64_t* pos) {
  if (IoError e = Flush(); !e.ok()) return e;
  if (whence == SEEK_CUR) {
    int64_t cur = 0;
    if (IoError e = Tell(&cur); !e.ok()) return e;
    offset += cur;
    whence = SEEK_SET;
  }
  const off_t p = ::lseek(fd_, offset, whence);
  if (p < 0) return OsError(errno);
  rbuf_.clear();
  decoded_.clear();
  decoded_pos_ = 0;
  raw_eof_ = false;
  if (p == 0 && HasBom(encoding_)) bom_read_ = false;  // read the BOM again
  *pos = p;
  return {};
}

}  // namespace pyrt::fileio
