package io.probehost.arch.arm.internal;

import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.DapAccess;

/**
 * {@link DapAccess} for a probe that has no raw DAP transfers but reads and writes DP and AP
 * registers through its own engine (the ST-Link): the engine takes the AP number and the full
 * register address itself, so a SELECT write is only remembered, and later accesses carry the AP,
 * the AP bank and the DP bank it names. Every access completes at once; nothing is queued.
 */
public final class EngineDapAccess implements DapAccess {
    private final ArmMemoryEngine engine;
    private int select;

    public EngineDapAccess(ArmMemoryEngine engine) {
        this.engine = engine;
    }

    private int apsel() {
        return select >>> 24;
    }

    /** The AP register address: APBANKSEL (SELECT[7:4]) and A[3:2]. */
    private int apRegister(int register) {
        return (select & 0xF0) | (register & 0xC);
    }

    /** The DP register address; CTRL/STAT's bank (SELECT[3:0]) goes in bits 7:4, as the engine takes it. */
    private int dpRegister(int register) {
        return register == DpRegister.CTRL_STAT ? (select & 0xF) << 4 | register : register;
    }

    @Override
    public DapRead queueReadDp(int register) {
        int value = readDp(register);
        return () -> value;
    }

    @Override
    public DapRead queueReadAp(int register) {
        int value = readAp(register);
        return () -> value;
    }

    @Override
    public int readDp(int register) {
        if (register == DpRegister.SELECT) {
            return select;
        }
        return engine.readDapRegister(ArmMemoryEngine.DEBUG_PORT, dpRegister(register));
    }

    @Override
    public int readAp(int register) {
        return engine.readDapRegister(apsel(), apRegister(register));
    }

    @Override
    public void writeDp(int register, int value) {
        if (register == DpRegister.SELECT) {
            select = value;
            return;
        }
        engine.writeDapRegister(ArmMemoryEngine.DEBUG_PORT, dpRegister(register), value);
    }

    @Override
    public void writeAp(int register, int value) {
        engine.writeDapRegister(apsel(), apRegister(register), value);
    }

    @Override
    public int[] readApBlock(int register, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = readAp(register);
        }
        return values;
    }

    @Override
    public void writeApBlock(int register, int[] values, int offset, int count) {
        for (int i = 0; i < count; i++) {
            writeAp(register, values[offset + i]);
        }
    }

    @Override
    public void flush() {
        // every access has completed already
    }

    @Override
    public void writeAbort(int value) {
        engine.writeDapRegister(ArmMemoryEngine.DEBUG_PORT, DpRegister.ABORT, value);
    }
}
