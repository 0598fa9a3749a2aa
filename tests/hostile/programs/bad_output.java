import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

class Solution {
    static long work(long n) throws IOException {
        byte[] bad = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, ' ', (byte) 0x80};
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        for (int i = 0; i < 10000; i++) out.write(bad);
        for (int i = 0; i < 1000; i++) err.write(bad);
        return n * (n + 1) / 2;
    }
}
