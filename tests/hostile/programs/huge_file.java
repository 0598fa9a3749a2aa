import java.io.FileOutputStream;
import java.io.IOException;

class Solution {
    static long work(long n) throws IOException {
        try (FileOutputStream f = new FileOutputStream("huge.bin")) {
            byte[] chunk = new byte[1 << 20];
            for (;;) f.write(chunk);
        }
    }
}
