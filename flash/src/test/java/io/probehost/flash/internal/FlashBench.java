package io.probehost.flash.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import io.probehost.api.debug.DebugTarget;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.probe.cmsisdap.LinkStats;

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
    private static final int PAGES = SIZE / PAGE;

    private FlashBench() {
    }

    public static void main(String[] args) {
        FirmwareImage image = FirmwareImage.builder("random-64k.bin").add(0, random()).build();
        System.out.printf("Image %d KiB, modelled time on the link's clock (the target runs in lockstep with it).%n"
                + "Phases end at their last progress report: erase includes reset, algorithm load and the CRC check "
                + "for unchanged sectors.%n%n", SIZE / 1024);
        System.out.printf("%-34s %8s %8s %8s %8s %7s %7s %7s%n", "", "erase", "program", "verify", "total", "KB/s",
                "verify", "trips");
        for (long hz : new long[] {1_000_000, 4_000_000}) {
            String mhz = hz / 1_000_000 + " MHz";
            Run single = run(mhz + " single buffer, sector erase", hz, image,
                    FlashOptions.defaults().withDoubleBuffer(false), false);
            Run dual = run(mhz + " double buffer, sector erase", hz, image, FlashOptions.defaults(), false);
            run(mhz + " double buffer, chip erase", hz, image, FlashOptions.defaults().withErase(EraseMode.CHIP), false);
            run(mhz + " unchanged re-flash (skip)", hz, image, FlashOptions.defaults(), true);
            long bound = Math.max(dual.transfer, dual.targetProgram);
            System.out.printf("%s program phase, double buffer: %.0f ms = %.2f x max(transfer %.0f ms, target program "
                    + "%.0f ms); single buffer %.0f ms = %.2f x.%n", mhz, dual.program / 1e6,
                    (double) dual.program / bound, dual.transfer / 1e6, dual.targetProgram / 1e6, single.program / 1e6,
                    (double) single.program / bound);
            long hideable = Math.min(dual.transfer, single.targetProgram);
            System.out.printf("%s overlap measured: double buffering saves %.0f ms of the %.0f ms it could at most "
                    + "(min(transfer, target program)), %.0f%%; per page %.0f round trips, %.2f ms on the link of which "
                    + "%.2f ms page data.%n%n", mhz, (single.program - dual.program) / 1e6, hideable / 1e6,
                    100.0 * (single.program - dual.program) / hideable, (double) dual.programTrips / PAGES,
                    dual.program / 1e6 / PAGES, dual.transfer / 1e6 / PAGES);
        }
    }

    /** Modelled nanoseconds of one job's program phase, the data transfer and the target's time in it. */
    private record Run(long program, long programTrips, long transfer, long targetProgram) {
    }

    private static Run run(String label, long clockHz, FirmwareImage image, FlashOptions options, boolean flashFirst) {
        FlashOptions measured = options.withResetAfter(false).withErase(
                options.erase() == EraseMode.AUTO ? EraseMode.SECTOR : options.erase());
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            lab.mcu.setMayRunFree(false); // lockstep only: no figure depends on the host's pauses
            DebugTarget target = lab.connect(clockHz);
            FlashLoader loader = new FlashLoader(target, TestFiles.nrf51());
            if (flashFirst) {
                loader.program(image, measured, null);
            }
            long transfer = pageTransferNanos(lab, target) * PAGES;
            Map<FlashPhase, LinkStats> phaseEnd = new EnumMap<>(FlashPhase.class);
            Map<FlashPhase, Long> cyclesAtEnd = new EnumMap<>(FlashPhase.class);
            LinkStats start = lab.device.link().snapshot();
            loader.program(image, measured, (phase, done, total) -> {
                phaseEnd.put(phase, lab.device.link().snapshot());
                cyclesAtEnd.put(phase, lab.mcu.cycles());
            });
            LinkStats end = lab.device.link().snapshot();
            LinkStats eraseEnd = phaseEnd.getOrDefault(FlashPhase.ERASE, start);
            LinkStats programEnd = phaseEnd.getOrDefault(FlashPhase.PROGRAM, eraseEnd);
            LinkStats verifyEnd = phaseEnd.getOrDefault(FlashPhase.VERIFY, programEnd);
            long total = end.modelledNanos() - start.modelledNanos();
            long program = programEnd.modelledNanos() - eraseEnd.modelledNanos();
            long verify = verifyEnd.modelledNanos() - programEnd.modelledNanos();
            long programCycles = cyclesAtEnd.getOrDefault(FlashPhase.PROGRAM, 0L)
                    - cyclesAtEnd.getOrDefault(FlashPhase.ERASE, cyclesAtEnd.getOrDefault(FlashPhase.PROGRAM, 0L));
            System.out.printf("%-34s %8s %8s %8s %8s %7.1f %6.1f%% %7d%n", label,
                    ms(eraseEnd.modelledNanos() - start.modelledNanos()), ms(program), ms(verify), ms(total),
                    SIZE / 1024.0 / (total / 1e9), 100.0 * verify / total, end.roundTrips() - start.roundTrips());
            return new Run(program, programEnd.roundTrips() - eraseEnd.roundTrips(), transfer,
                    programCycles * 1_000_000_000L / Core.CPU_HZ);
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
