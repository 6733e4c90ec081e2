// Non-blocking TCP in asyncio's transport/protocol shape (selector_events'
// _SelectorSocketTransport and Server, over EventLoop's add_reader/add_writer).
//
//   struct Echo : pyrt::aio::Protocol {
//     pyrt::aio::TcpTransport* t = nullptr;
//     void connection_made(pyrt::aio::TcpTransport& tr) override { t = &tr; }
//     void data_received(std::string_view d) override { t->write(d); }
//   };
//   pyrt::aio::EventLoop loop;
//   int err = 0;
//   auto server = pyrt::aio::create_server(
//       loop, "127.0.0.1", 8888, [] { return std::make_unique<Echo>(); }, &err);
//   loop.run_forever();
//
// A protocol receives events; a transport is the connection it writes to.  The loop
// owns both: a transport lives from connection_made() until connection_lost() has
// returned, and the protocol is destroyed right after connection_lost().  Events and
// their order follow asyncio: connection_made is call_soon'd when the connection is
// set up and reading starts in the callback after it; each readiness event reads once
// (up to kMaxReadSize) and calls data_received; end of stream calls eof_received, and
// the transport closes unless it returns true; write() sends at once when nothing is
// buffered and buffers the rest, calling pause_writing() when the buffer grows above
// the high-water mark and resume_writing() when it drains to the low-water mark;
// close() flushes the buffer first, abort() does not; connection_lost(errno or 0) is
// the last call.  Addresses are numeric (inet_pton): no name resolution.
// Everything runs on the loop's thread; nothing throws (errors are errno values; a
// protocol callback that throws goes to the exception handler and aborts the
// connection, as asyncio's _fatal_error does).
#ifndef PYRT_ASYNCIO_CORE_TCP_H_
#define PYRT_ASYNCIO_CORE_TCP_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "asyncio_core/loop.h"

namespace pyrt::aio {

// asyncio's default write-buffer high-water mark (64 KiB; low = high / 4) and the
// most one read takes from a socket (selector_events' max_size, 256 KiB).
inline constexpr std::size_t kDefaultHighWater = 64 * 1024;
inline constexpr std::size_t kMaxReadSize = 256 * 1024;

class TcpTransport;

// Receives a connection's events.  Override what you need; all run on the loop thread.
class Protocol {
 public:
  virtual ~Protocol() = default;
  // The connection is ready; `transport` stays valid until connection_lost returns.
  virtual void connection_made(TcpTransport& transport) { (void)transport; }
  // Bytes arrived.  The view is valid only during the call.
  virtual void data_received(std::string_view data) = 0;
  // The peer shut down its sending side.  Return true to keep the transport open for
  // writing (half-close); false closes it.
  virtual bool eof_received() { return false; }
  // The connection is closed: 0 after close()/EOF, else the errno that ended it.
  virtual void connection_lost(int error) { (void)error; }
  // The write buffer went above the high-water mark / back to the low-water mark.
  virtual void pause_writing() {}
  virtual void resume_writing() {}
};

// Makes the protocol for a new connection.
using ProtocolFactory = std::function<std::unique_ptr<Protocol>()>;

// A TCP connection owned by its loop.  See the essay above.
class TcpTransport : public std::enable_shared_from_this<TcpTransport> {
 public:
  // Sends data (copying what cannot be sent now into the write buffer).  Ignored after
  // close()/abort() or write_eof().
  void write(std::string_view data);
  // Shuts down the sending side once the buffer has drained (SHUT_WR).
  void write_eof();
  // Stops reading, flushes the write buffer, then closes; connection_lost(0) follows.
  void close();
  // Closes at once, dropping buffered data; connection_lost(0) follows.
  void abort();
  // Stops / restarts calling data_received (flow control on the reading side).
  void pause_reading();
  void resume_reading();
  [[nodiscard]] bool is_reading() const noexcept { return !paused_ && !closing_; }
  [[nodiscard]] bool is_closing() const noexcept { return closing_; }
  // Bytes waiting in the write buffer.
  [[nodiscard]] std::size_t get_write_buffer_size() const noexcept {
    return buffer_.size() - buffer_head_;
  }
  // Sets the flow-control marks (low defaults to high / 4, as asyncio).
  void set_write_buffer_limits(std::size_t high, std::size_t low = SIZE_MAX);
  // The socket (-1 once closed).
  [[nodiscard]] int fd() const noexcept { return fd_; }
  [[nodiscard]] Protocol* protocol() const noexcept { return protocol_.get(); }
  [[nodiscard]] EventLoop& loop() const noexcept { return *loop_; }

  // Internal: use create_server / create_connection.
  TcpTransport(EventLoop& loop, int fd, std::unique_ptr<Protocol> protocol);

 private:
  friend class EventLoop;
  friend class Server;
  friend std::shared_ptr<TcpTransport> create_connection(
      EventLoop&, const std::string&, int, ProtocolFactory,
      std::function<void(TcpTransport*, int)>, int*);
  static std::shared_ptr<TcpTransport> Adopt(EventLoop& loop, int fd,
                                             std::unique_ptr<Protocol> protocol);
  void Begin();          // connection_made + start reading (call_soon'd)
  void ReadReady();
  void WriteReady();
  void ConnectReady();
  void ForceClose(int error);
  void ConnectionLost(int error);
  void FatalError(const char* what, std::exception_ptr e);
  void CloseForLoopClose();
  static void Untrack(EventLoop& loop, TcpTransport* t) { loop.UntrackTransport(t); }
  void MaybePause();
  void MaybeResume();

  EventLoop* loop_;
  int fd_;
  std::unique_ptr<Protocol> protocol_;
  std::string buffer_;            // unsent bytes live in [buffer_head_, size())
  std::size_t buffer_head_ = 0;
  std::size_t high_ = kDefaultHighWater;
  std::size_t low_ = kDefaultHighWater / 4;
  bool closing_ = false;
  bool eof_ = false;
  bool paused_ = false;
  bool protocol_paused_ = false;
  bool lost_scheduled_ = false;
  bool connecting_ = false;
  std::function<void(TcpTransport*, int)> on_connect_;
};

// A listening socket that accepts connections (asyncio.Server).  Owned jointly by the
// caller and the loop.
class Server : public std::enable_shared_from_this<Server> {
 public:
  // The bound port (useful after binding port 0).
  [[nodiscard]] int port() const noexcept { return port_; }
  [[nodiscard]] int fd() const noexcept { return fd_; }
  [[nodiscard]] bool is_serving() const noexcept { return fd_ >= 0; }
  // Stops listening and closes the socket; open connections are not affected.
  void close();
  ~Server();

  Server(EventLoop& loop, int fd, int port, ProtocolFactory factory, int backlog);

 private:
  friend std::shared_ptr<Server> create_server(EventLoop&, const std::string&, int,
                                               ProtocolFactory, int*, int);
  void AcceptReady();
  static void Track(EventLoop& loop, std::shared_ptr<Server> s) { loop.TrackServer(std::move(s)); }
  EventLoop* loop_;
  int fd_;
  int port_;
  int backlog_;
  ProtocolFactory factory_;
};

// Listens on host:port (numeric IPv4 or IPv6; port 0 picks a free port) with
// SO_REUSEADDR, serving each connection with a protocol from factory.  Returns the
// server, or nullptr with *error set to the errno (EINVAL for a bad address).
std::shared_ptr<Server> create_server(EventLoop& loop, const std::string& host, int port,
                                      ProtocolFactory factory, int* error = nullptr,
                                      int backlog = 100);

// Connects to host:port without blocking.  When the connection is up (or failed),
// on_done(transport, 0) (or on_done(nullptr, errno)) runs on the loop; then the
// protocol's connection_made follows as for accepted connections.  Returns the
// transport (still connecting), or nullptr with *error set if the socket could not be
// created.
std::shared_ptr<TcpTransport> create_connection(
    EventLoop& loop, const std::string& host, int port, ProtocolFactory factory,
    std::function<void(TcpTransport*, int)> on_done = nullptr, int* error = nullptr);

}  // namespace pyrt::aio

#endif  // PYRT_ASYNCIO_CORE_TCP_H_
