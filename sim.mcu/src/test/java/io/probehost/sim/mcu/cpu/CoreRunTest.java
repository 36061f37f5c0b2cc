package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.function.IntConsumer;
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
    private static final int NVIC_ISER = 0xE000_E100;
    private static final int NVIC_ISPR = 0xE000_E200;
    private static final int SRAM = 0x2000_0000;

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

    /**
     * Lockstep as a probe link runs it: many short runs bounded by the clock (odd lengths, so that
     * ends fall inside blocks and between a cycle's nanoseconds), SysTick counting, blocks compiled
     * at once. Each run ends where stepping until the clock reaches its end ends (fails if a block
     * may run past the end, or the bound is taken one cycle off).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void boundedRunsWithCompiledBlocksStopWhereTheClockReachesEachEnd(Profile profile) {
        CortexMTestMachine stepped = BenchWorkload.machine(profile);
        CortexMTestMachine batched = BenchWorkload.machine(profile);
        batched.core().compileBlocksAfter(1);
        for (CortexMTestMachine machine : List.of(stepped, batched)) {
            machine.writeBus(SYST_RVR, 997);
            machine.writeBus(SYST_CSR, 1);
        }
        long until = 0;
        for (int run = 0; run < 300; run++) {
            until += 1_000 + 37 * (run % 11);
            while (stepped.clock().nowNanos() < until && stepped.core().canRun()) {
                stepped.core().step();
            }
            batched.core().run(Integer.MAX_VALUE, batched.clock(), until);
            assertEquals(stepped.clock().nowNanos(), batched.clock().nowNanos(), "run " + run);
            assertEquals(state(stepped), state(batched), "run " + run);
            assertEquals(devices(stepped), devices(batched), "run " + run);
        }
        assertTrue(batched.core().compiledBlocks() > 10, batched.core().compiledBlocks() + " blocks");
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
     * An instruction in the middle of a batch that pends an exception (SVC, a store to NVIC_ISPR)
     * or returns from one: the next step of the batch takes or leaves it exactly where single steps
     * do (fails if the batch keeps running quietly after the SVC or the NVIC store).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void exceptionPendedInsideABatchIsTakenAtTheSameInstruction(Profile profile) {
        CortexMTestMachine stepped = exceptionLoopMachine(profile);
        CortexMTestMachine batched = exceptionLoopMachine(profile);
        for (int batch = 0; batch < 100; batch++) {
            int ran = batched.core().run(37);
            assertEquals(37, ran);
            for (int i = 0; i < ran; i++) {
                stepped.core().step();
            }
            assertEquals(state(stepped), state(batched), "after batch " + batch);
        }
        Registers r = batched.core().registers();
        assertTrue(r.get(4) > 100 && r.get(5) > 100, "SVC and IRQ 0 handlers ran: " + state(batched));
    }

    /**
     * A device counting cycles (as the nRF51 TIMERs) pends IRQ 0 every 333 cycles inside batches:
     * the interrupt is taken at the same instruction as with single steps.
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void clockedDeviceInterruptInsideABatchIsTakenAtTheSameInstruction(Profile profile) {
        List<CortexMTestMachine> machines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CortexMTestMachine machine = exceptionLoopMachine(profile);
            Core core = machine.core();
            core.addClockedDevice(new ClockedDevice() {
                private long counted;

                @Override
                public void advance(long cycles) {
                    long before = counted / 333;
                    counted += cycles;
                    if (counted / 333 != before) {
                        core.exceptions().setPending(ExceptionState.FIRST_IRQ, true);
                    }
                }

                @Override
                public long cyclesUntilInterrupt() {
                    return 333 - counted % 333;
                }
            });
            machine.core().registers().set(2, 0); // the program's own store pends nothing now
            machines.add(machine);
        }
        assertBatchesMatchSteps(machines, 50, 101, batch -> { });
        assertTrue(machines.get(1).core().registers().get(5) > 10, state(machines.get(1)));
    }

    /**
     * The program itself turns the FPB on in the middle of a batch (a store to FP_CTRL, which
     * pends nothing): its breakpoint on the third instruction after the store halts the batch there
     * as it halts single steps (fails if the batch keeps running quietly after the store).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void breakpointUnitTurnedOnByTheProgramActsInTheSameBatch(Profile profile) {
        int reset = 0x80;
        int breakpoint = reset + 6;
        byte[] image = new byte[0x200];
        putWord(image, 0, 0x2000_1000);
        putWord(image, 4, reset | 1);
        putWord(image, reset, 0x3001_600A); // STR r2, [r1]; ADDS r0, #1
        putWord(image, reset + 4, 0x3001_3001); // ADDS r0, #1 twice
        putWord(image, reset + 8, 0xE7FA); // B reset
        List<CortexMTestMachine> machines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x2000);
            machine.load(image);
            machine.core().setDebugEnabled(true);
            machine.writeBus(FP_COMP0, (breakpoint & 0x1FFF_FFFC) | 1 | 2 << 30);
            machine.core().registers().set(1, FP_CTRL);
            machine.core().registers().set(2, 3);
            machines.add(machine);
        }
        int ran = machines.get(1).core().run(100);
        for (int i = 0; i < ran; i++) {
            machines.get(0).core().step();
        }
        assertEquals(state(machines.get(0)), state(machines.get(1)));
        assertTrue(machines.get(1).core().debug().halted);
        assertEquals(breakpoint, machines.get(1).core().registers().pc());
    }

    /**
     * The program starts SysTick in the middle of a batch (a store to SYST_CSR): it counts from
     * that store on, the cycles of the store included, as with single steps (fails if the batch
     * keeps counting cycles only, SysTick untouched, after the store).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void sysTickStartedByTheProgramCountsInTheSameBatch(Profile profile) {
        int reset = 0x80;
        byte[] image = new byte[0x200];
        putWord(image, 0, 0x2000_1000);
        putWord(image, 4, reset | 1);
        putWord(image, reset, 0x3001_600A); // STR r2, [r1]; ADDS r0, #1
        putWord(image, reset + 4, 0xE7FD); // B to the ADDS
        List<CortexMTestMachine> machines = steppedAndBatched(profile, image, machine -> {
            machine.writeBus(SYST_RVR, 100_000);
            machine.core().registers().set(1, SYST_CSR);
            machine.core().registers().set(2, 1);
        });
        assertTrue(machines.get(1).readBus(SYST_CVR) != 0, devices(machines.get(1)));
    }

    /**
     * SysTick running (no interrupt, wrapping every 38 cycles) while the program reads SYST_CVR
     * between instructions that only count cycles: LDR r1, [r0]; STMIA r2!, {r1}; ADDS r3, #1
     * twice; B back. Every value read, and the state, match single steps (fails if a batch holds
     * SysTick's cycles back past the bus access that reads it).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void sysTickReadByTheProgramCountsTheSameInBatches(Profile profile) {
        int reset = 0x80;
        int values = 0x2000_0100;
        byte[] image = new byte[0x200];
        putWord(image, 0, 0x2000_1000);
        putWord(image, 4, reset | 1);
        putWord(image, reset, 0xC202_6801);
        putWord(image, reset + 4, 0x3301_3301);
        putWord(image, reset + 8, 0xE7FA);
        List<CortexMTestMachine> machines = steppedAndBatched(profile, image, machine -> {
            machine.writeBus(SYST_RVR, 37);
            machine.writeBus(SYST_CSR, 1);
            machine.core().registers().set(0, SYST_CVR);
            machine.core().registers().set(2, values);
        });
        int[] read = machines.get(0).readWords(values, 100);
        assertTrue(read[0] != read[1], "CVR counts down between reads");
        assertArrayEquals(read, machines.get(1).readWords(values, 100));
    }

    /**
     * A store to NVIC_ISPR in the middle of a basic block (ADDS r0, #1; STR r2, [r1]; ADDS r3, #1
     * twice; B back, in SRAM): IRQ 0 is taken right after the store, before the rest of the block,
     * as with single steps (fails if a compiled block runs on after an instruction ended the quiet run).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void interruptPendedInsideABlockIsTakenAfterThatInstruction(Profile profile) {
        byte[] image = imageWithHandler(ExceptionState.FIRST_IRQ, 0x4770_3501); // ADDS r5, #1; BX LR
        List<CortexMTestMachine> machines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CortexMTestMachine machine = sramLoopMachine(profile, image, 0x600A_3001, 0x3301_3301, 0xE7FA);
            machine.writeBus(NVIC_ISER, 1);
            machine.core().registers().set(1, NVIC_ISPR);
            machine.core().registers().set(2, 1);
            machines.add(machine);
        }
        assertBatchesMatchSteps(machines, 40, 23, batch -> { });
        assertTrue(machines.get(1).core().registers().get(5) > 50, state(machines.get(1)));
    }

    /**
     * Code changed inside a basic block after the block ran: by the program's own STRH halfway
     * through the block (STRH r6, [r5] rewrites its fourth instruction, ADDS r1, #1, into
     * ADDS r4, #1 before it is reached), and then by a store from outside between batches (ADDS r2
     * becomes ADDS r3). Batches run the new instructions exactly where single steps do (fails if
     * compiled blocks do not mark their code in the decode table).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void codeChangedInsideABlockRunsAsChanged(Profile profile) {
        byte[] image = new byte[0x200];
        putWord(image, 0, 0x2000_1000);
        putWord(image, 4, 0x80 | 1);
        int changedByProgram = SRAM + 6;
        int changedFromOutside = SRAM + 8;
        List<CortexMTestMachine> machines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // STRH r6, [r5]; ADDS r0, #1; ADDS r0, #1; ADDS r1, #1; ADDS r2, #1; B back
            CortexMTestMachine machine = sramLoopMachine(profile, image, 0x3001_802E, 0x3101_3001, 0xE7F9_3201);
            machine.core().registers().set(5, changedByProgram);
            machine.core().registers().set(6, 0x3401);
            machines.add(machine);
        }
        assertBatchesMatchSteps(machines, 20, 29, batch -> {
            if (batch == 10) {
                for (CortexMTestMachine machine : machines) {
                    machine.writeBus(changedFromOutside, 0xE7F9_3301);
                }
            }
        });
        Registers r = machines.get(1).core().registers();
        assertEquals(0, r.get(1), "the first ADDS r1 was already rewritten when reached");
        assertTrue(r.get(4) > 50 && r.get(2) > 10 && r.get(3) > 10, state(machines.get(1)));
    }

    /**
     * A fault in the middle of a compiled block: loop ADDS r0, #1; MOVS r4, #0x60; LSLS r4, #24;
     * LDR r3, [r4] (nothing mapped at 0x60000000); ADDS r1, #1; B back, in SRAM. The HardFault
     * handler points r4 at SRAM, counts in r6 and returns to the LDR. Batches take the fault at the
     * LDR with the same stacked frame, cycles and clock as single steps (fails if a block counts the
     * faulting instruction as retired or leaves the PC after it).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void faultInsideABlockIsTakenAtTheFaultingInstruction(Profile profile) {
        // MOVS r4, #0x20; LSLS r4, #24; ADDS r6, #1; BX LR
        byte[] image = imageWithHandler(ExceptionState.HARD_FAULT, 0x0624_2420, 0x4770_3601);
        List<CortexMTestMachine> machines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            machines.add(sramLoopMachine(profile, image, 0x2460_3001, 0x6823_0624, 0xE7F9_3101));
        }
        assertBatchesMatchSteps(machines, 30, 37, batch -> { });
        Registers r = machines.get(1).core().registers();
        assertTrue(r.get(6) > 20 && r.get(1) > 20, state(machines.get(1)));
    }

    /**
     * {@code batches} times: {@code beforeBatch} with the batch's number, one batch of {@code size}
     * on the second machine and as many single steps on the first; asserts the batch runs them all
     * and both end in the same state.
     */
    private static void assertBatchesMatchSteps(List<CortexMTestMachine> machines, int batches, int size, IntConsumer beforeBatch) {
        for (int batch = 0; batch < batches; batch++) {
            beforeBatch.accept(batch);
            assertEquals(size, machines.get(1).core().run(size));
            for (int i = 0; i < size; i++) {
                machines.get(0).core().step();
            }
            assertEquals(state(machines.get(0)), state(machines.get(1)), "after batch " + batch);
        }
    }

    /** A flash image with the reset vector at 0x80 and {@code exception}'s handler, {@code handler}'s words, at 0x110. */
    private static byte[] imageWithHandler(int exception, int... handler) {
        int handlerAddress = 0x110;
        byte[] image = new byte[0x200];
        putWord(image, 0, 0x2000_1000);
        putWord(image, 4, 0x80 | 1);
        putWord(image, exception * 4, handlerAddress | 1);
        for (int i = 0; i < handler.length; i++) {
            putWord(image, handlerAddress + 4 * i, handler[i]);
        }
        return image;
    }

    /** A machine loaded with {@code image}, running {@code words} copied to the start of SRAM. */
    private static CortexMTestMachine sramLoopMachine(Profile profile, byte[] image, int... words) {
        CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x2000);
        machine.load(image);
        for (int i = 0; i < words.length; i++) {
            machine.writeBus(SRAM + 4 * i, words[i]);
        }
        machine.core().registers().setPc(SRAM);
        machine.core().compileBlocksAfter(1);
        return machine;
    }

    /**
     * Two machines running {@code image} after {@code setUp}, 500 single steps and one batch of
     * 500; asserts their core state and devices match; returns them, stepped first.
     */
    private static List<CortexMTestMachine> steppedAndBatched(Profile profile, byte[] image, Consumer<CortexMTestMachine> setUp) {
        List<CortexMTestMachine> machines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x2000);
            machine.load(image);
            machine.core().compileBlocksAfter(1);
            setUp.accept(machine);
            machines.add(machine);
        }
        assertEquals(500, machines.get(1).core().run(500));
        for (int i = 0; i < 500; i++) {
            machines.get(0).core().step();
        }
        assertEquals(state(machines.get(0)), state(machines.get(1)));
        assertEquals(devices(machines.get(0)), devices(machines.get(1)));
        return machines;
    }

    /**
     * Loop: ADDS r0, #1; SVC #0; STR r2, [r1] (r1 = NVIC_ISPR, r2 = 1: pends IRQ 0); ADDS r3, #1;
     * B loop. The SVC handler counts in r4, the IRQ 0 handler in r5; both return with BX LR.
     */
    private static CortexMTestMachine exceptionLoopMachine(Profile profile) {
        int reset = 0x80;
        int svcHandler = 0x100;
        int irqHandler = 0x110;
        byte[] image = new byte[0x200];
        putWord(image, 0, 0x2000_1000);
        putWord(image, 4, reset | 1);
        putWord(image, 11 * 4, svcHandler | 1);
        putWord(image, ExceptionState.FIRST_IRQ * 4, irqHandler | 1);
        putWord(image, reset, 0xDF00_3001);
        putWord(image, reset + 4, 0x3301_600A);
        putWord(image, reset + 8, 0xE7FA);
        putWord(image, svcHandler, 0x4770_3401);
        putWord(image, irqHandler, 0x4770_3501);
        CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x2000);
        machine.load(image);
        machine.core().compileBlocksAfter(1);
        machine.writeBus(NVIC_ISER, 1);
        machine.core().registers().set(1, NVIC_ISPR);
        machine.core().registers().set(2, 1);
        return machine;
    }

    /**
     * A loop of LDR r1, [r0] from a device that records the clock when read, then B back: the
     * clock values it saw over 200 instructions, stepped one by one or in one batch.
     */
    private static List<Long> clockSeenByDevice(Profile profile, boolean inBatch) {
        int device = 0x4000_0000;
        Memory flash = new Memory(0x100);
        int reset = 0x40;
        flash.write(0, AccessSize.WORD, 0x2000_0400);
        flash.write(4, AccessSize.WORD, reset | 1);
        flash.write(reset, AccessSize.WORD, 0xE7FD_6801); // LDR r1, [r0]; B to the LDR
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

    /**
     * Code in flash calling a routine at the very end of RAM: a batch leaves the code region it
     * holds and takes the other one, and fetches the BX LR in RAM's last halfword alone (its pair
     * would reach past the region); registers and cycles end as with single steps, and the routine
     * ran (fails if the fetch reads a pair past the region's end).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void callToTheEndOfAnotherRegionRunsTheSameInBatches(Profile profile) {
        List<Long> stepped = callIntoTheEndOfRam(profile, false);
        assertEquals(100L, stepped.get(0), "ADDS r1, #1 once per call");
        assertEquals(stepped, callIntoTheEndOfRam(profile, true));
    }

    /** r1, the PC and the cycles after 400 steps of BLX r0; B back, r0 pointing at ADDS r1, #1; BX LR in RAM's last word. */
    private static List<Long> callIntoTheEndOfRam(Profile profile, boolean inBatch) {
        Memory flash = new Memory(0x100);
        Memory ram = new Memory(0x400);
        flash.write(0, AccessSize.WORD, 0x2000_0400 - 0x10);
        flash.write(4, AccessSize.WORD, 0x40 | 1);
        flash.write(0x40, AccessSize.WORD, 0xE7FD_4780); // BLX r0; B to the BLX
        ram.write(0x3FC, AccessSize.WORD, 0x4770_3101); // ADDS r1, #1; BX LR
        SystemBus bus = new SystemBus().map(0, 0x100, flash).map(0x2000_0000, 0x400, ram);
        Core core = new Core(bus, new VirtualClock(), profile, 72_000_000);
        core.powerOnReset();
        core.registers().set(0, 0x2000_03FC | 1);
        if (inBatch) {
            assertEquals(400, core.run(400));
        } else {
            for (int i = 0; i < 400; i++) {
                core.step();
            }
        }
        return List.of((long) core.registers().get(1), (long) core.registers().pc(), core.cycles());
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
