class Solution {
    static long work(long n) {
        long total = 0;
        for (long i = 0; i <= n; i++) total += i;
        return total;
    }
}
