#include <cstdlib>

long long work(long long n) {
    std::exit(0);
    return n;
}
