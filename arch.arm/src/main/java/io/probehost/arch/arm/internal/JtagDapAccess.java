package io.probehost.arch.arm.internal;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.jtag.JtagChain;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.JtagSequencer;

/**
 * {@link DapAccess} through an ADIv5 JTAG-DP, over a probe's {@link JtagSequencer}: IR ABORT (0x8),
 * DPACC (0xA), APACC (0xB) and IDCODE (0xE); 35-bit DR scans of {data[31:0], A[3:2], RnW} in and
 * {read result[31:0], ACK[2:0]} out, where the read result is that of the previous access, so every
 * read is followed by an access that collects it (an RDBUFF read at the end). ACK 0b010 is OK/FAULT,
 * 0b001 WAIT: the DP ignored the request and the scan is repeated, up to {@link #WAIT_RETRIES} times.
 * JTAG has no FAULT answer: after AP reads, and at {@link #flush()} after AP writes, CTRL/STAT is read
 * and STICKYERR throws {@link TransferFaultException}. DP register 0x0 reads the TAP's IDCODE (the
 * DPIDR value) and writes ABORT.
 *
 * <p>The chain is found at the first access (after the debug port layer's SWD-to-JTAG switch): the
 * IDCODE scan picks the first TAP with an ARM JTAG-DP IDCODE (designer 0x23B); another TAP's IR
 * length is measured. Nothing is queued: every access is done when its call returns.
 */
public final class JtagDapAccess implements DapAccess {
    static final int IR_ABORT = 0x8;
    static final int IR_DPACC = 0xA;
    static final int IR_APACC = 0xB;
    static final int IR_IDCODE = 0xE;
    static final int IR_LENGTH = 4;
    static final int ACK_OK_FAULT = 0b010;
    static final int ACK_WAIT = 0b001;
    static final int WAIT_RETRIES = 100;
    /** Run-Test/Idle cycles after an AP access, time for the AP to complete it. */
    static final int AP_IDLE_CYCLES = 8;
    private static final int ARM_DESIGNER_MASK = 0xFFF;
    private static final int ARM_JTAG_DP_DESIGNER = 0x477;

    private final JtagSequencer sequencer;
    private JtagChain chain;
    private int tap;
    private int instruction = -1;
    private boolean apWritten;

    public JtagDapAccess(JtagSequencer sequencer) {
        this.sequencer = sequencer;
    }

    /** The chain once found, for messages and tests. */
    public JtagChain chain() {
        return found();
    }

    private JtagChain found() {
        if (chain == null) {
            JtagChain detected = JtagChain.detect(sequencer,
                    idcode -> (idcode & ARM_DESIGNER_MASK) == ARM_JTAG_DP_DESIGNER ? IR_LENGTH : 0);
            tap = -1;
            for (int i = 0; i < detected.tapCount() && tap < 0; i++) {
                if ((detected.idcodes().get(i) & ARM_DESIGNER_MASK) == ARM_JTAG_DP_DESIGNER) {
                    tap = i;
                }
            }
            if (tap < 0) {
                throw new ProtocolException("no ARM JTAG-DP on the JTAG chain (IDCODEs "
                        + detected.idcodes().stream().map(id -> String.format("0x%08X", id)).toList() + ")");
            }
            chain = detected;
            instruction = -1;
        }
        return chain;
    }

    @Override
    public DapRead queueReadDp(int register) {
        int value = readDpNow(register);
        return () -> value;
    }

    private int readDpNow(int register) {
        if (register == DpRegister.DPIDR) {
            select(IR_IDCODE);
            return (int) found().scanDr(tap, 0, 32, 0);
        }
        scan(IR_DPACC, true, register, 0, 0);
        return collect();
    }

    @Override
    public DapRead queueReadAp(int register) {
        int value = readApBlock(register, 1)[0];
        return () -> value;
    }

    @Override
    public void writeDp(int register, int value) {
        if (register == DpRegister.ABORT) {
            writeAbort(value);
            return;
        }
        scan(IR_DPACC, false, register, value, 0);
    }

    @Override
    public void writeAp(int register, int value) {
        scan(IR_APACC, false, register, value, AP_IDLE_CYCLES);
        apWritten = true;
    }

    /** Reads the AP register {@code count} times; each scan collects the result of the one before. */
    @Override
    public int[] readApBlock(int register, int count) {
        int[] values = new int[count];
        scan(IR_APACC, true, register, 0, AP_IDLE_CYCLES);
        for (int i = 1; i < count; i++) {
            values[i - 1] = scan(IR_APACC, true, register, 0, AP_IDLE_CYCLES);
        }
        // CTRL/STAT read collects the last AP result; RDBUFF then collects CTRL/STAT
        values[count - 1] = scan(IR_DPACC, true, DpRegister.CTRL_STAT, 0, 0);
        checkSticky(collect(), "AP read");
        return values;
    }

    @Override
    public void writeApBlock(int register, int[] values, int offset, int count) {
        for (int i = 0; i < count; i++) {
            writeAp(register, values[offset + i]);
        }
    }

    /** Reads CTRL/STAT after AP writes: STICKYERR means one of them faulted. */
    @Override
    public void flush() {
        if (!apWritten) {
            return;
        }
        apWritten = false;
        scan(IR_DPACC, true, DpRegister.CTRL_STAT, 0, 0);
        checkSticky(collect(), "AP write");
    }

    @Override
    public void writeAbort(int value) {
        select(IR_ABORT);
        found().scanDr(tap, (value & 0xFFFF_FFFFL) << 3, 35, 0);
    }

    /** An RDBUFF read, which returns the previous read's result. */
    private int collect() {
        return scan(IR_DPACC, true, DpRegister.RDBUFF, 0, 0);
    }

    private static void checkSticky(int ctrlStat, String what) {
        if ((ctrlStat & DpRegister.STAT_STICKYERR) != 0) {
            throw new TransferFaultException("FAULT on JTAG-DP " + what + " (" + DpRegister.describeCtrlStat(ctrlStat) + ")");
        }
    }

    /** One 35-bit access, repeated while the DP answers WAIT; returns the previous read's result. */
    private int scan(int ir, boolean read, int register, int value, int idleCycles) {
        select(ir);
        long request = (value & 0xFFFF_FFFFL) << 3 | (long) ((register >>> 2) & 0x3) << 1 | (read ? 1 : 0);
        for (int attempt = 0; attempt < WAIT_RETRIES; attempt++) {
            long captured = chain.scanDr(tap, request, 35, idleCycles);
            int ack = (int) (captured & 0x7);
            if (ack == ACK_OK_FAULT) {
                return (int) (captured >>> 3);
            }
            if (ack != ACK_WAIT) {
                throw new ProtocolException(String.format(
                        "the JTAG-DP answered ACK 0b%s to a %s %s of 0x%X: no JTAG-DP there, or the chain is wrong",
                        Integer.toBinaryString(ack | 8).substring(1), ir == IR_APACC ? "AP" : "DP",
                        read ? "read" : "write", register));
            }
        }
        throw new TransferTimeoutException(String.format("the JTAG-DP answered WAIT %d times to a %s %s of 0x%X",
                WAIT_RETRIES, ir == IR_APACC ? "AP" : "DP", read ? "read" : "write", register));
    }

    private void select(int ir) {
        JtagChain current = found();
        if (ir != instruction) {
            current.scanIr(tap, ir);
            instruction = ir;
        }
    }
}
