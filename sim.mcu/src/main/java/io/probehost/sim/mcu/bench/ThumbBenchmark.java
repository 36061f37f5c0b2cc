package io.probehost.sim.mcu.bench;

import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.Profile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Prints how many instructions per second of CPU time the lab core executes unthrottled on one core
 * of this machine, on
 * ARMv6-M and ARMv7-M: for the compiled {@link BenchWorkload} (the figure that counts) and for a
 * short hand-written loop mixing ALU, load, store and branch (ARMv7-M: Thumb-2 and IT). Each
 * machine first runs {@link #WARM_UP_SECONDS} untimed, so that a figure is the rate of a board that
 * has been running (its hot code compiled into blocks, and those compiled by the JVM), as on a lab
 * station; a fresh machine's first half second runs at about half that rate.
 * A benchmark, not a test: run it with
 * {@code java -cp sim.mcu/target/classes io.probehost.sim.mcu.bench.ThumbBenchmark [seconds]}.
 */
public final class ThumbBenchmark {
    private static final int RESET = 0x40;
    private static final int INSTRUCTIONS_PER_CHECK = 1_000_000;
    private static final double WARM_UP_SECONDS = 1;
    private static final int SYST_CSR = 0xE000_E010;
    private static final int SYST_RVR = 0xE000_E014;
    /** SysTick reloading every millisecond at 72 MHz, as real firmware runs it. */
    private static final int ONE_MILLISECOND_RELOAD = 71_999;
    /**
     * The same measurement before the core read memory in place (commit 2648676), best of three runs
     * on the 2-vCPU AMD EPYC build machine while other builds ran: for comparison with a new run there.
     */
    private static final String BEFORE = "before (2648676, best of 3 on the 2-vCPU build machine): "
            + "ARMv6-M workload 53.0, loop 52.2; ARMv7-M workload 40.2, loop 36.3 MIPS";
    /**
     * Before the pre-decoded instruction cache (3e94977): medians of five runs alternating with the
     * version that added it (six runs: ARMv6-M workload 48.1, ARMv7-M workload 43.3), 2 s each, on the
     * same machine under a load average near 20, where one build varies by a third between runs.
     */
    private static final String BEFORE_DECODE_CACHE = "before the decode cache (3e94977, median of 5 runs on the loaded build machine): "
            + "ARMv6-M workload 37.9, ARMv7-M workload 30.7 MIPS";

    /**
     * Before the batched run with quiet steps (56d5be8): medians of four runs alternating with the
     * version that added it (ARMv6-M workload 57.6, ARMv7-M workload 54.2), 2 s each, load average 20 to 33.
     */
    private static final String BEFORE_BATCHES = "before batched runs (56d5be8, median of 4 runs on the loaded build machine): "
            + "ARMv6-M workload 48.6, ARMv7-M workload 44.5 MIPS";

    /**
     * Before runs of quiet steps (298e980): medians of five runs alternating with the version that added
     * them (ARMv6-M workload 73.9, ARMv7-M workload 68.4), 2 s each, JDK 17, load average about 4.
     */
    private static final String BEFORE_QUIET_RUNS = "before runs of quiet steps (298e980, median of 5 runs on the build machine): "
            + "ARMv6-M workload 58.5, ARMv7-M workload 54.8 MIPS";

    /**
     * Before compiled blocks (c6e169e): medians of five runs alternating with the version that added
     * them (ARMv6-M workload 202.2, ARMv7-M workload 134.6), 2 s each, JDK 17, load average 1 to 2.
     */
    private static final String BEFORE_BLOCKS = "before compiled blocks (c6e169e, median of 5 runs on the build machine): "
            + "ARMv6-M workload 74.5, ARMv7-M workload 66.0 MIPS";

    /** MOVS r3, #0x20; LSLS r3, #24; loop: ADDS, EORS, LSLS, STR, LDR, SUBS, CMP, B loop. */
    private static final int[] ARMV6M_LOOP = {0x2320, 0x061B, 0x3001, 0x4041, 0x00CA, 0x601A, 0x681C, 0x1A25, 0x4288, 0xE7F7};
    /**
     * MOVW/MOVT r3, #0x20000000; loop: ADD.W, EOR.W (ROR #3), UBFX, STR.W, LDR.W, MLA, CMP, IT NE,
     * ADDNE, B.W loop.
     */
    private static final int[] ARMV7M_LOOP = {0xF240, 0x0300, 0xF2C2, 0x0300, 0xF100, 0x0001, 0xEA81, 0x01F0,
        0xF3C1, 0x02C8, 0xF8C3, 0x2004, 0xF8D3, 0x4004, 0xFB04, 0x1500, 0x4288, 0xBF18, 0x3601, 0xF7FF, 0xBFEF};

    private ThumbBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        for (int round = 0; round < 2; round++) {
            String label = round == 0 ? " (warm-up)" : "";
            for (Profile profile : new Profile[] {Profile.ARMV6M, Profile.ARMV7M}) {
                CortexMTestMachine workload = BenchWorkload.machine(profile);
                double rate = measure(workload.core(), seconds);
                String name = profile == Profile.ARMV7M ? "ARMv7-M" : "ARMv6-M";
                report(name + " workload" + label, rate, String.format(" %,d iterations, checksum %08x, %d blocks compiled",
                        workload.readWord(BenchWorkload.ITERATIONS_ADDRESS), workload.readWord(BenchWorkload.CHECKSUM_ADDRESS),
                        workload.core().compiledBlocks()));
                CortexMTestMachine ticking = BenchWorkload.machine(profile);
                ticking.writeBus(SYST_RVR, ONE_MILLISECOND_RELOAD);
                ticking.writeBus(SYST_CSR, 1); // counting without its interrupt: the workload has no handler
                report(name + " workload, SysTick on" + label, measure(ticking.core(), seconds), "");
                CortexMTestMachine loop = loopMachine(profile, profile == Profile.ARMV7M ? ARMV7M_LOOP : ARMV6M_LOOP);
                report(name + " loop" + label, measure(loop.core(), seconds), "");
            }
        }
        System.out.println(BEFORE);
        System.out.println(BEFORE_DECODE_CACHE);
        System.out.println(BEFORE_BATCHES);
        System.out.println(BEFORE_QUIET_RUNS);
        System.out.println(BEFORE_BLOCKS);
    }

    private static void report(String name, double instructionsPerSecond, String detail) {
        System.out.printf("%-26s %,15.0f instructions/s (%.1f MIPS)%s%n", name, instructionsPerSecond, instructionsPerSecond / 1e6, detail);
    }

    private static CortexMTestMachine loopMachine(Profile profile, int[] loop) {
        ByteBuffer image = ByteBuffer.allocate(0x200).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, 0x2000_1000).putInt(4, RESET | 1);
        for (int i = 0; i < loop.length; i++) {
            image.putShort(RESET + 2 * i, (short) loop[i]);
        }
        CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x2000);
        machine.load(image.array());
        return machine;
    }

    /**
     * Runs {@code core} for {@link #WARM_UP_SECONDS} untimed, then for about {@code seconds} of this
     * thread's CPU time, and returns the instructions executed in the latter per CPU second: one
     * core's rate, whatever else the machine runs meanwhile.
     */
    static double measure(Core core, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUpEnd = threads.getCurrentThreadCpuTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (threads.getCurrentThreadCpuTime() < warmUpEnd) {
            core.run(INSTRUCTIONS_PER_CHECK);
        }
        long budget = (long) (seconds * 1e9);
        long start = threads.getCurrentThreadCpuTime();
        long executed = 0;
        long elapsed;
        do {
            executed += core.run(INSTRUCTIONS_PER_CHECK);
            elapsed = threads.getCurrentThreadCpuTime() - start;
        } while (elapsed < budget);
        return executed * 1e9 / elapsed;
    }
}
