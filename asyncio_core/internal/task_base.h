// The type-erased half of a coroutine task (see task.h for the public Task<T>).
//
// A TaskBase owns its coroutine frame (until the coroutine finishes, then the frame is
// destroyed at once) and is itself shared: by the user's Task<T> objects, by the loop's
// registry while it is pending (so a detached task runs to completion), and by every
// callback that can resume it.  All of it is used on the loop's thread only.
//
// Resumption follows asyncio's Task.__step/__wakeup: a task's first step and every
// bare yield are call_soon'd; a finished awaitable (a timer that fired, a task that
// completed) wakes its waiter with one call_soon hop; cancel() either cancels what the
// task waits on (which then wakes it) or sets must_cancel, delivered as CancelledError
// by the await the task resumes in.
#ifndef PYRT_ASYNCIO_CORE_INTERNAL_TASK_BASE_H_
#define PYRT_ASYNCIO_CORE_INTERNAL_TASK_BASE_H_

#include <coroutine>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <vector>

#include "asyncio_core/loop.h"

namespace pyrt::asyncio_core_internal {

// Something a suspended task waits on.  CancelWait() stops the wait and arranges for
// the task to resume (returning true), or returns false if it cannot (already woken).
class Waiter {
 public:
  virtual bool CancelWait() = 0;

 protected:
  ~Waiter() = default;
};

class TaskBase : public std::enable_shared_from_this<TaskBase> {
 public:
  enum class State : std::uint8_t { kUnstarted, kPending, kDone, kCancelled };

  virtual ~TaskBase();

  // Binds the task to loop and schedules its first step (asyncio.create_task).  A task
  // is started once; later calls do nothing.
  void Start(aio::EventLoop& loop);
  // asyncio's Task.cancel(): false if the task is already done.
  bool Cancel();
  // Schedules Step() with call_soon.
  void ScheduleStep();
  // Runs the coroutine until its next suspension (Task.__step).
  void Step();
  // Called from final_suspend: records the outcome, schedules the done callbacks and
  // destroys the frame.
  void Finish();
  // Destroys the frame of a task that will never finish (loop closing).
  void Abandon();
  // Throws CancelledError if a cancel is pending (clears it).  Awaiters call this from
  // await_resume.
  void DeliverPendingCancel();
  // Adds a callback run (through call_soon) when the task finishes; runs it soon if it
  // already has.  Returns an id for RemoveDoneCallback.
  std::uint64_t AddDoneCallback(std::function<void()> fn);
  void RemoveDoneCallback(std::uint64_t id);
  // Rethrows the failure (CancelledError when cancelled); marks it retrieved.
  void RethrowIfFailed();

  [[nodiscard]] bool done() const noexcept {
    return state_ == State::kDone || state_ == State::kCancelled;
  }

  aio::EventLoop* loop_ = nullptr;
  std::coroutine_handle<> frame_;
  State state_ = State::kUnstarted;
  bool started_running_ = false;  // the body has been entered
  bool must_cancel_ = false;
  Waiter* waiter_ = nullptr;      // what the suspended body awaits, if anything
  std::uint64_t wait_id_ = 0;     // bumped on every suspension; stale wake-ups check it
  std::exception_ptr exception_;
  bool exception_retrieved_ = false;
  int user_handles_ = 0;          // Task<T> objects referring to this task
  std::uint64_t next_cb_id_ = 1;
  std::vector<std::pair<std::uint64_t, std::function<void()>>> done_callbacks_;
};

// The task whose body is running on this thread, or nullptr.
TaskBase* CurrentTask() noexcept;

// Shared promise part: the back pointer to the task and the completion hooks.
struct PromiseBase {
  TaskBase* task = nullptr;

  std::suspend_always initial_suspend() noexcept { return {}; }
  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept { task->Finish(); }
    void await_resume() noexcept {}
    TaskBase* task;
  };
  FinalAwaiter final_suspend() noexcept { return FinalAwaiter{task}; }
  void unhandled_exception() noexcept { task->exception_ = std::current_exception(); }
};

}  // namespace pyrt::asyncio_core_internal

#endif  // PYRT_ASYNCIO_CORE_INTERNAL_TASK_BASE_H_
