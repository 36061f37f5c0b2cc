package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.probehost.api.probe.ArmMemoryEngine;

/**
 * A probe with its own memory engine in front of a {@link FakeDap}'s target, as an ST-Link is:
 * memory goes straight to the target, DP and AP registers to the fake DAP with the SELECT the
 * engine writes itself. Logs each engine call.
 */
final class FakeMemoryEngine implements ArmMemoryEngine {
    final List<String> log = new ArrayList<>();
    final FakeDap dap;
    boolean halfwords = true;

    FakeMemoryEngine(FakeDap dap) {
        this.dap = dap;
    }

    @Override
    public void readMemory(int ap, long address, AccessWidth width, byte[] into, int offset, int length) {
        log.add(String.format("mem R %s AP%d 0x%08X %d", width, ap, address, length));
        for (int i = 0; i < length; i++) {
            long at = address + i;
            into[offset + i] = (byte) (dap.target.read32(at & ~3L) >>> (8 * (int) (at & 3)));
        }
    }

    @Override
    public void writeMemory(int ap, long address, AccessWidth width, byte[] from, int offset, int length) {
        log.add(String.format("mem W %s AP%d 0x%08X %d", width, ap, address, length));
        if (width == AccessWidth.WORD) {
            // whole words, as the bus sees them (DHCSR ignores a write without its key)
            for (int i = 0; i < length; i += 4) {
                int word = (from[offset + i] & 0xFF) | (from[offset + i + 1] & 0xFF) << 8
                        | (from[offset + i + 2] & 0xFF) << 16 | (from[offset + i + 3] & 0xFF) << 24;
                dap.target.write32(address + i, word);
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            long at = address + i;
            int shift = 8 * (int) (at & 3);
            int word = dap.target.read32(at & ~3L);
            dap.target.write32(at & ~3L, (word & ~(0xFF << shift)) | (from[offset + i] & 0xFF) << shift);
        }
    }

    @Override
    public Set<AccessWidth> accessWidths() {
        return halfwords ? EnumSet.allOf(AccessWidth.class) : EnumSet.of(AccessWidth.BYTE, AccessWidth.WORD);
    }

    @Override
    public boolean hasMultipleAps() {
        return true;
    }

    @Override
    public boolean hasDapRegisterAccess() {
        return true;
    }

    @Override
    public int readDapRegister(int port, int register) {
        log.add(String.format("reg R %s 0x%02X", port == DEBUG_PORT ? "DP" : "AP" + port, register));
        if (port == DEBUG_PORT) {
            dap.writeDp(DpRegister.SELECT, register >>> 4);
            return dap.readDp(register & 0xC);
        }
        dap.writeDp(DpRegister.SELECT, port << 24 | (register & 0xF0));
        return dap.readAp(register & 0xC);
    }

    @Override
    public void writeDapRegister(int port, int register, int value) {
        log.add(String.format("reg W %s 0x%02X 0x%08X", port == DEBUG_PORT ? "DP" : "AP" + port, register, value));
        if (port == DEBUG_PORT) {
            if (register == DpRegister.ABORT) {
                dap.writeAbort(value);
                return;
            }
            dap.writeDp(DpRegister.SELECT, register >>> 4);
            dap.writeDp(register & 0xC, value);
            return;
        }
        dap.writeDp(DpRegister.SELECT, port << 24 | (register & 0xF0));
        dap.writeAp(register & 0xC, value);
    }
}
