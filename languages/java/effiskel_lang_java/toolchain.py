"""Building and running Java solutions: the harness generator and the program spec.

The solution is ``Solution.java`` as given (a non-public ``class Solution`` with a static entry
point, plus whatever other classes it defines; an instance method works too, called on a fresh
``new Solution()`` made before the clock starts). For a function task the harness is the public
class ``EffiskelMain`` in ``EffiskelMain.java`` (not ``Main``: a solution may well define a class
of that name). Both are compiled with ``javac``, and every class file produced (nested and
anonymous classes included) is packed into ``solution.jar``, the one artifact, which runs as
``java -Xmx<MEMORY_MIB>m -Xss<STACK_MIB>m -XX:+UseSerialGC -cp solution.jar <main class>``.

Types: ``int`` is ``long``, ``float`` ``double``, ``bool`` ``boolean``, ``str`` ``String`` and
``list[T]`` ``T[]`` (``long[]``, ``long[][]``, ``String[]``, ``double[]``, ``boolean[]``). The
return value may also be any type that converts: ``int``, boxed numbers, ``int[]``, a
``List<Integer>`` or ``List<List<String>>`` (the writers fall back to a run-time dispatch).
"""

from __future__ import annotations

import os
import shutil

from effiskel.datamodel import Signature, TaskKind
from effiskel.harness import ValueType, signature_types
from effiskel.sandbox import Limits
from effiskel.toolchain import ProgramSpec

#: Heap of a run (-Xmx). The JVM reserves far more address space than it uses, so a run has no
#: RLIMIT_AS: this is its memory limit.
MEMORY_MIB = 512
#: The run's memory limit reaches the JVM as this flag (effiskel fills in {mib}).
MEMORY_FLAG = "-Xmx{mib}m"
#: Stack of the thread that runs main() (-Xss; the java launcher starts main in a thread of
#: this size), as large as the sandbox's RLIMIT_STACK for native programs.
STACK_MIB = 256
#: RLIMIT_NPROC of a run: it counts threads, and a JVM starts a few dozen (GC, JIT compilers, ...).
PROCESSES = 1024
#: The harness's class (and file) name.
MAIN_CLASS = "EffiskelMain"
#: Options of the JVMs that compile (javac, jar): short-lived, so no C2 and a small heap.
BUILD_JVM = ("-J-Xmx1g", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-J-XX:-UsePerfData")


def java_home() -> str | None:
    """The JDK's home (``$JAVA_HOME``, else the one of ``javac`` on PATH), or None."""
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "javac"), os.X_OK):
        return os.path.realpath(home)
    javac = shutil.which("javac")
    if javac is None:
        return None
    return os.path.dirname(os.path.dirname(os.path.realpath(javac)))


def tool(name: str) -> str | None:
    """The real path of a JDK tool (java, javac, jar), or None."""
    home = java_home()
    if home is None:
        return None
    path = os.path.join(home, "bin", name)
    return path if os.access(path, os.X_OK) else None


def readable_paths(home: str) -> tuple[str, ...]:
    """What the JVM must read in the sandbox: the JDK, and the configuration directory that
    Debian-style packages link its ``conf/`` to (``/etc/java-<N>-openjdk``)."""
    paths = [home]
    security = os.path.realpath(os.path.join(home, "conf", "security", "java.security"))
    if os.path.exists(security) and not security.startswith(home.rstrip("/") + "/"):
        paths.append(os.path.dirname(os.path.dirname(security)))
    return tuple(paths)


def toolchain_problem() -> str | None:
    if java_home() is None:
        return "no JDK: javac is not on PATH and $JAVA_HOME is not set (apt-get install openjdk-17-jdk-headless)"
    missing = [name for name in ("javac", "java", "jar") if tool(name) is None]
    if missing:
        return f"the JDK at {java_home()} lacks {', '.join(missing)}"
    return None


def java_type(value_type: ValueType) -> str:
    """The Java type a solution receives for a signature type."""
    name = value_type.name
    if name == "int":
        return "long"
    if name == "float":
        return "double"
    if name == "bool":
        return "boolean"
    if name == "str":
        return "String"
    if name == "list":
        assert value_type.element is not None
        return java_type(value_type.element) + "[]"
    raise ValueError(f"the Java harness does not support the type {value_type}: {name} is Python-only")


def _code(value_type: ValueType) -> str:
    if value_type.name == "list":
        assert value_type.element is not None
        return "L" + _code(value_type.element)
    return {"int": "i", "float": "f", "bool": "b", "str": "s"}[value_type.name]


def _new_array(element: ValueType, length: str) -> str:
    """``new long[n]``, ``new long[n][]``, ``new String[n][][]`` for an array of ``element``."""
    text = java_type(element)
    base = text.split("[", 1)[0]
    return f"new {base}[{length}]{text[len(base):]}"


_PRELUDE = r'''// The effiskel harness (generated): reads the arguments on stdin, calls the entry point,
// reports on the descriptor named by $EFFISKEL_FD. See effiskel/harness.py for the protocol.
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

public class @MAIN@ {
    private static byte[] in;
    private static int pos;
    /** Every result lands here, so the JIT cannot drop a call whose value is unused. */
    public static volatile Object sink;

    private static final class BadInput extends RuntimeException {
        BadInput(String what) { super("malformed input (" + what + ") at byte " + pos); }
    }

    private static final class Out {
        byte[] buf = new byte[1 << 16];
        int n;

        void room(int more) {
            if (n + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }

        void put(byte b) { room(1); buf[n++] = b; }

        void put(byte[] bytes) { room(bytes.length); System.arraycopy(bytes, 0, buf, n, bytes.length); n += bytes.length; }

        void ascii(String s) {
            int len = s.length();
            room(len);
            for (int i = 0; i < len; i++) buf[n++] = (byte) s.charAt(i);
        }
    }

    private static void skip() {
        byte[] d = in;
        int p = pos;
        while (p < d.length && (d[p] == ' ' || d[p] == '\n' || d[p] == '\t' || d[p] == '\r')) p++;
        pos = p;
    }

    private static String word() {
        skip();
        int start = pos;
        while (pos < in.length && !(in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\t' || in[pos] == '\r')) pos++;
        return new String(in, start, pos - start, StandardCharsets.US_ASCII);
    }

    static long r_i() {
        skip();
        byte[] d = in;
        int p = pos;
        boolean negative = false;
        if (p < d.length && d[p] == '-') { negative = true; p++; }
        int start = p;
        long value = 0;
        while (p < d.length && d[p] >= '0' && d[p] <= '9') value = value * 10 + (d[p++] - '0');
        if (p == start) throw new BadInput("an integer");
        pos = p;
        return negative ? -value : value;
    }

    static double r_f() {
        String w = word();
        switch (w.toLowerCase()) {
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            case "nan": case "+nan": case "-nan": return Double.NaN;
            default:
                try {
                    return Double.parseDouble(w);
                } catch (NumberFormatException e) {
                    throw new BadInput("a float");
                }
        }
    }

    static boolean r_b() { return r_i() != 0; }

    static String r_s() {
        long length = r_i();
        int start = pos + 1;  // exactly one space between the length and the bytes
        if (length < 0 || start + length > in.length) throw new BadInput("a string");
        pos = start + (int) length;
        return new String(in, start, (int) length, StandardCharsets.UTF_8);
    }

    static int count() {
        long n = r_i();
        if (n < 0 || n > Integer.MAX_VALUE) throw new BadInput("a list length");
        return (int) n;
    }

    private static IllegalStateException wrongType(Object v, String expected) {
        String got = v == null ? "null" : v.getClass().getTypeName();
        return new IllegalStateException("the entry point returned " + got + " where " + expected + " was expected");
    }

    static void w_i(Out o, long v) { o.ascii(Long.toString(v)); }

    static void w_i(Out o, Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) w_i(o, ((Number) v).longValue());
        else if (v instanceof java.math.BigInteger) w_i(o, ((java.math.BigInteger) v).longValueExact());
        else if (v instanceof Character) w_i(o, (long) (Character) v);
        else throw wrongType(v, "an int");
    }

    static void w_f(Out o, double v) {
        if (Double.isNaN(v)) o.ascii("nan");
        else if (Double.isInfinite(v)) o.ascii(v > 0 ? "inf" : "-inf");
        else o.ascii(Double.toString(v));
    }

    static void w_f(Out o, Object v) {
        if (v instanceof Number) w_f(o, ((Number) v).doubleValue());
        else throw wrongType(v, "a float");
    }

    static void w_b(Out o, boolean v) { o.put((byte) (v ? '1' : '0')); }

    static void w_b(Out o, Object v) {
        if (v instanceof Boolean) w_b(o, ((Boolean) v).booleanValue());
        else throw wrongType(v, "a bool");
    }

    static void w_s(Out o, String v) {
        if (v == null) throw wrongType(null, "a str");
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        o.ascii(Integer.toString(bytes.length));
        o.put((byte) ' ');
        o.put(bytes);
    }

    static void w_s(Out o, Object v) {
        if (v instanceof CharSequence || v instanceof Character) w_s(o, v.toString());
        else if (v instanceof char[]) w_s(o, new String((char[]) v));
        else throw wrongType(v, "a str");
    }

    /** The elements of a returned list of another type than the canonical array (int[], List, ...). */
    static Object[] elements(Object v, String expected) {
        if (v instanceof java.util.Collection) return ((java.util.Collection<?>) v).toArray();
        if (v != null && v.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(v);
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) items[i] = java.lang.reflect.Array.get(v, i);
            return items;
        }
        throw wrongType(v, expected);
    }

    private static String oneLine(String text) {
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getName();
        return message == null || message.isEmpty() ? name : name + ": " + message;
    }

    // Counting hooks: empty (and inlined away) in a plain run; the bytecode-counting agent
    // (effiskel_lang_java/agent) rewrites them to open and close its window around the
    // measured call and to write its counts before the JVM halts.
    static void effiskelCountStart() {}

    static void effiskelCountStop() {}

    static void effiskelCountDump() {}

    /** Peak resident memory (VmHWM of /proc/self/status), in bytes; -1 if unknown. */
    private static long peakRss() {
        try (FileInputStream f = new FileInputStream("/proc/self/status")) {
            for (String line : new String(f.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /** CPU seconds (user + system) of the whole process, every thread included: utime + stime of
     *  /proc/self/stat, in clock ticks of 1/100 s (USER_HZ, 100 on Linux). */
    private static double cpuSeconds() {
        try (FileInputStream f = new FileInputStream("/proc/self/stat")) {
            String stat = new String(f.readAllBytes(), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0.0;
        }
    }
'''

_MAIN = r'''
    public static void main(String[] args) throws IOException {
        String fd = System.getenv("EFFISKEL_FD");
        if (fd == null) {
            System.err.println("effiskel harness: $EFFISKEL_FD is not set");
            Runtime.getRuntime().halt(2);
        }
        OutputStream report = new FileOutputStream("/proc/self/fd/" + Integer.parseInt(fd.trim()));
        in = System.in.readAllBytes();
        pos = 0;
        long warmup = r_i(), repeat = r_i();
        long count = r_i();
        Out o = new Out();
        long[] times = new long[(int) Math.max(0, repeat)];
        for (long input = 0; input < count; input++) {
@READ@
            o.n = 0;
            if (repeat == 0) {
                o.ascii("skip\n");
                report.write(o.buf, 0, o.n);
                continue;
            }
            try {
                long last = warmup + repeat - 1;
                for (long k = 0; k <= last; k++) {
@COPY@
                    // An instance serves LeetCode-style instance methods; static ones ignore it.
                    if (k >= warmup) effiskelCountStart();
                    Solution self = new Solution();
                    long t0 = System.nanoTime();
                    var result = self.@ENTRY@(@CALL@);
                    long t1 = System.nanoTime();
                    effiskelCountStop();
                    sink = result;
                    if (k >= warmup) times[(int) (k - warmup)] = t1 - t0;
                    if (k == last) {
                        o.ascii("ok " + repeat);
                        for (long t : times) o.ascii(" " + t);
                        o.put((byte) '\n');
                        w_@RET@(o, result);
                        o.put((byte) '\n');
                    }
                }
            } catch (Throwable t) {
                sink = null;
                o.n = 0;
                o.ascii("error ");
                o.put(oneLine(describe(t)).getBytes(StandardCharsets.UTF_8));
                o.put((byte) '\n');
                report.write(o.buf, 0, o.n);
                report.flush();
                Runtime.getRuntime().halt(1);
            }
            report.write(o.buf, 0, o.n);
            report.flush();
        }
        long peak = peakRss();
        o.n = 0;
        o.ascii("done " + cpuSeconds() + " " + Math.max(peak, 0) + "\n");
        report.write(o.buf, 0, o.n);
        report.flush();
        report.close();
        effiskelCountDump();
        System.out.flush();
        // halt, not exit: threads or shutdown hooks the solution left behind cannot hold the run.
        Runtime.getRuntime().halt(0);
    }
}
'''


def _list_functions(value_type: ValueType, done: dict[str, str]) -> None:
    if value_type.name != "list":
        return
    element = value_type.element
    assert element is not None
    _list_functions(element, done)
    code, inner = _code(value_type), _code(element)
    if code in done:
        return
    jtype, etype = java_type(value_type), java_type(element)
    if element.name == "list":
        copy = (f"        {jtype} b = {_new_array(element, 'a.length')};\n"
                f"        for (int i = 0; i < a.length; i++) b[i] = c_{inner}(a[i]);\n"
                f"        return b;")
    else:  # scalars and Strings are immutable: a shallow clone is a deep copy
        copy = "        return a.clone();"
    done[code] = f'''
    static {jtype} r_{code}() {{
        int n = count();
        {jtype} a = {_new_array(element, 'n')};
        for (int i = 0; i < n; i++) a[i] = r_{inner}();
        return a;
    }}

    static {jtype} c_{code}({jtype} a) {{
{copy}
    }}

    static void w_{code}(Out o, {jtype} v) {{
        if (v == null) throw wrongType(null, "a {value_type}");
        o.ascii(Integer.toString(v.length));
        for ({etype} x : v) {{
            o.put((byte) ' ');
            w_{inner}(o, x);
        }}
    }}

    static void w_{code}(Out o, Object v) {{
        if (v instanceof {jtype}) {{
            w_{code}(o, ({jtype}) v);
            return;
        }}
        Object[] items = elements(v, "a {value_type}");
        o.ascii(Integer.toString(items.length));
        for (Object x : items) {{
            o.put((byte) ' ');
            w_{inner}(o, x);
        }}
    }}
'''


def harness(signature: Signature) -> str:
    """The Java harness (class ``EffiskelMain``) for a function task; it calls ``Solution``."""
    params, returns = signature_types(signature)
    for t in [*params, returns]:
        java_type(t)  # raises for unsupported types
    functions: dict[str, str] = {}
    for t in [*params, returns]:
        _list_functions(t, functions)
    read = "\n".join(f"            {java_type(t)} a{i} = r_{_code(t)}();" for i, t in enumerate(params))
    copy = "\n".join(
        f"                    {java_type(t)} c{i} = " + (f"c_{_code(t)}(a{i});" if t.name == "list" else f"a{i};")
        for i, t in enumerate(params)
    )
    call = ", ".join(f"c{i}" for i in range(len(params)))
    main = (_MAIN.replace("@ENTRY@", signature.entry_point).replace("@READ@", read)
            .replace("@COPY@", copy).replace("@CALL@", call).replace("@RET@", _code(returns)))
    return _PRELUDE.replace("@MAIN@", MAIN_CLASS) + "".join(functions.values()) + main


def _stdio_main(source: str) -> str:
    """The class of a stdio solution that holds ``main``: ``Main`` (the usual name), else the
    public class, else the first class with a ``main`` method."""
    import re

    if re.search(r"\bclass\s+Main\b", source):
        return "Main"
    public = re.search(r"\bpublic\s+(?:final\s+)?class\s+([A-Za-z_$][\w$]*)", source)
    if public:
        return public.group(1)
    for match in re.finditer(r"\bclass\s+([A-Za-z_$][\w$]*)", source):
        rest = source[match.end():]
        following = re.search(r"\bclass\s+[A-Za-z_$]", rest)
        body = rest[: following.start()] if following else rest
        if re.search(r"\bstatic\s+void\s+main\s*\(", body):
            return match.group(1)
    return "Main"


def program(source: str, kind: TaskKind, signature: Signature | None = None) -> ProgramSpec:
    javac = tool("javac") or "javac"
    jar = tool("jar") or "jar"
    java = tool("java") or "java"
    home = java_home()
    if kind is TaskKind.FUNCTION:
        if signature is None:
            raise ValueError("a function task needs a signature")
        main_class = MAIN_CLASS
        files = {"Solution.java": source, f"{MAIN_CLASS}.java": harness(signature)}
    else:
        main_class = _stdio_main(source)
        files = {f"{main_class}.java": source}
    return ProgramSpec(
        language="java",
        files=files,
        build=[
            (javac, *BUILD_JVM, "-encoding", "UTF-8", "-nowarn", "-d", "classes", *sorted(files)),
            (jar, *BUILD_JVM, "--create", "--no-compress", "--file", "solution.jar", "-C", "classes", "."),
        ],
        run=(java, MEMORY_FLAG, f"-Xss{STACK_MIB}m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
             "-cp", "solution.jar", main_class),
        artifacts=("solution.jar",),
        read_only=readable_paths(home) if home else (),
        build_limits=Limits(wall_seconds=120, memory_bytes=None, processes=PROCESSES),
        run_limits={"processes": PROCESSES},
        memory_flag=MEMORY_FLAG,
        default_memory_bytes=MEMORY_MIB * 1024 * 1024,
    )
