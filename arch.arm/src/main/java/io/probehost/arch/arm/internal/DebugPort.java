package io.probehost.arch.arm.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.probehost.api.ProtocolException;
import io.probehost.api.TargetException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;

/**
 * An ADIv5 debug port over a probe's {@link DapAccess}: wire selection, power-up, SELECT caching
 * and sticky-error recovery. AP registers are addressed by their full offset ({@code 0xFC} = IDR).
 */
public final class DebugPort {
    private final DapAccess dap;
    private final Optional<SwjControl> swj;
    private final WireProtocol protocol;
    private final Duration timeout;
    private int select;
    private boolean selectKnown;
    private int dpidr;
    private final Optional<ArmMemoryEngine> memoryEngine;

    public DebugPort(DapAccess dap, Optional<SwjControl> swj, WireProtocol protocol, Duration timeout) {
        this(dap, swj, protocol, timeout, Optional.empty());
    }

    /**
     * A debug port whose probe also has its own memory engine: MEM-APs then move memory through
     * the engine rather than through TAR and DRW.
     */
    public DebugPort(DapAccess dap, Optional<SwjControl> swj, WireProtocol protocol, Duration timeout,
            Optional<ArmMemoryEngine> memoryEngine) {
        this.dap = dap;
        this.swj = swj;
        this.protocol = protocol;
        this.timeout = timeout;
        this.memoryEngine = memoryEngine;
    }

    /** The probe's memory engine, when it has one. */
    public Optional<ArmMemoryEngine> memoryEngine() {
        return memoryEngine;
    }

    /** Selects the wire protocol, reads DPIDR, clears sticky errors and powers the debug domain up. */
    public int connect() {
        invalidateSelect();
        dpidr = protocol == WireProtocol.SWD ? connectSwd() : connectJtag();
        if ((dpidr & 1) == 0) {
            throw new ProtocolException(String.format("DPIDR 0x%08X is not a debug port ID (bit 0 must be 1)", dpidr));
        }
        clearStickyErrors();
        powerUp();
        return dpidr;
    }

    private int connectSwd() {
        swj.ifPresent(SwjSequences::jtagToSwd);
        try {
            return dap.readDp(DpRegister.DPIDR);
        } catch (TransferException legacySwitchFailed) {
            if (swj.isEmpty()) {
                throw legacySwitchFailed;
            }
            SwjSequences.dormantToSwd(swj.get());
            try {
                return dap.readDp(DpRegister.DPIDR);
            } catch (TransferException dormantFailed) {
                dormantFailed.addSuppressed(legacySwitchFailed);
                throw new TransferException("no SWD debug port answered the DPIDR read after the JTAG-to-SWD switch "
                        + "and the dormant wake-up: " + dormantFailed.getMessage(), dormantFailed);
            }
        }
    }

    private int connectJtag() {
        swj.ifPresent(SwjSequences::swdToJtag);
        try {
            return dap.readDp(DpRegister.DPIDR);
        } catch (TransferException failed) {
            throw new TransferException("no JTAG debug port answered the DPIDR read: " + failed.getMessage(), failed);
        }
    }

    public int dpidr() {
        return dpidr;
    }

    public WireProtocol protocol() {
        return protocol;
    }

    /** Requests system and debug power and waits for both acknowledges. */
    public void powerUp() {
        writeDp(DpRegister.CTRL_STAT, DpRegister.POWER_UP_REQUEST);
        int[] last = new int[1];
        boolean powered = Polling.until(timeout, () -> {
            last[0] = readDp(DpRegister.CTRL_STAT);
            return (last[0] & DpRegister.POWER_UP_ACKS) == DpRegister.POWER_UP_ACKS;
        });
        if (!powered) {
            throw new TargetException(String.format("debug power-up failed: CTRL/STAT 0x%08X still lacks "
                    + "CSYSPWRUPACK|CDBGPWRUPACK after %s", last[0], Polling.millis(timeout)));
        }
    }

    /** Clears STICKYERR, STICKYCMP, STICKYORUN and WDATAERR (ABORT in SWD, CTRL/STAT W1C in JTAG). */
    public void clearStickyErrors() {
        try {
            clearStickyUnguarded();
        } catch (TransferException failed) {
            invalidateSelect();
            throw failed;
        }
    }

    /** Without fault recovery, so that recovery itself can use it without recursing. */
    private void clearStickyUnguarded() {
        if (protocol == WireProtocol.SWD) {
            dap.writeAbort(DpRegister.ABORT_CLEAR_STICKY);
        } else {
            selectDpBank(DpRegister.CTRL_STAT);
            dap.writeDp(DpRegister.CTRL_STAT, DpRegister.POWER_UP_REQUEST | DpRegister.JTAG_STICKY_W1C);
        }
    }

    /**
     * Brings the link back after the target was reset: clears sticky errors, forgets SELECT and
     * powers up again when the acknowledges dropped.
     */
    public void recoverAfterReset() {
        invalidateSelect();
        clearStickyErrors();
        int status = readDp(DpRegister.CTRL_STAT);
        if ((status & DpRegister.POWER_UP_ACKS) != DpRegister.POWER_UP_ACKS) {
            powerUp();
        }
    }

    public void invalidateSelect() {
        selectKnown = false;
    }

    public int readDp(int register) {
        return guarded(() -> {
            selectDpBank(register);
            return dap.readDp(DpRegister.address(register));
        }, () -> String.format("DP 0x%02X read", register));
    }

    public void writeDp(int register, int value) {
        guarded(() -> {
            selectDpBank(register);
            dap.writeDp(DpRegister.address(register), value);
            return null;
        }, () -> String.format("DP 0x%02X write", register));
    }

    public int readAp(int ap, int register) {
        return guarded(() -> {
            selectAp(ap, register);
            return dap.readAp(register & 0xC);
        }, () -> apAccess("read", ap, register));
    }

    /**
     * Queues an AP read; the probe may send it with later accesses in one batch. Errors surface at
     * {@link DapAccess.DapRead#get()}, recovered like those of {@link #readAp(int, int)}.
     */
    public DapAccess.DapRead queueReadAp(int ap, int register) {
        DapAccess.DapRead queued = guarded(() -> {
            selectAp(ap, register);
            return dap.queueReadAp(register & 0xC);
        }, () -> apAccess("read", ap, register));
        return () -> guarded(queued::get, () -> apAccess("read", ap, register));
    }

    public void writeAp(int ap, int register, int value) {
        guarded(() -> {
            selectAp(ap, register);
            dap.writeAp(register & 0xC, value);
            return null;
        }, () -> apAccess("write", ap, register));
    }

    public int[] readApBlock(int ap, int register, int count) {
        return guarded(() -> {
            selectAp(ap, register);
            return dap.readApBlock(register & 0xC, count);
        }, () -> apAccess("block read", ap, register));
    }

    /**
     * Queues a block read of an AP register; the probe may send it with the accesses around it in
     * one batch. Errors surface at {@link DapAccess.DapBlockRead#get()} or at a later queuing call,
     * recovered like those of {@link #readApBlock(int, int, int)}.
     */
    public DapAccess.DapBlockRead queueReadApBlock(int ap, int register, int count) {
        DapAccess.DapBlockRead queued = guarded(() -> {
            selectAp(ap, register);
            return dap.queueReadApBlock(register & 0xC, count);
        }, () -> apAccess("block read", ap, register));
        return () -> guarded(queued::get, () -> apAccess("block read", ap, register));
    }

    public void writeApBlock(int ap, int register, int[] values, int offset, int count) {
        guarded(() -> {
            selectAp(ap, register);
            dap.writeApBlock(register & 0xC, values, offset, count);
            return null;
        }, () -> apAccess("block write", ap, register));
    }

    public void flush() {
        guarded(() -> {
            dap.flush();
            return null;
        }, () -> "flush of queued transfers");
    }

    private void selectDpBank(int register) {
        if (DpRegister.address(register) != DpRegister.CTRL_STAT) {
            return;
        }
        int bank = DpRegister.bank(register);
        if (selectKnown && (select & 0xF) == bank) {
            return;
        }
        writeSelect((selectKnown ? select & ~0xF : 0) | bank);
    }

    private void selectAp(int ap, int register) {
        int wanted = (ap << 24) | (register & 0xF0);
        if (selectKnown && (select & 0xFF0000F0) == wanted) {
            return;
        }
        writeSelect(wanted | (selectKnown ? select & 0xF : 0));
    }

    private void writeSelect(int value) {
        dap.writeDp(DpRegister.SELECT, value);
        select = value;
        selectKnown = true;
    }

    private <T> T guarded(Supplier<T> access, Supplier<String> what) {
        try {
            return access.get();
        } catch (TransferFaultException fault) {
            throw recoverFromFault(what.get(), fault);
        } catch (TransferTimeoutException wait) {
            invalidateSelect();
            abortQuietly(wait);
            throw wait;
        } catch (TransferException other) {
            invalidateSelect();
            throw other;
        }
    }

    /** Reads CTRL/STAT to say what went wrong, clears the sticky flags, and names the access. */
    private TransferFaultException recoverFromFault(String what, TransferFaultException fault) {
        // CTRL/STAT is read before SELECT is written when DPBANKSEL is known to be 0 already: a
        // probe that confirms every write (deferred transfers off) sees a lone SELECT write FAULT
        // while the sticky flag is still set.
        boolean bankZero = selectKnown && (select & 0xF) == 0;
        invalidateSelect();
        String status;
        try {
            if (!bankZero) {
                writeSelect(0);
            }
            int ctrlStat = dap.readDp(DpRegister.CTRL_STAT);
            status = DpRegister.describeCtrlStat(ctrlStat);
            clearStickyUnguarded();
        } catch (TransferException recoveryFailed) {
            invalidateSelect();
            fault.addSuppressed(recoveryFailed);
            status = "CTRL/STAT unreadable: " + recoveryFailed.getMessage();
        }
        TransferFaultException named = new TransferFaultException("FAULT on " + what + " (" + status + ")");
        named.initCause(fault);
        return named;
    }

    private void abortQuietly(TransferException reason) {
        try {
            dap.writeAbort(DpRegister.ABORT_DAPABORT);
        } catch (TransferException abortFailed) {
            reason.addSuppressed(abortFailed);
        }
    }

    private static String apAccess(String kind, int ap, int register) {
        return String.format("AP%d %s %s", ap, ApRegister.name(register), kind);
    }
}
