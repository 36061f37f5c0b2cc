package io.probehost.flash.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import io.probehost.api.debug.DebugTarget;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.sim.mcu.cpu.Core;

/**
 * Prints modelled flashing figures (never a test): a 64 KiB image through pyOCD's nRF51 algorithm
 * behind the virtual DAPLink, with one and with two page buffers, at 1 and 4 MHz SWD, and an
 * unchanged re-flash. All times are the link model's (USB round trips and SWD wire time); the
 * virtual core runs in lockstep with it and the NVMC takes its datasheet times, so the target's
 * execution is part of them. Run: {@code flash/bench.sh}.
 */
public final class FlashBench {
    private static final int SIZE = 64 * 1024;
    private static final int PAGE = 1024;

    private FlashBench() {
    }

    public static void main(String[] args) {
        FirmwareImage image = FirmwareImage.builder("random-64k.bin").add(0, random()).build();
        System.out.printf("Image %d KiB, modelled time on the link's clock (the target runs in lockstep with it).%n"
                + "Phases end at their last progress report: erase includes reset, algorithm load and the CRC check "
                + "for unchanged sectors.%n%n", SIZE / 1024);
        System.out.printf("%-34s %8s %8s %8s %8s %8s %7s %7s | %s%n", "", "erase", "program", "verify", "total",
                "KB/s", "verify", "trips", "program vs max(transfer, target)");
        for (long hz : new long[] {1_000_000, 4_000_000}) {
            String mhz = hz / 1_000_000 + " MHz";
            run(mhz + " single buffer, sector erase", hz, image, FlashOptions.defaults().withDoubleBuffer(false), false);
            run(mhz + " double buffer, sector erase", hz, image, FlashOptions.defaults(), false);
            run(mhz + " double buffer, chip erase", hz, image, FlashOptions.defaults().withErase(EraseMode.CHIP),
                    false);
            run(mhz + " unchanged re-flash (skip)", hz, image, FlashOptions.defaults(), true);
        }
    }

    private static void run(String label, long clockHz, FirmwareImage image, FlashOptions options,
            boolean flashFirst) {
        FlashOptions measured = options.withResetAfter(false).withErase(
                options.erase() == EraseMode.AUTO ? EraseMode.SECTOR : options.erase());
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            DebugTarget target = lab.connect(clockHz);
            FlashLoader loader = new FlashLoader(target, TestFiles.nrf51());
            if (flashFirst) {
                loader.program(image, measured, null);
            }
            long transfer = pageTransferNanos(lab, target) * (SIZE / PAGE);
            Map<FlashPhase, Long> phaseEnd = new EnumMap<>(FlashPhase.class);
            Map<FlashPhase, Long> cyclesAtEnd = new EnumMap<>(FlashPhase.class);
            long start = linkNanos(lab);
            long startTrips = lab.device.link().snapshot().roundTrips();
            FlashResult result = loader.program(image, measured, (phase, done, total) -> {
                phaseEnd.put(phase, linkNanos(lab));
                cyclesAtEnd.put(phase, lab.mcu.cycles());
            });
            long total = linkNanos(lab) - start;
            long trips = lab.device.link().snapshot().roundTrips() - startTrips;
            long eraseEnd = phaseEnd.getOrDefault(FlashPhase.ERASE, start);
            long programEnd = phaseEnd.getOrDefault(FlashPhase.PROGRAM, eraseEnd);
            long verifyEnd = phaseEnd.getOrDefault(FlashPhase.VERIFY, programEnd);
            long program = programEnd - eraseEnd;
            long verify = verifyEnd - programEnd;
            String overlap = "";
            if (cyclesAtEnd.containsKey(FlashPhase.PROGRAM)) {
                long programCycles = cyclesAtEnd.get(FlashPhase.PROGRAM)
                        - cyclesAtEnd.getOrDefault(FlashPhase.ERASE, cyclesAtEnd.get(FlashPhase.PROGRAM));
                long targetProgram = programCycles * 1_000_000_000L / Core.CPU_HZ;
                overlap = String.format("%.0f ms vs max(%.0f, %.0f) ms = %.2f x", program / 1e6, transfer / 1e6,
                        targetProgram / 1e6, (double) program / Math.max(transfer, targetProgram));
            }
            System.out.printf("%-34s %8s %8s %8s %8s %8.1f %6.1f%% %7d | %s%n", label, ms(eraseEnd - start),
                    ms(program), ms(verify), ms(total), SIZE / 1024.0 / (total / 1e9), 100.0 * verify / total, trips,
                    overlap.isEmpty() ? result.summary() : overlap);
        }
    }

    private static String ms(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }

    private static long linkNanos(VirtualNrf51 lab) {
        return lab.device.link().snapshot().modelledNanos();
    }

    /** Link time of writing one page into RAM, as the loader does before each ProgramPage. */
    private static long pageTransferNanos(VirtualNrf51 lab, DebugTarget target) {
        target.core().halt(java.time.Duration.ofSeconds(1));
        long before = linkNanos(lab);
        target.memory().write(0x2000_2000L, new byte[PAGE]);
        target.memory().flush();
        return linkNanos(lab) - before;
    }

    private static byte[] random() {
        byte[] data = new byte[SIZE];
        new Random(42).nextBytes(data);
        return data;
    }
}
