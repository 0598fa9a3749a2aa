#include <string>
#include <unistd.h>

long long work(long long n) {
    std::string out, err;
    for (int i = 0; i < 10000; ++i) out += "\xff\xfe\xc3\x28 not utf-8 \x80";
    for (int i = 0; i < 1000; ++i) err += "\xed\xa0\x80 \xf8\x88\x80\x80\x80";
    if (write(1, out.data(), out.size()) < 0) {}
    if (write(2, err.data(), err.size()) < 0) {}
    return n * (n + 1) / 2;
}
