#include <string>
#include <unistd.h>

long long work(long long n) {
    std::string chunk(65536, 'x');
    for (;;) {
        if (write(1, chunk.data(), chunk.size()) < 0) {}
        if (write(2, chunk.data(), chunk.size()) < 0) {}
    }
    return n;
}
