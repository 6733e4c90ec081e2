// SIGINT -> KeyboardInterrupt, as CPython's default handler: the C handler only sets a
// flag (async-signal-safe); the eval loop polls it at backward jumps and function
// entries (JUMP_BACKWARD, RESUME) and blocking calls (time.sleep, the REPL's line
// reader) check it when a signal interrupts them (EINTR). The handler is installed
// without SA_RESTART so that those calls do return EINTR.

#include <signal.h>

#include <atomic>

#include "vm/internal/vm_internal.h"
#include "vm/vm.h"

namespace pyrt::vm_internal {

std::atomic<int> g_sigint_pending{0};

void OnSigint(int) { g_sigint_pending.store(1, std::memory_order_relaxed); }

int HandlePendingSignals() {
  if (g_sigint_pending.exchange(0, std::memory_order_relaxed) == 0) return 0;
  // KeyboardInterrupt() without args, as the default handler raises it.
  Value ki = NewException(&kKeyboardInterruptType, nullptr, 0);
  if (!ki) return -1;
  Raise(ki);
  Decref(ki);
  return -1;
}

}  // namespace pyrt::vm_internal

namespace pyrt::vm {

void InstallSigintHandler() {
  // As CPython: only over the default action (a shell's background job keeps SIGINT
  // ignored).
  struct sigaction old = {};
  if (sigaction(SIGINT, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) return;
  struct sigaction sa = {};
  sa.sa_handler = vm_internal::OnSigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: blocking calls see EINTR
  sigaction(SIGINT, &sa, nullptr);
}

bool TakePendingSigint() {
  return vm_internal::g_sigint_pending.exchange(0, std::memory_order_relaxed) != 0;
}

}  // namespace pyrt::vm
