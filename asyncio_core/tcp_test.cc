// TCP transports and servers on 127.0.0.1: echo, interoperation with python3's asyncio
// in both directions, flow control, half-close, errors, connection churn without fd
// leaks.
#include "asyncio_core/tcp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "asyncio_core/internal/test_util.h"
#include "gtest/gtest.h"

namespace pyrt::aio {
namespace {

using asyncio_core_internal::CountOpenFds;
using asyncio_core_internal::RunPython;

// Echoes everything; records its events.
struct EchoServer : Protocol {
  explicit EchoServer(std::vector<std::string>* events = nullptr) : events(events) {}
  void Note(const std::string& e) {
    if (events) events->push_back(e);
  }
  void connection_made(TcpTransport& t) override {
    tr = &t;
    Note("made");
  }
  void data_received(std::string_view d) override {
    Note("data");
    tr->write(d);
  }
  bool eof_received() override {
    Note("eof");
    return false;
  }
  void connection_lost(int err) override { Note("lost " + std::to_string(err)); }
  TcpTransport* tr = nullptr;
  std::vector<std::string>* events;
};

ProtocolFactory EchoFactory(std::vector<std::string>* events = nullptr) {
  return [events] { return std::make_unique<EchoServer>(events); };
}

// Sends `messages` one at a time, waiting for each echo, then closes.
struct PingClient : Protocol {
  PingClient(std::vector<std::string> msgs, std::vector<std::string>* events, EventLoop* loop)
      : msgs(std::move(msgs)), events(events), loop(loop) {}
  void connection_made(TcpTransport& t) override {
    tr = &t;
    events->push_back("made");
    SendNext();
  }
  void SendNext() {
    if (next == msgs.size()) {
      tr->close();
      return;
    }
    expect = msgs[next++];
    tr->write(expect);
  }
  void data_received(std::string_view d) override {
    got.append(d);
    if (got.size() >= expect.size()) {
      events->push_back("echo " + got);
      got.clear();
      SendNext();
    }
  }
  void connection_lost(int err) override {
    events->push_back("lost " + std::to_string(err));
    loop->stop();
  }
  std::vector<std::string> msgs;
  std::vector<std::string>* events;
  EventLoop* loop;
  TcpTransport* tr = nullptr;
  std::string expect, got;
  std::size_t next = 0;
};

TEST(TcpTest, EchoRoundTrip) {
  EventLoop loop;
  std::vector<std::string> server_events, client_events;
  int err = 0;
  auto server = create_server(loop, "127.0.0.1", 0, EchoFactory(&server_events), &err);
  ASSERT_TRUE(server) << err;
  ASSERT_GT(server->port(), 0);
  std::vector<std::string> msgs = {"hello", "event", "loop"};
  bool connected = false;
  auto t = create_connection(
      loop, "127.0.0.1", server->port(),
      [&] { return std::make_unique<PingClient>(msgs, &client_events, &loop); },
      [&](TcpTransport* tr, int e) {
        connected = tr != nullptr && e == 0;
        client_events.push_back("connected");
      },
      &err);
  ASSERT_TRUE(t) << err;
  loop.run_forever();
  // Let the server see the EOF and lose its connection.
  loop.call_later(0.05, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_TRUE(connected);
  EXPECT_EQ(client_events, (std::vector<std::string>{"made", "connected", "echo hello",
                                                     "echo event", "echo loop", "lost 0"}));
  EXPECT_EQ(server_events,
            (std::vector<std::string>{"made", "data", "data", "data", "eof", "lost 0"}));
  server->close();
  EXPECT_EQ(loop.registered_fd_count(), 0u);
}

TEST(TcpTest, ConnectionRefused) {
  EventLoop loop;
  // Find a port with nobody listening: bind a server, note the port, close it.
  int err = 0;
  auto s = create_server(loop, "127.0.0.1", 0, EchoFactory(), &err);
  ASSERT_TRUE(s);
  int port = s->port();
  s->close();
  int result = -1;
  auto t = create_connection(
      loop, "127.0.0.1", port, EchoFactory(),
      [&](TcpTransport* tr, int e) {
        EXPECT_EQ(tr, nullptr);
        result = e;
        loop.stop();
      },
      &err);
  ASSERT_TRUE(t);
  loop.run_forever();
  EXPECT_EQ(result, ECONNREFUSED);
  EXPECT_EQ(create_connection(loop, "not-an-address", 1, EchoFactory(), nullptr, &err), nullptr);
  EXPECT_EQ(err, EINVAL);
}

// --- Interoperation with python3 ----------------------------------------------------

TEST(TcpTest, Python3AsyncioClientAgainstOurServer) {
  EventLoop loop;
  int err = 0;
  auto server = create_server(loop, "127.0.0.1", 0, EchoFactory(), &err);
  ASSERT_TRUE(server);
  std::string script = "PORT = " + std::to_string(server->port()) + R"PY(
import asyncio
async def main():
    r, w = await asyncio.open_connection("127.0.0.1", PORT)
    total = 0
    for i in range(50):
        msg = (b"%d:" % i) * (1 + i * 37)
        w.write(msg)
        got = await r.readexactly(len(msg))
        assert got == msg, (got, msg)
        total += len(got)
    w.write_eof()
    assert await r.read() == b""
    w.close()
    await w.wait_closed()
    print("ok", total)
asyncio.run(main())
)PY";
  std::string out;
  std::thread client([&] {
    out = RunPython(script);
    loop.call_soon_threadsafe([&] { loop.stop(); });
  });
  loop.run_forever();
  client.join();
  // The sizes python sent, summed here independently.
  std::size_t total = 0;
  for (int i = 0; i < 50; ++i) total += (std::to_string(i).size() + 1) * (1 + i * 37);
  EXPECT_EQ(out, "ok " + std::to_string(total) + "\n");
}

TEST(TcpTest, OurClientAgainstPython3AsyncioServer) {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string path = std::string(tmp ? tmp : "/tmp") + "/aio_echo_server.py";
  FILE* f = fopen(path.c_str(), "w");
  ASSERT_TRUE(f);
  fputs(R"PY(
import asyncio, sys
async def handle(r, w):
    while data := await r.read(65536):
        w.write(data)
        await w.drain()
    w.close()
    done.set()
async def main():
    global done
    done = asyncio.Event()
    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(srv.sockets[0].getsockname()[1], flush=True)
    await done.wait()
asyncio.run(main())
)PY",
        f);
  fclose(f);
  FILE* py = popen(("/usr/bin/python3 " + path).c_str(), "r");
  ASSERT_TRUE(py);
  int port = 0;
  ASSERT_EQ(fscanf(py, "%d", &port), 1);
  EventLoop loop;
  std::vector<std::string> events;
  std::vector<std::string> msgs;
  for (int i = 0; i < 20; ++i) msgs.push_back(std::string(1 + i * 500, 'a' + i % 26));
  int err = 0;
  auto t = create_connection(
      loop, "127.0.0.1", port,
      [&] { return std::make_unique<PingClient>(msgs, &events, &loop); }, nullptr, &err);
  ASSERT_TRUE(t) << err;
  loop.run_forever();
  int status = pclose(py);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_EQ(events.size(), msgs.size() + 2);
  for (std::size_t i = 0; i < msgs.size(); ++i) EXPECT_EQ(events[i + 1], "echo " + msgs[i]);
  EXPECT_EQ(events.back(), "lost 0");
}

// --- Flow control and half-close ----------------------------------------------------

constexpr std::size_t kFlood = 8 << 20;

// Writes kFlood bytes at once, then closes (close() must flush first).
struct Flooder : Protocol {
  explicit Flooder(std::vector<std::string>* ev) : ev(ev) {}
  void connection_made(TcpTransport& t) override {
    std::string chunk(64 * 1024, 'x');
    for (std::size_t sent = 0; sent < kFlood; sent += chunk.size()) t.write(chunk);
    ev->push_back("buffered>high " + std::string(t.get_write_buffer_size() > kDefaultHighWater ? "yes" : "no"));
    t.close();
  }
  void data_received(std::string_view) override {}
  void pause_writing() override { ev->push_back("pause"); }
  void resume_writing() override { ev->push_back("resume"); }
  void connection_lost(int err) override { ev->push_back("lost " + std::to_string(err)); }
  std::vector<std::string>* ev;
};

// Starts with reading paused; resumes after a while; counts bytes.
struct SlowReader : Protocol {
  SlowReader(EventLoop* loop, std::size_t* got) : loop(loop), got(got) {}
  void connection_made(TcpTransport& t) override {
    t.pause_reading();
    TcpTransport* tp = &t;
    loop->call_later(0.05, [tp] { tp->resume_reading(); });
  }
  void data_received(std::string_view d) override { *got += d.size(); }
  void connection_lost(int) override { loop->stop(); }
  EventLoop* loop;
  std::size_t* got;
};

TEST(TcpTest, BackPressurePausesAndResumesWriting) {
  EventLoop loop;
  std::vector<std::string> ev;
  int err = 0;
  auto server = create_server(
      loop, "127.0.0.1", 0, [&] { return std::make_unique<Flooder>(&ev); }, &err);
  ASSERT_TRUE(server);
  std::size_t got = 0;
  auto t = create_connection(loop, "127.0.0.1", server->port(),
                             [&] { return std::make_unique<SlowReader>(&loop, &got); });
  ASSERT_TRUE(t);
  loop.run_forever();
  loop.call_later(0.02, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(got, kFlood);
  EXPECT_EQ(ev, (std::vector<std::string>{"pause", "buffered>high yes", "resume", "lost 0"}));
}

// Half-close: the client sends a request and write_eof(); the server keeps its side open
// (eof_received returns true), answers, and closes.
struct HalfCloseServer : Protocol {
  void connection_made(TcpTransport& t) override { tr = &t; }
  void data_received(std::string_view d) override { req.append(d); }
  bool eof_received() override {
    tr->write("reply to " + req);
    tr->close();
    return true;
  }
  TcpTransport* tr = nullptr;
  std::string req;
};

struct HalfCloseClient : Protocol {
  HalfCloseClient(EventLoop* loop, std::string* reply, bool* eof)
      : loop(loop), reply(reply), eof(eof) {}
  void connection_made(TcpTransport& t) override {
    t.write("question");
    t.write_eof();
  }
  void data_received(std::string_view d) override { reply->append(d); }
  bool eof_received() override {
    *eof = true;
    return false;
  }
  void connection_lost(int) override { loop->stop(); }
  EventLoop* loop;
  std::string* reply;
  bool* eof;
};

TEST(TcpTest, HalfClose) {
  EventLoop loop;
  auto server = create_server(loop, "127.0.0.1", 0,
                              [] { return std::make_unique<HalfCloseServer>(); });
  ASSERT_TRUE(server);
  std::string reply;
  bool eof = false;
  auto t = create_connection(loop, "127.0.0.1", server->port(), [&] {
    return std::make_unique<HalfCloseClient>(&loop, &reply, &eof);
  });
  ASSERT_TRUE(t);
  loop.run_forever();
  EXPECT_EQ(reply, "reply to question");
  EXPECT_TRUE(eof);
}

// --- Errors ---------------------------------------------------------------------------

struct ThrowingServer : Protocol {
  explicit ThrowingServer(int* lost) : lost(lost) {}
  void data_received(std::string_view) override { throw std::runtime_error("bad protocol"); }
  void connection_lost(int err) override { *lost = err; }
  int* lost;
};

TEST(TcpTest, ProtocolExceptionAbortsConnectionAndIsReported) {
  EventLoop loop;
  std::vector<std::string> reports;
  loop.set_exception_handler(
      [&](EventLoop&, const ErrorContext& ctx) { reports.push_back(ctx.message); });
  int server_lost = -1;
  auto server = create_server(loop, "127.0.0.1", 0, [&] {
    return std::make_unique<ThrowingServer>(&server_lost);
  });
  ASSERT_TRUE(server);
  std::vector<std::string> client_events;
  auto t = create_connection(loop, "127.0.0.1", server->port(), [&] {
    return std::make_unique<PingClient>(std::vector<std::string>{"x"}, &client_events, &loop);
  });
  loop.run_forever();  // the client stops the loop when the server drops it
  EXPECT_EQ(server_lost, ECONNABORTED);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0], "Fatal error: protocol.data_received() call failed.");
  EXPECT_EQ(client_events.back().rfind("lost ", 0), 0u);
}

TEST(TcpTest, ClosingTheLoopClosesOwnedSockets) {
  int before = CountOpenFds();
  std::vector<std::string> server_events;
  std::vector<std::string> reports;
  {
    EventLoop loop;
    loop.set_exception_handler(
        [&](EventLoop&, const ErrorContext& ctx) { reports.push_back(ctx.message); });
    auto server = create_server(loop, "127.0.0.1", 0, EchoFactory(&server_events));
    ASSERT_TRUE(server);
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(create_connection(loop, "127.0.0.1", server->port(), EchoFactory()));
    }
    loop.call_later(0.05, [&] { loop.stop(); });
    loop.run_forever();
    EXPECT_GT(CountOpenFds(), before + 10);
    loop.close();
    EXPECT_FALSE(server->is_serving());
  }
  EXPECT_EQ(CountOpenFds(), before);
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports[0], "Event loop closed with 10 open transport(s); aborting them");
  EXPECT_EQ(std::count(server_events.begin(), server_events.end(),
                       "lost " + std::to_string(ECANCELED)),
            5);
}

// --- Churn ----------------------------------------------------------------------------

// Each client connects, sends "ping", waits for the echo and closes; whenever one ends
// another starts, keeping kConcurrent in flight until `total` have completed.
struct Churn {
  EventLoop* loop;
  int port;
  int total;
  int started = 0, completed = 0, failed = 0;
  static constexpr int kConcurrent = 100;

  struct Client : Protocol {
    explicit Client(Churn* c) : c(c) {}
    void connection_made(TcpTransport& t) override {
      tr = &t;
      t.write("ping");
    }
    void data_received(std::string_view d) override {
      got.append(d);
      if (got == "ping") tr->close();
    }
    void connection_lost(int err) override {
      if (err == 0 && got == "ping") {
        ++c->completed;
      } else {
        ++c->failed;
      }
      c->StartOne();
    }
    Churn* c;
    TcpTransport* tr = nullptr;
    std::string got;
  };

  void StartOne() {
    if (started == total) {
      if (completed + failed == total) loop->stop();
      return;
    }
    ++started;
    int err = 0;
    auto t = create_connection(
        *loop, "127.0.0.1", port, [this] { return std::make_unique<Client>(this); },
        [this](TcpTransport* tr, int) {
          if (!tr) {
            ++failed;
            StartOne();
          }
        },
        &err);
    if (!t) {
      ++failed;
      loop->call_soon([this] { StartOne(); });
    }
  }
};

TEST(TcpTest, ChurnLeaksNoFds) {
  int total = 10000;
  if (const char* env = getenv("PYRT_AIO_CHURN")) total = atoi(env);
  int before = CountOpenFds();
  {
    EventLoop loop;
    std::vector<std::string> reports;
    loop.set_exception_handler(
        [&](EventLoop&, const ErrorContext& ctx) { reports.push_back(ctx.message); });
    auto server = create_server(loop, "127.0.0.1", 0, EchoFactory(), nullptr, 1024);
    ASSERT_TRUE(server);
    Churn churn{&loop, server->port(), total};
    for (int i = 0; i < Churn::kConcurrent; ++i) loop.call_soon([&] { churn.StartOne(); });
    loop.run_forever();
    EXPECT_EQ(churn.completed, total);
    EXPECT_EQ(churn.failed, 0);
    // Let the server side see the last EOFs.
    loop.call_later(0.1, [&] { loop.stop(); });
    loop.run_forever();
    server->close();
    EXPECT_EQ(loop.registered_fd_count(), 0u);
    EXPECT_TRUE(reports.empty()) << reports[0];
  }
  EXPECT_EQ(CountOpenFds(), before);
}

}  // namespace
}  // namespace pyrt::aio
