// Test helpers: run a python3 script (the oracle) and count this process's open fds.
#ifndef PYRT_ASYNCIO_CORE_INTERNAL_TEST_UTIL_H_
#define PYRT_ASYNCIO_CORE_INTERNAL_TEST_UTIL_H_

#include <string>

namespace pyrt::asyncio_core_internal {

// Runs `script` with /usr/bin/python3 and returns its stdout; an empty string plus a
// gtest failure if it cannot run or exits non-zero.
std::string RunPython(const std::string& script);

// The number of entries in /proc/self/fd.
int CountOpenFds();

}  // namespace pyrt::asyncio_core_internal

#endif  // PYRT_ASYNCIO_CORE_INTERNAL_TEST_UTIL_H_
