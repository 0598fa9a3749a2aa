long long deeper(volatile long long k) {
    volatile char pad[256];
    pad[0] = static_cast<char>(k);
    return deeper(k + 1) + pad[0];
}

long long work(long long n) {
    return deeper(n);
}
