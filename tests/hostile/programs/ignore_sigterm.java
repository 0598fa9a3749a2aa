import sun.misc.Signal;

class Solution {
    static long work(long n) {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> {});
            } catch (IllegalArgumentException refused) {
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (;;) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException ignored) {
                }
            }
        }));
        for (;;) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
            }
        }
    }
}
