package effiskel.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The counts of executed bytecode instructions. Every instrumented basic block adds its
 * instruction count: a block of the solution's own classes through {@link #solution}, a block of
 * a class of the boot loader (the JDK) with the same code inlined, a block of any other class
 * through {@link #library}. Only the thread that opened the window with {@link #start} is
 * counted, so the JVM's own threads (reference handler, finalizer, cleaner) and any thread the
 * solution starts cannot make the figure vary.
 *
 * <p>A library block is charged to the solution line that is executing (the last solution
 * block entered): a line's figure is inclusive of the JDK code it calls. The class is on the
 * boot class path and does nothing before the window opens: the JDK's own classes call it,
 * and it must never call an instrumented method while counting (Thread.currentThread is native).
 */
public final class Counter {
    /** LineNumberTable entries are u2: every line of a class file fits. Public, with
     *  {@link #owner} and {@link #line}: the JDK's probes are inlined (see Transformer). */
    public static final long[] lines = new long[65536];
    public static Thread owner;
    public static int line;
    private static long own;
    private static String out = "effiskel-bytecodes.txt";
    /** What each closed window counted, in order (one per measured call), and their sum. */
    private static long[] windowCounts = new long[16];
    private static int windows;
    private static long counted;

    private Counter() {}

    public static void solution(int at, int cost) {
        if (Thread.currentThread() != owner) return;
        line = at;
        lines[at] += cost;
        own += cost;
    }

    public static void library(int cost) {
        if (Thread.currentThread() != owner) return;
        lines[line] += cost;
    }

    /** A native bulk copy ({@code System.arraycopy}, an array's {@code clone}) of {@code elements}
     *  elements: one instruction per element, as the loop it replaces would be at the least. */
    public static void copied(int elements) {
        if (Thread.currentThread() != owner || elements <= 0) return;
        lines[line] += elements;
    }

    /** Opens the counting window on the calling thread. */
    public static void start() {
        line = 0;
        owner = Thread.currentThread();
    }

    /** Closes the window (the counts so far stay) and notes what it counted. */
    public static void stop() {
        if (owner == null) return;  // no window open (a warm-up call)
        owner = null;
        long sum = 0;
        for (long count : lines) sum += count;
        if (windows == windowCounts.length) windowCounts = java.util.Arrays.copyOf(windowCounts, windows * 2);
        windowCounts[windows++] = sum - counted;
        counted = sum;
    }

    /** Closes the window if the calling thread holds it (the agent's own work is not counted);
     *  true if it did, so that {@link #resume} reopens it. */
    static boolean pause() {
        if (owner == null || Thread.currentThread() != owner) return false;
        owner = null;
        return true;
    }

    static void resume() {
        owner = Thread.currentThread();
    }

    static void output(String path) {
        out = path;
    }

    /**
     * Writes the counts to the output file: {@code total N}, {@code own N} (bytecodes of the
     * solution's classes alone), one {@code window N} per window (each measured call) in order,
     * then one {@code line L N} per source line with a count (line 0: before the first solution
     * line ran).
     */
    public static synchronized void dump() {
        owner = null;
        long total = 0;
        for (long count : lines) total += count;
        StringBuilder text = new StringBuilder();
        text.append("total ").append(total).append('\n');
        text.append("own ").append(own).append('\n');
        for (int i = 0; i < windows; i++) text.append("window ").append(windowCounts[i]).append('\n');
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] != 0) text.append("line ").append(i).append(' ').append(lines[i]).append('\n');
        }
        try (FileOutputStream f = new FileOutputStream(out)) {
            f.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            System.err.println("effiskel bytecode agent: cannot write " + out + ": " + e);
        }
    }
}
