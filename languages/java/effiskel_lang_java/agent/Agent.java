package effiskel.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A java.lang.instrument agent that counts executed bytecode instructions, deterministically.
 *
 * <p>Options (comma-separated {@code key=value}): {@code harness=NAME} the harness's class (its
 * hooks {@code effiskelCountStart/Stop/Dump} are rewritten to open and close the counting window
 * around the measured call and to write the counts); {@code out=FILE} where the counts go.
 * Classes of the application class loader other than the harness are the solution's; every
 * other class (the JDK) is the library.
 *
 * <p>It needs nothing on the command line but {@code -javaagent}: it exports the JDK's internal
 * ASM to itself and lets every module read the counter.
 */
public final class Agent {
    private Agent() {}

    /** Packages whose classes loaded before the agent started are instrumented: the library a
     *  solution calls (strings, boxes, Math, collections, sorting, big numbers). The rest of the
     *  start-up classes (the launcher, module system, class loaders, I/O, security, method
     *  handles) run uncounted; rewriting them would take seconds in every run. Every class loaded
     *  later is instrumented, whatever its package. */
    private static final String[] LIBRARY = {
        "java/lang/", "java/util/", "java/math/", "java/text/", "jdk/internal/util/", "jdk/internal/misc/",
        "jdk/internal/math/",
    };
    private static final String[] NOT_LIBRARY = {
        "java/lang/invoke/", "java/lang/reflect/", "java/lang/ref/", "java/lang/module/", "java/lang/instrument/",
        "java/lang/constant/", "java/util/jar/", "java/util/zip/",
    };

    static boolean library(String name) {
        for (String prefix : NOT_LIBRARY) if (name.startsWith(prefix)) return false;
        for (String prefix : LIBRARY) if (name.startsWith(prefix)) return true;
        return false;
    }

    public static void premain(String args, Instrumentation inst) throws Exception {
        String harness = "EffiskelMain";
        for (String option : (args == null ? "" : args).split(",")) {
            if (option.isEmpty()) continue;
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "" : option.substring(eq + 1);
            switch (key) {
                case "harness": harness = value; break;
                case "out": Counter.output(value); break;
                default: throw new IllegalArgumentException("effiskel bytecode agent: unknown option " + key);
            }
        }
        Module self = Agent.class.getModule();
        Module base = Object.class.getModule();
        inst.redefineModule(base, Set.of(), Map.of(
                "jdk.internal.org.objectweb.asm", Set.of(self),
                "jdk.internal.org.objectweb.asm.tree", Set.of(self)), Map.of(), Set.of(), Map.of());
        for (Module module : ModuleLayer.boot().modules()) {
            inst.redefineModule(module, Set.of(self), Map.of(), Map.of(), Set.of(), Map.of());
        }
        Transformer transformer = new Transformer(harness);
        transformer.warmUp();  // loads ASM's classes before any transformation can need them
        inst.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            String name = c.getName().replace('.', '/');
            if (inst.isModifiableClass(c) && !c.isHidden() && Transformer.instrumentable(name) && library(name)) {
                loaded.add(c);
            }
        }
        try {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));  // one VM operation for all
        } catch (Throwable batch) {
            for (Class<?> c : loaded) {
                try {
                    inst.retransformClasses(c);
                } catch (Throwable e) {
                    // A class the JVM will not let us change runs uncounted, the same in every run.
                }
            }
        }
    }
}
