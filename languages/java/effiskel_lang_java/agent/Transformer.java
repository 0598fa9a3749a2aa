package effiskel.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;

import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.Opcodes;
import jdk.internal.org.objectweb.asm.tree.AbstractInsnNode;
import jdk.internal.org.objectweb.asm.tree.ClassNode;
import jdk.internal.org.objectweb.asm.tree.FieldInsnNode;
import jdk.internal.org.objectweb.asm.tree.InsnList;
import jdk.internal.org.objectweb.asm.tree.InsnNode;
import jdk.internal.org.objectweb.asm.tree.IntInsnNode;
import jdk.internal.org.objectweb.asm.tree.JumpInsnNode;
import jdk.internal.org.objectweb.asm.tree.LabelNode;
import jdk.internal.org.objectweb.asm.tree.LdcInsnNode;
import jdk.internal.org.objectweb.asm.tree.LineNumberNode;
import jdk.internal.org.objectweb.asm.tree.LookupSwitchInsnNode;
import jdk.internal.org.objectweb.asm.tree.MethodInsnNode;
import jdk.internal.org.objectweb.asm.tree.MethodNode;
import jdk.internal.org.objectweb.asm.tree.TableSwitchInsnNode;
import jdk.internal.org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Inserts a counting probe at the start of every basic block: the block's instruction count
 * (and, in the solution's classes, its source line) goes to {@link Counter}. A block ends at a
 * branch, a branch target, a handler, a return or throw; in the solution's classes also at a
 * new source line and after every call, so that the line executing is known again when the
 * callee returns. The whole block is charged on entry: a block left by an exception is charged
 * in full, the same in every run.
 *
 * <p>Native bulk copies would otherwise cost one instruction whatever their length (a loop of
 * {@code substring} copies quadratically many characters): before every call of
 * {@code System.arraycopy} and of an array's {@code clone} the length is passed to
 * {@link Counter#copied}, which charges one instruction per element.
 *
 * <p>A probe in a class of the boot loader is inlined (the thread check and the increment,
 * about four times cheaper than a call in the interpreter): its branch target has no stack map
 * frame, which is sound because the JVM does not verify the boot loader's classes
 * (BytecodeVerificationLocal is off) and the counted run is interpreted (no compiler reads the
 * frames). Every other class gets a call, which keeps its frames valid for the verifier.
 */
final class Transformer implements ClassFileTransformer {
    private static final String COUNTER = "effiskel/agent/Counter";
    private final String harness;
    private final ThreadLocal<Boolean> busy = new ThreadLocal<>();

    Transformer(String harness) {
        this.harness = harness.replace('.', '/');
    }

    /** Whether a class may be instrumented at all: not the agent, not the ASM that it runs. */
    static boolean instrumentable(String name) {
        return !name.startsWith("effiskel/agent/") && !name.startsWith("jdk/internal/org/objectweb/asm/");
    }

    void warmUp() throws Exception {
        byte[] bytes;
        try (var in = Counter.class.getResourceAsStream("Counter.class")) {
            bytes = in.readAllBytes();
        }
        rewrite(bytes, Kind.LIBRARY);
        busy.get();
    }

    private enum Kind { HARNESS, SOLUTION, LIBRARY, BOOT }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (name == null || !instrumentable(name) || busy.get() != null) return null;
        Kind kind;
        if (name.equals(harness) || name.startsWith(harness + "$")) kind = Kind.HARNESS;
        else if (loader != null && loader == ClassLoader.getSystemClassLoader()) kind = Kind.SOLUTION;
        else kind = loader == null ? Kind.BOOT : Kind.LIBRARY;
        boolean paused = Counter.pause();
        busy.set(Boolean.TRUE);
        try {
            return rewrite(bytes, kind);
        } catch (Throwable e) {
            // Too large once instrumented, or unreadable: the class runs as it is, in every run.
            return null;
        } finally {
            busy.remove();
            if (paused) Counter.resume();
        }
    }

    private byte[] rewrite(byte[] bytes, Kind kind) {
        ClassReader reader = new ClassReader(bytes);
        ClassNode node = new ClassNode();
        reader.accept(node, 0);
        boolean changed = false;
        for (MethodNode method : node.methods) {
            if (kind == Kind.HARNESS) changed |= hook(method);
            else if (method.instructions.size() > 0) {
                probe(method, kind);
                changed = true;
            }
        }
        if (!changed) return null;
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    /** The harness's hooks become calls of the counter. */
    private static boolean hook(MethodNode method) {
        String target;
        switch (method.name) {
            case "effiskelCountStart": target = "start"; break;
            case "effiskelCountStop": target = "stop"; break;
            case "effiskelCountDump": target = "dump"; break;
            default: return false;
        }
        if (!method.desc.equals("()V") || (method.access & Opcodes.ACC_STATIC) == 0) return false;
        method.instructions.clear();
        method.tryCatchBlocks.clear();
        method.localVariables = null;
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTER, target, "()V", false));
        method.instructions.add(new InsnNode(Opcodes.RETURN));
        return true;
    }

    private static void probe(MethodNode method, Kind kind) {
        boolean solution = kind == Kind.SOLUTION;
        Set<LabelNode> targets = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode) targets.add(((JumpInsnNode) insn).label);
            else if (insn instanceof TableSwitchInsnNode) {
                targets.add(((TableSwitchInsnNode) insn).dflt);
                targets.addAll(((TableSwitchInsnNode) insn).labels);
            } else if (insn instanceof LookupSwitchInsnNode) {
                targets.add(((LookupSwitchInsnNode) insn).dflt);
                targets.addAll(((LookupSwitchInsnNode) insn).labels);
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) targets.add(block.handler);

        InsnList insns = method.instructions;
        AbstractInsnNode first = null;
        int firstLine = 0, cost = 0, line = 0;
        boolean split = true;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LabelNode) {
                if (targets.contains(insn)) split = true;
                continue;
            }
            if (insn instanceof LineNumberNode) {
                int at = ((LineNumberNode) insn).line;
                if (solution && at != line) split = true;
                line = at;
                continue;
            }
            if (insn.getOpcode() < 0) continue;  // a frame
            if (split) {
                if (first != null) insns.insertBefore(first, call(firstLine, cost, kind));
                first = insn;
                firstLine = line;
                cost = 0;
                split = false;
            }
            cost++;
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode || insn instanceof TableSwitchInsnNode
                    || insn instanceof LookupSwitchInsnNode || op == Opcodes.ATHROW
                    || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                split = true;
            } else if (solution && (insn.getType() == AbstractInsnNode.METHOD_INSN
                    || insn.getType() == AbstractInsnNode.INVOKE_DYNAMIC_INSN)) {
                split = true;
            }
        }
        if (first != null) insns.insertBefore(first, call(firstLine, cost, kind));
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode)) continue;
            MethodInsnNode call = (MethodInsnNode) insn;
            InsnList charge = new InsnList();
            if (call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals("java/lang/System")
                    && call.name.equals("arraycopy")) {
                charge.add(new InsnNode(Opcodes.DUP));  // the length, on top of the stack
            } else if (call.owner.startsWith("[") && call.name.equals("clone")) {
                charge.add(new InsnNode(Opcodes.DUP));  // the array
                charge.add(new InsnNode(Opcodes.ARRAYLENGTH));
            } else {
                continue;
            }
            charge.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTER, "copied", "(I)V", false));
            insns.insertBefore(insn, charge);
        }
    }

    private static InsnList call(int line, int cost, Kind kind) {
        InsnList list = new InsnList();
        if (kind == Kind.SOLUTION) {
            list.add(push(Math.min(Math.max(line, 0), 65535)));
            list.add(push(cost));
            list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTER, "solution", "(II)V", false));
        } else if (kind == Kind.BOOT) {
            // if (Thread.currentThread() == Counter.owner) Counter.lines[Counter.line] += cost;
            LabelNode skip = new LabelNode();
            list.add(new FieldInsnNode(Opcodes.GETSTATIC, COUNTER, "owner", "Ljava/lang/Thread;"));
            list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Thread", "currentThread",
                    "()Ljava/lang/Thread;", false));
            list.add(new JumpInsnNode(Opcodes.IF_ACMPNE, skip));
            list.add(new FieldInsnNode(Opcodes.GETSTATIC, COUNTER, "lines", "[J"));
            list.add(new FieldInsnNode(Opcodes.GETSTATIC, COUNTER, "line", "I"));
            list.add(new InsnNode(Opcodes.DUP2));
            list.add(new InsnNode(Opcodes.LALOAD));
            list.add(new LdcInsnNode((long) cost));
            list.add(new InsnNode(Opcodes.LADD));
            list.add(new InsnNode(Opcodes.LASTORE));
            list.add(skip);
        } else {
            list.add(push(cost));
            list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTER, "library", "(I)V", false));
        }
        return list;
    }

    private static AbstractInsnNode push(int value) {
        if (value >= -1 && value <= 5) return new InsnNode(Opcodes.ICONST_0 + value);
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) return new IntInsnNode(Opcodes.BIPUSH, value);
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) return new IntInsnNode(Opcodes.SIPUSH, value);
        return new LdcInsnNode(value);
    }
}
