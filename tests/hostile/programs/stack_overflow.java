class Solution {
    static long deeper(long k) {
        return deeper(k + 1) + 1;
    }

    static long work(long n) {
        return deeper(n);
    }
}
