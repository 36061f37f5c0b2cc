package io.probehost.driver.pemicro.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.probehost.api.ProbeException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.WireProtocol;

/**
 * An opened PE Micro probe. The library does the Arm debug accesses itself, so the probe offers
 * {@link ArmMemoryEngine} (memory blocks with {@code get_block}/{@code put_block}, DP and AP registers
 * with special features, each checked with the last SWD status) and {@link ResetControl}
 * ({@code set_reset_pin_state}); no raw SWD. Every access completes before it returns: AP and DP
 * writes are sent with {@code set} = true ("now").
 */
final class PeMicroProbe implements DebugProbe, ArmMemoryEngine, ResetControl {
    static final long DEFAULT_CLOCK_HZ = 1_000_000;
    /** The longest block one {@code get_block}/{@code put_block} carries. */
    static final int BLOCK_BYTES = 4096;
    private static final int CRITICAL_INTERFACE = 0x08;

    private final ProbeDescription description;
    private final PeLibrary library;
    private final SessionOptions options;
    private final Runnable onClose;
    private WireProtocol protocol;
    private long clockHz = DEFAULT_CLOCK_HZ;
    private boolean closed;

    private PeMicroProbe(ProbeDescription description, PeLibrary library, SessionOptions options, Runnable onClose) {
        this.description = description;
        this.library = library;
        this.options = options;
        this.onClose = onClose;
    }

    /**
     * Opens the port (note, section 5.2): {@code open_port_by_identifier}, then
     * {@code reset_hardware_interface} and {@code check_critical_error}.
     */
    static PeMicroProbe open(ProbeDescription description, PeLibrary library, SessionOptions options,
            Runnable onClose) {
        String id = description.uniqueId();
        library.call(f -> {
            if (f.open_port_by_identifier(id) == 0) {
                throw PeMicroException.returnedFalse("open_port_by_identifier(\"" + id + "\")",
                        "cannot connect to the probe (unplugged, or open in another program)");
            }
            f.reset_hardware_interface();
            int critical = f.check_critical_error() & 0xFF;
            if (critical != 0) {
                f.close_port();
                throw PeMicroException.criticalError("opening " + id, critical);
            }
            return null;
        });
        return new PeMicroProbe(description, library, options, onClose);
    }

    @Override
    public ProbeDescription description() {
        return description;
    }

    @Override
    public Set<WireProtocol> supportedProtocols() {
        return EnumSet.of(WireProtocol.SWD, WireProtocol.JTAG);
    }

    /**
     * Optional power and device selection, then the communication mode, the shift frequency and
     * "enable debug module" (note, section 5.3); false from the last means no target answers.
     */
    @Override
    public synchronized void connect(WireProtocol wire) {
        boolean powerTarget = options.get(PeMicroOptions.POWER_TARGET);
        String device = options.get(PeMicroOptions.DEVICE);
        library.call(f -> {
            if (powerTarget) {
                feature(f, PeFeature.POWER_ON, 0, 0, 0, null);
            }
            if (!device.isBlank()) {
                feature(f, PeFeature.SELECT_DEVICE, 0, 0, 0, PeLibrary.text(device.trim()));
            }
            feature(f, PeFeature.SET_COMM_MODE,
                    wire == WireProtocol.SWD ? PeFeature.COMM_MODE_SWD : PeFeature.COMM_MODE_JTAG, 0, 0, null);
            f.set_debug_shift_frequency((int) clockHz);
            if (f.pe_special_features(PeFeature.ENABLE_DEBUG_MODULE.code(), (byte) 1, 0, 0, 0, null, null) == 0) {
                throw PeMicroException.returnedFalse(PeFeature.ENABLE_DEBUG_MODULE.display(),
                        "no target answers on " + wire + " (check the cable, the target's power and the protocol)");
            }
            return null;
        });
        protocol = wire;
    }

    @Override
    public synchronized Optional<WireProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public synchronized void disconnect() {
        if (protocol != null) {
            library.call(f -> f.pe_special_features(PeFeature.FLUSH.code(), (byte) 1, 0, 0, 0, null, null));
            protocol = null;
        }
    }

    /** {@code set_debug_shift_frequency}: the library takes any frequency and reports none back. */
    @Override
    public synchronized long setClockHz(long requestedHz) {
        clockHz = clampedHz(requestedHz);
        library.call(f -> {
            f.set_debug_shift_frequency((int) clockHz);
            return null;
        });
        return clockHz;
    }

    @Override
    public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
        if (type == ArmMemoryEngine.class || type == ResetControl.class) {
            return Optional.of(type.cast(this));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void readMemory(int ap, long address, AccessWidth width, byte[] into, int offset,
            int length) {
        inBlocks("get_block", ap, address, length, (at, done, count, errors) -> {
            byte[] block = new byte[count];
            byte ok = library.call(f -> f.get_block(0, (int) at, count, width.bytes(), block, errors));
            System.arraycopy(block, 0, into, offset + done, count);
            return ok;
        });
    }

    @Override
    public synchronized void writeMemory(int ap, long address, AccessWidth width, byte[] from, int offset,
            int length) {
        inBlocks("put_block", ap, address, length, (at, done, count, errors) -> {
            byte[] block = Arrays.copyOfRange(from, offset + done, offset + done + count);
            return library.call(f -> f.put_block(0, (int) at, count, width.bytes(), block, errors));
        });
    }

    /** One {@code get_block} or {@code put_block} of {@code count} bytes at {@code at}, {@code done} bytes in. */
    private interface BlockCall {
        byte run(long at, int done, int count, Memory errors);
    }

    /** Splits a transfer into blocks of at most {@link #BLOCK_BYTES}; a false return fails with the mem_result. */
    private static void inBlocks(String function, int ap, long address, int length, BlockCall call) {
        if (ap != 0) {
            throw new ProbeException("the PE Micro library moves memory through AP 0 only, not AP " + ap);
        }
        for (int done = 0; done < length; done += BLOCK_BYTES) {
            int count = Math.min(BLOCK_BYTES, length - done);
            Memory errors = errorBuffer(count);
            if (call.run(address + done, done, count, errors) == 0) {
                throw PeMicroException.memory(function + " of " + count + " bytes", address + done, memResult(errors));
            }
        }
    }

    @Override
    public Set<AccessWidth> accessWidths() {
        return EnumSet.allOf(AccessWidth.class);
    }

    /** Memory blocks go through AP 0 only; other APs are reached with register access. */
    @Override
    public boolean hasMultipleAps() {
        return false;
    }

    @Override
    public boolean hasDapRegisterAccess() {
        return true;
    }

    @Override
    public synchronized int readDapRegister(int port, int register) {
        Memory value = PeLibrary.outParameter();
        return library.call(f -> {
            if (port == DEBUG_PORT) {
                f.pe_special_features(PeFeature.READ_DP.code(), (byte) 1, register, 0, 0, value, null);
            } else {
                f.pe_special_features(PeFeature.READ_AP.code(), (byte) 1, port, register & 0xFC, 0, value, null);
            }
            checkSwdStatus(f, "reading " + registerName(port, register));
            return value.getInt(0);
        });
    }

    @Override
    public synchronized void writeDapRegister(int port, int register, int value) {
        library.call(f -> {
            if (port == DEBUG_PORT) {
                f.pe_special_features(PeFeature.WRITE_DP.code(), (byte) 1, register, value, 0, null, null);
            } else {
                f.pe_special_features(PeFeature.WRITE_AP.code(), (byte) 1, port, register & 0xFC, value, null, null);
            }
            checkSwdStatus(f, "writing " + registerName(port, register));
            return null;
        });
    }

    @Override
    public synchronized void setResetAsserted(boolean asserted) {
        library.call(f -> {
            f.set_reset_pin_state((byte) (asserted ? 0 : 1));
            return null;
        });
    }

    /** Flushes, closes the port and lets the driver open another. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            library.call(f -> {
                f.pe_special_features(PeFeature.FLUSH.code(), (byte) 1, 0, 0, 0, null, null);
                f.close_port();
                return null;
            });
        } catch (ProbeException e) {
            // the library was unloaded under us: its port went with it
        } finally {
            protocol = null;
            onClose.run();
        }
    }

    /**
     * The last SWD status after a DP/AP access (note, section 5.4). Not ACK: a critical error with bit
     * 0x08 resets the hardware interface; the access fails with the status. pypemicro also resets the
     * target here; this driver does not, since an AP scan expects FAULTs from absent APs.
     */
    private static void checkSwdStatus(PeMicroLibrary f, String access) {
        Memory status = PeLibrary.outParameter();
        f.pe_special_features(PeFeature.LAST_SWD_STATUS.code(), (byte) 1, 0, 0, 0, status, null);
        int code = status.getInt(0);
        if (SwdStatus.fromCode(code) == SwdStatus.ACK) {
            return;
        }
        if (SwdStatus.fromCode(code) != SwdStatus.WAIT && (f.check_critical_error() & CRITICAL_INTERFACE) != 0) {
            f.reset_hardware_interface();
        }
        throw PeMicroException.swdStatus(access, code);
    }

    private static void feature(PeMicroLibrary f, PeFeature feature, int p1, int p2, int p3, Pointer ref1) {
        if (f.pe_special_features(feature.code(), (byte) 1, p1, p2, p3, ref1, null) == 0) {
            throw PeMicroException.returnedFalse(feature.display(), "the probe refused it");
        }
    }

    /** The block calls' optional error buffer: its layout is not documented, so one byte per data byte. */
    private static Memory errorBuffer(int count) {
        Memory errors = new Memory(Math.max(8, count));
        errors.clear();
        return errors;
    }

    /** The stand-in puts the mem_result in the first byte; a library that leaves it 0 reads as a bus error. */
    private static int memResult(Memory errors) {
        int first = errors.getByte(0) & 0xFF;
        return first == 0 ? 2 : first;
    }

    private static String registerName(int port, int register) {
        return port == DEBUG_PORT ? String.format("DP register 0x%02X", register)
                : String.format("AP %d register 0x%02X", port, register);
    }

    private static int clampedHz(long hz) {
        return (int) Math.max(1, Math.min(hz, Integer.MAX_VALUE));
    }
}
