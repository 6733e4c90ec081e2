// file_io_test.cc — FileStream against python3's io module (cases from
// file_io_cases.py) and buffering behaviour checked through a pipe.
#include "vm/modules/file_io.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "vm/modules/testing_python.h"

namespace pyrt::fileio {
namespace {

std::string Unhex(const std::string& hex) {
  if (hex == "-") return "";
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out.empty() ? "-" : out;
}

std::string Utf8(std::u32string_view cps) {
  std::string out;
  (void)text::EncodeUtf8(cps, text::ErrorHandler::kSurrogatePass, &out);
  return out;
}

std::u32string FromUtf8(std::string_view s) {
  std::u32string out;
  (void)text::DecodeUtf8(s, text::ErrorHandler::kSurrogatePass, &out);
  return out;
}

Newline ParseNewline(const std::string& s) {
  if (s == "None") return Newline::kUniversal;
  if (s == "empty") return Newline::kUntranslated;
  if (s == "lf") return Newline::kLf;
  if (s == "cr") return Newline::kCr;
  return Newline::kCrLf;
}

class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TEST_TMPDIR");
    path_ = std::string(dir ? dir : "/tmp") + "/file_io_test_XXXXXX";
    const int fd = mkstemp(path_.data());
    EXPECT_GE(fd, 0);
    close(fd);
  }
  ~TempFile() { unlink(path_.c_str()); }
  void Write(const std::string& data) {
    FILE* f = std::fopen(path_.c_str(), "wb");
    std::fwrite(data.data(), 1, data.size(), f);
    std::fclose(f);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(FileIo, MatchesPython) {
  const auto cases = modules_testing::RunPythonCases("vm/modules/file_io_cases.py");
  ASSERT_GT(cases.size(), 500u);
  TempFile tmp;
  int checked = 0;
  for (const auto& c : cases) {
    if (c[0] == "R") {
      tmp.Write(Unhex(c[3]));
      OpenMode mode;
      std::string err;
      ASSERT_TRUE(ParseMode("r", &mode, &err));
      int e = 0;
      auto f = FileStream::Open(tmp.path(), mode, &e);
      ASSERT_TRUE(f) << e;
      Encoding enc;
      ASSERT_TRUE(ParseEncoding(c[2], &enc));
      f->SetText(enc, text::ErrorHandler::kStrict, ParseNewline(c[1]));
      std::string got;
      while (true) {
        std::u32string line;
        ASSERT_TRUE(f->ReadLineText(-1, &line).ok());
        if (line.empty()) break;
        if (!got.empty()) got += ",";
        got += Hex(Utf8(line));
      }
      if (got.empty()) got = "-";
      EXPECT_EQ(got, c[4]) << "readlines newline=" << c[1] << " enc=" << c[2] << " data=" << c[3].substr(0, 200);
      ++checked;
    } else if (c[0] == "W") {
      int fds[2];
      ASSERT_EQ(pipe(fds), 0);
      std::string out;
      {
        FileStream f(fds[1], false, true, true);
        Encoding enc;
        ASSERT_TRUE(ParseEncoding(c[2], &enc));
        f.SetText(enc, text::ErrorHandler::kStrict, ParseNewline(c[1]));
        const std::u32string text = FromUtf8(Unhex(c[3]));
        // Write in pieces to exercise the buffer; a pipe holds 64 KiB, enough here.
        for (size_t i = 0; i < text.size(); i += 7) {
          ASSERT_TRUE(f.WriteText(std::u32string_view(text).substr(i, 7)).ok());
        }
        ASSERT_TRUE(f.Close().ok());
      }
      char buf[4096];
      ssize_t n;
      while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, n);
      close(fds[0]);
      EXPECT_EQ(Hex(out), c[4]) << "write newline=" << c[1];
      ++checked;
    } else if (c[0] == "E") {
      tmp.Write(Unhex(c[2]));
      OpenMode mode;
      std::string err;
      ASSERT_TRUE(ParseMode("r", &mode, &err));
      int e = 0;
      auto f = FileStream::Open(tmp.path(), mode, &e);
      Encoding enc;
      ASSERT_TRUE(ParseEncoding(c[1], &enc));
      f->SetText(enc, text::ErrorHandler::kStrict, Newline::kUniversal);
      std::u32string all;
      IoError r = f->ReadText(-1, &all);
      EXPECT_EQ(r.codec.failed ? r.codec.Message() : "ok", c[3]) << c[2].substr(0, 40);
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

TEST(FileIo, ParseModeMessagesMatchPython) {
  // Messages checked against python3's open() (see file_io.h); each must fail.
  const char* bad[][2] = {
      {"rw", "must have exactly one of create/read/write/append mode"},
      {"", "Must have exactly one of create/read/write/append mode and at most one plus"},
      {"rr", "invalid mode: 'rr'"},
      {"rb+t", "can't have text and binary mode at once"},
      {"U", "invalid mode: 'U'"},
  };
  for (auto& b : bad) {
    OpenMode m;
    std::string err;
    EXPECT_FALSE(ParseMode(b[0], &m, &err));
    EXPECT_EQ(err, b[1]);
  }
  OpenMode m;
  std::string err;
  ASSERT_TRUE(ParseMode("a+b", &m, &err));
  EXPECT_TRUE(m.appending && m.updating && m.binary);
}

TEST(FileIo, LineBufferingFlushesAtNewlineOnly) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  FileStream f(fds[1], false, true, true);
  f.SetText(Encoding::kUtf8, text::ErrorHandler::kStrict, Newline::kUniversal);
  f.SetBuffering(Buffering::kLine);
  char buf[64];
  ASSERT_TRUE(f.WriteText(U"abc").ok());
  EXPECT_LT(read(fds[0], buf, sizeof buf), 0);  // nothing yet
  ASSERT_TRUE(f.WriteText(U"d\ne").ok());
  EXPECT_EQ(read(fds[0], buf, sizeof buf), 6);  // "abcd\ne": the whole buffer is flushed
  f.SetBuffering(Buffering::kBlock);
  ASSERT_TRUE(f.WriteText(U"x\n").ok());
  EXPECT_LT(read(fds[0], buf, sizeof buf), 0);  // block buffered: held
  ASSERT_TRUE(f.Flush().ok());
  EXPECT_EQ(read(fds[0], buf, sizeof buf), 2);
  ASSERT_TRUE(f.Close().ok());
  close(fds[0]);
}

TEST(FileIo, BinaryReadAndSeek) {
  TempFile tmp;
  tmp.Write("line1\nline2\nrest");
  OpenMode mode;
  std::string err;
  ASSERT_TRUE(ParseMode("rb", &mode, &err));
  int e = 0;
  auto f = FileStream::Open(tmp.path(), mode, &e);
  ASSERT_TRUE(f);
  std::string s;
  ASSERT_TRUE(f->ReadLineBytes(-1, &s).ok());
  EXPECT_EQ(s, "line1\n");
  int64_t pos = 0;
  ASSERT_TRUE(f->Tell(&pos).ok());
  EXPECT_EQ(pos, 6);
  s.clear();
  ASSERT_TRUE(f->ReadBytes(3, &s).ok());
  EXPECT_EQ(s, "lin");
  ASSERT_TRUE(f->Seek(0, SEEK_SET, &pos).ok());
  s.clear();
  ASSERT_TRUE(f->ReadBytes(-1, &s).ok());
  EXPECT_EQ(s, "line1\nline2\nrest");
  int missing_err = 0;
  EXPECT_FALSE(FileStream::Open(tmp.path() + ".missing", mode, &missing_err));
  EXPECT_EQ(missing_err, ENOENT);
}

}  // namespace
}  // namespace pyrt::fileio
