#include <cstring>
#include <vector>

long long work(long long n) {
    std::vector<char*> hoard;
    for (;;) {
        char* block = new char[64 << 20];
        std::memset(block, 1, 64 << 20);
        hoard.push_back(block);
    }
    return n;
}
