// TCP transports and servers over the loop's readiness callbacks.
#include "asyncio_core/tcp.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <vector>

namespace pyrt::aio {

namespace {

// One read buffer per thread, shared by every transport of the loops on it.
char* ReadBuffer() {
  thread_local std::vector<char> buf(kMaxReadSize);
  return buf.data();
}

bool IsTransient(int err) { return err == EAGAIN || err == EWOULDBLOCK || err == EINTR; }

void SetNoDelay(int fd) {
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Fills storage with host:port; returns the length, or 0 for a non-numeric host.
socklen_t ParseAddress(const std::string& host, int port, sockaddr_storage* storage) {
  std::memset(storage, 0, sizeof *storage);
  auto* v4 = reinterpret_cast<sockaddr_in*>(storage);
  if (::inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<std::uint16_t>(port));
    return sizeof(sockaddr_in);
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(storage);
  if (::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<std::uint16_t>(port));
    return sizeof(sockaddr_in6);
  }
  return 0;
}

}  // namespace

// --- Transport -----------------------------------------------------------------------

TcpTransport::TcpTransport(EventLoop& loop, int fd, std::unique_ptr<Protocol> protocol)
    : loop_(&loop), fd_(fd), protocol_(std::move(protocol)) {}

std::shared_ptr<TcpTransport> TcpTransport::Adopt(EventLoop& loop, int fd,
                                                  std::unique_ptr<Protocol> protocol) {
  auto t = std::make_shared<TcpTransport>(loop, fd, std::move(protocol));
  loop.TrackTransport(t);
  return t;
}

void TcpTransport::Begin() {
  std::shared_ptr<TcpTransport> self = shared_from_this();
  loop_->call_soon([self] {
    if (self->protocol_) self->protocol_->connection_made(*self);
  });
  loop_->call_soon([self] {
    if (self->closing_ || self->paused_ || self->fd_ < 0) return;
    TcpTransport* t = self.get();
    (void)t->loop_->add_reader(t->fd_, [t] { t->ReadReady(); });
  });
}

void TcpTransport::ReadReady() {
  if (lost_scheduled_ || fd_ < 0) return;
  std::shared_ptr<TcpTransport> keep = shared_from_this();
  char* buf = ReadBuffer();
  ssize_t n = ::recv(fd_, buf, kMaxReadSize, 0);
  if (n < 0) {
    if (IsTransient(errno)) return;
    ForceClose(errno);
    return;
  }
  if (n == 0) {
    bool keep_open = false;
    try {
      keep_open = protocol_->eof_received();
    } catch (...) {
      FatalError("Fatal error: protocol.eof_received() call failed.",
                 std::current_exception());
      return;
    }
    if (keep_open) {
      loop_->remove_reader(fd_);
    } else {
      close();
    }
    return;
  }
  try {
    protocol_->data_received(std::string_view(buf, static_cast<std::size_t>(n)));
  } catch (...) {
    FatalError("Fatal error: protocol.data_received() call failed.",
               std::current_exception());
  }
}

void TcpTransport::write(std::string_view data) {
  if (eof_ || data.empty() || lost_scheduled_ || fd_ < 0) return;
  if (get_write_buffer_size() == 0 && !connecting_) {
    ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (!IsTransient(errno)) {
        ForceClose(errno);
        return;
      }
      n = 0;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
    if (data.empty()) return;
    (void)loop_->add_writer(fd_, [this] { WriteReady(); });
  }
  if (buffer_head_ > 0 && buffer_head_ == buffer_.size()) {
    buffer_.clear();
    buffer_head_ = 0;
  }
  buffer_.append(data);
  MaybePause();
}

void TcpTransport::WriteReady() {
  if (lost_scheduled_ || fd_ < 0) return;
  std::shared_ptr<TcpTransport> keep = shared_from_this();
  std::size_t size = get_write_buffer_size();
  if (size > 0) {
    ssize_t n = ::send(fd_, buffer_.data() + buffer_head_, size, MSG_NOSIGNAL);
    if (n < 0) {
      if (IsTransient(errno)) return;
      int err = errno;
      loop_->remove_writer(fd_);
      buffer_.clear();
      buffer_head_ = 0;
      ForceClose(err);
      return;
    }
    buffer_head_ += static_cast<std::size_t>(n);
    if (buffer_head_ == buffer_.size()) {
      buffer_.clear();
      buffer_head_ = 0;
    } else if (buffer_head_ > buffer_.size() / 2) {
      buffer_.erase(0, buffer_head_);
      buffer_head_ = 0;
    }
    MaybeResume();  // may write more
  }
  if (get_write_buffer_size() == 0) {
    loop_->remove_writer(fd_);
    if (closing_) {
      ConnectionLost(0);
    } else if (eof_) {
      ::shutdown(fd_, SHUT_WR);
    }
  }
}

void TcpTransport::MaybePause() {
  if (get_write_buffer_size() <= high_ || protocol_paused_) return;
  protocol_paused_ = true;
  try {
    protocol_->pause_writing();
  } catch (...) {
    ErrorContext ctx;
    ctx.message = "protocol.pause_writing() failed";
    ctx.exception = std::current_exception();
    loop_->call_exception_handler(ctx);
  }
}

void TcpTransport::MaybeResume() {
  if (!protocol_paused_ || get_write_buffer_size() > low_) return;
  protocol_paused_ = false;
  try {
    protocol_->resume_writing();
  } catch (...) {
    ErrorContext ctx;
    ctx.message = "protocol.resume_writing() failed";
    ctx.exception = std::current_exception();
    loop_->call_exception_handler(ctx);
  }
}

void TcpTransport::set_write_buffer_limits(std::size_t high, std::size_t low) {
  if (low == SIZE_MAX) low = high / 4;
  if (low > high) low = high;
  high_ = high;
  low_ = low;
  MaybePause();
}

void TcpTransport::write_eof() {
  if (closing_ || eof_ || fd_ < 0) return;
  eof_ = true;
  if (get_write_buffer_size() == 0 && !connecting_) ::shutdown(fd_, SHUT_WR);
}

void TcpTransport::pause_reading() {
  if (closing_ || paused_) return;
  paused_ = true;
  if (fd_ >= 0) loop_->remove_reader(fd_);
}

void TcpTransport::resume_reading() {
  if (closing_ || !paused_) return;
  paused_ = false;
  if (fd_ >= 0 && !connecting_) (void)loop_->add_reader(fd_, [this] { ReadReady(); });
}

void TcpTransport::close() {
  if (closing_) return;
  closing_ = true;
  if (fd_ >= 0) loop_->remove_reader(fd_);
  if (get_write_buffer_size() == 0) {
    lost_scheduled_ = true;
    if (fd_ >= 0) loop_->remove_writer(fd_);
    std::shared_ptr<TcpTransport> self = shared_from_this();
    loop_->call_soon([self] { self->ConnectionLost(0); });
  }
}

void TcpTransport::abort() { ForceClose(0); }

void TcpTransport::ForceClose(int error) {
  if (lost_scheduled_) return;
  if (get_write_buffer_size() > 0) {
    buffer_.clear();
    buffer_head_ = 0;
    if (fd_ >= 0) loop_->remove_writer(fd_);
  }
  if (!closing_) {
    closing_ = true;
    if (fd_ >= 0) loop_->remove_reader(fd_);
  }
  lost_scheduled_ = true;
  std::shared_ptr<TcpTransport> self = shared_from_this();
  loop_->call_soon([self, error] { self->ConnectionLost(error); });
}

void TcpTransport::FatalError(const char* what, std::exception_ptr e) {
  ErrorContext ctx;
  ctx.message = what;
  ctx.exception = e;
  ctx.fd = fd_;
  loop_->call_exception_handler(ctx);
  ForceClose(ECONNABORTED);
}

void TcpTransport::ConnectionLost(int error) {
  std::shared_ptr<TcpTransport> keep = shared_from_this();
  lost_scheduled_ = true;
  closing_ = true;
  if (protocol_) {
    try {
      protocol_->connection_lost(error);
    } catch (...) {
      ErrorContext ctx;
      ctx.message = "protocol.connection_lost() failed";
      ctx.exception = std::current_exception();
      loop_->call_exception_handler(ctx);
    }
  }
  if (fd_ >= 0) {
    loop_->remove_reader(fd_);
    loop_->remove_writer(fd_);
    ::close(fd_);
    fd_ = -1;
  }
  protocol_.reset();
  loop_->UntrackTransport(this);
}

void TcpTransport::ConnectReady() {
  std::shared_ptr<TcpTransport> keep = shared_from_this();
  loop_->remove_writer(fd_);
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
  auto on_done = std::move(on_connect_);
  on_connect_ = nullptr;
  if (err != 0) {
    ::close(fd_);
    fd_ = -1;
    closing_ = lost_scheduled_ = true;
    protocol_.reset();
    loop_->UntrackTransport(this);
    if (on_done) on_done(nullptr, err);
    return;
  }
  connecting_ = false;
  SetNoDelay(fd_);
  Begin();
  if (get_write_buffer_size() > 0) (void)loop_->add_writer(fd_, [this] { WriteReady(); });
  if (on_done) {
    loop_->call_soon([keep, on_done = std::move(on_done)] {
      on_done(keep->fd_ >= 0 ? keep.get() : nullptr, keep->fd_ >= 0 ? 0 : ECONNABORTED);
    });
  }
}

void TcpTransport::CloseForLoopClose() {
  std::shared_ptr<TcpTransport> keep = shared_from_this();
  if (fd_ >= 0) {
    loop_->remove_reader(fd_);
    loop_->remove_writer(fd_);
    ::close(fd_);
    fd_ = -1;
  }
  closing_ = lost_scheduled_ = true;
  if (connecting_) {
    auto on_done = std::move(on_connect_);
    on_connect_ = nullptr;
    if (on_done) on_done(nullptr, ECANCELED);
  } else if (protocol_) {
    try {
      protocol_->connection_lost(ECANCELED);
    } catch (...) {
    }
  }
  protocol_.reset();
}

namespace {

// The common start of create_connection and create_server: checks the loop, parses the
// numeric address and opens a non-blocking stream socket for it. Returns the fd, or -1
// with *error set (EBADF for a closed loop, EINVAL for a bad address, else errno).
int OpenStreamSocket(EventLoop& loop, const std::string& host, int port, sockaddr_storage* addr,
                     socklen_t* len, int* error) {
  *error = 0;
  if (loop.is_closed()) {
    *error = EBADF;
    return -1;
  }
  *len = ParseAddress(host, port, addr);
  if (*len == 0) {
    *error = EINVAL;
    return -1;
  }
  int fd = ::socket(addr->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) *error = errno;
  return fd;
}

}  // namespace

std::shared_ptr<TcpTransport> create_connection(EventLoop& loop, const std::string& host,
                                                int port, ProtocolFactory factory,
                                                std::function<void(TcpTransport*, int)> on_done,
                                                int* error) {
  int dummy;
  if (!error) error = &dummy;
  sockaddr_storage addr;
  socklen_t len;
  int fd = OpenStreamSocket(loop, host, port, &addr, &len, error);
  if (fd < 0) return nullptr;
  int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), len);
  if (rc != 0 && errno != EINPROGRESS) {
    *error = errno;
    ::close(fd);
    return nullptr;
  }
  std::unique_ptr<Protocol> protocol;
  try {
    protocol = factory();
  } catch (...) {
    ::close(fd);
    *error = ECONNABORTED;
    ErrorContext ctx;
    ctx.message = "protocol factory failed";
    ctx.exception = std::current_exception();
    loop.call_exception_handler(ctx);
    return nullptr;
  }
  auto t = TcpTransport::Adopt(loop, fd, std::move(protocol));
  t->connecting_ = true;
  t->on_connect_ = std::move(on_done);
  TcpTransport* raw = t.get();
  if (int err = loop.add_writer(fd, [raw] { raw->ConnectReady(); })) {
    *error = err;
    ::close(fd);
    t->fd_ = -1;
    t->on_connect_ = nullptr;
    t->protocol_.reset();
    TcpTransport::Untrack(loop, raw);
    return nullptr;
  }
  return t;
}

// --- Server --------------------------------------------------------------------------

Server::Server(EventLoop& loop, int fd, int port, ProtocolFactory factory, int backlog)
    : loop_(&loop), fd_(fd), port_(port), backlog_(backlog), factory_(std::move(factory)) {}

Server::~Server() {
  if (fd_ >= 0) {
    if (!loop_->is_closed()) loop_->remove_reader(fd_);
    ::close(fd_);
  }
}

void Server::close() {
  if (fd_ < 0) return;
  loop_->remove_reader(fd_);
  ::close(fd_);
  fd_ = -1;
  loop_->UntrackServer(this);  // may drop the last reference: nothing after this
}

void Server::AcceptReady() {
  for (int i = 0; i < backlog_ && fd_ >= 0; ++i) {
    int cfd = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (cfd < 0) {
      int err = errno;
      if (IsTransient(err) || err == ECONNABORTED) return;
      ErrorContext ctx;
      ctx.message = "socket.accept() out of system resource";
      ctx.error_number = err;
      ctx.fd = fd_;
      loop_->call_exception_handler(ctx);
      if (err == EMFILE || err == ENFILE || err == ENOBUFS || err == ENOMEM) {
        // As asyncio: stop accepting for a second, then try again.
        loop_->remove_reader(fd_);
        std::weak_ptr<Server> weak = weak_from_this();
        loop_->call_later(1.0, [weak] {
          if (auto s = weak.lock(); s && s->fd_ >= 0) {
            Server* raw = s.get();
            (void)s->loop_->add_reader(s->fd_, [raw] { raw->AcceptReady(); });
          }
        });
      }
      return;
    }
    SetNoDelay(cfd);
    std::unique_ptr<Protocol> protocol;
    try {
      protocol = factory_();
    } catch (...) {
      ::close(cfd);
      ErrorContext ctx;
      ctx.message = "protocol factory failed";
      ctx.exception = std::current_exception();
      loop_->call_exception_handler(ctx);
      continue;
    }
    auto t = TcpTransport::Adopt(*loop_, cfd, std::move(protocol));
    t->Begin();
  }
}

std::shared_ptr<Server> create_server(EventLoop& loop, const std::string& host, int port,
                                      ProtocolFactory factory, int* error, int backlog) {
  int dummy;
  if (!error) error = &dummy;
  sockaddr_storage addr;
  socklen_t len;
  int fd = OpenStreamSocket(loop, host, port, &addr, &len, error);
  if (fd < 0) return nullptr;
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::listen(fd, backlog) != 0) {
    *error = errno;
    ::close(fd);
    return nullptr;
  }
  sockaddr_storage bound;
  socklen_t blen = sizeof bound;
  int bound_port = port;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &blen) == 0) {
    bound_port = bound.ss_family == AF_INET
                     ? ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port)
                     : ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);
  }
  auto s = std::make_shared<Server>(loop, fd, bound_port, std::move(factory), backlog);
  Server* raw = s.get();
  if (int err = loop.add_reader(fd, [raw] { raw->AcceptReady(); })) {
    *error = err;
    return nullptr;  // ~Server closes fd
  }
  Server::Track(loop, s);
  return s;
}

}  // namespace pyrt::aio
