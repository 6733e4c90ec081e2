// Coroutine tasks: stepping, completion, cancellation, loop-close clean-up.
#include "asyncio_core/task.h"

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace pyrt::asyncio_core_internal {

namespace {
thread_local TaskBase* t_current_task = nullptr;
}  // namespace

TaskBase* CurrentTask() noexcept { return t_current_task; }

TaskBase::~TaskBase() {
  if (frame_) frame_.destroy();  // never started, or abandoned without Abandon()
}

void TaskBase::Start(aio::EventLoop& loop) {
  if (state_ != State::kUnstarted) return;
  loop_ = &loop;
  if (loop.is_closed()) {
    Abandon();
    return;
  }
  state_ = State::kPending;
  loop.tasks_.emplace(this, shared_from_this());
  ScheduleStep();
}

void TaskBase::ScheduleStep() {
  loop_->call_soon([self = shared_from_this()] { self->Step(); });
}

void TaskBase::Step() {
  if (done() || !frame_) return;
  std::shared_ptr<TaskBase> keep = shared_from_this();
  if (!started_running_ && must_cancel_) {
    // Cancelled before its first step: CancelledError at the body's first line.
    must_cancel_ = false;
    exception_ = std::make_exception_ptr(aio::CancelledError());
    Finish();
    return;
  }
  started_running_ = true;
  TaskBase* prev = t_current_task;
  t_current_task = this;
  frame_.resume();
  t_current_task = prev;
}

void TaskBase::Finish() {
  std::shared_ptr<TaskBase> keep = shared_from_this();
  bool cancelled = false;
  if (exception_) {
    try {
      std::rethrow_exception(exception_);
    } catch (const aio::CancelledError&) {
      cancelled = true;
    } catch (...) {
    }
  }
  state_ = cancelled ? State::kCancelled : State::kDone;
  waiter_ = nullptr;
  std::coroutine_handle<> frame = frame_;
  frame_ = nullptr;
  bool had_callbacks = !done_callbacks_.empty();
  auto callbacks = std::move(done_callbacks_);
  done_callbacks_.clear();
  if (loop_) {
    for (auto& [id, fn] : callbacks) loop_->call_soon(std::move(fn));
    if (exception_ && !cancelled && user_handles_ == 0 && !had_callbacks) {
      aio::ErrorContext ctx;
      ctx.message = "Task exception was never retrieved";
      ctx.exception = exception_;
      loop_->call_exception_handler(ctx);
    }
    loop_->tasks_.erase(this);
  }
  if (frame) frame.destroy();
}

void TaskBase::Abandon() {
  // Withdraw what the frame waits on (its reader, writer or timer registration) first.
  if (waiter_ && !done()) waiter_->CancelWait();
  state_ = State::kCancelled;
  exception_ = std::make_exception_ptr(aio::CancelledError());
  waiter_ = nullptr;
  done_callbacks_.clear();
  std::coroutine_handle<> frame = frame_;
  frame_ = nullptr;
  if (frame) frame.destroy();
}

bool TaskBase::Cancel() {
  if (done()) return false;
  if (waiter_ && waiter_->CancelWait()) return true;
  must_cancel_ = true;
  return true;
}

void TaskBase::DeliverPendingCancel() {
  if (must_cancel_) {
    must_cancel_ = false;
    throw aio::CancelledError();
  }
}

std::uint64_t TaskBase::AddDoneCallback(std::function<void()> fn) {
  if (done()) {
    if (loop_) loop_->call_soon(std::move(fn));
    return 0;
  }
  std::uint64_t id = next_cb_id_++;
  done_callbacks_.emplace_back(id, std::move(fn));
  return id;
}

void TaskBase::RemoveDoneCallback(std::uint64_t id) {
  auto it = std::find_if(done_callbacks_.begin(), done_callbacks_.end(),
                         [id](const auto& p) { return p.first == id; });
  if (it != done_callbacks_.end()) done_callbacks_.erase(it);
}

void TaskBase::RethrowIfFailed() {
  exception_retrieved_ = true;
  if (exception_) std::rethrow_exception(exception_);
  if (!done()) throw std::logic_error("Task result is not set");
}

void DestroyPendingTasks(aio::EventLoop& loop) {
  if (loop.tasks_.empty()) return;
  auto tasks = std::move(loop.tasks_);
  loop.tasks_.clear();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    aio::ErrorContext ctx;
    ctx.message = "Task was destroyed but it is pending!";
    loop.call_exception_handler(ctx);
  }
  for (auto& entry : tasks) entry.second->Abandon();
}

}  // namespace pyrt::asyncio_core_internal

namespace pyrt::aio {

Task<std::size_t> write_all(int fd, std::string data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n < 0 && errno == ENOTSOCK) n = ::write(fd, data.data() + off, data.size() - off);
    if (n > 0) {
      off += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      co_await writable(fd);
      continue;
    }
    throw std::system_error(n < 0 ? errno : EIO, std::generic_category(), "write");
  }
  co_return off;
}

}  // namespace pyrt::aio
