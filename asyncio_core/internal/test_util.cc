#include "asyncio_core/internal/test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "gtest/gtest.h"

namespace pyrt::asyncio_core_internal {

std::string RunPython(const std::string& script) {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string dir = tmp ? tmp : "/tmp";
  static int counter = 0;
  std::string path =
      dir + "/aio_oracle_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".py";
  {
    std::ofstream f(path);
    f << script;
  }
  std::string cmd = "/usr/bin/python3 " + path;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) {
    ADD_FAILURE() << "cannot run python3";
    return "";
  }
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ADD_FAILURE() << "python3 failed (status " << status << ") on:\n" << script;
    return "";
  }
  unlink(path.c_str());
  return out;
}

int CountOpenFds() {
  int n = 0;
  DIR* d = opendir("/proc/self/fd");
  if (!d) return -1;
  while (struct dirent* e = readdir(d)) {
    if (e->d_name[0] != '.') ++n;
  }
  closedir(d);
  return n - 1;  // the directory stream's own fd
}

}  // namespace pyrt::asyncio_core_internal
