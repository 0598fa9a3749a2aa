import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

class Solution {
    static long work(long n) throws IOException {
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        byte[] chunk = new byte[65536];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (;;) {
            out.write(chunk);
            err.write(chunk);
        }
    }
}
