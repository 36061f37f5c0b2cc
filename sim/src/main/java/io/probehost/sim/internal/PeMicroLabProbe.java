package io.probehost.sim.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.probehost.sim.probe.pemicro.PeMicroLab;
import io.probehost.sim.probe.pemicro.PeMultilink;

/**
 * A PE Multilink emulator in the lab. It is not on the virtual USB bus: PE Micro's driver calls PE
 * Micro's native library, and the lab's stand-in for that library forwards each call over a loopback
 * socket to the {@link PeMicroLab} server, which serves this Multilink; each call costs the
 * emulator's USB round trip.
 *
 * <p>Its bench floor follows from the library's API (pemicro.md, sections 3 and 5): {@code get_block}
 * and {@code put_block} take any byte count, so 64 KiB can move in one call each way. A driver that
 * cuts blocks smaller pays one round trip per block.
 */
final class PeMicroLabProbe extends LabProbe {
    /** The fewest library calls for 64 KiB: one get_block or put_block. */
    static final long BLOCK_CALLS = 1;

    private final PeMultilink device;

    /** A USB Multilink with port descriptor {@code serial} in front of {@code target}, served by {@code server}. */
    PeMicroLabProbe(String serial, Lab.Target target, PeMicroLab server) {
        this(server, serial, target.part(), target.arm("a PE Multilink in front of it"));
    }

    private PeMicroLabProbe(PeMicroLab server, String serial, String part, LabChip.Arm chip) {
        this(server.addMultilink(serial, deviceName(part), chip.mcu(), chip.port()));
    }

    private PeMicroLabProbe(PeMultilink device) {
        super(null, () -> true, device::linkStats, device::resetLinkStats, () -> { });
        this.device = device;
    }

    /** The device name PE Micro's library lists for a lab part. */
    static String deviceName(String part) {
        return part.equals("nrf51822") ? "nRF51822" : part.toUpperCase(Locale.ROOT);
    }

    @Override
    String attachment() {
        return device.isOpen() ? "library, open" : "library";
    }

    /** set_debug_shift_frequency takes a signed 32-bit Hz, and the emulator shifts at what it is given. */
    @Override
    long maxSwdClockHz() {
        return Integer.MAX_VALUE;
    }

    @Override
    List<BenchTransport> benchTransports() {
        return List.of(new BenchTransport("library", 64, Map.of(), BLOCK_CALLS, BLOCK_CALLS));
    }
}
