long long work(long long n) {
    volatile long long spin = 0;
    for (;;) spin = spin + 1;
    return n;
}
