import java.util.ArrayList;
import java.util.List;

class Solution {
    static long work(long n) {
        List<long[]> hoard = new ArrayList<>();
        for (;;) hoard.add(new long[8 << 20]);
    }
}
