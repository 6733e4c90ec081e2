// modules_smoke_test.cc — the modules build on the real object model: each Make*Module
// succeeds and a few calls behave (the differential test is modules_test.cc).
#include <fcntl.h>
#include <signal.h>
#include <sys/time.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "vm/modules/modules.h"

namespace pyrt {
namespace {

class ModulesSmoke : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { InitRuntime(); }
  void TearDown() override {
    if (ErrorOccurred()) ADD_FAILURE() << FormatExceptionOnly(CurrentError());
    ClearError();
  }
};

TEST_F(ModulesSmoke, MakeEveryModule) {
  for (auto make : {MakeSysModule, MakeBuiltinsModule, MakeMathModule, MakeTimeModule,
                    MakeGcModule}) {
    Value m = make();
    ASSERT_TRUE(m.has_value()) << (ErrorOccurred() ? FormatExceptionOnly(CurrentError()) : "");
    Decref(m);
  }
}

TEST_F(ModulesSmoke, CallLen) {
  Ref b = Ref::Steal(MakeBuiltinsModule());
  ASSERT_TRUE(b);
  Ref len = Ref::Steal(GetAttr(b.get(), "len"));
  ASSERT_TRUE(len) << FormatExceptionOnly(CurrentError());
  Ref s = Ref::Steal(NewStr("hello"));
  Ref r = Ref::Steal(Call1(len.get(), s.get()));
  ASSERT_TRUE(r) << FormatExceptionOnly(CurrentError());
  EXPECT_EQ(ReprUtf8(r.get()), "5");
}

// Replaces descriptor `fd` by one end of a pipe for the test's duration.
class PipedFd {
 public:
  PipedFd(int fd, bool reading_end_for_process) : fd_(fd), saved_(dup(fd)) {
    EXPECT_EQ(pipe(fds_), 0);
    // For stdout the process writes (fds_[1] becomes fd); for stdin it reads (fds_[0]).
    dup2(reading_end_for_process ? fds_[0] : fds_[1], fd);
    fcntl(fds_[0], F_SETFL, O_NONBLOCK);
  }
  ~PipedFd() {
    dup2(saved_, fd_);
    close(saved_);
    close(fds_[0]);
    close(fds_[1]);
  }
  std::string ReadAvailable() {
    std::string out;
    char buf[256];
    ssize_t n;
    while ((n = read(fds_[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    return out;
  }
  void Write(const std::string& s) { EXPECT_EQ(write(fds_[1], s.data(), s.size()), static_cast<ssize_t>(s.size())); }
  void CloseWriter() {
    close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fd_, saved_;
  int fds_[2];
};

TEST_F(ModulesSmoke, StdoutIsBlockBufferedOnAPipeAndFlushedAtExit) {
  PipedFd out(1, false);
  Ref sys = Ref::Steal(MakeSysModule());
  ASSERT_TRUE(sys);
  SetSysModule(sys.get());
  Ref b = Ref::Steal(MakeBuiltinsModule());
  Ref print = Ref::Steal(GetAttr(b.get(), "print"));
  Ref s = Ref::Steal(NewStr("hello"));
  Ref r = Ref::Steal(Call1(print.get(), s.get()));
  ASSERT_TRUE(r) << FormatExceptionOnly(CurrentError());
  EXPECT_EQ(out.ReadAvailable(), "");  // not a tty: held in the buffer (CPython: same)
  EXPECT_EQ(FlushStdFiles(), 0);
  EXPECT_EQ(out.ReadAvailable(), "hello\n");
  SetSysModule(Value());
}

TEST_F(ModulesSmoke, InputReadsLinesAndRaisesEOFError) {
  PipedFd in(0, true);
  PipedFd out(1, false);
  in.Write("line1\nline2");
  in.CloseWriter();
  Ref sys = Ref::Steal(MakeSysModule());
  ASSERT_TRUE(sys);
  SetSysModule(sys.get());
  Ref b = Ref::Steal(MakeBuiltinsModule());
  Ref input = Ref::Steal(GetAttr(b.get(), "input"));
  Ref first = Ref::Steal(Call0(input.get()));
  ASSERT_TRUE(first) << FormatExceptionOnly(CurrentError());
  EXPECT_EQ(ReprUtf8(first.get()), "'line1'");
  Ref prompt = Ref::Steal(NewStr("p> "));
  Ref second = Ref::Steal(Call1(input.get(), prompt.get()));
  ASSERT_TRUE(second) << FormatExceptionOnly(CurrentError());
  EXPECT_EQ(ReprUtf8(second.get()), "'line2'");
  EXPECT_EQ(out.ReadAvailable(), "p> ");  // input() flushes stdout after the prompt
  Ref third = Ref::Steal(Call0(input.get()));
  EXPECT_FALSE(third);
  EXPECT_EQ(FormatExceptionOnly(CurrentError()), "EOFError: EOF when reading a line");
  ClearError();
  SetSysModule(Value());
}

void OnAlarm(int) {}

TEST_F(ModulesSmoke, SignalInterruptsSleepThroughTheChecker) {
  struct sigaction sa = {};
  sa.sa_handler = OnAlarm;  // no SA_RESTART: the sleep sees EINTR
  sigaction(SIGALRM, &sa, nullptr);
  SetSignalChecker([]() {
    RaiseMessage(&kKeyboardInterruptType, "");
    return -1;
  });
  Ref time_module = Ref::Steal(MakeTimeModule());
  Ref sleep = Ref::Steal(GetAttr(time_module.get(), "sleep"));
  struct itimerval timer = {};
  timer.it_value.tv_usec = 50'000;
  setitimer(ITIMER_REAL, &timer, nullptr);
  Ref five = Ref::Steal(NewFloat(5.0));
  const auto start = std::chrono::steady_clock::now();
  Ref r = Ref::Steal(Call1(sleep.get(), five.get()));
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_FALSE(r);
  EXPECT_TRUE(ExceptionMatches(&kKeyboardInterruptType));
  EXPECT_LT(waited, 2.0);
  ClearError();
  SetSignalChecker(nullptr);
}

}  // namespace
}  // namespace pyrt
