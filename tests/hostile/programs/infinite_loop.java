class Solution {
    static volatile long spin;

    static long work(long n) {
        for (;;) spin++;
    }
}
