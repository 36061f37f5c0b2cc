package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.probehost.api.TargetException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.ResetType;

/**
 * {@link CoreControl} of one RV32 hart: run control through {@link Hart} (resume and step leave a
 * software breakpoint at the pc first), {@code dcsr.cause} as the halt reason (a trigger at a
 * hardware breakpoint's address is a breakpoint, any other a watchpoint), registers by abstract
 * command, and resets: {@link ResetType#HARDWARE} through the probe's reset pin when it has one, the
 * target's system reset otherwise.
 */
final class RiscvCore implements CoreControl {
    private static final String EXTENSION_ORDER = "IEMAFDQCBVPNHSU";

    private final Hart hart;
    private final RiscvBreakpoints breakpoints;
    private final SystemReset systemReset;
    private final Optional<SystemReset> pinReset;
    private List<CoreRegister> present;

    RiscvCore(Hart hart, RiscvBreakpoints breakpoints, SystemReset systemReset, Optional<SystemReset> pinReset) {
        this.hart = hart;
        this.breakpoints = breakpoints;
        this.systemReset = systemReset;
        this.pinReset = pinReset;
    }

    /** RV32 and the standard extensions {@code misa} lists, such as {@code RV32IMAC}. */
    @Override
    public String coreName() {
        return coreName(hart.misa());
    }

    static String coreName(long misa) {
        StringBuilder name = new StringBuilder("RV32");
        for (char extension : EXTENSION_ORDER.toCharArray()) {
            if (extension != 'S' && extension != 'U' && (misa >>> (extension - 'A') & 1) != 0) {
                name.append(extension);
            }
        }
        return name.toString();
    }

    @Override
    public void halt(Duration timeout) {
        hart.halt(timeout);
    }

    /** Lets a halted hart run (a running one is left as it is). */
    @Override
    public void resume() {
        if (!hart.isHalted()) {
            return;
        }
        long pc = hart.readRegister(RiscvRegisters.DPC);
        if (breakpoints.hasAt(pc)) {
            breakpoints.stepOver(pc, hart::step);
        }
        hart.resume();
    }

    @Override
    public void step() {
        hart.requireHalted("step");
        long pc = hart.readRegister(RiscvRegisters.DPC);
        breakpoints.stepOver(pc, hart::step);
    }

    @Override
    public boolean isHalted() {
        return hart.isHalted();
    }

    @Override
    public Optional<HaltReason> haltReason() {
        if (!hart.isHalted()) {
            return Optional.empty();
        }
        return Optional.of(hart.haltReason(() -> breakpoints.hardwareAt(hart.readRegister(RiscvRegisters.DPC))
                ? HaltReason.BREAKPOINT : HaltReason.WATCHPOINT));
    }

    @Override
    public void reset(ResetType type) {
        resetWith(type).reset(hart, false, hart.timeout());
    }

    @Override
    public void resetAndHalt(ResetType type, Duration timeout) {
        resetWith(type).reset(hart, true, timeout);
    }

    private SystemReset resetWith(ResetType type) {
        return type == ResetType.HARDWARE ? pinReset.orElse(systemReset) : systemReset;
    }

    /**
     * x0-x31, pc and the CSRs of the list this hart has: each CSR is read once, on a halted hart, and one
     * the Debug Module refuses is left out (a running hart gets the whole list, without the check).
     */
    @Override
    public List<CoreRegister> registers() {
        if (present == null) {
            if (!hart.isHalted()) {
                return RiscvRegisters.ALL;
            }
            present = RiscvRegisters.ALL.stream().filter(this::readable).toList();
        }
        return present;
    }

    private boolean readable(CoreRegister register) {
        if (register.number() >= DebugModule.GPR_BASE || register.number() == RiscvRegisters.DPC) {
            return true;
        }
        try {
            hart.readRegister(register.number());
            return true;
        } catch (AbstractCommandException absent) {
            return false;
        }
    }

    @Override
    public Optional<CoreRegister> register(String name) {
        return RiscvRegisters.named(name);
    }

    @Override
    public long readRegister(CoreRegister register) {
        return hart.readRegister(register.number());
    }

    @Override
    public long[] readRegisters(List<CoreRegister> wanted) {
        hart.requireHalted("read registers");
        return hart.debugModule().readRegisters(wanted.stream().mapToInt(CoreRegister::number).toArray());
    }

    @Override
    public void writeRegister(CoreRegister register, long value) {
        if (register.number() == DebugModule.GPR_BASE) {
            throw new TargetException("register zero (x0) is always 0 and cannot be written");
        }
        hart.writeRegister(register.number(), value & register.mask());
    }
}
