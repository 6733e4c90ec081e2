// Coroutine tasks: interleavings, awaiting, cancellation and errors, each compared with
// the same program written with python3's asyncio.
#include "asyncio_core/task.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "asyncio_core/internal/test_util.h"
#include "gtest/gtest.h"

namespace pyrt::aio {
namespace {

using asyncio_core_internal::RunPython;

struct Log {
  std::string text;
  void operator()(const std::string& line) { text += line + "\n"; }
};

std::string TF(bool v) { return v ? "True" : "False"; }

const char* kPrelude =
    "import asyncio\n"
    "loop = asyncio.new_event_loop()\n"
    "asyncio.set_event_loop(loop)\n"
    "def p(*a): print(*a)\n";

// --- Interleaving -------------------------------------------------------------------

Task<std::string> Worker(Log& log, std::string name, int n) {
  for (int i = 0; i < n; ++i) {
    log(name + " " + std::to_string(i));
    co_await sleep(0);
  }
  co_return name + "!";
}

Task<int> InterleaveMain(Log& log, EventLoop& loop) {
  Task<std::string> t1 = create_task(loop, Worker(log, "a", 3));
  Task<std::string> t2 = create_task(loop, Worker(log, "b", 2));
  loop.call_soon([&log] { log("cb"); });
  log("main waits");
  std::string r1 = co_await t1;
  log("got " + r1);
  std::string r2 = co_await t2;
  log("got " + r2);
  co_return 7;
}

TEST(TaskOrderTest, InterleavingLikeAsyncio) {
  std::string py = std::string(kPrelude) + R"PY(
async def worker(name, n):
    for i in range(n):
        p(name, i)
        await asyncio.sleep(0)
    return name + "!"
async def main():
    t1 = asyncio.create_task(worker("a", 3))
    t2 = asyncio.create_task(worker("b", 2))
    loop.call_soon(p, "cb")
    p("main waits")
    r1 = await t1
    p("got", r1)
    r2 = await t2
    p("got", r2)
    return 7
it = 0
def tick():
    global it
    p("tick", it); it += 1
    if it < 12: loop.call_soon(tick)
loop.call_soon(tick)
r = loop.run_until_complete(main())
p("result", r)
)PY";
  Log log;
  EventLoop loop;
  int it = 0;
  std::function<void()> tick = [&] {
    log("tick " + std::to_string(it));
    ++it;
    if (it < 12) loop.call_soon(tick);
  };
  loop.call_soon(tick);
  Task<int> main = InterleaveMain(log, loop);
  ASSERT_TRUE(run_until_complete(loop, main));
  log("result " + std::to_string(main.result()));
  EXPECT_EQ(log.text, RunPython(py));
}

Task<> Sleeper(Log& log, std::string name, double d) {
  co_await sleep(d);
  log(name);
}

Task<> SleepsMain(Log& log, EventLoop& loop) {
  std::vector<Task<>> ts;
  for (int i = 0; i < 9; ++i) {
    ts.push_back(create_task(loop, Sleeper(log, "s" + std::to_string(i), 0.05 * (i % 3 + 1))));
  }
  log("all created");
  for (auto& t : ts) co_await t;
  log("all done");
}

TEST(TaskOrderTest, SleepsWakeByDeadlineLikeAsyncio) {
  std::string py = std::string(kPrelude) + R"PY(
async def s(name, d):
    await asyncio.sleep(d); p(name)
async def main():
    ts = [asyncio.create_task(s("s%d" % i, 0.05 * (i % 3 + 1))) for i in range(9)]
    p("all created")
    for t in ts: await t
    p("all done")
loop.run_until_complete(main())
)PY";
  Log log;
  EventLoop loop;
  Task<> main = SleepsMain(log, loop);
  ASSERT_TRUE(run_until_complete(loop, main));
  EXPECT_EQ(log.text, RunPython(py));
}

// --- Cancellation -------------------------------------------------------------------

Task<> CancellableSleeper(Log& log) {
  try {
    log("sleeping");
    co_await sleep(10);
    log("woke?!");
  } catch (const CancelledError&) {
    log("cancelled inside");
    throw;
  }
}

Task<> CancelMain(Log& log, EventLoop& loop, bool before_start) {
  Task<> t = create_task(loop, CancellableSleeper(log));
  if (!before_start) co_await sleep(0);
  log("cancel -> " + TF(t.cancel()));
  log("cancel again -> " + TF(t.cancel()));
  try {
    co_await t;
  } catch (const CancelledError&) {
    log("main saw CancelledError");
  }
  log("t.cancelled() " + TF(t.cancelled()) + " " + TF(t.done()));
  log("cancel done -> " + TF(t.cancel()));
}

const char* kCancelPy = R"PY(
async def sleeper():
    try:
        p("sleeping"); await asyncio.sleep(10); p("woke?!")
    except asyncio.CancelledError:
        p("cancelled inside"); raise
async def main(before_start):
    t = asyncio.create_task(sleeper())
    if not before_start: await asyncio.sleep(0)
    p("cancel ->", t.cancel())
    p("cancel again ->", t.cancel())
    try: await t
    except asyncio.CancelledError: p("main saw CancelledError")
    p("t.cancelled()", t.cancelled(), t.done())
    p("cancel done ->", t.cancel())
)PY";

TEST(TaskOrderTest, CancelSleepingTaskLikeAsyncio) {
  std::string py = std::string(kPrelude) + kCancelPy + "loop.run_until_complete(main(False))\n";
  Log log;
  EventLoop loop;
  Task<> main = CancelMain(log, loop, false);
  ASSERT_TRUE(run_until_complete(loop, main));
  EXPECT_EQ(loop.timer_count(), 0u);  // the cancelled sleep's timer is gone
  EXPECT_EQ(log.text, RunPython(py));
}

TEST(TaskOrderTest, CancelBeforeStartLikeAsyncio) {
  std::string py = std::string(kPrelude) + kCancelPy + "loop.run_until_complete(main(True))\n";
  Log log;
  EventLoop loop;
  Task<> main = CancelMain(log, loop, true);
  ASSERT_TRUE(run_until_complete(loop, main));
  EXPECT_EQ(log.text, RunPython(py));
}

Task<> Inner(Log& log) {
  try {
    co_await sleep(10);
  } catch (const CancelledError&) {
    log("inner cancelled");
    throw;
  }
}

Task<> Outer(Log& log, Task<> inner) {
  try {
    co_await inner;
  } catch (const CancelledError&) {
    log("outer cancelled");
    throw;
  }
}

Task<> ChainMain(Log& log, EventLoop& loop) {
  Task<> it = create_task(loop, Inner(log));
  Task<> ot = create_task(loop, Outer(log, it));
  co_await sleep(0);
  log("cancel -> " + TF(ot.cancel()));
  for (Task<>* t : {&ot, &it}) {
    try {
      co_await *t;
    } catch (const CancelledError&) {
      log("cancelled " + TF(t == &ot));
    }
  }
  log(TF(it.cancelled()) + " " + TF(ot.cancelled()));
}

TEST(TaskOrderTest, CancelPropagatesToAwaitedTaskLikeAsyncio) {
  std::string py = std::string(kPrelude) + R"PY(
async def inner():
    try: await asyncio.sleep(10)
    except asyncio.CancelledError: p("inner cancelled"); raise
async def outer(it):
    try: await it
    except asyncio.CancelledError: p("outer cancelled"); raise
async def main():
    it = asyncio.create_task(inner())
    ot = asyncio.create_task(outer(it))
    await asyncio.sleep(0)
    p("cancel ->", ot.cancel())
    for t in (ot, it):
        try: await t
        except asyncio.CancelledError: p("cancelled", t is ot)
    p(it.cancelled(), ot.cancelled())
loop.run_until_complete(main())
)PY";
  Log log;
  EventLoop loop;
  Task<> main = ChainMain(log, loop);
  ASSERT_TRUE(run_until_complete(loop, main));
  EXPECT_EQ(log.text, RunPython(py));
}

Task<std::string> Survivor(Log& log) {
  try {
    co_await sleep(10);
  } catch (const CancelledError&) {
    log("caught, carrying on");
  }
  co_await sleep(0);
  log("still running");
  co_return "survived";
}

Task<> SurvivorMain(Log& log, EventLoop& loop) {
  Task<std::string> t = create_task(loop, Survivor(log));
  co_await sleep(0);
  t.cancel();
  std::string r = co_await t;
  log("result " + r + " " + TF(t.cancelled()));
}

TEST(TaskOrderTest, SwallowedCancellationLikeAsyncio) {
  std::string py = std::string(kPrelude) + R"PY(
async def survivor():
    try: await asyncio.sleep(10)
    except asyncio.CancelledError: p("caught, carrying on")
    await asyncio.sleep(0)
    p("still running")
    return "survived"
async def main():
    t = asyncio.create_task(survivor())
    await asyncio.sleep(0)
    t.cancel()
    r = await t
    p("result", r, t.cancelled())
loop.run_until_complete(main())
)PY";
  Log log;
  EventLoop loop;
  Task<> main = SurvivorMain(log, loop);
  ASSERT_TRUE(run_until_complete(loop, main));
  EXPECT_EQ(log.text, RunPython(py));
}

// --- Errors ---------------------------------------------------------------------------

Task<int> Failing(Log& log) {
  co_await sleep(0);
  log("about to fail");
  throw std::runtime_error("boom");
}

Task<> ErrorMain(Log& log, EventLoop& loop) {
  Task<int> t = create_task(loop, Failing(log));
  try {
    int v = co_await t;
    log("value " + std::to_string(v));
  } catch (const std::runtime_error& e) {
    log(std::string("caught ") + e.what());
  }
  log("done " + TF(t.done()) + " " + TF(t.cancelled()));
}

TEST(TaskOrderTest, ExceptionPropagatesThroughAwaitLikeAsyncio) {
  std::string py = std::string(kPrelude) + R"PY(
async def failing():
    await asyncio.sleep(0)
    p("about to fail")
    raise RuntimeError("boom")
async def main():
    t = asyncio.create_task(failing())
    try:
        v = await t
        p("value", v)
    except RuntimeError as e:
        p("caught", e)
    p("done", t.done(), t.cancelled())
loop.run_until_complete(main())
)PY";
  Log log;
  EventLoop loop;
  Task<> main = ErrorMain(log, loop);
  ASSERT_TRUE(run_until_complete(loop, main));
  EXPECT_EQ(log.text, RunPython(py));
}

Task<> DetachedFailure() {
  co_await sleep(0);
  throw std::runtime_error("nobody listens");
}

TEST(TaskTest, DetachedTaskExceptionGoesToHandler) {
  EventLoop loop;
  std::vector<std::string> reports;
  loop.set_exception_handler([&](EventLoop& l, const ErrorContext& ctx) {
    reports.push_back(ctx.message);
    l.stop();
  });
  create_task(loop, DetachedFailure());  // the Task<> object is dropped at once
  loop.run_forever();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0], "Task exception was never retrieved");
}

Task<> Forever(int* destroyed) {
  struct Guard {
    int* d;
    ~Guard() { ++*d; }
  } g{destroyed};
  co_await sleep(3600);
}

TEST(TaskTest, CloseDestroysPendingTasksAndReportsThem) {
  int destroyed = 0;
  std::vector<std::string> reports;
  {
    EventLoop loop;
    loop.set_exception_handler(
        [&](EventLoop&, const ErrorContext& ctx) { reports.push_back(ctx.message); });
    create_task(loop, Forever(&destroyed));
    Task<> kept = create_task(loop, Forever(&destroyed));
    loop.call_later(0.01, [&] { loop.stop(); });
    loop.run_forever();
    EXPECT_EQ(destroyed, 0);
    loop.close();
    EXPECT_EQ(destroyed, 2);
    EXPECT_TRUE(kept.done());
    EXPECT_TRUE(kept.cancelled());
  }
  ASSERT_GE(reports.size(), 2u);
  EXPECT_EQ(reports[0], "Task was destroyed but it is pending!");
  EXPECT_EQ(reports[1], "Task was destroyed but it is pending!");
}

TEST(TaskTest, UnstartedTaskIsDestroyedWithItsHandle) {
  int destroyed = 0;
  {
    Task<> t = Forever(&destroyed);
    EXPECT_FALSE(t.done());
  }
  EXPECT_EQ(destroyed, 0);  // the body never ran, so no Guard was constructed
}

// --- File descriptors -----------------------------------------------------------------

Task<std::string> ReadAll(int fd) {
  std::string got;
  char buf[64];
  for (;;) {
    co_await readable(fd);
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, n);
  }
  co_return got;
}

Task<> WriteSlowly(int fd) {
  for (const char* piece : {"hello ", "coroutine ", "world"}) {
    co_await writable(fd);
    co_await write_all(fd, piece);
    co_await sleep(0.001);
  }
  ::close(fd);
}

TEST(TaskTest, ReadableWritableAwaiters) {
  EventLoop loop;
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
  Task<std::string> reader = create_task(loop, ReadAll(sv[0]));
  create_task(loop, WriteSlowly(sv[1]));
  ASSERT_TRUE(run_until_complete(loop, reader));
  EXPECT_EQ(reader.result(), "hello coroutine world");
  EXPECT_EQ(loop.registered_fd_count(), 0u);
  ::close(sv[0]);
}

Task<int> WaitOnBadFd() {
  try {
    co_await readable(-1);
  } catch (const std::system_error& e) {
    co_return e.code().value();
  }
  co_return 0;
}

TEST(TaskTest, AwaitingABadFdThrowsInTheTask) {
  EventLoop loop;
  Task<int> t = WaitOnBadFd();
  ASSERT_TRUE(run_until_complete(loop, t));
  EXPECT_EQ(t.result(), EBADF);
}

Task<> WaitReadable(int fd, Log& log) {
  try {
    co_await readable(fd);
  } catch (const CancelledError&) {
    log("cancelled");
    throw;
  }
}

TEST(TaskTest, CancellingAnFdWaitDeregistersIt) {
  EventLoop loop;
  Log log;
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_NONBLOCK), 0);
  Task<> t = create_task(loop, WaitReadable(fds[0], log));
  loop.call_later(0.005, [&] {
    EXPECT_EQ(loop.registered_fd_count(), 1u);
    t.cancel();
  });
  EXPECT_FALSE(run_until_complete(loop, t) && !t.cancelled());
  EXPECT_TRUE(t.cancelled());
  EXPECT_EQ(log.text, "cancelled\n");
  EXPECT_EQ(loop.registered_fd_count(), 0u);
  ::close(fds[0]);
  ::close(fds[1]);
}

// --- The example at the top of loop.h, verbatim --------------------------------------

pyrt::aio::Task<> Serve(int client) {
  char buf[4096];
  for (;;) {
    co_await pyrt::aio::readable(client);           // suspends until EPOLLIN
    ssize_t n = ::read(client, buf, sizeof buf);
    if (n <= 0) break;
    co_await pyrt::aio::write_all(client, std::string(buf, n));
  }
  ::close(client);
}
pyrt::aio::Task<> Listen(pyrt::aio::EventLoop& loop, int listen_fd) {
  for (;;) {
    co_await pyrt::aio::readable(listen_fd);
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) pyrt::aio::create_task(loop, Serve(fd));  // detached
  }
}

TEST(TaskTest, HeaderEchoExample) {
  int listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  ASSERT_GE(listen_fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(listen_fd, 16), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  std::string script = "PORT = " + std::to_string(ntohs(addr.sin_port)) + R"PY(
import asyncio
async def one(i):
    r, w = await asyncio.open_connection("127.0.0.1", PORT)
    msg = b"client %d " % i * 100
    w.write(msg)
    got = await r.readexactly(len(msg))
    w.close()
    return got == msg
async def main():
    print(sum(await asyncio.gather(*[one(i) for i in range(10)])))
asyncio.run(main())
)PY";
  pyrt::aio::EventLoop loop;
  std::vector<std::string> reports;
  loop.set_exception_handler(
      [&](EventLoop&, const ErrorContext& ctx) { reports.push_back(ctx.message); });
  pyrt::aio::create_task(loop, Listen(loop, listen_fd));
  std::string out;
  std::thread client([&] {
    out = RunPython(script);
    loop.call_soon_threadsafe([&] { loop.stop(); });
  });
  loop.run_forever();
  client.join();
  EXPECT_EQ(out, "10\n");
  loop.close();  // destroys the pending Listen task (reported)
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.back(), "Task was destroyed but it is pending!");
  ::close(listen_fd);
}

}  // namespace
}  // namespace pyrt::aio
