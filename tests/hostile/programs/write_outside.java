import java.nio.file.Files;
import java.nio.file.Path;

class Solution {
    static long work(long n) {
        String[] targets = {"@VICTIM@/victim.txt", "@VICTIM@/planted.txt", "/usr/effiskel-planted-@MARKER@",
                            "/etc/effiskel-planted-@MARKER@", "/tmp/effiskel-planted-@MARKER@"};
        for (String target : targets) {
            try {
                Files.writeString(Path.of(target), "@MARKER@");
            } catch (Exception refused) {
            }
        }
        try {
            Files.delete(Path.of("@VICTIM@/victim.txt"));
        } catch (Exception refused) {
        }
        return n * (n + 1) / 2;
    }
}
