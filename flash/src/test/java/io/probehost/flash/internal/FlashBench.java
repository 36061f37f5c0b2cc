package io.probehost.flash.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * Prints modelled flashing figures from the lab's link model (never a test): a 64 KiB image through
 * pyOCD's nRF51 algorithm behind the virtual DAPLink, with one and with two page buffers, and an
 * unchanged re-flash. Run: {@code flash/bench.sh}.
 */
public final class FlashBench {
    private static final int SIZE = 64 * 1024;

    private FlashBench() {
    }

    public static void main(String[] args) {
        FirmwareImage image = FirmwareImage.builder("random-64k.bin").add(0, random()).build();
        System.out.printf("Image %d KiB; times are the link model's (USB round trips + SWD wire time at the probe's "
                + "clock), the target's virtual clock in brackets%n", SIZE / 1024);
        run("single buffer, sector erase", image, FlashOptions.defaults().withDoubleBuffer(false), false);
        run("double buffer, sector erase", image, FlashOptions.defaults(), false);
        run("double buffer, chip erase", image, FlashOptions.defaults().withErase(EraseMode.CHIP), false);
        run("unchanged re-flash (skip)", image, FlashOptions.defaults(), true);
    }

    private static void run(String label, FirmwareImage image, FlashOptions options, boolean flashFirst) {
        FlashOptions measured = options.withResetAfter(false).withErase(
                options.erase() == EraseMode.AUTO ? EraseMode.SECTOR : options.erase());
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            FlashLoader loader = new FlashLoader(lab.connect(), TestFiles.nrf51());
            if (flashFirst) {
                loader.program(image, measured, null);
            }
            Map<FlashPhase, Long> linkAtPhaseStart = new EnumMap<>(FlashPhase.class);
            Map<FlashPhase, Long> linkAtPhaseEnd = new EnumMap<>(FlashPhase.class);
            Map<FlashPhase, Long> clockAtPhaseStart = new EnumMap<>(FlashPhase.class);
            Map<FlashPhase, Long> clockAtPhaseEnd = new EnumMap<>(FlashPhase.class);
            LinkStats before = lab.device.link().snapshot();
            long clockBefore = lab.mcu.clock().nowNanos();
            FlashResult result = loader.program(image, measured, (phase, done, total) -> {
                long now = lab.device.link().snapshot().modelledNanos();
                linkAtPhaseStart.putIfAbsent(phase, now);
                linkAtPhaseEnd.put(phase, now);
                clockAtPhaseStart.putIfAbsent(phase, lab.mcu.clock().nowNanos());
                clockAtPhaseEnd.put(phase, lab.mcu.clock().nowNanos());
            });
            LinkStats after = lab.device.link().snapshot();
            double linkSeconds = (after.modelledNanos() - before.modelledNanos()) / 1e9;
            double clockSeconds = (lab.mcu.clock().nowNanos() - clockBefore) / 1e9;
            StringBuilder phases = new StringBuilder();
            for (FlashPhase phase : FlashPhase.values()) {
                if (linkAtPhaseStart.containsKey(phase)) {
                    phases.append(String.format(" %s %.0f ms", phase.label(),
                            (linkAtPhaseEnd.get(phase) - linkAtPhaseStart.get(phase)) / 1e6));
                }
            }
            System.out.printf("%-30s %7.1f KB/s  %7.1f ms [%7.1f ms]  %5d round trips;%s; %s%n", label,
                    SIZE / 1024.0 / linkSeconds, linkSeconds * 1e3, clockSeconds * 1e3,
                    after.roundTrips() - before.roundTrips(), phases, result.summary());
            if (linkAtPhaseStart.containsKey(FlashPhase.PROGRAM)) {
                long link = linkAtPhaseEnd.get(FlashPhase.PROGRAM) - linkAtPhaseStart.get(FlashPhase.PROGRAM);
                long clock = clockAtPhaseEnd.get(FlashPhase.PROGRAM) - clockAtPhaseStart.get(FlashPhase.PROGRAM);
                long pages = SIZE / 1024;
                long transfer = pageTransferNanos(lab, loader);
                long targetPerPage = (clock - link) / pages;
                System.out.printf("%30s program phase: link %.0f ms, target CPU %.0f ms (%.2f ms/page), one page "
                        + "transfer %.2f ms -> on silicon: serial %.0f ms, overlapped %.0f ms%n", "", link / 1e6,
                        (clock - link) / 1e6, targetPerPage / 1e6, transfer / 1e6, clock / 1e6,
                        (link + pages * Math.max(0, targetPerPage - transfer)) / 1e6);
            }
        }
    }

    /** Link time of writing one 1 KiB page into RAM, as the loader does before each ProgramPage. */
    private static long pageTransferNanos(VirtualNrf51 lab, FlashLoader unused) {
        io.probehost.api.debug.DebugTarget target = lab.connect();
        long before = lab.device.link().snapshot().modelledNanos();
        target.memory().write(0x2000_2000L, new byte[1024]);
        target.memory().flush();
        return lab.device.link().snapshot().modelledNanos() - before;
    }

    private static byte[] random() {
        byte[] data = new byte[SIZE];
        new Random(42).nextBytes(data);
        return data;
    }
}
