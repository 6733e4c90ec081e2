// pyrt::aio::Task<T> — C++20 coroutine tasks on an EventLoop (asyncio.Task's shape).
//
//   pyrt::aio::Task<int> answer(pyrt::aio::EventLoop& loop) {
//     co_await pyrt::aio::sleep(0.01);          // a timer on the running loop
//     co_return 42;
//   }
//   pyrt::aio::EventLoop loop;
//   auto t = answer(loop);
//   pyrt::aio::run_until_complete(loop, t);   // starts t, runs the loop until t is done
//   int v = t.result();                       // 42 (rethrows if the body threw)
//
// A function returning Task<T> is a coroutine whose body does not run until the task is
// started: create_task(loop, t), run_until_complete(loop, t), or co_await t inside
// another task (which starts it on the awaiting task's loop).  The first step is
// call_soon'd, as asyncio.create_task does.
//
// What a task can co_await (only inside a Task body, on the loop's thread):
//   sleep(seconds)   a timer; sleep(0) (or yield_now()) yields for one iteration
//   readable(fd), writable(fd)   one readiness event of fd (add_reader/add_writer)
//   another Task<U>  its result (its exception is rethrown)
// The scheduling mirrors asyncio's Task.__step/__wakeup hop for hop: a fired timer or
// a finished awaited task wakes its waiter through one call_soon, so interleavings of
// tasks match the same program written with asyncio (the tests compare them).
//
// Cancellation: t.cancel() (asyncio's Task.cancel) makes the await the task is
// suspended in — or the next one it reaches — throw CancelledError; cancelling a task
// that awaits another task cancels that task first.  A body may catch CancelledError.
// An exception escaping a body is stored and rethrown by result() / co_await; if the
// task was detached (no Task<T> object left) it goes to the loop's exception handler.
//
// Lifetime: Task<T> is a shared handle.  A started task is kept alive by its loop until
// it finishes, so dropping the Task<T> detaches it; EventLoop::close() destroys the
// frames of tasks still pending and reports them ("Task was destroyed but it is
// pending!").  Not thread-safe: one loop thread.
#ifndef PYRT_ASYNCIO_CORE_TASK_H_
#define PYRT_ASYNCIO_CORE_TASK_H_

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

#include "asyncio_core/internal/task_base.h"
#include "asyncio_core/loop.h"

namespace pyrt::aio {

// Thrown inside a task body at the await where a cancellation is delivered, and by
// result() of a cancelled task (asyncio.CancelledError).
class CancelledError : public std::exception {
 public:
  const char* what() const noexcept override { return "CancelledError"; }
};

template <class T = void>
class Task;

}  // namespace pyrt::aio

namespace pyrt::asyncio_core_internal {

using aio::CancelledError;
using aio::Handle;
using aio::Task;


template <class T>
struct TaskState : TaskBase {
  std::optional<T> value;
};
template <>
struct TaskState<void> : TaskBase {};

template <class T>
struct Promise : PromiseBase {
  Task<T> get_return_object();
  template <class U>
  void return_value(U&& v) {
    static_cast<TaskState<T>*>(task)->value.emplace(std::forward<U>(v));
  }
};
template <>
struct Promise<void> : PromiseBase {
  Task<void> get_return_object();
  void return_void() noexcept {}
};

// The task that is awaiting: every awaiter's await_suspend receives the handle of a
// Task body and reads its promise.
template <class P>
TaskBase* TaskOf(std::coroutine_handle<P> h) {
  static_assert(std::is_base_of_v<PromiseBase, P>,
                "pyrt::aio awaitables can only be awaited inside a pyrt::aio::Task");
  return static_cast<PromiseBase&>(h.promise()).task;
}

}  // namespace pyrt::asyncio_core_internal

namespace pyrt::aio {

// A coroutine task producing T.  See the essay above.
template <class T>
class Task {
 public:
  using promise_type = asyncio_core_internal::Promise<T>;

  Task() = default;
  Task(const Task& o) : s_(o.s_) {
    if (s_) ++s_->user_handles_;
  }
  Task(Task&& o) noexcept : s_(std::move(o.s_)) {}
  Task& operator=(Task o) noexcept {
    Release();
    s_ = std::move(o.s_);
    return *this;
  }
  ~Task() { Release(); }

  // True once the body has returned, thrown, or been cancelled.
  [[nodiscard]] bool done() const noexcept { return s_ && s_->done(); }
  [[nodiscard]] bool cancelled() const noexcept {
    return s_ && s_->state_ == asyncio_core_internal::TaskBase::State::kCancelled;
  }
  // asyncio's Task.cancel(): false if already done.
  bool cancel() { return s_ && s_->Cancel(); }
  // The value; throws the body's exception, or CancelledError.  Only when done().
  decltype(auto) result() {
    s_->RethrowIfFailed();
    if constexpr (!std::is_void_v<T>) return (**Value());
  }
  // The exception the body threw (CancelledError if cancelled), or null.
  [[nodiscard]] std::exception_ptr exception() const {
    if (!s_) return nullptr;
    s_->exception_retrieved_ = true;
    return s_->exception_;
  }
  // Schedules fn (call_soon) when the task finishes (asyncio's add_done_callback).
  void add_done_callback(std::function<void()> fn) { s_->AddDoneCallback(std::move(fn)); }
  [[nodiscard]] explicit operator bool() const noexcept { return s_ != nullptr; }

  // co_await: starts the task if needed, waits for it, returns result().
  auto operator co_await() const;

  // The shared state (for run_until_complete and tests).
  [[nodiscard]] asyncio_core_internal::TaskBase* base() const noexcept { return s_.get(); }

 private:
  friend struct asyncio_core_internal::Promise<T>;
  explicit Task(std::shared_ptr<asyncio_core_internal::TaskState<T>> s) : s_(std::move(s)) {
    ++s_->user_handles_;
  }
  void Release() noexcept {
    if (s_) --s_->user_handles_;
    s_.reset();
  }
  std::optional<T>* Value() requires(!std::is_void_v<T>) { return &s_->value; }
  std::shared_ptr<asyncio_core_internal::TaskState<T>> s_;
};

}  // namespace pyrt::aio

namespace pyrt::asyncio_core_internal {

using aio::CancelledError;
using aio::Handle;
using aio::Task;


template <class T>
Task<T> Promise<T>::get_return_object() {
  auto s = std::make_shared<TaskState<T>>();
  s->frame_ = std::coroutine_handle<Promise<T>>::from_promise(*this);
  task = s.get();
  return Task<T>(std::move(s));
}
inline Task<void> Promise<void>::get_return_object() {
  auto s = std::make_shared<TaskState<void>>();
  s->frame_ = std::coroutine_handle<Promise<void>>::from_promise(*this);
  task = s.get();
  return Task<void>(std::move(s));
}

// co_await of a task: asyncio's "await fut" with fut a Task.
class TaskAwaiter final : public Waiter {
 public:
  explicit TaskAwaiter(TaskBase* awaited) : awaited_(awaited) {}
  bool await_ready() const noexcept { return awaited_->done(); }
  template <class P>
  void await_suspend(std::coroutine_handle<P> h) {
    waiting_ = TaskOf(h);
    if (awaited_->state_ == TaskBase::State::kUnstarted) awaited_->Start(*waiting_->loop_);
    waiting_->waiter_ = this;
    std::uint64_t id = ++waiting_->wait_id_;
    std::shared_ptr<TaskBase> w = waiting_->shared_from_this();
    awaited_->AddDoneCallback([w, id] {
      if (w->wait_id_ == id && !w->done()) w->Step();
    });
    // Task.__step: a cancel requested before the task settled on this wait goes to
    // the awaited task.
    if (waiting_->must_cancel_ && awaited_->Cancel()) waiting_->must_cancel_ = false;
  }
  void await_resume() {
    if (waiting_) {
      waiting_->waiter_ = nullptr;
      waiting_->DeliverPendingCancel();
    }
  }
  bool CancelWait() override { return awaited_->Cancel(); }

 private:
  TaskBase* awaited_;
  TaskBase* waiting_ = nullptr;
};

template <class T>
struct TaskResultAwaiter {
  Task<T> task;
  TaskAwaiter inner;
  bool await_ready() const noexcept { return inner.await_ready(); }
  template <class P>
  void await_suspend(std::coroutine_handle<P> h) {
    inner.await_suspend(h);
  }
  decltype(auto) await_resume() {
    inner.await_resume();
    return task.result();
  }
};

// sleep(): asyncio.sleep — a bare yield for delay <= 0, else a timer whose firing
// wakes the task through one call_soon (the future's done callback).
class SleepAwaiter final : public Waiter {
 public:
  explicit SleepAwaiter(double delay) : delay_(delay) {}
  bool await_ready() const noexcept { return false; }
  template <class P>
  void await_suspend(std::coroutine_handle<P> h) {
    task_ = TaskOf(h);
    std::uint64_t id = ++task_->wait_id_;
    if (delay_ <= 0) {
      task_->ScheduleStep();
      return;
    }
    task_->waiter_ = this;
    std::shared_ptr<TaskBase> t = task_->shared_from_this();
    timer_ = task_->loop_->call_later(delay_, [t, id] {
      if (t->wait_id_ != id || t->done()) return;
      static_cast<SleepAwaiter*>(t->waiter_)->fired_ = true;
      t->ScheduleStep();
    });
  }
  void await_resume() {
    if (task_->waiter_ == this) task_->waiter_ = nullptr;
    if (cancelled_) {
      task_->must_cancel_ = false;
      throw CancelledError();
    }
    task_->DeliverPendingCancel();
  }
  bool CancelWait() override {
    if (fired_ || cancelled_) return false;
    cancelled_ = true;
    timer_.cancel();
    task_->ScheduleStep();
    return true;
  }

 private:
  double delay_;
  TaskBase* task_ = nullptr;
  Handle timer_;
  bool fired_ = false;
  bool cancelled_ = false;
};

// readable()/writable(): one readiness event; the fd's reader/writer is removed when it
// fires or the wait is cancelled.  A failed registration throws std::system_error.
class FdAwaiter final : public Waiter {
 public:
  FdAwaiter(int fd, bool write) : fd_(fd), write_(write) {}
  bool await_ready() const noexcept { return false; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> h) {
    task_ = TaskOf(h);
    std::uint64_t id = ++task_->wait_id_;
    std::shared_ptr<TaskBase> t = task_->shared_from_this();
    int fd = fd_;
    bool write = write_;
    auto wake = [t, id, fd, write] {
      if (t->wait_id_ != id || t->done()) return;
      if (write) {
        t->loop_->remove_writer(fd);
      } else {
        t->loop_->remove_reader(fd);
      }
      t->Step();
    };
    error_ = write_ ? task_->loop_->add_writer(fd_, std::move(wake))
                    : task_->loop_->add_reader(fd_, std::move(wake));
    if (error_ != 0) return false;
    task_->waiter_ = this;
    return true;
  }
  void await_resume() {
    if (task_->waiter_ == this) task_->waiter_ = nullptr;
    if (error_ != 0) throw std::system_error(error_, std::generic_category(), "add_reader");
    if (cancelled_) {
      task_->must_cancel_ = false;
      throw CancelledError();
    }
    task_->DeliverPendingCancel();
  }
  bool CancelWait() override {
    if (cancelled_) return false;
    cancelled_ = true;
    if (write_) {
      task_->loop_->remove_writer(fd_);
    } else {
      task_->loop_->remove_reader(fd_);
    }
    task_->ScheduleStep();
    return true;
  }

 private:
  int fd_;
  bool write_;
  int error_ = 0;
  TaskBase* task_ = nullptr;
  bool cancelled_ = false;
};

}  // namespace pyrt::asyncio_core_internal

namespace pyrt::aio {

template <class T>
auto Task<T>::operator co_await() const {
  return asyncio_core_internal::TaskResultAwaiter<T>{*this,
                                                     asyncio_core_internal::TaskAwaiter(
                                                         s_.get())};
}

// Suspends the awaiting task for `seconds` (asyncio.sleep).  sleep(0) yields once.
inline asyncio_core_internal::SleepAwaiter sleep(double seconds) {
  return asyncio_core_internal::SleepAwaiter(seconds);
}
// Lets every other ready callback run once (asyncio.sleep(0)).
inline asyncio_core_internal::SleepAwaiter yield_now() {
  return asyncio_core_internal::SleepAwaiter(0);
}
// Suspends until fd is readable (or has an error / hang-up).
inline asyncio_core_internal::FdAwaiter readable(int fd) {
  return asyncio_core_internal::FdAwaiter(fd, false);
}
// Suspends until fd is writable (or has an error / hang-up).
inline asyncio_core_internal::FdAwaiter writable(int fd) {
  return asyncio_core_internal::FdAwaiter(fd, true);
}

// Starts t on loop (asyncio.create_task) and returns it.
template <class T>
Task<T> create_task(EventLoop& loop, Task<T> t) {
  if (t.base()) t.base()->Start(loop);
  return t;
}

// Starts t if needed and runs the loop until t is done (asyncio's
// run_until_complete).  Returns true if t finished, false if the loop was stopped first
// or could not run (closed, or already running).
template <class T>
bool run_until_complete(EventLoop& loop, Task<T>& t) {
  auto* b = t.base();
  if (!b) return false;
  b->Start(loop);
  if (b->done()) return true;
  std::uint64_t id = b->AddDoneCallback([&loop] { loop.stop(); });
  loop.run_forever();
  b->RemoveDoneCallback(id);
  return b->done();
}

// The task running on this thread's loop, or false-y (asyncio.current_task).
[[nodiscard]] inline bool in_task() noexcept {
  return asyncio_core_internal::CurrentTask() != nullptr;
}

// Writes all of data to the non-blocking fd, awaiting writability as needed.  Returns
// the bytes written; throws std::system_error on a write error.
Task<std::size_t> write_all(int fd, std::string data);

}  // namespace pyrt::aio

#endif  // PYRT_ASYNCIO_CORE_TASK_H_
