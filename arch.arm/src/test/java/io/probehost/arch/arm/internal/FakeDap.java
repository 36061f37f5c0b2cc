package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwjControl;

/**
 * A probe's DAP register access modelled at register level: DP (DPIDR, CTRL/STAT, SELECT, ABORT),
 * APs by IDR, and one MEM-AP (CSW, TAR with a 1 KiB auto-increment wrap, DRW, BASE) over a
 * {@link FakeCortexM} bus. Every access is logged with the register's name, for sequence asserts.
 */
final class FakeDap implements DapAccess, SwjControl, ResetControl {
    final List<String> log = new ArrayList<>();
    final FakeCortexM target;
    int dpidr = 0x0BB11477;
    int[] apIdrs = {0x04770021};
    int memApIndex = 0;
    int base = 0xE00FF003;
    boolean powerAcksFollowRequests = true;
    int dpidrReadsThatFail = 0;
    boolean waitOnDrw;
    /** Report write faults at the next flush, as a batching probe does. */
    boolean deferWriteFaults;
    /** Queue block reads as a batching probe does: a FAULT is reported by get(), which is logged. */
    boolean deferBlockReads;
    /** With deferBlockReads, a FAULT is found by the next queued block read, as when packets are in flight. */
    boolean reportFaultsWhileQueuing;
    private TransferFaultException deferredFault;
    /**
     * Round trips a batching probe would make: one whenever the host waits for answers (a flush, a
     * block read, or the first get() of a read queued since the last one) with accesses outstanding.
     */
    int exchanges;
    private int sent;
    private int answered;
    long faultFrom = -1;
    long faultTo = -1;

    private int ctrlStat;
    private int select;
    private boolean stickyError;
    private int csw = 0x23000040;
    private int tar;

    FakeDap(FakeCortexM target) {
        this.target = target;
    }

    /** Clears the log, keeping the state. */
    List<String> takeLog() {
        List<String> taken = List.copyOf(log);
        log.clear();
        return taken;
    }

    void faultAt(long from, long to) {
        faultFrom = from;
        faultTo = to;
    }

    @Override
    public DapRead queueReadDp(int register) {
        int value = readDpNow(register);
        int sequence = ++sent;
        return () -> {
            exchangeUpTo(sequence);
            return value;
        };
    }

    /** The host waits for the answer of access {@code sequence}: one round trip for all sent so far, if any is open. */
    private void exchangeUpTo(int sequence) {
        if (sequence > answered) {
            exchanges++;
            answered = sent;
        }
    }

    private int readDpNow(int register) {
        switch (register) {
            case 0x0 -> {
                log.add("R DPIDR");
                if (dpidrReadsThatFail > 0) {
                    dpidrReadsThatFail--;
                    throw new TransferException("no ACK (line not driven)");
                }
                return dpidr;
            }
            case 0x4 -> {
                log.add("R " + dpBank4Name());
                return (select & 0xF) == 0 ? ctrlStatValue() : 0;
            }
            case 0x8 -> {
                log.add("R RESEND");
                return 0;
            }
            default -> {
                log.add("R RDBUFF");
                return 0;
            }
        }
    }

    private int ctrlStatValue() {
        int value = ctrlStat | (stickyError ? DpRegister.STAT_STICKYERR : 0);
        if (powerAcksFollowRequests) {
            value |= (ctrlStat & DpRegister.STAT_CDBGPWRUPREQ) << 1 | (ctrlStat & DpRegister.STAT_CSYSPWRUPREQ) << 1;
        }
        return value;
    }

    private String dpBank4Name() {
        return (select & 0xF) == 0 ? "CTRL/STAT" : "DP 0x4 bank " + (select & 0xF);
    }

    @Override
    public void writeDp(int register, int value) {
        sent++;
        switch (register) {
            case 0x0 -> writeAbort(value);
            case 0x4 -> {
                log.add(String.format("W %s 0x%08X", dpBank4Name(), value));
                if ((select & 0xF) == 0) {
                    if ((value & DpRegister.STAT_STICKYERR) != 0) {
                        stickyError = false; // JTAG write-one-to-clear
                    }
                    ctrlStat = value & 0x50000F0D;
                }
            }
            case 0x8 -> {
                log.add(String.format("W SELECT 0x%08X", value));
                select = value;
            }
            default -> log.add(String.format("W TARGETSEL 0x%08X", value));
        }
    }

    @Override
    public void writeAbort(int value) {
        log.add(String.format("W ABORT 0x%08X", value));
        if ((value & DpRegister.ABORT_CLEAR_STICKY) != 0) {
            stickyError = false;
        }
    }

    private int apIndex() {
        return select >>> 24;
    }

    private int apRegister(int register) {
        return (select & 0xF0) | (register & 0xC);
    }

    @Override
    public DapRead queueReadAp(int register) {
        int value = readApNow(register);
        int sequence = ++sent;
        return () -> {
            exchangeUpTo(sequence);
            return value;
        };
    }

    private int readApNow(int register) {
        int offset = apRegister(register);
        log.add("R " + ApRegister.name(offset));
        checkSticky();
        if (offset == ApRegister.IDR) {
            return apIndex() < apIdrs.length ? apIdrs[apIndex()] : 0;
        }
        if (apIndex() != memApIndex) {
            return 0;
        }
        return switch (offset) {
            case ApRegister.CSW -> csw;
            case ApRegister.TAR -> tar;
            case ApRegister.DRW -> drwRead();
            case ApRegister.BD0, ApRegister.BD0 + 0x4, ApRegister.BD0 + 0x8, ApRegister.BD0 + 0xC -> bankedRead(offset);
            case ApRegister.BASE -> base;
            default -> 0;
        };
    }

    @Override
    public void writeAp(int register, int value) {
        int offset = apRegister(register);
        sent++;
        log.add(String.format("W %s 0x%08X", ApRegister.name(offset), value));
        if (deferredFault != null) {
            return; // a batching probe skips the rest of a batch after a FAULT
        }
        checkSticky();
        if (apIndex() != memApIndex) {
            return;
        }
        switch (offset) {
            case ApRegister.CSW -> csw = (csw & 0xC0) | (value & ~0xC0);
            case ApRegister.TAR -> tar = value;
            case ApRegister.DRW -> {
                try {
                    drwWrite(value);
                } catch (TransferFaultException fault) {
                    if (!deferWriteFaults) {
                        throw fault;
                    }
                    deferredFault = fault;
                }
            }
            case ApRegister.BD0, ApRegister.BD0 + 0x4, ApRegister.BD0 + 0x8, ApRegister.BD0 + 0xC -> {
                long address = bankedAddress(offset);
                faultIfInRange(address);
                target.write32(address, value);
            }
            default -> { }
        }
    }

    /** BD0-BD3 reach TAR[31:4] plus their offset and leave TAR as it is. */
    private long bankedAddress(int offset) {
        return (tar & 0xFFFFFFF0L) | (offset & 0xC);
    }

    private int bankedRead(int offset) {
        long address = bankedAddress(offset);
        faultIfInRange(address);
        return target.read32(address);
    }

    @Override
    public int[] readApBlock(int register, int count) {
        log.add("RB " + ApRegister.name(apRegister(register)) + " x" + count);
        exchangeUpTo(++sent);
        checkSticky();
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = drwRead();
        }
        return values;
    }

    @Override
    public DapBlockRead queueReadApBlock(int register, int count) {
        if (!deferBlockReads) {
            return DapAccess.super.queueReadApBlock(register, count);
        }
        String name = ApRegister.name(apRegister(register));
        if (reportFaultsWhileQueuing && deferredFault != null) {
            TransferFaultException found = deferredFault;
            deferredFault = null;
            throw found;
        }
        log.add("QRB " + name + " x" + count);
        if (deferredFault != null) {
            TransferFaultException skipped = deferredFault;
            return () -> {
                throw skipped;
            };
        }
        try {
            checkSticky();
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                values[i] = drwRead();
            }
            return () -> {
                log.add("GET " + name + " x" + count);
                return values;
            };
        } catch (TransferFaultException fault) {
            deferredFault = fault;
            return () -> {
                if (deferredFault == fault) {
                    deferredFault = null;
                }
                throw fault;
            };
        }
    }

    @Override
    public void writeApBlock(int register, int[] values, int offset, int count) {
        log.add("WB " + ApRegister.name(apRegister(register)) + " x" + count);
        sent++;
        checkSticky();
        for (int i = 0; i < count; i++) {
            drwWrite(values[offset + i]);
        }
    }

    @Override
    public void flush() {
        log.add("FLUSH");
        exchangeUpTo(sent);
        if (deferredFault != null) {
            TransferFaultException fault = deferredFault;
            deferredFault = null;
            throw fault;
        }
    }

    private void checkSticky() {
        if (stickyError) {
            throw new TransferFaultException("SWD ACK FAULT");
        }
    }

    private int sizeBytes() {
        return 1 << (csw & 0x7);
    }

    private int drwRead() {
        if (waitOnDrw) {
            throw new TransferTimeoutException("SWD ACK WAIT past the retry limit");
        }
        long address = tar & 0xFFFFFFFFL;
        faultIfInRange(address);
        int word = target.read32(address & ~3L);
        advance();
        return word;
    }

    private void drwWrite(int value) {
        long address = tar & 0xFFFFFFFFL;
        faultIfInRange(address);
        int size = sizeBytes();
        int lane = (int) (address & 3);
        if (size == 4) {
            target.write32(address & ~3L, value);
        } else {
            int mask = (size == 1 ? 0xFF : 0xFFFF) << (8 * lane);
            int old = target.read32(address & ~3L);
            target.write32(address & ~3L, (old & ~mask) | (value & mask));
        }
        advance();
    }

    /** TAR auto-increment wraps inside a 1 KiB block, as the minimal ADIv5 guarantee allows. */
    private void advance() {
        if ((csw & 0x30) == 0x10) {
            tar = (tar & ~0x3FF) | ((tar + sizeBytes()) & 0x3FF);
        }
    }

    private void faultIfInRange(long address) {
        if (address >= faultFrom && address < faultTo) {
            stickyError = true;
            throw new TransferFaultException("SWD ACK FAULT");
        }
    }

    @Override
    public void swjSequence(int bitCount, byte[] bits) {
        log.add("SWJ " + bitCount + " " + HexFormat.of().withUpperCase().formatHex(bits));
    }

    @Override
    public int swjPins(int output, int select, int waitMicros) {
        return output;
    }

    @Override
    public void setResetAsserted(boolean asserted) {
        log.add(asserted ? "nRESET low" : "nRESET high");
        if (!asserted) {
            target.systemReset();
        }
    }
}
