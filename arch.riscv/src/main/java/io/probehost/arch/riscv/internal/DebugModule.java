package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.probehost.api.TargetException;
import io.probehost.arch.riscv.internal.Dmi.Operation;

/**
 * The host side of a 0.13.2 Debug Module (riscv-debug.md §2, §5) for one selected hart: activation,
 * halt and resume requests, {@code havereset}, reset requests, Access Register commands (several in
 * one DMI batch, {@code cmderr} checked once at the end since it stops every later command), and
 * running instructions from the program buffer, with an {@code ebreak} appended unless the DM has
 * {@code impebreak} and the last word is used.
 */
public final class DebugModule {
    static final int DATA0 = 0x04;
    static final int DATA1 = 0x05;
    static final int DMCONTROL = 0x10;
    static final int DMSTATUS = 0x11;
    static final int ABSTRACTCS = 0x16;
    static final int COMMAND = 0x17;
    static final int ABSTRACTAUTO = 0x18;
    static final int PROGBUF0 = 0x20;
    static final int SBCS = 0x38;
    static final int DMCONTROL_HALTREQ = 1 << 31;
    static final int DMCONTROL_RESUMEREQ = 1 << 30;
    static final int DMCONTROL_ACKHAVERESET = 1 << 28;
    static final int DMCONTROL_SETRESETHALTREQ = 1 << 3;
    static final int DMCONTROL_CLRRESETHALTREQ = 1 << 2;
    static final int DMCONTROL_NDMRESET = 1 << 1;
    static final int DMCONTROL_DMACTIVE = 1;
    static final int DMSTATUS_ALLHAVERESET = 1 << 19;
    static final int DMSTATUS_ALLRESUMEACK = 1 << 17;
    static final int DMSTATUS_ANYNONEXISTENT = 1 << 14;
    static final int DMSTATUS_ANYUNAVAIL = 1 << 12;
    static final int DMSTATUS_ALLHALTED = 1 << 9;
    static final int DMSTATUS_AUTHENTICATED = 1 << 7;
    static final int DMSTATUS_HASRESETHALTREQ = 1 << 5;
    static final int DMSTATUS_IMPEBREAK = 1 << 22;
    static final int ABSTRACTCS_BUSY = 1 << 12;
    static final int CMDERR_CLEAR = 0x700;
    /** Access Register, 32 bits, transfer (riscv-debug.md §2.5). */
    static final int ACCESS_REGISTER_32 = 2 << 20 | 1 << 17;
    static final int COMMAND_WRITE = 1 << 16;
    static final int COMMAND_POSTEXEC = 1 << 18;
    static final int EBREAK = 0x0010_0073;
    static final int GPR_BASE = 0x1000;
    private static final Duration ABSTRACT_BUSY_LIMIT = Duration.ofSeconds(1);

    private final Dmi dmi;
    private final int hartsel;
    private final int progbufSize;
    private final int dataCount;
    private final boolean impebreak;
    private final boolean resetHaltRequest;
    private final int version;
    private final int sbcs;
    private int[] loadedProgram = new int[0];

    private DebugModule(Dmi dmi, int hart, int abstractcs, int dmstatus, int sbcs) {
        this.sbcs = sbcs;
        this.dmi = dmi;
        this.hartsel = (hart & 0x3FF) << 16 | (hart >>> 10 & 0x3FF) << 6;
        this.progbufSize = abstractcs >>> 24 & 0x1F;
        this.dataCount = abstractcs & 0xF;
        this.impebreak = (dmstatus & DMSTATUS_IMPEBREAK) != 0;
        this.resetHaltRequest = (dmstatus & DMSTATUS_HASRESETHALTREQ) != 0;
        this.version = dmstatus & 0xF;
    }

    /**
     * Resets and activates the DM (dmactive 0, then 1, each polled: 1.0 requires it), checks its version
     * (0.13 or 1.0) and authentication, and selects {@code hart}, which must exist.
     */
    public static DebugModule activate(Dmi dmi, int hart, Duration timeout) {
        dmi.write(DMCONTROL, 0);
        Polling.until(() -> (dmi.read(DMCONTROL) & DMCONTROL_DMACTIVE) == 0, timeout,
                "the Debug Module did not deactivate");
        dmi.write(DMCONTROL, DMCONTROL_DMACTIVE);
        Polling.until(() -> (dmi.read(DMCONTROL) & DMCONTROL_DMACTIVE) != 0, timeout,
                "the Debug Module did not activate (dmcontrol.dmactive stays 0)");
        int dmstatus = dmi.read(DMSTATUS);
        int version = dmstatus & 0xF;
        if (version != 2 && version != 3) {
            throw new TargetException(String.format("the Debug Module reports version %d in dmstatus 0x%08X; only "
                    + "0.13 (2) and 1.0 (3) are supported", version, dmstatus));
        }
        if ((dmstatus & DMSTATUS_AUTHENTICATED) == 0) {
            throw new TargetException("the Debug Module requires authentication, which is not supported");
        }
        int select = (hart & 0x3FF) << 16 | (hart >>> 10 & 0x3FF) << 6;
        int[] values = dmi.run(List.of(Operation.write(DMCONTROL, DMCONTROL_DMACTIVE | select),
                Operation.read(DMSTATUS), Operation.read(ABSTRACTCS), Operation.read(SBCS)));
        if ((values[0] & DMSTATUS_ANYNONEXISTENT) != 0) {
            throw new TargetException("hart " + hart + " does not exist on this Debug Module");
        }
        return new DebugModule(dmi, hart, values[1], values[0], values[2]);
    }

    public Dmi dmi() {
        return dmi;
    }

    /** {@code dmstatus.version}: 2 for 0.13, 3 for 1.0. */
    public int version() {
        return version;
    }

    public int programBufferSize() {
        return progbufSize;
    }

    public int dataCount() {
        return dataCount;
    }

    public boolean hasImplicitEbreak() {
        return impebreak;
    }

    public boolean hasResetHaltRequest() {
        return resetHaltRequest;
    }

    /** {@code sbcs} as read at activation: 0 on a DM without System Bus Access. */
    public int systemBusControl() {
        return sbcs;
    }

    /** A dmcontrol value: dmactive, the selected hart and {@code bits}. */
    int control(int bits) {
        return DMCONTROL_DMACTIVE | hartsel | bits;
    }

    public void writeControl(int bits) {
        dmi.write(DMCONTROL, control(bits));
    }

    public int status() {
        return dmi.read(DMSTATUS);
    }

    public boolean isHalted() {
        return (status() & DMSTATUS_ALLHALTED) != 0;
    }

    /** Requests a halt, waits for {@code allhalted}, then drops the request. */
    public void halt(Duration timeout) {
        writeControl(DMCONTROL_HALTREQ);
        try {
            Polling.until(this::isHalted, timeout, "the hart did not halt within " + timeout.toMillis() + " ms");
        } finally {
            writeControl(0);
        }
    }

    /** Requests a resume and waits for {@code allresumeack} (not for running: the hart may halt again at once). */
    public void resume(Duration timeout) {
        writeControl(DMCONTROL_RESUMEREQ);
        Polling.until(() -> (status() & DMSTATUS_ALLRESUMEACK) != 0, timeout,
                "the hart did not acknowledge the resume request");
    }

    public long readRegister(int regno) {
        return readRegisters(new int[] {regno})[0];
    }

    /** Reads registers by {@code regno} (riscv-debug.md §2.5) in one DMI batch. */
    public long[] readRegisters(int[] regnos) {
        List<Operation> operations = new ArrayList<>();
        for (int regno : regnos) {
            operations.add(Operation.write(COMMAND, ACCESS_REGISTER_32 | regno));
            operations.add(Operation.read(DATA0));
        }
        int[] values = runCommands(operations, () -> String.format("reading register 0x%04X", regnos[0]));
        long[] result = new long[regnos.length];
        for (int i = 0; i < regnos.length; i++) {
            result[i] = values[i] & 0xFFFF_FFFFL;
        }
        return result;
    }

    public void writeRegister(int regno, long value) {
        writeRegisters(new int[] {regno}, new long[] {value});
    }

    /** Writes registers by {@code regno} in one DMI batch. */
    public void writeRegisters(int[] regnos, long[] values) {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < regnos.length; i++) {
            operations.add(Operation.write(DATA0, (int) values[i]));
            operations.add(Operation.write(COMMAND, ACCESS_REGISTER_32 | COMMAND_WRITE | regnos[i]));
        }
        runCommands(operations, () -> String.format("writing register 0x%04X", regnos[0]));
    }

    /** Whether {@code count} instructions fit the program buffer with its closing {@code ebreak}. */
    public boolean programFits(int count) {
        return count + (impebreak ? 0 : 1) <= progbufSize;
    }

    /**
     * Loads instructions into the program buffer (an {@code ebreak} after them unless {@code impebreak}
     * covers it); a program already loaded is not written again.
     */
    public void loadProgram(int... instructions) {
        if (!programFits(instructions.length)) {
            throw new TargetException(String.format("the program buffer holds %d words%s; %d instructions do not fit",
                    progbufSize, impebreak ? " and an implicit ebreak" : "", instructions.length));
        }
        int[] words = instructions;
        if (instructions.length < progbufSize) {
            words = Arrays.copyOf(instructions, instructions.length + 1);
            words[instructions.length] = EBREAK;
        }
        if (Arrays.equals(words, loadedProgram)) {
            return;
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            operations.add(Operation.write(PROGBUF0 + i, words[i]));
        }
        dmi.run(operations);
        loadedProgram = words;
    }

    /** Runs the loaded program once (Access Register with postexec and no transfer). */
    public void runProgram(String what) {
        runCommands(List.of(Operation.write(COMMAND, COMMAND_POSTEXEC)), () -> what);
    }

    /** Loads and runs {@code instructions} once. */
    public void execute(String what, int... instructions) {
        loadProgram(instructions);
        runProgram(what);
    }

    /** Forgets which program is loaded (after a reset of the DM or the hart). */
    public void forgetProgram() {
        loadedProgram = new int[0];
    }

    /**
     * Runs a batch of abstract commands and their data accesses, then reads {@code abstractcs} once
     * ({@code cmderr} stops every later command, so one check covers the batch); returns the values read
     * before it, and throws {@link AbstractCommandException} naming {@code what} for a set {@code cmderr}.
     */
    public int[] runCommands(List<Operation> operations, Supplier<String> what) {
        List<Operation> all = new ArrayList<>(operations);
        all.add(Operation.read(ABSTRACTCS));
        int[] values = dmi.run(all);
        checkCommands(values[values.length - 1], what);
        return Arrays.copyOf(values, values.length - 1);
    }

    /**
     * Checks the {@code abstractcs} read at the end of a batch: waits while busy, then clears and throws
     * a set {@code cmderr}.
     */
    public void checkCommands(int abstractcs, Supplier<String> what) {
        int value = abstractcs;
        if ((value & ABSTRACTCS_BUSY) != 0) {
            Polling.until(() -> (dmi.read(ABSTRACTCS) & ABSTRACTCS_BUSY) == 0, ABSTRACT_BUSY_LIMIT,
                    what.get() + ": the abstract command stays busy");
            value = dmi.read(ABSTRACTCS);
        }
        int cmderr = value >>> 8 & 7;
        if (cmderr != 0) {
            dmi.write(ABSTRACTCS, CMDERR_CLEAR);
            throw new AbstractCommandException(what.get(), cmderr);
        }
    }
}
