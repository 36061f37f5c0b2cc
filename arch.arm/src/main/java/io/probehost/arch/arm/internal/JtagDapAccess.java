package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
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
 * 0b001 WAIT: the DP ignored the request. DP register 0x0 reads the TAP's IDCODE (the DPIDR value)
 * and writes ABORT.
 *
 * <p>Writes are queued and go out with the next read or {@link #flush()} as one
 * {@link JtagChain.Batch}: one sequencer call, so one probe round trip, for a whole block. Every
 * CTRL/STAT write through here sets ORUNDETECT, so that after a WAIT the DP sets STICKYORUN and drops
 * the AP accesses that follow: the batch is then sent again from the waiting scan, behind a CTRL/STAT
 * write that clears STICKYORUN, up to {@link #WAIT_RETRIES} times ({@link TransferTimeoutException}
 * after). Before ORUNDETECT is set, a WAIT followed by an OK means the DP ran later accesses without
 * the waiting one, which throws {@link TransferException}. JTAG has no
 * FAULT answer: a batch that holds AP accesses ends by reading CTRL/STAT, and STICKYERR throws
 * {@link TransferFaultException}.
 *
 * <p>The chain is found at the first access (after the debug port layer's SWD-to-JTAG switch): the
 * IDCODE scan picks the first TAP with an ARM JTAG-DP IDCODE (designer 0x23B); another TAP's IR
 * length is measured.
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

    private static final int ORUNDETECT = 1;

    /** One queued scan: the instruction it needs, its DR value, and SELECT as it was when queued. */
    private record Scan(int instruction, long request, int length, int idleCycles, int select) {
        boolean checksAck() {
            return length == 35 && instruction != IR_ABORT;
        }
    }

    private final JtagSequencer sequencer;
    private final List<Scan> queue = new ArrayList<>();
    private JtagChain chain;
    private int tap;
    private int instruction = -1;
    private boolean apAccessed;
    /** SELECT as last written, -1 until known. */
    private int select = -1;
    /** The CTRL/STAT requests last written (with ORUNDETECT), -1 until one was. */
    private int ctrlStat = -1;

    public JtagDapAccess(JtagSequencer sequencer) {
        this.sequencer = sequencer;
    }

    /** The chain, found at the first call. */
    public JtagChain chain() {
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
        int value;
        if (register == DpRegister.DPIDR) {
            queue.add(new Scan(IR_IDCODE, 0, 32, 0, select));
            long[] captured = run();
            value = (int) captured[captured.length - 1];
        } else {
            queue(IR_DPACC, true, register, 0, 0);
            value = runCollecting(1)[0];
        }
        return () -> value;
    }

    @Override
    public DapRead queueReadAp(int register) {
        int value = readApBlock(register, 1)[0];
        return () -> value;
    }

    @Override
    public void writeDp(int register, int value) {
        if (register == DpRegister.ABORT) {
            queue.add(new Scan(IR_ABORT, (value & 0xFFFF_FFFFL) << 3, 35, 0, select));
        } else if (register == DpRegister.CTRL_STAT && select >= 0 && (select & 0xF) == 0) {
            ctrlStat = value & ~DpRegister.JTAG_STICKY_W1C | ORUNDETECT;
            queue(IR_DPACC, false, register, value | ORUNDETECT, 0);
        } else {
            queue(IR_DPACC, false, register, value, 0);
            if (register == DpRegister.SELECT) {
                select = value;
            }
        }
    }

    @Override
    public void writeAp(int register, int value) {
        queue(IR_APACC, false, register, value, AP_IDLE_CYCLES);
        apAccessed = true;
    }

    /** Reads the AP register {@code count} times; each scan collects the result of the one before. */
    @Override
    public int[] readApBlock(int register, int count) {
        for (int i = 0; i < count; i++) {
            queue(IR_APACC, true, register, 0, AP_IDLE_CYCLES);
        }
        apAccessed = true;
        return runCollecting(count);
    }

    @Override
    public void writeApBlock(int register, int[] values, int offset, int count) {
        for (int i = 0; i < count; i++) {
            writeAp(register, values[offset + i]);
        }
    }

    /** Sends what is queued; after AP accesses, reads CTRL/STAT: STICKYERR means one of them faulted. */
    @Override
    public void flush() {
        if (!queue.isEmpty() || apAccessed) {
            runCollecting(0);
        }
    }

    /**
     * Sends ABORT at once, then clears STICKYORUN that the WAITs before it left; what was queued is
     * dropped (the access that needs aborting failed already).
     */
    @Override
    public void writeAbort(int value) {
        queue.clear();
        queue.add(new Scan(IR_ABORT, (value & 0xFFFF_FFFFL) << 3, 35, 0, select));
        queue.addAll(clearOverrun(new Scan(IR_ABORT, 0, 35, 0, select)));
        run();
    }

    private void queue(int ir, boolean read, int register, int value, int idleCycles) {
        long request = (value & 0xFFFF_FFFFL) << 3 | (long) ((register >>> 2) & 0x3) << 1 | (read ? 1 : 0);
        queue.add(new Scan(ir, request, 35, idleCycles, select));
    }

    /**
     * Sends the queue, whose last {@code reads} scans are reads, with what collects their results: a
     * CTRL/STAT read when AP accesses are among them (checked for STICKYERR), and RDBUFF. Returns the
     * reads' words in order.
     */
    private int[] runCollecting(int reads) {
        boolean checkSticky = apAccessed;
        apAccessed = false;
        if (checkSticky) {
            queue(IR_DPACC, true, DpRegister.CTRL_STAT, 0, 0);
        }
        if (reads > 0 || checkSticky) {
            queue(IR_DPACC, true, DpRegister.RDBUFF, 0, 0);
        }
        long[] captured = run();
        int collected = reads + (checkSticky ? 1 : 0);
        int[] words = new int[reads];
        for (int i = 0; i < reads; i++) {
            words[i] = (int) (captured[captured.length - collected + i] >>> 3);
        }
        if (checkSticky) {
            int status = (int) (captured[captured.length - 1] >>> 3);
            if ((status & DpRegister.STAT_STICKYERR) != 0) {
                throw new TransferFaultException("FAULT on a JTAG-DP AP access (" + DpRegister.describeCtrlStat(status) + ")");
            }
            if ((status & DpRegister.STAT_STICKYORUN) != 0) {
                throw new TransferException("the JTAG-DP dropped AP accesses after an overrun ("
                        + DpRegister.describeCtrlStat(status) + ")");
            }
        }
        return words;
    }

    /** Sends the queue as one batch, again from a scan that answered WAIT; returns every DR capture. */
    private long[] run() {
        List<Scan> scans = new ArrayList<>(queue);
        queue.clear();
        long[] captured = new long[scans.size()];
        List<Scan> recovery = List.of();
        int from = 0;
        for (int attempt = 0; from < scans.size(); attempt++) {
            if (attempt == WAIT_RETRIES) {
                throw new TransferTimeoutException(String.format("the JTAG-DP answered WAIT %d times to %s",
                        WAIT_RETRIES, describe(scans.get(from))));
            }
            List<Scan> sent = new ArrayList<>(recovery);
            sent.addAll(scans.subList(from, scans.size()));
            long[] all = send(sent);
            int waited = firstWait(sent, all);
            int done = (waited < 0 ? sent.size() : waited) - recovery.size();
            for (int i = 0; i < done; i++) {
                captured[from + i] = all[recovery.size() + i];
            }
            if (waited < 0) {
                from = scans.size();
            } else if (done >= 0) {
                // the recovery went through, or there was none: resend from the waiting scan
                from += done;
                recovery = clearOverrun(scans.get(from));
            }
        }
        return captured;
    }

    /** The index of the first scan that answered WAIT, or -1; checks every other ACK. */
    private int firstWait(List<Scan> scans, long[] captured) {
        int waited = -1;
        for (int i = 0; i < captured.length; i++) {
            Scan scan = scans.get(i);
            int ack = (int) (captured[i] & 0x7);
            if (!scan.checksAck()) {
                continue;
            }
            if (waited >= 0) {
                if (ack != ACK_WAIT && ctrlStat < 0) {
                    throw new TransferException("the JTAG-DP answered WAIT to " + describe(scans.get(waited))
                            + " and then ran " + describe(scan) + ": the accesses ran out of order");
                }
            } else if (ack == ACK_WAIT) {
                waited = i;
            } else if (ack != ACK_OK_FAULT) {
                throw new ProtocolException(String.format("the JTAG-DP answered ACK 0b%s to %s: no JTAG-DP there, "
                        + "or the chain is wrong", Integer.toBinaryString(ack | 8).substring(1), describe(scan)));
            }
        }
        return waited;
    }

    /**
     * The scans that clear STICKYORUN before a batch is sent again from {@code waiting}: SELECT to DP
     * bank 0, CTRL/STAT with STICKYORUN written one, SELECT as it was for {@code waiting}.
     */
    private List<Scan> clearOverrun(Scan waiting) {
        if (ctrlStat < 0) {
            return List.of();
        }
        int bankZero = waiting.select() < 0 ? 0 : waiting.select() & ~0xF;
        List<Scan> scans = new ArrayList<>();
        scans.add(dpWrite(DpRegister.SELECT, bankZero));
        scans.add(dpWrite(DpRegister.CTRL_STAT, ctrlStat | DpRegister.STAT_STICKYORUN));
        if (waiting.select() >= 0 && waiting.select() != bankZero) {
            scans.add(dpWrite(DpRegister.SELECT, waiting.select()));
        }
        return scans;
    }

    private static Scan dpWrite(int register, int value) {
        long request = (value & 0xFFFF_FFFFL) << 3 | (long) ((register >>> 2) & 0x3) << 1;
        return new Scan(IR_DPACC, request, 35, 0, -1);
    }

    private long[] send(List<Scan> scans) {
        JtagChain.Batch batch = chain().batch(tap);
        for (Scan scan : scans) {
            if (scan.instruction() != instruction) {
                batch.ir(scan.instruction());
                instruction = scan.instruction();
            }
            batch.dr(scan.request(), scan.length(), scan.idleCycles());
        }
        return batch.run();
    }

    private static String describe(Scan scan) {
        String port = switch (scan.instruction()) {
            case IR_APACC -> "AP";
            case IR_DPACC -> "DP";
            case IR_ABORT -> "ABORT";
            default -> "IDCODE";
        };
        boolean read = (scan.request() & 1) != 0;
        return String.format("a %s %s of 0x%X", port, read ? "read" : "write", (scan.request() >>> 1 & 0x3) << 2);
    }
}
