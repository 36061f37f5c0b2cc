package io.probehost.gdbserver.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.debug.WatchpointKind;

/**
 * A Cortex-M0-shaped target in memory: 64 KiB of RAM at 0x20000000, registers in a map, and a core
 * that, once resumed, runs until halted, or halts at once on a watchpoint when {@link #hitOnResume}
 * says so.
 */
final class FakeTarget implements DebugTarget, CoreControl, MemoryInterface {
    static final long RAM = 0x2000_0000L;
    final byte[] ram = new byte[0x10000];
    final Map<String, Long> values = new HashMap<>();
    final List<Breakpoint> setBreakpoints = new ArrayList<>();
    final List<Watchpoint> setWatchpoints = new ArrayList<>();
    private final StopUnits stopUnits = new StopUnits();
    boolean halted = true;
    Optional<HaltReason> reason = Optional.of(HaltReason.DEBUG_REQUEST);
    boolean hitOnResume;
    int blockReads;
    int registerReads;
    int haltReasonReads;
    HaltReason stepStopsFor = HaltReason.STEP;

    @Override
    public String description() {
        return "fake Cortex-M0";
    }

    @Override
    public MemoryInterface memory() {
        return this;
    }

    @Override
    public CoreControl core() {
        return this;
    }

    @Override
    public BreakpointControl breakpoints() {
        return stopUnits;
    }

    @Override
    public WatchpointControl watchpoints() {
        return stopUnits;
    }

    @Override
    public void close() {
    }

    @Override
    public String coreName() {
        return "Cortex-M0";
    }

    @Override
    public void halt(Duration timeout) {
        halted = true;
        reason = Optional.of(HaltReason.DEBUG_REQUEST);
    }

    @Override
    public void resume() {
        halted = hitOnResume;
        reason = hitOnResume ? Optional.of(HaltReason.WATCHPOINT) : Optional.empty();
    }

    @Override
    public void step() {
        values.merge("PC", 2L, Long::sum);
        reason = Optional.of(stepStopsFor);
    }

    @Override
    public boolean isHalted() {
        return halted;
    }

    @Override
    public Optional<HaltReason> haltReason() {
        haltReasonReads++;
        return reason;
    }

    @Override
    public void reset(ResetType type) {
    }

    @Override
    public void resetAndHalt(ResetType type, Duration timeout) {
    }

    @Override
    public List<CoreRegister> registers() {
        return RegisterLayoutTest.cortexM0();
    }

    @Override
    public long readRegister(CoreRegister register) {
        registerReads++;
        return values.getOrDefault(register.name(), 0L);
    }

    @Override
    public void writeRegister(CoreRegister register, long value) {
        values.put(register.name(), value);
    }

    @Override
    public int read8(long address) {
        return ram[(int) (address - RAM)] & 0xFF;
    }

    @Override
    public int read16(long address) {
        return read8(address) | read8(address + 1) << 8;
    }

    @Override
    public int read32(long address) {
        return read16(address) | read16(address + 2) << 16;
    }

    @Override
    public void write8(long address, int value) {
        ram[(int) (address - RAM)] = (byte) value;
    }

    @Override
    public void write16(long address, int value) {
        write8(address, value);
        write8(address + 1, value >> 8);
    }

    @Override
    public void write32(long address, int value) {
        write16(address, value);
        write16(address + 2, value >> 16);
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        blockReads++;
        System.arraycopy(ram, (int) (address - RAM), destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        System.arraycopy(source, offset, ram, (int) (address - RAM), length);
    }

    @Override
    public void flush() {
    }

    /** The breakpoint and watchpoint units. */
    private final class StopUnits implements BreakpointControl, WatchpointControl {
        @Override
        public int hardwareBreakpointCount() {
            return 4;
        }

        @Override
        public int freeHardwareBreakpoints() {
            return 4 - setBreakpoints.size();
        }

        @Override
        public Breakpoint addBreakpoint(long address, BreakpointKind kind) {
            Breakpoint set = new Breakpoint(address, kind == BreakpointKind.AUTO ? BreakpointKind.HARDWARE : kind);
            setBreakpoints.add(set);
            return set;
        }

        @Override
        public boolean removeBreakpoint(long address) {
            return setBreakpoints.removeIf(b -> b.address() == address);
        }

        @Override
        public List<Breakpoint> breakpoints() {
            return List.copyOf(setBreakpoints);
        }

        @Override
        public void removeAllBreakpoints() {
            setBreakpoints.clear();
        }

        @Override
        public int watchpointCount() {
            return 2;
        }

        @Override
        public Watchpoint addWatchpoint(long address, int size, WatchpointKind kind) {
            Watchpoint set = new Watchpoint(address, size, kind);
            setWatchpoints.add(set);
            return set;
        }

        @Override
        public boolean removeWatchpoint(long address) {
            return setWatchpoints.removeIf(w -> w.address() == address);
        }

        @Override
        public List<Watchpoint> watchpoints() {
            return List.copyOf(setWatchpoints);
        }

        @Override
        public void removeAllWatchpoints() {
            setWatchpoints.clear();
        }
    }
}
