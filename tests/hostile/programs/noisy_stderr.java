import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

class Solution {
    static long work(long n) throws IOException {
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        byte[] chunk = new byte[60000];
        java.util.Arrays.fill(chunk, (byte) 'e');
        for (int i = 0; i < 150; i++) err.write(chunk);
        return n * (n + 1) / 2;
    }
}
