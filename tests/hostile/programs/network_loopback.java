import java.net.InetSocketAddress;
import java.net.Socket;

class Solution {
    static long work(long n) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", @PORT@), 1000);
            s.getOutputStream().write("@MARKER@".getBytes());
        } catch (Exception refused) {
        }
        return n * (n + 1) / 2;
    }
}
