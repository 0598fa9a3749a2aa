#include <string>
#include <unistd.h>

long long work(long long n) {
    std::string chunk(60000, 'e');
    for (int i = 0; i < 150; ++i)
        if (write(2, chunk.data(), chunk.size()) < 0) break;
    return n * (n + 1) / 2;
}
