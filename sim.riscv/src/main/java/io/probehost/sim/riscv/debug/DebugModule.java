package io.probehost.sim.riscv.debug;

import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.riscv.Hart;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A Debug Module (debug spec 0.13.2) with one hart, as the GD32VF103 has it: {@code datacount} 4,
 * {@code progbufsize} 2 with an implicit {@code ebreak}, abstract commands Access Register and
 * Access Memory (both on a halted hart only: the debugger cannot reach memory while it runs), no
 * System Bus Access, no authentication, halt-on-reset, {@code abstractauto}. Ten {@code hartsel}
 * bits are writable; every hart but 0 is nonexistent. Commands complete at once, so
 * {@code abstractcs.busy} never reads 1. {@code ndmreset} is handed to the chip, which decides
 * what it resets. Not thread-safe: the chip serialises DMI accesses with the hart's steps.
 */
public final class DebugModule {
    public static final int DATA0 = 0x04;
    public static final int DMCONTROL = 0x10;
    public static final int DMSTATUS = 0x11;
    public static final int HARTINFO = 0x12;
    public static final int HALTSUM1 = 0x13;
    public static final int ABSTRACTCS = 0x16;
    public static final int COMMAND = 0x17;
    public static final int ABSTRACTAUTO = 0x18;
    public static final int PROGBUF0 = 0x20;
    public static final int HALTSUM0 = 0x40;
    /** DMI address bits: the registers up to haltsum0 (0x40) need 7. */
    public static final int ADDRESS_BITS = 7;
    public static final int DATA_COUNT = 4;
    public static final int PROGBUF_SIZE = 2;

    static final int DMCONTROL_HALTREQ = 1 << 31;
    static final int DMCONTROL_RESUMEREQ = 1 << 30;
    static final int DMCONTROL_ACKHAVERESET = 1 << 28;
    static final int DMCONTROL_SETRESETHALTREQ = 1 << 3;
    static final int DMCONTROL_CLRRESETHALTREQ = 1 << 2;
    static final int DMCONTROL_NDMRESET = 1 << 1;
    static final int DMCONTROL_DMACTIVE = 1;
    private static final int HARTSELLO_SHIFT = 16;
    private static final int HARTSELLO_MASK = 0x3FF;
    private static final int DMSTATUS_VERSION_013 = 2;
    private static final int DMSTATUS_AUTHENTICATED = 1 << 7;
    private static final int DMSTATUS_HASRESETHALTREQ = 1 << 5;
    private static final int DMSTATUS_IMPEBREAK = 1 << 22;
    private static final int HARTINFO_NSCRATCH_2 = 2 << 20;
    private static final int CMDERR_SHIFT = 8;

    private final Hart hart;
    private final Consumer<Boolean> systemReset;
    private final int[] data = new int[DATA_COUNT];
    private final int[] programBuffer = new int[PROGBUF_SIZE];
    private final AbstractCommands commands;
    private boolean active;
    private int hartsel;
    private boolean ndmreset;
    private boolean haveReset = true;
    private boolean resumeAck;
    private boolean hartUnavailable;
    private AbstractCommandError cmderr = AbstractCommandError.NONE;
    private int command;
    private int abstractauto;

    /**
     * @param hart        the one hart (hart 0)
     * @param bus         the bus Access Memory uses: the hart's view
     * @param systemReset receives {@code ndmreset} as it is written (true: asserted)
     */
    public DebugModule(Hart hart, MemoryPort bus, Consumer<Boolean> systemReset) {
        this.hart = hart;
        this.systemReset = systemReset;
        this.commands = new AbstractCommands(hart, bus, data, programBuffer);
    }

    /** The chip reset the hart (power-on, system or hart reset): {@code havereset} is set until acknowledged. */
    public void hartReset() {
        haveReset = true;
    }

    /** The hart is held in reset (unavailable) or not. */
    public void setHartUnavailable(boolean unavailable) {
        hartUnavailable = unavailable;
    }

    public int read(int address) {
        if (!active) {
            return 0;
        }
        if (address >= DATA0 && address < DATA0 + DATA_COUNT) {
            int value = data[address - DATA0];
            autoExecute(address - DATA0);
            return value;
        }
        if (address >= PROGBUF0 && address < PROGBUF0 + PROGBUF_SIZE) {
            int value = programBuffer[address - PROGBUF0];
            autoExecute(16 + address - PROGBUF0);
            return value;
        }
        return switch (address) {
            case DMCONTROL -> hartsel << HARTSELLO_SHIFT | (ndmreset ? DMCONTROL_NDMRESET : 0) | DMCONTROL_DMACTIVE;
            case DMSTATUS -> dmstatus();
            case HARTINFO -> HARTINFO_NSCRATCH_2;
            case HALTSUM0 -> hartsel >>> 5 == 0 && hart.halted() ? 1 : 0;
            case HALTSUM1 -> hartsel >>> 10 == 0 && hart.halted() ? 1 : 0;
            case ABSTRACTCS -> PROGBUF_SIZE << 24 | cmderr.code << CMDERR_SHIFT | DATA_COUNT;
            case ABSTRACTAUTO -> abstractauto;
            default -> 0; // command is write-only; sbcs and the rest are absent
        };
    }

    public void write(int address, int value) {
        if (address == DMCONTROL) {
            writeDmcontrol(value);
            return;
        }
        if (!active) {
            return;
        }
        if (address >= DATA0 && address < DATA0 + DATA_COUNT) {
            data[address - DATA0] = value;
            autoExecute(address - DATA0);
        } else if (address >= PROGBUF0 && address < PROGBUF0 + PROGBUF_SIZE) {
            programBuffer[address - PROGBUF0] = value;
            autoExecute(16 + address - PROGBUF0);
        } else if (address == ABSTRACTCS) {
            if ((cmderr.code & ~(value >>> CMDERR_SHIFT)) == 0) {
                cmderr = AbstractCommandError.NONE; // W1C: cleared once every set bit is written as 1
            }
        } else if (address == COMMAND) {
            if (cmderr == AbstractCommandError.NONE) {
                command = value; // with cmderr set the write is ignored
                runCommand();
            }
        } else if (address == ABSTRACTAUTO) {
            abstractauto = value & (((1 << PROGBUF_SIZE) - 1) << 16 | ((1 << DATA_COUNT) - 1));
        }
    }

    private int dmstatus() {
        boolean exists = hartsel == 0;
        int status = DMSTATUS_IMPEBREAK | DMSTATUS_AUTHENTICATED | DMSTATUS_HASRESETHALTREQ | DMSTATUS_VERSION_013;
        if (!exists) {
            return status | 3 << 14; // allnonexistent, anynonexistent
        }
        status |= hartUnavailable ? 3 << 12 : hart.halted() ? 3 << 8 : 3 << 10;
        status |= resumeAck ? 3 << 16 : 0;
        status |= haveReset ? 3 << 18 : 0;
        return status;
    }

    private void writeDmcontrol(int value) {
        if ((value & DMCONTROL_DMACTIVE) == 0) {
            deactivate();
            return;
        }
        active = true;
        hartsel = value >>> HARTSELLO_SHIFT & HARTSELLO_MASK;
        boolean selected = hartsel == 0;
        boolean haltRequest = (value & DMCONTROL_HALTREQ) != 0;
        if (selected) {
            hart.setHaltRequest(haltRequest);
            if ((value & DMCONTROL_RESUMEREQ) != 0 && !haltRequest) {
                resumeAck = false;
                if (hart.halted()) {
                    hart.resume();
                    resumeAck = true;
                }
            }
            if ((value & DMCONTROL_ACKHAVERESET) != 0) {
                haveReset = false;
            }
            if ((value & DMCONTROL_SETRESETHALTREQ) != 0) {
                hart.setResetHaltRequest(true);
            } else if ((value & DMCONTROL_CLRRESETHALTREQ) != 0) {
                hart.setResetHaltRequest(false);
            }
        }
        setNdmreset((value & DMCONTROL_NDMRESET) != 0);
    }

    /** dmactive = 0: the DM's state to reset values; the hart keeps running or halted as it is. */
    private void deactivate() {
        active = false;
        hartsel = 0;
        hart.setHaltRequest(false);
        hart.setResetHaltRequest(false);
        setNdmreset(false);
        Arrays.fill(data, 0);
        Arrays.fill(programBuffer, 0);
        cmderr = AbstractCommandError.NONE;
        command = 0;
        abstractauto = 0;
    }

    private void setNdmreset(boolean asserted) {
        if (asserted != ndmreset) {
            ndmreset = asserted;
            systemReset.accept(asserted);
        }
    }

    /** abstractauto: an access to data[i] (bits 0..11) or progbuf[i] (bits 16..31) repeats the last command. */
    private void autoExecute(int bit) {
        if ((abstractauto & 1 << bit) != 0) {
            runCommand();
        }
    }

    private void runCommand() {
        if (cmderr != AbstractCommandError.NONE) {
            return;
        }
        if (hartsel != 0 || hartUnavailable) {
            cmderr = AbstractCommandError.HALT_RESUME;
            return;
        }
        try {
            command = commands.execute(command);
        } catch (CommandFailed e) {
            cmderr = e.error;
        }
    }
}
