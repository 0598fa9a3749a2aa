long long work(long long n) {
    volatile long long total = 0;
    for (long long i = 0; i <= n; ++i) total = total + i;
    return total;
}
