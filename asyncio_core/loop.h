// pyrt::aio::EventLoop — the event-loop core with CPython 3.11's scheduling.
//
// Example: a loopback echo server written with coroutine tasks (task.h; the
// callback-based transport/protocol form of the same server is in tcp.h).  This exact
// code runs in task_test.cc (HeaderEchoExample) against a python3 asyncio client.
//
//   pyrt::aio::Task<> Serve(int client) {
//     char buf[4096];
//     for (;;) {
//       co_await pyrt::aio::readable(client);           // suspends until EPOLLIN
//       ssize_t n = ::read(client, buf, sizeof buf);
//       if (n <= 0) break;
//       co_await pyrt::aio::write_all(client, std::string(buf, n));
//     }
//     ::close(client);
//   }
//   pyrt::aio::Task<> Listen(pyrt::aio::EventLoop& loop, int listen_fd) {
//     for (;;) {
//       co_await pyrt::aio::readable(listen_fd);
//       int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
//       if (fd >= 0) pyrt::aio::create_task(loop, Serve(fd));  // detached
//     }
//   }
//   // listen_fd: a non-blocking listening socket on 127.0.0.1
//   pyrt::aio::EventLoop loop;
//   pyrt::aio::create_task(loop, Listen(loop, listen_fd));
//   loop.run_forever();
//
// What the loop is.  One thread owns an EventLoop and drives it with run_forever()
// (or run_until_complete() in task.h).  Work reaches it as *handles*: a callback plus
// a "cancelled" bit.  Each iteration (run_once) does exactly what CPython 3.11's
// BaseEventLoop._run_once does, in the same order:
//
//   1. Timer-heap housekeeping: if more than kMinScheduledTimerHandles timers are in
//      the heap and more than kMinCancelledTimerHandlesFraction of them are cancelled,
//      the heap is rebuilt without them; otherwise cancelled timers are popped off the
//      head only.
//   2. Poll (epoll_wait) with timeout 0 if callbacks are ready or stop() was called,
//      otherwise until the earliest timer (at most kMaximumSelectTimeout), rounded up
//      to the millisecond; readiness appends the fd's reader/writer handles to the
//      ready queue.
//   3. Every timer whose deadline is before now + clock resolution moves to the ready
//      queue, in heap-pop order.  The heap is a binary heap that performs exactly the
//      comparisons of Python's heapq, so timers with *equal* deadlines leave it in the
//      same order as in CPython (which is not scheduling order — heapq is not stable).
//   4. The callbacks that are in the ready queue *now* run, FIFO; callbacks they
//      schedule wait for the next iteration.  Cancelled handles are skipped.
//
// stop() makes run_forever() return after the current iteration.  time() is
// CLOCK_MONOTONIC in seconds as a double (time.monotonic()); deadlines are doubles too,
// so call_later(d) == call_at(time() + d) rounds exactly as CPython does.
//
// Threads.  Everything except call_soon_threadsafe() must be called on the loop's
// thread (or before the loop runs).  call_soon_threadsafe() appends to a mutex-guarded
// inbox and writes an eventfd (only when no wake-up is pending), which wakes a sleeping
// epoll_wait; the loop moves the inbox into the ready queue before its next call_soon
// and around every poll, so posts keep their order against the loop's own call_soon.
// Handle records are recycled through a small per-thread cache.
//
// Errors.  The loop never throws and never dies of a callback's failure: a C++
// exception escaping a callback is caught and passed to the exception handler
// (call_exception_handler, asyncio's hook), and the loop goes on.  Functions that can
// fail for OS reasons return an errno value (0 on success).
//
// Resources.  The loop owns an epoll fd, an eventfd and (once a signal handler is
// added) a self-pipe; close() — or the destructor — releases them, reports callbacks
// still pending and fds still registered to the exception handler, deregisters those
// fds (it does not close fds it does not own), destroys the frames of tasks still
// pending (task.h) and aborts the TCP transports and servers it owns (tcp.h), closing
// their sockets.
#ifndef PYRT_ASYNCIO_CORE_LOOP_H_
#define PYRT_ASYNCIO_CORE_LOOP_H_

#include <signal.h>
#include <sys/epoll.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace pyrt::aio {

class EventLoop;
class TcpTransport;
class Server;

// A callback the loop runs.  It may throw; the exception goes to the loop's exception
// handler.
using Callback = std::function<void()>;

// Timer housekeeping limits, CPython 3.11's base_events values: the heap is rebuilt
// without its cancelled timers only when it holds more than 100 timers and more than
// half of them are cancelled, so that small heaps and light cancellation cost nothing.
inline constexpr std::size_t kMinScheduledTimerHandles = 100;
inline constexpr double kMinCancelledTimerHandlesFraction = 0.5;
// The longest single poll, one day (CPython's MAXIMUM_SELECT_TIMEOUT).
inline constexpr double kMaximumSelectTimeout = 24 * 3600;

}  // namespace pyrt::aio

namespace pyrt::asyncio_core_internal {

// The shared state behind a Handle: an intrusively reference-counted record that the
// ready queue, the timer heap and the user's Handle all point at.  The count is atomic
// because call_soon_threadsafe() hands a reference back to another thread.
struct HandleState {
  std::atomic<std::uint32_t> refs{1};
  bool cancelled = false;
  bool is_timer = false;
  bool scheduled = false;  // a timer still in the heap
  bool running = false;    // its callback is executing (cancel defers the release)
  double when = 0;         // timers: the deadline on the loop's clock
  aio::EventLoop* loop = nullptr;
  aio::Callback fn;
};

class TaskBase;
void DestroyPendingTasks(aio::EventLoop& loop);
HandleState* AllocHandle();
void Ref(HandleState* s) noexcept;
void Unref(HandleState* s) noexcept;

}  // namespace pyrt::asyncio_core_internal

namespace pyrt::aio {



// A reference to a scheduled callback (asyncio.Handle / TimerHandle).  Copyable; the
// empty Handle refers to nothing.  cancel() and the queries must be used on the loop's
// thread.
class Handle {
 public:
  Handle() = default;
  Handle(const Handle& o) noexcept;
  Handle(Handle&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  Handle& operator=(Handle o) noexcept {
    std::swap(s_, o.s_);
    return *this;
  }
  ~Handle();

  // Cancels the callback: it will not run (if it has not run yet) and its callable is
  // released now.  A cancelled timer stays in the heap until dropped lazily (see
  // loop.h's essay).  Cancelling twice, or after the callback ran, is harmless.
  void cancel() noexcept;
  [[nodiscard]] bool cancelled() const noexcept { return s_ && s_->cancelled; }
  // The deadline of a timer handle (0 for call_soon handles).
  [[nodiscard]] double when() const noexcept { return s_ ? s_->when : 0; }
  [[nodiscard]] explicit operator bool() const noexcept { return s_ != nullptr; }

 private:
  friend class EventLoop;
  explicit Handle(asyncio_core_internal::HandleState* s) noexcept : s_(s) {}
  asyncio_core_internal::HandleState* s_ = nullptr;
};

// What call_exception_handler() receives (asyncio's context dict).
struct ErrorContext {
  std::string message;                // always set
  std::exception_ptr exception;       // the exception a callback threw, if any
  int error_number = 0;               // an errno value, when an OS call failed
  int fd = -1;                        // the fd concerned, if any
  Handle handle;                      // the handle whose callback failed, if any
};

// An exception handler: called on the loop's thread.  If it throws, the loop reports
// that to the default handler and goes on.
using ExceptionHandler = std::function<void(EventLoop&, const ErrorContext&)>;

// The event loop.  Not copyable or movable (handles point at it).
class EventLoop {
 public:
  // Creates the epoll fd and the wake-up eventfd.  If the OS refuses (fd exhaustion),
  // init_error() says why and every run/add call fails with that errno.
  EventLoop();
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // 0, or the errno that stopped the constructor from creating its fds.
  [[nodiscard]] int init_error() const noexcept { return init_error_; }

  // The loop running on this thread, or nullptr (asyncio.get_running_loop()).
  [[nodiscard]] static EventLoop* current() noexcept;

  // --- Scheduling -------------------------------------------------------------------

  // Appends fn to the ready queue: it runs in the next iteration that starts after
  // this call (never in the iteration that is running now).
  Handle call_soon(Callback fn);
  // As call_soon, callable from any thread; wakes the loop if it is sleeping in poll.
  // The callback takes its place in the ready queue before any callback that the loop
  // thread schedules after the post is visible to it (at the latest, the next poll);
  // on the running loop's own thread it is exactly call_soon.
  Handle call_soon_threadsafe(Callback fn);
  // Runs fn once time() has reached `when` (a time() value).
  Handle call_at(double when, Callback fn);
  // call_at(time() + delay, fn).
  Handle call_later(double delay, Callback fn);
  // The loop's clock: CLOCK_MONOTONIC in seconds.
  [[nodiscard]] double time() const noexcept;
  // The resolution of time() (clock_getres), the slack used when timers fall due.
  [[nodiscard]] double clock_resolution() const noexcept { return clock_resolution_; }

  // --- Running ----------------------------------------------------------------------

  // Runs iterations until stop() is called.  Returns 0, EBUSY if the loop (or another
  // loop) is already running on this thread, or EBADF if the loop is closed.
  int run_forever();
  // Makes run_forever() return once the current iteration has finished (asyncio's
  // stop(): the callbacks that are ready now still run; later ones do not).
  void stop() noexcept { stopping_ = true; }
  // One iteration exactly as BaseEventLoop._run_once (see the essay).  For embedders
  // that drive the loop themselves; run_forever() is a loop over this.
  void run_once();
  [[nodiscard]] bool is_running() const noexcept { return running_; }
  [[nodiscard]] bool is_closed() const noexcept { return closed_; }
  // Closes the loop (see the essay on resources).  Must not be called while running;
  // returns EBUSY then.  Idempotent.
  int close();

  // --- File descriptors ---------------------------------------------------------------

  // Runs fn every time fd is readable (or has an error/hang-up), until remove_reader.
  // Replaces a previous reader of fd.  Returns 0 or the epoll_ctl errno (EPERM for
  // regular files, EBADF for a closed fd).  The loop does not own fd.
  int add_reader(int fd, Callback fn);
  // Stops watching fd for reading; true if a reader was registered.
  bool remove_reader(int fd);
  // As add_reader/remove_reader for writability (or error/hang-up).
  int add_writer(int fd, Callback fn);
  bool remove_writer(int fd);

  // --- Signals ------------------------------------------------------------------------

  // Runs fn on the loop each time signal `sig` arrives (a sigaction handler writes the
  // signal number to the loop's self-pipe).  One loop per signal per process; the
  // previous disposition is restored by remove_signal_handler or close().  Returns 0,
  // EINVAL for SIGKILL/SIGSTOP/bad numbers, or an OS errno.
  int add_signal_handler(int sig, Callback fn);
  // Removes the handler for sig; true if there was one.
  bool remove_signal_handler(int sig);

  // --- Errors -------------------------------------------------------------------------

  // Installs the exception handler (an empty function restores the default).
  void set_exception_handler(ExceptionHandler h) { exception_handler_ = std::move(h); }
  // Reports an error: calls the installed handler, or default_exception_handler.
  void call_exception_handler(const ErrorContext& ctx) noexcept;
  // Writes the context to stderr, as asyncio's default handler logs it.
  void default_exception_handler(const ErrorContext& ctx) noexcept;

  // --- Introspection (tests and embedders) ---------------------------------------------

  // Handles in the ready queue (including cancelled ones not yet skipped).
  [[nodiscard]] std::size_t ready_count() const noexcept { return ready_.size(); }
  // Timers in the heap, and how many of them are cancelled.
  [[nodiscard]] std::size_t timer_count() const noexcept { return timers_.size(); }
  [[nodiscard]] std::size_t cancelled_timer_count() const noexcept {
    return timer_cancelled_count_;
  }
  // File descriptors registered with add_reader/add_writer (and owned transports).
  [[nodiscard]] std::size_t registered_fd_count() const noexcept;

 private:
  friend class Handle;
  friend class TcpTransport;
  friend class Server;
  friend class asyncio_core_internal::TaskBase;
  friend void asyncio_core_internal::DestroyPendingTasks(EventLoop& loop);
  using HS = asyncio_core_internal::HandleState;

  // Per-fd registration, indexed by fd number.
  struct FdEntry {
    std::uint32_t events = 0;  // EPOLLIN | EPOLLOUT currently asked for
    bool registered = false;   // known to epoll
    HS* reader = nullptr;      // owned references
    HS* writer = nullptr;
  };

  HS* NewHandle(Callback fn);
  void PushReady(HS* s) { ready_.push_back(s); }  // takes the reference
  void RunHandle(HS* s) noexcept;
  void TimerCancelled() noexcept { ++timer_cancelled_count_; }
  // heapq-compatible heap over timers_ (see internal/timer_heap.h).
  void HeapPush(HS* s);
  HS* HeapPop();
  void CleanTimers();
  int UpdateFd(int fd, std::uint32_t events);
  int AddIo(int fd, Callback fn, bool write);
  bool RemoveIo(int fd, bool write);
  void ProcessEvent(int fd, std::uint32_t ev);
  void DrainInbox();
  void ReadSignals();
  void TrackTransport(std::shared_ptr<TcpTransport> t);
  void UntrackTransport(TcpTransport* t);
  void TrackServer(std::shared_ptr<Server> s);
  void UntrackServer(Server* s);

  int init_error_ = 0;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;        // eventfd for call_soon_threadsafe
  int sig_read_fd_ = -1;    // self-pipe for signals (created on demand)
  int sig_write_fd_ = -1;
  HS* sig_reader_ = nullptr;  // the callback that drains the self-pipe
  double clock_resolution_ = 1e-9;
  bool running_ = false;
  bool stopping_ = false;
  bool closed_ = false;
  std::deque<HS*> ready_;
  std::vector<HS*> timers_;
  std::size_t timer_cancelled_count_ = 0;
  std::vector<FdEntry> fds_;
  std::size_t fd_count_ = 0;
  std::vector<epoll_event> event_buf_;
  // Thread-safe inbox.
  std::mutex inbox_mu_;
  std::vector<HS*> inbox_;
  std::atomic<bool> inbox_nonempty_{false};
  std::atomic<bool> wake_pending_{false};
  std::atomic<bool> closed_flag_{false};  // closed_, readable from other threads
  // Signals: the handler per signal number, and the previous dispositions.
  std::vector<HS*> signal_handlers_;
  std::vector<struct sigaction> saved_sigactions_;
  // Transports and servers the loop owns (tcp.h).
  std::unordered_map<TcpTransport*, std::shared_ptr<TcpTransport>> transports_;
  std::unordered_map<Server*, std::shared_ptr<Server>> servers_;
  // Tasks started on this loop and not finished (task.h); the loop keeps them alive.
  std::unordered_map<asyncio_core_internal::TaskBase*,
                     std::shared_ptr<asyncio_core_internal::TaskBase>>
      tasks_;
  ExceptionHandler exception_handler_;
};

}  // namespace pyrt::aio

#endif  // PYRT_ASYNCIO_CORE_LOOP_H_
