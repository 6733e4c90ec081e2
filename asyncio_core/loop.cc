// The event loop: handles, the timer heap, epoll, the thread-safe inbox, signals.
#include "asyncio_core/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <typeinfo>

#include "asyncio_core/internal/heapq.h"
#include "asyncio_core/internal/task_base.h"
#include "asyncio_core/tcp.h"

// --- Handle records --------------------------------------------------------------

namespace pyrt::asyncio_core_internal {

namespace {

// Handle records are recycled through a per-thread free list: call_soon's cost is then
// a list pop instead of a malloc/free pair.  Bounded so a burst does not pin memory.
constexpr std::size_t kHandleCacheMax = 4096;

// Set when the thread's cache has been destroyed (thread exit); a trivially
// destructible thread_local stays readable after that, the cache itself does not.
thread_local bool t_handle_cache_gone = false;

struct HandleCache {
  std::vector<HandleState*> free;
  ~HandleCache() {
    t_handle_cache_gone = true;
    for (HandleState* s : free) delete s;
  }
};

thread_local HandleCache t_handle_cache;

}  // namespace

HandleState* AllocHandle() {
  if (t_handle_cache_gone) return new HandleState;
  HandleCache& c = t_handle_cache;
  if (!c.free.empty()) {
    HandleState* s = c.free.back();
    c.free.pop_back();
    return s;
  }
  return new HandleState;
}

void Ref(HandleState* s) noexcept { s->refs.fetch_add(1, std::memory_order_relaxed); }

void Unref(HandleState* s) noexcept {
  if (s->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  {
    aio::Callback dead = std::move(s->fn);  // may run destructors that Unref others
    s->fn = nullptr;
  }
  if (t_handle_cache_gone) {
    delete s;
    return;
  }
  HandleCache& c = t_handle_cache;
  if (c.free.size() < kHandleCacheMax) {
    s->refs.store(1, std::memory_order_relaxed);
    s->cancelled = s->is_timer = s->scheduled = s->running = false;
    s->when = 0;
    s->loop = nullptr;
    c.free.push_back(s);
  } else {
    delete s;
  }
}

}  // namespace pyrt::asyncio_core_internal

namespace pyrt::aio {

using ::pyrt::asyncio_core_internal::HandleState;
using ::pyrt::asyncio_core_internal::Ref;
using ::pyrt::asyncio_core_internal::Unref;

Handle::Handle(const Handle& o) noexcept : s_(o.s_) {
  if (s_) Ref(s_);
}

Handle::~Handle() {
  if (s_) Unref(s_);
}

void Handle::cancel() noexcept {
  if (!s_ || s_->cancelled) return;
  s_->cancelled = true;
  if (s_->is_timer && s_->scheduled && s_->loop) s_->loop->TimerCancelled();
  // Release the callable now (CPython drops _callback and _args), unless it is the one
  // running at this moment: RunHandle releases it when the call returns.
  if (!s_->running) {
    Callback dead = std::move(s_->fn);
  }
}

// --- Construction and the clock ------------------------------------------------------

namespace {

thread_local EventLoop* t_running_loop = nullptr;

// The write end of the self-pipe of the loop that handles each signal, or -1.
std::atomic<int> g_signal_fd[NSIG];
std::once_flag g_signal_init;

void InitSignalTable() {
  for (auto& fd : g_signal_fd) fd.store(-1, std::memory_order_relaxed);
}

extern "C" void OnSignal(int sig) {
  int saved = errno;
  int fd = g_signal_fd[sig].load(std::memory_order_relaxed);
  if (fd >= 0) {
    unsigned char b = static_cast<unsigned char>(sig);
    ssize_t r = ::write(fd, &b, 1);  // a full pipe drops the byte, as CPython does
    (void)r;
  }
  errno = saved;
}

}  // namespace

EventLoop::EventLoop() {
  std::call_once(g_signal_init, InitSignalTable);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) {
    init_error_ = errno;
    closed_ = true;
    closed_flag_.store(true);
    return;
  }
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) {
    init_error_ = errno;
    ::close(epoll_fd_);
    epoll_fd_ = -1;
    closed_ = true;
    closed_flag_.store(true);
    return;
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev) != 0) {
    init_error_ = errno;
    ::close(wake_fd_);
    ::close(epoll_fd_);
    wake_fd_ = epoll_fd_ = -1;
    closed_ = true;
    closed_flag_.store(true);
    return;
  }
  timespec res{};
  if (::clock_getres(CLOCK_MONOTONIC, &res) == 0) {
    clock_resolution_ = static_cast<double>(res.tv_sec) + res.tv_nsec * 1e-9;
  }
  event_buf_.resize(16);
}

EventLoop::~EventLoop() {
  if (running_) {
    ErrorContext ctx;
    ctx.message = "EventLoop destroyed while running";
    default_exception_handler(ctx);
    running_ = false;
  }
  close();
}

EventLoop* EventLoop::current() noexcept { return t_running_loop; }

double EventLoop::time() const noexcept {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  // time.monotonic(): integer nanoseconds divided once, so the value rounds as CPython's.
  std::int64_t ns = static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
  return static_cast<double>(ns) / 1e9;
}

// --- Scheduling ----------------------------------------------------------------------

HandleState* EventLoop::NewHandle(Callback fn) {
  HandleState* s = asyncio_core_internal::AllocHandle();
  s->loop = this;
  s->fn = std::move(fn);
  return s;
}

Handle EventLoop::call_soon(Callback fn) {
  if (closed_) return Handle();
  // Callbacks other threads posted before this call go first, as if they had been
  // appended when posted (CPython appends to the ready deque at once).
  if (inbox_nonempty_.load(std::memory_order_acquire)) DrainInbox();
  HandleState* s = NewHandle(std::move(fn));
  Ref(s);
  PushReady(s);
  return Handle(s);
}

Handle EventLoop::call_soon_threadsafe(Callback fn) {
  // On the loop's own thread the ready queue is ours: append at once, as CPython's
  // deque append does, so the order against call_soon is CPython's.
  if (t_running_loop == this) return call_soon(std::move(fn));
  HandleState* s = NewHandle(std::move(fn));
  Ref(s);
  {
    std::lock_guard<std::mutex> lock(inbox_mu_);
    if (closed_flag_.load(std::memory_order_acquire)) {
      Unref(s);
      Unref(s);
      return Handle();
    }
    inbox_.push_back(s);
    inbox_nonempty_.store(true, std::memory_order_release);
    if (!wake_pending_.exchange(true, std::memory_order_acq_rel)) {
      std::uint64_t one = 1;
      ssize_t r = ::write(wake_fd_, &one, sizeof one);
      (void)r;  // EAGAIN means the counter is already non-zero: the loop will wake
    }
  }
  return Handle(s);
}

Handle EventLoop::call_at(double when, Callback fn) {
  if (closed_) return Handle();
  HandleState* s = NewHandle(std::move(fn));
  s->is_timer = true;
  s->when = when;
  s->scheduled = true;
  Ref(s);
  HeapPush(s);
  return Handle(s);
}

Handle EventLoop::call_later(double delay, Callback fn) {
  return call_at(time() + delay, std::move(fn));
}

namespace {
struct WhenLess {
  bool operator()(const HandleState* a, const HandleState* b) const noexcept {
    return a->when < b->when;
  }
};
}  // namespace

void EventLoop::HeapPush(HandleState* s) {
  asyncio_core_internal::HeapPush(timers_, s, WhenLess{});
}

HandleState* EventLoop::HeapPop() {
  return asyncio_core_internal::HeapPop(timers_, WhenLess{});
}

// Step 1 of _run_once: drop cancelled timers, wholesale or from the head.
void EventLoop::CleanTimers() {
  std::size_t n = timers_.size();
  if (n > kMinScheduledTimerHandles &&
      static_cast<double>(timer_cancelled_count_) / static_cast<double>(n) >
          kMinCancelledTimerHandlesFraction) {
    std::vector<HandleState*> kept;
    kept.reserve(n - timer_cancelled_count_);
    for (HandleState* s : timers_) {
      if (s->cancelled) {
        s->scheduled = false;
        Unref(s);
      } else {
        kept.push_back(s);
      }
    }
    asyncio_core_internal::Heapify(kept, WhenLess{});
    timers_.swap(kept);
    timer_cancelled_count_ = 0;
  } else {
    while (!timers_.empty() && timers_[0]->cancelled) {
      --timer_cancelled_count_;
      HandleState* s = HeapPop();
      s->scheduled = false;
      Unref(s);
    }
  }
}

// --- Running -------------------------------------------------------------------------

void EventLoop::RunHandle(HandleState* s) noexcept {
  if (s->cancelled) {
    Unref(s);
    return;
  }
  s->running = true;
  try {
    s->fn();
  } catch (...) {
    ErrorContext ctx;
    ctx.message = "Exception in callback";
    ctx.exception = std::current_exception();
    Ref(s);
    ctx.handle = Handle(s);
    call_exception_handler(ctx);
  }
  s->running = false;
  if (s->cancelled) {
    Callback dead = std::move(s->fn);
  }
  Unref(s);
}

void EventLoop::run_once() {
  if (closed_) return;
  CleanTimers();
  DrainInbox();

  int timeout_ms = -1;
  if (!ready_.empty() || stopping_) {
    timeout_ms = 0;
  } else if (!timers_.empty()) {
    double timeout = timers_[0]->when - time();
    if (timeout < 0) timeout = 0;
    if (timeout > kMaximumSelectTimeout) timeout = kMaximumSelectTimeout;
    // epoll_wait counts milliseconds: round up so the wait is at least `timeout`.
    timeout_ms = static_cast<int>(std::ceil(timeout * 1e3));
  }

  std::size_t want = fd_count_ + 2;
  if (event_buf_.size() < want) event_buf_.resize(want);
  int n = ::epoll_wait(epoll_fd_, event_buf_.data(), static_cast<int>(event_buf_.size()),
                       timeout_ms);
  if (n < 0) n = 0;  // EINTR: a signal; its byte is in the self-pipe
  for (int i = 0; i < n; ++i) {
    ProcessEvent(event_buf_[i].data.fd, event_buf_[i].events);
  }
  DrainInbox();

  // Timers due by the end of the poll (with the clock's resolution as slack).
  const double end_time = time() + clock_resolution_;
  while (!timers_.empty()) {
    if (timers_[0]->when >= end_time) break;
    HandleState* s = HeapPop();
    s->scheduled = false;
    PushReady(s);
  }

  // Run exactly the callbacks that are ready now.
  std::size_t ntodo = ready_.size();
  for (std::size_t i = 0; i < ntodo; ++i) {
    HandleState* s = ready_.front();
    ready_.pop_front();
    RunHandle(s);
  }
}

int EventLoop::run_forever() {
  if (closed_) return EBADF;
  if (running_ || t_running_loop != nullptr) return EBUSY;
  running_ = true;
  t_running_loop = this;
  for (;;) {
    run_once();
    if (stopping_ || closed_) break;
  }
  stopping_ = false;
  running_ = false;
  t_running_loop = nullptr;
  return 0;
}

// --- The thread-safe inbox -----------------------------------------------------------

void EventLoop::DrainInbox() {
  if (!inbox_nonempty_.load(std::memory_order_acquire)) return;
  std::vector<HandleState*> got;
  {
    std::lock_guard<std::mutex> lock(inbox_mu_);
    got.swap(inbox_);
    inbox_nonempty_.store(false, std::memory_order_relaxed);
  }
  for (HandleState* s : got) PushReady(s);
}

// --- File descriptors ----------------------------------------------------------------

std::size_t EventLoop::registered_fd_count() const noexcept { return fd_count_; }

int EventLoop::UpdateFd(int fd, std::uint32_t events) {
  FdEntry& e = fds_[fd];
  if (events == 0) {
    if (e.registered) {
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);  // fd may be closed already
      e.registered = false;
      --fd_count_;
    }
    e.events = 0;
    return 0;
  }
  epoll_event ev{};
  ev.events = events;
  ev.data.fd = fd;
  int op = e.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
  int rc = ::epoll_ctl(epoll_fd_, op, fd, &ev);
  if (rc != 0 && op == EPOLL_CTL_MOD && errno == ENOENT) {
    // The fd was closed and its number reused since we registered it.
    rc = ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  } else if (rc != 0 && op == EPOLL_CTL_ADD && errno == EEXIST) {
    rc = ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &ev);
  }
  if (rc != 0) return errno;
  if (!e.registered) {
    e.registered = true;
    ++fd_count_;
  }
  e.events = events;
  return 0;
}

int EventLoop::AddIo(int fd, Callback fn, bool write) {
  if (closed_) return init_error_ ? init_error_ : EBADF;
  if (fd < 0 || fd == epoll_fd_ || fd == wake_fd_ || fd == sig_read_fd_) return EBADF;
  if (static_cast<std::size_t>(fd) >= fds_.size()) fds_.resize(fd + 1 + fd / 2);
  FdEntry& e = fds_[fd];
  std::uint32_t bit = write ? EPOLLOUT : EPOLLIN;
  if (int rc = UpdateFd(fd, e.events | bit)) return rc;
  HandleState* s = NewHandle(std::move(fn));
  HandleState*& slot = write ? e.writer : e.reader;
  HandleState* old = slot;
  slot = s;
  if (old) {
    Handle(old).cancel();  // takes over the table's reference and drops it
  }
  return 0;
}

bool EventLoop::RemoveIo(int fd, bool write) {
  if (fd < 0 || static_cast<std::size_t>(fd) >= fds_.size()) return false;
  FdEntry& e = fds_[fd];
  if (!e.registered) return false;
  std::uint32_t bit = write ? EPOLLOUT : EPOLLIN;
  if (UpdateFd(fd, e.events & ~bit) != 0) {
    // MOD failed (the fd was closed behind our back): forget the fd entirely.
    UpdateFd(fd, 0);
  }
  HandleState*& slot = write ? e.writer : e.reader;
  HandleState* old = slot;
  slot = nullptr;
  if (!old) return false;
  Handle(old).cancel();
  return true;
}

int EventLoop::add_reader(int fd, Callback fn) { return AddIo(fd, std::move(fn), false); }
int EventLoop::add_writer(int fd, Callback fn) { return AddIo(fd, std::move(fn), true); }
bool EventLoop::remove_reader(int fd) { return RemoveIo(fd, false); }
bool EventLoop::remove_writer(int fd) { return RemoveIo(fd, true); }

void EventLoop::ProcessEvent(int fd, std::uint32_t ev) {
  if (fd == wake_fd_) {
    std::uint64_t v;
    ssize_t r = ::read(wake_fd_, &v, sizeof v);
    (void)r;
    wake_pending_.store(false, std::memory_order_release);
    DrainInbox();
    return;
  }
  if (fd == sig_read_fd_) {
    // As CPython's self-pipe reader: a callback reads the signal numbers and queues
    // their handlers, which therefore run one iteration later.
    Ref(sig_reader_);
    PushReady(sig_reader_);
    return;
  }
  if (fd < 0 || static_cast<std::size_t>(fd) >= fds_.size()) return;
  // As selectors.EpollSelector: anything but EPOLLOUT counts as readable (errors and
  // hang-ups wake readers), anything but EPOLLIN as writable.
  if ((ev & ~static_cast<std::uint32_t>(EPOLLOUT)) != 0) {
    HandleState* r = fds_[fd].reader;
    if (r) {
      if (r->cancelled) {
        RemoveIo(fd, false);
      } else {
        Ref(r);
        PushReady(r);
      }
    }
  }
  if ((ev & ~static_cast<std::uint32_t>(EPOLLIN)) != 0) {
    HandleState* w = fds_[fd].writer;
    if (w) {
      if (w->cancelled) {
        RemoveIo(fd, true);
      } else {
        Ref(w);
        PushReady(w);
      }
    }
  }
}

// --- Signals -------------------------------------------------------------------------

int EventLoop::add_signal_handler(int sig, Callback fn) {
  if (closed_) return init_error_ ? init_error_ : EBADF;
  if (sig <= 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP) return EINVAL;
  if (sig_read_fd_ < 0) {
    int p[2];
    if (::pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0) return errno;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = p[0];
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, p[0], &ev) != 0) {
      int err = errno;
      ::close(p[0]);
      ::close(p[1]);
      return err;
    }
    sig_read_fd_ = p[0];
    sig_write_fd_ = p[1];
    sig_reader_ = NewHandle([this] { ReadSignals(); });
  }
  if (signal_handlers_.empty()) {
    signal_handlers_.assign(NSIG, nullptr);
    saved_sigactions_.resize(NSIG);
  }
  int expected = -1;
  if (!g_signal_fd[sig].compare_exchange_strong(expected, sig_write_fd_) &&
      expected != sig_write_fd_) {
    return EBUSY;  // another loop handles this signal
  }
  if (!signal_handlers_[sig]) {
    struct sigaction sa {};
    sa.sa_handler = OnSignal;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (::sigaction(sig, &sa, &saved_sigactions_[sig]) != 0) {
      int err = errno;
      g_signal_fd[sig].store(-1);
      return err;
    }
  }
  HandleState* s = NewHandle(std::move(fn));
  HandleState* old = signal_handlers_[sig];
  signal_handlers_[sig] = s;
  if (old) Handle(old).cancel();
  return 0;
}

bool EventLoop::remove_signal_handler(int sig) {
  if (sig <= 0 || sig >= NSIG || signal_handlers_.empty() || !signal_handlers_[sig]) {
    return false;
  }
  ::sigaction(sig, &saved_sigactions_[sig], nullptr);
  g_signal_fd[sig].store(-1);
  HandleState* old = signal_handlers_[sig];
  signal_handlers_[sig] = nullptr;
  Handle(old).cancel();
  return true;
}

void EventLoop::ReadSignals() {
  unsigned char buf[256];
  for (;;) {
    ssize_t n = ::read(sig_read_fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) {
      int sig = buf[i];
      if (sig <= 0 || sig >= NSIG || signal_handlers_.empty()) continue;
      HandleState* s = signal_handlers_[sig];
      if (!s) continue;
      if (s->cancelled) {
        remove_signal_handler(sig);
      } else {
        Ref(s);
        PushReady(s);
      }
    }
  }
}

// --- Errors --------------------------------------------------------------------------

void EventLoop::call_exception_handler(const ErrorContext& ctx) noexcept {
  if (!exception_handler_) {
    default_exception_handler(ctx);
    return;
  }
  try {
    exception_handler_(*this, ctx);
  } catch (...) {
    ErrorContext inner;
    inner.message = "Unhandled error in exception handler";
    inner.exception = std::current_exception();
    default_exception_handler(inner);
    default_exception_handler(ctx);
  }
}

void EventLoop::default_exception_handler(const ErrorContext& ctx) noexcept {
  std::string line = "pyrt.aio: " + ctx.message;
  if (ctx.fd >= 0) line += " (fd " + std::to_string(ctx.fd) + ")";
  if (ctx.error_number) line += std::string(": ") + ::strerror(ctx.error_number);
  if (ctx.exception) {
    try {
      std::rethrow_exception(ctx.exception);
    } catch (const std::exception& e) {
      line += std::string("\n  exception: ") + typeid(e).name() + ": " + e.what();
    } catch (...) {
      line += "\n  exception: (not a std::exception)";
    }
  }
  line += "\n";
  std::fputs(line.c_str(), stderr);
}

// --- Owned transports and servers ----------------------------------------------------

void EventLoop::TrackTransport(std::shared_ptr<TcpTransport> t) {
  TcpTransport* key = t.get();
  transports_.emplace(key, std::move(t));
}

void EventLoop::UntrackTransport(TcpTransport* t) { transports_.erase(t); }

void EventLoop::TrackServer(std::shared_ptr<Server> s) {
  Server* key = s.get();
  servers_.emplace(key, std::move(s));
}

void EventLoop::UntrackServer(Server* s) { servers_.erase(s); }

// --- Closing -------------------------------------------------------------------------

int EventLoop::close() {
  if (running_) return EBUSY;
  if (epoll_fd_ < 0) {  // never opened, or closed before
    closed_ = true;
    return 0;
  }
  closed_ = true;  // from here on, call_soon/call_at/add_reader are refused
  // Tasks still pending: report and destroy their frames (task.h).
  asyncio_core_internal::DestroyPendingTasks(*this);

  // Transports and servers the loop owns: their sockets are closed now.
  if (!servers_.empty()) {
    auto servers = std::move(servers_);
    servers_.clear();
    for (auto& [p, s] : servers) s->close();
  }
  if (!transports_.empty()) {
    ErrorContext ctx;
    ctx.message = "Event loop closed with " + std::to_string(transports_.size()) +
                  " open transport(s); aborting them";
    call_exception_handler(ctx);
    auto transports = std::move(transports_);
    transports_.clear();
    for (auto& [p, t] : transports) t->CloseForLoopClose();
  }
  {
    std::lock_guard<std::mutex> lock(inbox_mu_);
    closed_flag_.store(true, std::memory_order_release);
  }
  DrainInbox();

  std::size_t pending = 0;
  for (HandleState* s : ready_) pending += s->cancelled ? 0 : 1;
  std::size_t pending_timers = timers_.size() - timer_cancelled_count_;
  if (pending || pending_timers) {
    ErrorContext ctx;
    ctx.message = "Event loop closed with " + std::to_string(pending) +
                  " pending callback(s) and " + std::to_string(pending_timers) +
                  " pending timer(s)";
    call_exception_handler(ctx);
  }
  for (std::size_t fd = 0; fd < fds_.size(); ++fd) {
    FdEntry& e = fds_[fd];
    if (!e.registered && !e.reader && !e.writer) continue;
    ErrorContext ctx;
    ctx.message = "Event loop closed with a file descriptor still registered";
    ctx.fd = static_cast<int>(fd);
    call_exception_handler(ctx);
    RemoveIo(static_cast<int>(fd), false);
    RemoveIo(static_cast<int>(fd), true);
    UpdateFd(static_cast<int>(fd), 0);
  }
  for (int sig = 1; sig < NSIG && !signal_handlers_.empty(); ++sig) {
    remove_signal_handler(sig);
  }
  // Drop queued work; destroying callables may run user destructors, which may call
  // back into the loop — it is closed, so they are refused.
  while (!ready_.empty()) {
    HandleState* s = ready_.front();
    ready_.pop_front();
    Unref(s);
  }
  std::vector<HandleState*> timers;
  timers.swap(timers_);
  for (HandleState* s : timers) {
    s->scheduled = false;
    Unref(s);
  }
  timer_cancelled_count_ = 0;

  ::close(epoll_fd_);
  ::close(wake_fd_);
  epoll_fd_ = wake_fd_ = -1;
  if (sig_read_fd_ >= 0) {
    ::close(sig_read_fd_);
    ::close(sig_write_fd_);
    sig_read_fd_ = sig_write_fd_ = -1;
    Handle(sig_reader_).cancel();
    sig_reader_ = nullptr;
  }
  return 0;
}

}  // namespace pyrt::aio
