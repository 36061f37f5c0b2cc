package io.probehost.firmware.riscv;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.riscv.Hart;
import io.probehost.sim.riscv.HartIdentity;
import io.probehost.sim.riscv.MisalignedAccess;
import io.probehost.sim.riscv.TrapCause;

/**
 * The lab hart on the GD32VF103's memory map and nothing else: 128 KiB of flash at 0x08000000
 * (aliased at 0), 32 KiB of SRAM at 0x20000000, and QEMU virt's MSIP register at 0x02000000.
 * Misaligned loads and stores are split as QEMU virt does, or trap as the real Bumblebee core
 * does. Runs in bounded slices on the caller's thread.
 */
final class LabBoard {
    static final int FLASH_BASE = 0x0800_0000;
    static final int FLASH_SIZE = 128 * 1024;
    static final int SRAM_BASE = 0x2000_0000;
    static final int SRAM_SIZE = 32 * 1024;
    static final long SLICE_INSTRUCTIONS = 1_000_000;
    static final long MAX_INSTRUCTIONS = 200_000_000;

    /** Where QEMU virt's CLINT has its MSIP register; the GD32VF103 has none (its ECLIC differs). */
    static final int MSIP = 0x0200_0000;

    private final Memory flash = new Memory(FLASH_SIZE);
    private final Memory sram = new Memory(SRAM_SIZE);
    private final SystemBus bus = new SystemBus();
    private final Hart hart;

    /** Misaligned loads and stores split into bytes, as on QEMU virt. */
    LabBoard() {
        this(MisalignedAccess.SPLIT);
    }

    LabBoard(MisalignedAccess misaligned) {
        hart = new Hart(bus, new VirtualClock(), misaligned, HartIdentity.GENERIC, Hart.GD32VF103_CLOCK_HZ);
        bus.map(FLASH_BASE, FLASH_SIZE, flash).map(0, FLASH_SIZE, flash).map(SRAM_BASE, SRAM_SIZE, sram)
                .map(MSIP, 4, new SoftwareInterruptRegister());
    }

    /** Bit 0 drives the hart's machine software interrupt line, as the CLINT's MSIP register. */
    private final class SoftwareInterruptRegister implements MemoryPort {
        private int value;

        @Override
        public int read(int offset, AccessSize size) {
            return value;
        }

        @Override
        public void write(int offset, AccessSize size, int written) throws BusFault {
            if (size != AccessSize.WORD) {
                throw new BusFault(MSIP + offset, "MSIP takes word writes");
            }
            value = written & 1;
            hart.setInterruptPending(TrapCause.MACHINE_SOFTWARE_INTERRUPT, value != 0);
        }
    }

    void load(byte[] image) {
        flash.load(0, image);
        hart.reset(FLASH_BASE);
    }

    /** Zeroes SRAM (as after power-on), so a reloaded program starts from a clean result block. */
    void clearRam() {
        sram.fill((byte) 0);
    }

    Hart hart() {
        return hart;
    }

    /** Runs until the status word reads DONE or FAIL; fails after {@link #MAX_INSTRUCTIONS}. */
    ResultBlock awaitResultBlock() {
        int address = Platform.LAB.resultBlockAddress();
        long spent = 0;
        while (!ResultBlock.isFinished(readWords(address, 1)[0])) {
            if (spent >= MAX_INSTRUCTIONS || hart.waitingForInterrupt()) {
                throw new AssertionError("lab hart gave no DONE/FAIL status after " + spent + " steps (pc 0x"
                        + Integer.toHexString(hart.pc()) + ", WFI " + hart.waitingForInterrupt() + ")");
            }
            spent += hart.run(SLICE_INSTRUCTIONS);
        }
        return new ResultBlock(readWords(address, ResultBlock.WORDS));
    }

    int[] readWords(int address, int count) {
        int[] words = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                words[i] = bus.read(address + 4 * i, AccessSize.WORD);
            }
        } catch (BusFault e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return words;
    }
}
