package io.probehost.sim.mcu.bus;

import static io.probehost.sim.mcu.bus.MarkedEntries.all;
import static io.probehost.sim.mcu.bus.MarkedEntries.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way into a {@link Memory}'s array zeroes the decode-table entries of the bytes it changes. */
class MemoryDecodeTableTest {
    private static final int RAM = 0x2000_0000;
    private final Memory flash = new Memory(0x100);
    private final Memory ram = new Memory(0x400);
    private final SystemBus bus = new SystemBus().map(0, 0x100, flash).map(RAM, 0x400, ram);

    @Test
    void coreStoreInPlaceZeroesTheEntriesOfTheStoredWord() {
        flash.write(0, AccessSize.WORD, RAM + 0x400);
        flash.write(4, AccessSize.WORD, 0x40 | 1);
        flash.write(0x40, AccessSize.WORD, 0xE7FE_600A); // STR r2, [r1]; B .
        Core core = new Core(bus, new VirtualClock(), Profile.ARMV6M, Core.CPU_HZ);
        core.powerOnReset();
        core.registers().set(1, RAM + 0x20);
        core.registers().set(2, 0x1234_5678);
        MarkedEntries marks = MarkedEntries.of(ram.decodeTable());
        core.step();
        assertEquals(0x1234_5678, ram.read(0x20, AccessSize.WORD));
        assertArrayEquals(range(0x0F, 0x11), marks.zeroed());
    }

    @Test
    void inPlaceRegionSharesTheMemorysTable() {
        assertSame(ram.decodeTable(), bus.directRegions().regions()[1].decodeTable());
    }

    @Test
    void busWriteZeroesTheEntriesOfTheWrittenHalfword() throws BusFault {
        MarkedEntries marks = MarkedEntries.of(ram.decodeTable());
        bus.write(RAM + 0x102, AccessSize.HALFWORD, 0xBEEF);
        assertArrayEquals(range(0x80, 0x81), marks.zeroed());
    }

    @Test
    void bitBandWriteZeroesTheEntriesOfTheTargetByte() throws BusFault {
        SystemBus bitBanded = new SystemBus().map(RAM, 0x400, ram);
        bitBanded.map(BitBandAlias.SRAM_ALIAS, BitBandAlias.ALIAS_SIZE, new BitBandAlias(bitBanded, RAM));
        MarkedEntries marks = MarkedEntries.of(ram.decodeTable());
        bitBanded.write(BitBandAlias.SRAM_ALIAS + 0x11 * 32 + 3 * 4, AccessSize.WORD, 1);
        assertEquals(0x08, ram.read(0x11, AccessSize.BYTE));
        assertArrayEquals(range(0x07, 0x09), marks.zeroed(), "the word holding the bit");
    }

    @Test
    void loadZeroesTheEntriesOfTheLoadedBytes() {
        MarkedEntries marks = MarkedEntries.of(flash.decodeTable());
        flash.load(0x10, new byte[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, flash.copy(0x10, 6));
        assertArrayEquals(range(0x07, 0x0A), marks.zeroed());
    }

    @Test
    void fillZeroesTheEntriesOfTheFilledBytesOrOfEverything() {
        MarkedEntries marks = MarkedEntries.of(flash.decodeTable());
        flash.fill(0x20, 0x10, (byte) 0xFF);
        assertArrayEquals(range(0x0F, 0x17), marks.zeroed());
        flash.fill((byte) 0);
        assertArrayEquals(all(0x100), marks.zeroed());
    }

    @Test
    void restoringFromTheFileZeroesTheEntriesOfBothMemories(@TempDir Path dir) {
        Memory uicr = new Memory(0x10);
        flash.write(0x80, AccessSize.WORD, 0xCAFE_F00D);
        new NvmFile(dir, "nvm.bin", flash, uicr).save();
        Memory restoredFlash = new Memory(0x100);
        Memory restoredUicr = new Memory(0x10);
        MarkedEntries flashMarks = MarkedEntries.of(restoredFlash.decodeTable());
        MarkedEntries uicrMarks = MarkedEntries.of(restoredUicr.decodeTable());
        new NvmFile(dir, "nvm.bin", restoredFlash, restoredUicr).load();
        assertEquals(0xCAFE_F00D, restoredFlash.read(0x80, AccessSize.WORD));
        assertArrayEquals(all(0x100), flashMarks.zeroed());
        assertArrayEquals(all(0x10), uicrMarks.zeroed());
    }
}
