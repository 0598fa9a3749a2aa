#include <unistd.h>

long long work(long long n) {
    for (;;) sleep(1000000);
    return n;
}
