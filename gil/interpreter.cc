// Interpreter, thread states, the breaker's slow path, pending calls and the
// RAII scopes. The lock itself is in gil.cc.
#include <pthread.h>

#include <cstdio>
#include <cstdlib>

#include "gil/gil.h"

namespace pyrt::gil {
namespace {

thread_local ThreadState* t_current = nullptr;
std::atomic<uint64_t> g_next_thread_id{1};

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "pyrt::gil: %s\n", what);
  std::abort();
}

}  // namespace

ThreadState* CurrentThreadState() noexcept { return t_current; }

// --- ThreadState ---

ThreadState::ThreadState(Key, Interpreter& interp, bool is_main)
    : interp_(&interp),
      ident_(static_cast<uint64_t>(pthread_self())),
      is_main_(is_main) {}

ThreadState::~ThreadState() = default;

bool ThreadState::holds_gil() const noexcept { return interp_->gil_.holder() == this; }

// --- Interpreter ---

Interpreter::Interpreter(InterpreterHooks hooks) : hooks_(hooks), gil_(breaker_) {}

Interpreter::~Interpreter() {
  if (reg_count_ != 0) Die("Interpreter destroyed while thread states exist");
}

void Interpreter::Register(ThreadState& ts) {
  std::lock_guard<std::mutex> lock(registry_mu_);
  // The id is drawn under the registry lock, so the registry (in registration order) is
  // also in id order: two threads starting at once cannot register out of id order.
  ts.id_ = g_next_thread_id.fetch_add(1, std::memory_order_relaxed);
  if (ts.is_main_) {
    if (main_ != nullptr) Die("a second main thread state");
    main_ = &ts;
  }
  ts.reg_prev_ = reg_tail_;
  ts.reg_next_ = nullptr;
  if (reg_tail_ != nullptr) {
    reg_tail_->reg_next_ = &ts;
  } else {
    reg_head_ = &ts;
  }
  reg_tail_ = &ts;
  ++reg_count_;
}

void Interpreter::Unregister(ThreadState& ts) {
  void* leftover;
  {
    std::lock_guard<std::mutex> lock(registry_mu_);
    if (ts.reg_prev_ != nullptr) {
      ts.reg_prev_->reg_next_ = ts.reg_next_;
    } else {
      reg_head_ = ts.reg_next_;
    }
    if (ts.reg_next_ != nullptr) {
      ts.reg_next_->reg_prev_ = ts.reg_prev_;
    } else {
      reg_tail_ = ts.reg_prev_;
    }
    ts.reg_prev_ = ts.reg_next_ = nullptr;
    --reg_count_;
    if (main_ == &ts) main_ = nullptr;
    // Under the registry lock, so SetAsyncException cannot post after this.
    leftover = ts.async_exc_.exchange(nullptr);
  }
  Drop(leftover);
}

std::size_t Interpreter::thread_count() const {
  std::lock_guard<std::mutex> lock(registry_mu_);
  return reg_count_;
}

ThreadState* Interpreter::main_thread() const {
  std::lock_guard<std::mutex> lock(registry_mu_);
  return main_;
}

void Interpreter::TakeGil(ThreadState& ts, AcquireMode mode) {
  gil_.Acquire(ts, mode);
  RecomputeHolderBits(ts);
}

void Interpreter::DropGil(ThreadState& ts) { gil_.Release(ts); }

void Interpreter::RecomputeHolderBits(ThreadState& ts) {
  // Clear (if set) first, then look: a concurrent post sets the bit after
  // publishing, so either we see its data or its Set lands after our Clear (or,
  // the bit being clear, after our look). No read-modify-write when the bit is
  // clear, the usual case: it would pull the breaker's cache line from the CPU
  // that handed the lock over, on every hand-off.
  if (breaker_.Load() & EvalBreaker::kAsyncException) {
    breaker_.Clear(EvalBreaker::kAsyncException);
  }
  if (ts.async_exc_.load() != nullptr) breaker_.Set(EvalBreaker::kAsyncException);
  if (ts.is_main_ && pending_.MaybeNonEmpty()) breaker_.Set(EvalBreaker::kPendingCalls);
}

BreakerOutcome Interpreter::HandleEvalBreaker(ThreadState& ts) {
  BreakerOutcome out;
  uint32_t bits = breaker_.Load();
  if (bits & EvalBreaker::kPendingCalls) {
    if (ts.is_main_) {
      if (MakePendingCalls(ts) != 0) {
        out.status = -1;
        return out;
      }
    } else {
      // Only the main thread runs them; it re-raises the bit when it takes the GIL.
      breaker_.Clear(EvalBreaker::kPendingCalls);
    }
  }
  if (bits & EvalBreaker::kGcRequest) {
    breaker_.Clear(EvalBreaker::kGcRequest);
    if (hooks_.collect_garbage != nullptr && hooks_.collect_garbage(ts) != 0) {
      out.status = -1;
      return out;
    }
  }
  if (bits & EvalBreaker::kGilDropRequest) {
    gil_.Yield(ts);
    RecomputeHolderBits(ts);
  }
  if (breaker_.Load() & EvalBreaker::kAsyncException) {
    breaker_.Clear(EvalBreaker::kAsyncException);
    out.async_exception = ts.TakeAsyncException();
  }
  return out;
}

// --- Pending calls ---

bool Interpreter::AddPendingCall(PendingCallFn fn, void* arg) noexcept {
  if (!pending_.Push(fn, arg)) return false;
  breaker_.Set(EvalBreaker::kPendingCalls);
  return true;
}

int Interpreter::MakePendingCalls(ThreadState& ts) {
  if (!ts.is_main_ || running_pending_) return 0;
  running_pending_ = true;
  breaker_.Clear(EvalBreaker::kPendingCalls);
  int status = 0;
  // At most one ring's worth per round, so a call that re-posts itself cannot
  // keep the thread here forever (CPython bounds the loop the same way).
  for (std::size_t i = 0; i < kPendingCallsCapacity; ++i) {
    PendingCallFn fn;
    void* arg;
    if (!pending_.Pop(&fn, &arg)) break;
    if (fn(arg) != 0) {
      status = -1;
      break;
    }
  }
  if (pending_.MaybeNonEmpty()) breaker_.Set(EvalBreaker::kPendingCalls);
  running_pending_ = false;
  return status;
}

// --- Asynchronous exceptions ---

int Interpreter::SetAsyncException(uint64_t ident, void* exc) {
  void* old = nullptr;
  {
    std::lock_guard<std::mutex> lock(registry_mu_);
    ThreadState* target = nullptr;
    for (ThreadState* t = reg_head_; t != nullptr; t = t->reg_next_) {
      if (t->ident_ == ident) {
        target = t;
        break;
      }
    }
    if (target == nullptr) return 0;
    old = target->async_exc_.exchange(exc);
    if (exc != nullptr) breaker_.Set(EvalBreaker::kAsyncException);
  }
  Drop(old);
  return 1;
}

// --- Scopes ---

ThreadScope::ThreadScope(Interpreter& interp, ThreadRole role) {
  if (t_current != nullptr) Die("ThreadScope on a thread that already has a state");
  ts_ = std::make_unique<ThreadState>(ThreadState::Key{}, interp,
                                      role == ThreadRole::kMain);
  interp.Register(*ts_);
  t_current = ts_.get();
  interp.TakeGil(*ts_);
}

ThreadScope::~ThreadScope() {
  Interpreter& interp = ts_->interpreter();
  if (ts_->holds_gil()) interp.DropGil(*ts_);
  t_current = nullptr;
  interp.Unregister(*ts_);
  ts_.reset();
}

ReleaseGil::ReleaseGil() : ts_(t_current) {
  if (ts_ == nullptr || !ts_->holds_gil()) Die("ReleaseGil without holding the GIL");
  ts_->interpreter().DropGil(*ts_);
}

ReleaseGil::~ReleaseGil() {
  ts_->interpreter().TakeGil(*ts_, AcquireMode::kAfterBlocking);
}

AcquireGil::AcquireGil(Interpreter& interp) : ts_(t_current) {
  if (ts_ == nullptr) {
    owned_ = std::make_unique<ThreadState>(ThreadState::Key{}, interp, false);
    ts_ = owned_.get();
    interp.Register(*ts_);
    t_current = ts_;
  } else if (&ts_->interpreter() != &interp) {
    Die("AcquireGil for a second interpreter on one thread");
  }
  if (!ts_->holds_gil()) {
    interp.TakeGil(*ts_);
    acquired_ = true;
  }
}

AcquireGil::~AcquireGil() {
  Interpreter& interp = ts_->interpreter();
  if (acquired_) interp.DropGil(*ts_);
  if (owned_ != nullptr) {
    t_current = nullptr;
    interp.Unregister(*ts_);
    owned_.reset();
  }
}

}  // namespace pyrt::gil
