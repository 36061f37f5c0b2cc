package io.probehost.sim.probe.pemicro;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * One emulated PE Multilink in front of a target's SWD pins: the state the library keeps for an open
 * port (communication mode, shift frequency, debug module enabled, critical error, last SWD status)
 * and what each library call does to the target. Each call costs a USB round trip on the target's
 * virtual clock, plus its SWD cycles at the shift frequency. Thread-safe: one call at a time.
 */
public final class PeMultilink {
    /** Port type 3: USB Multilink. */
    public static final int PORT_TYPE_USB_MULTILINK = 3;
    /** The critical-error bit after which the library resets the hardware interface. */
    public static final int CRITICAL_INTERFACE = 0x08;
    private static final long ROUND_TRIP_NANOS = 250_000;

    private final String serial;
    private final String description;
    private final String device;
    private final SwdWireMaster wire;
    private final MemApAccess memory;
    private final LinkMeter meter;
    private final Faults faults = new Faults();
    private Object owner;
    private int commMode = -1;
    private boolean debugEnabled;
    private int criticalError;
    private int lastSwdStatus = SwdWireMaster.ACK;
    private int resetDelayMillis;
    private int hardwareInterfaceResets;
    private String selectedDevice = "";

    /**
     * @param serial      the short port descriptor and what {@code open_port_by_identifier} accepts,
     *                    such as {@code PEMA9B3C1}
     * @param description the long port descriptor
     * @param device      the device name the library lists, such as {@code nRF51822}
     */
    public PeMultilink(String serial, String description, String device, SwjPins target, VirtualClock clock) {
        this.serial = serial;
        this.description = description;
        this.device = device;
        this.meter = new LinkMeter(clock);
        this.wire = new SwdWireMaster(target, meter);
        this.memory = new MemApAccess(wire);
    }

    public String serial() {
        return serial;
    }

    public String description() {
        return description;
    }

    /** What the link has carried and the modelled time it took. */
    public LinkStats linkStats() {
        return meter.snapshot();
    }

    /** Zeroes the link's counters. */
    public void resetLinkStats() {
        meter.reset();
    }

    /** Faults the next calls will show, for tests of the driver's error paths. */
    public Faults faults() {
        return faults;
    }

    public synchronized long shiftFrequencyHz() {
        return wire.clockHz();
    }

    public synchronized String selectedDevice() {
        return selectedDevice;
    }

    public synchronized boolean isOpen() {
        return owner != null;
    }

    // ---- open and close (owner: the library session that holds the port) ----

    synchronized boolean open(Object session) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        if (owner != null && owner != session || faults.takeFailure("open_port_by_identifier")) {
            return false;
        }
        owner = session;
        return true;
    }

    synchronized void close(Object session) {
        if (owner == session) {
            owner = null;
            debugEnabled = false;
            commMode = -1;
        }
    }

    /** How many times {@code reset_hardware_interface} was called. */
    public synchronized int hardwareInterfaceResets() {
        return hardwareInterfaceResets;
    }

    synchronized void resetHardwareInterface() {
        meter.roundTrip(ROUND_TRIP_NANOS);
        hardwareInterfaceResets++;
        criticalError &= ~CRITICAL_INTERFACE;
        debugEnabled = false;
    }

    synchronized int checkCriticalError() {
        int injected = faults.critical;
        return injected != 0 ? injected | criticalError : criticalError;
    }

    // ---- connect ----

    synchronized boolean setCommMode(int mode) {
        if (mode != 0 && mode != 1) {
            return false;
        }
        commMode = mode;
        debugEnabled = false;
        return true;
    }

    synchronized void setShiftFrequency(int hz) {
        wire.setClockHz(hz <= 0 ? 1_000_000 : hz);
    }

    /** Powers the debug domain and checks the DP answers: SWD switch, DPIDR, CTRL/STAT power-up. */
    synchronized boolean enableDebugModule() {
        meter.roundTrip(ROUND_TRIP_NANOS);
        debugEnabled = false;
        if (owner == null || commMode != 0 || faults.takeFailure("enable_debug_module")) {
            return false; // the lab's Multilink has no JTAG wiring to an SW-DP target
        }
        wire.switchToSwd();
        if (status(wire.readDp(SwdWireMaster.DP_DPIDR)) != SwdWireMaster.ACK) {
            return false;
        }
        wire.writeDp(SwdWireMaster.DP_ABORT, 0x1E);
        if (status(wire.writeDp(SwdWireMaster.DP_CTRL_STAT, 0x5000_0000)) != SwdWireMaster.ACK) {
            return false;
        }
        for (int poll = 0; poll < 100; poll++) {
            if (status(wire.readDp(SwdWireMaster.DP_CTRL_STAT)) != SwdWireMaster.ACK) {
                return false;
            }
            if ((wire.value() & 0xA000_0000) == 0xA000_0000) {
                debugEnabled = true;
                return true;
            }
        }
        return false;
    }

    synchronized void selectDevice(String name) {
        selectedDevice = name;
    }

    String deviceList() {
        return device;
    }

    // ---- DAP register access ----

    synchronized Integer readDp(int register) {
        return dapAccess(wire.readDp(register));
    }

    synchronized void writeDp(int register, int value) {
        dapAccess(wire.writeDp(register, value));
    }

    synchronized Integer readAp(int ap, int register) {
        return dapAccess(wire.readAp(ap, register));
    }

    synchronized void writeAp(int ap, int register, int value) {
        dapAccess(wire.writeAp(ap, register, value));
    }

    synchronized int lastSwdStatus() {
        return lastSwdStatus;
    }

    private Integer dapAccess(int status) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        int shown = faults.swdStatus != 0 ? faults.takeSwdStatus() : status(status);
        lastSwdStatus = shown;
        if (status == SwdWireMaster.FAULT) {
            wire.clearStickyErrors();
        }
        return shown == SwdWireMaster.ACK ? wire.value() : null;
    }

    private int status(int status) {
        lastSwdStatus = status;
        return status;
    }

    // ---- memory, registers and run control ----

    synchronized MemResult read(long address, int size, byte[] into) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        if (!debugEnabled) {
            return MemResult.UNINITIALISED;
        }
        MemResult injected = faults.takeMemResult();
        return injected != null ? injected : memory.read(address, size, into, 0, into.length);
    }

    synchronized MemResult write(long address, int size, byte[] from) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        if (!debugEnabled) {
            return MemResult.UNINITIALISED;
        }
        MemResult injected = faults.takeMemResult();
        return injected != null ? injected : memory.write(address, size, from, 0, from.length);
    }

    synchronized Integer readRegister(int number) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        return debugEnabled ? memory.readCoreRegister(number) : null;
    }

    synchronized boolean writeRegister(int number, int value) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        return debugEnabled && memory.writeCoreRegister(number, value);
    }

    synchronized boolean halt() {
        return control(MemApAccess.C_DEBUGEN | MemApAccess.C_HALT);
    }

    synchronized boolean resume() {
        return control(MemApAccess.C_DEBUGEN);
    }

    synchronized boolean step() {
        return control(MemApAccess.C_DEBUGEN | MemApAccess.C_STEP);
    }

    synchronized boolean isHalted() {
        meter.roundTrip(ROUND_TRIP_NANOS);
        Integer status = debugEnabled ? memory.debugStatus() : null;
        return status != null && (status & MemApAccess.S_HALT) != 0;
    }

    private boolean control(int bits) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        return debugEnabled && memory.controlCore(bits);
    }

    // ---- reset ----

    synchronized void setResetDelayMillis(int millis) {
        resetDelayMillis = Math.max(0, millis);
    }

    /** 0 drives nRESET low, anything else releases it. */
    synchronized void setResetPin(int state) {
        meter.roundTrip(ROUND_TRIP_NANOS);
        wire.pins().setResetAsserted(state == 0);
    }

    /** Pulses nRESET, then waits the reset delay on the target's clock. */
    synchronized boolean resetTarget() {
        meter.roundTrip(ROUND_TRIP_NANOS);
        if (owner == null) {
            return false;
        }
        wire.pins().setResetAsserted(true);
        meter.idle(1_000_000);
        wire.pins().setResetAsserted(false);
        meter.idle(resetDelayMillis * 1_000_000L);
        return true;
    }

    /** Faults injected into the next calls; each is used once. */
    public static final class Faults {
        private final java.util.Set<String> failures = new java.util.HashSet<>();
        private int swdStatus;
        private int critical;
        private MemResult memResult;

        /** The next call of {@code function} (a library function name) returns false. */
        public synchronized void failNext(String function) {
            failures.add(function);
        }

        /** The next DP or AP access reports this SWD status (2 WAIT, 1 FAULT, ...). */
        public synchronized void swdStatusNext(int status) {
            swdStatus = status;
        }

        /** {@code check_critical_error} reports these bits until cleared with 0. */
        public synchronized void criticalError(int bits) {
            critical = bits;
        }

        /** The next memory access returns this {@code mem_result} code. */
        public synchronized void memResultNext(int code) {
            memResult = MemResult.values()[code];
        }

        synchronized boolean takeFailure(String function) {
            return failures.remove(function);
        }

        synchronized int takeSwdStatus() {
            int status = swdStatus;
            swdStatus = 0;
            return status;
        }

        synchronized MemResult takeMemResult() {
            MemResult result = memResult;
            memResult = null;
            return result;
        }
    }
}
