#include <ctime>

// Interpose the C library's clock: the harness's steady_clock reads it, and would see every
// call take one nanosecond.
static long long ticks = 0;

extern "C" int clock_gettime(clockid_t, struct timespec* ts) {
    ++ticks;
    ts->tv_sec = ticks / 1000000000;
    ts->tv_nsec = ticks % 1000000000;
    return 0;
}

long long work(long long n) {
    volatile long long total = 0;
    for (long long i = 0; i <= n; ++i) total = total + i;
    return total;
}
