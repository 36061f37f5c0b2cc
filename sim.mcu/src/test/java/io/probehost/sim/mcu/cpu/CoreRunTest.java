package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bench.BenchWorkload;
import io.probehost.sim.mcu.bench.CortexMTestMachine;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Core#run} (batches, the clock told late, quiet steps) ends in the state the same number of
 * {@link Core#step()} calls reach: registers, cycles, the virtual clock, SysTick, CYCCNT, memory,
 * also when SysTick, the FPB or the DWT are turned on between batches.
 */
class CoreRunTest {
    private static final int STEPS = 60_000;
    private static final int BATCH = 777;
    private static final int SYST_CSR = 0xE000_E010;
    private static final int SYST_RVR = 0xE000_E014;
    private static final int SYST_CVR = 0xE000_E018;
    private static final int FP_CTRL = 0xE000_2000;
    private static final int FP_COMP0 = 0xE000_2008;
    private static final int DEMCR = 0xE000_EDFC;
    private static final int DWT_CTRL = 0xE000_1000;
    private static final int DWT_CYCCNT = 0xE000_1004;

    @ParameterizedTest
    @EnumSource(Profile.class)
    void batchesEndWhereSingleStepsEnd(Profile profile) {
        assertSameAsSteps(profile, machine -> { });
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void sysTickCountsTheSameInBatches(Profile profile) {
        String[] counted = assertSameAsSteps(profile, machine -> {
            machine.writeBus(SYST_RVR, 999);
            machine.writeBus(SYST_CSR, 1);
        });
        assertTrue(counted[1].contains("cvr="), counted[1]);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void sysTickInterruptTakenAtTheSameInstructionInBatches(Profile profile) {
        // the workload has no SysTick handler: whatever the vector holds, both runs must take it alike
        assertSameAsSteps(profile, machine -> {
            machine.writeBus(SYST_RVR, 5000);
            machine.writeBus(SYST_CSR, 3);
        });
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void breakpointEnabledBetweenBatchesActsInBatches(Profile profile) {
        String[] states = assertSameAsSteps(profile, machine -> {
            int pc = machine.core().registers().pc();
            machine.writeBus(FP_COMP0, (pc & 0x1FFF_FFFC) | 1 | ((pc & 2) == 0 ? 1 << 30 : 2 << 30));
            machine.writeBus(FP_CTRL, 3);
        });
        assertTrue(states[0].contains("pc="), states[0]);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void dwtEnabledBetweenBatchesCountsInBatches(Profile profile) {
        String[] states = assertSameAsSteps(profile, machine -> {
            machine.writeBus(DEMCR, DebugState.DEMCR_DWTENA);
            machine.writeBus(DWT_CTRL, 1);
        });
        if (profile == Profile.ARMV7M) {
            assertTrue(!states[1].contains("cyccnt=0 "), states[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void boundedRunStopsWhereTheClockReachesItsEnd(Profile profile) {
        CortexMTestMachine stepped = BenchWorkload.machine(profile);
        CortexMTestMachine batched = BenchWorkload.machine(profile);
        long until = 1_234_567;
        while (stepped.clock().nowNanos() < until && stepped.core().canRun()) {
            stepped.core().step();
        }
        int steps = batched.core().run(Integer.MAX_VALUE, batched.clock(), until);
        assertTrue(steps > 1000);
        assertEquals(stepped.core().cycles(), batched.core().cycles());
        assertEquals(stepped.clock().nowNanos(), batched.clock().nowNanos());
        assertEquals(state(stepped), state(batched));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void deviceReadDuringABatchSeesTheClockOfThatInstruction(Profile profile) {
        List<Long> stepped = clockSeenByDevice(profile, false);
        List<Long> batched = clockSeenByDevice(profile, true);
        assertEquals(100, stepped.size());
        assertTrue(stepped.get(99) > stepped.get(0));
        assertEquals(stepped, batched);
    }

    /**
     * A loop of LDR r1, [r0] from a device that records the clock when read, then B back: the
     * clock values it saw over 200 instructions, stepped one by one or in one batch.
     */
    private static List<Long> clockSeenByDevice(Profile profile, boolean inBatch) {
        int device = 0x4000_0000;
        Memory flash = new Memory(0x100);
        byte[] code = flash.bytes();
        int reset = 0x40;
        putWord(code, 0, 0x2000_0400);
        putWord(code, 4, reset | 1);
        putWord(code, reset, 0xE7FD_6801); // LDR r1, [r0]; B to the LDR
        VirtualClock clock = new VirtualClock();
        List<Long> seen = new ArrayList<>();
        SystemBus bus = new SystemBus().map(0, 0x100, flash).map(0x2000_0000, 0x400, new Memory(0x400))
                .map(device, 0x100, new MemoryPort() {
                    @Override
                    public int read(int address, AccessSize size) {
                        seen.add(clock.nowNanos());
                        return 0;
                    }

                    @Override
                    public void write(int address, AccessSize size, int value) {
                    }
                });
        Core core = new Core(bus, clock, profile, 72_000_000);
        core.powerOnReset();
        core.registers().set(0, device);
        if (inBatch) {
            assertEquals(200, core.run(200));
        } else {
            for (int i = 0; i < 200; i++) {
                core.step();
            }
        }
        return seen;
    }

    private static void putWord(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /**
     * Runs the bench workload {@link #STEPS} steps one by one and in batches, applying
     * {@code change} to each after the first third; asserts the states match after every batch
     * boundary it crosses and at the end; returns the final state: core, then devices.
     */
    private static String[] assertSameAsSteps(Profile profile, Consumer<CortexMTestMachine> change) {
        CortexMTestMachine stepped = BenchWorkload.machine(profile);
        CortexMTestMachine batched = BenchWorkload.machine(profile);
        int done = 0;
        boolean changed = false;
        while (done < STEPS) {
            if (!changed && done >= STEPS / 3) {
                change.accept(stepped);
                change.accept(batched);
                changed = true;
            }
            int ran = batched.core().run(BATCH);
            for (int i = 0; i < ran; i++) {
                stepped.core().step();
            }
            done += BATCH;
            assertEquals(state(stepped), state(batched), "after " + done + " steps");
            assertEquals(devices(stepped), devices(batched), "after " + done + " steps");
            if (ran < BATCH) {
                break; // halted or locked up: both alike
            }
        }
        return new String[] {state(batched), devices(batched)};
    }

    private static String state(CortexMTestMachine machine) {
        Core core = machine.core();
        Registers r = core.registers();
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < 13; n++) {
            s.append(String.format("r%d=%08x ", n, r.get(n)));
        }
        s.append(String.format("msp=%08x psp=%08x lr=%08x pc=%08x ipsr=%d nzcv=%b%b%b%b it=%02x ", r.msp(), r.psp(), r.lr(), r.pc(),
                r.ipsr(), r.n, r.z, r.c, r.v, r.itState));
        s.append(String.format("cycles=%d clock=%d halted=%b locked=%b words=%08x,%08x", core.cycles(), machine.clock().nowNanos(),
                core.debug().halted, core.lockedUp(), machine.readWord(BenchWorkload.ITERATIONS_ADDRESS),
                machine.readWord(BenchWorkload.CHECKSUM_ADDRESS)));
        return s.toString();
    }

    private static String devices(CortexMTestMachine machine) {
        String cyccnt = machine.core().profile() == Profile.ARMV7M ? Integer.toString(machine.readBus(DWT_CYCCNT)) : "-";
        return String.format("cvr=%d cyccnt=%s pending=%b", machine.readBus(SYST_CVR), cyccnt, machine.core().exceptions().anyPending());
    }
}
