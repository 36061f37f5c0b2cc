package io.probehost.sim.mcu.fpec;

import static io.probehost.sim.mcu.bus.MarkedEntries.all;
import static io.probehost.sim.mcu.bus.MarkedEntries.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.DirectRegion;
import io.probehost.sim.mcu.bus.MarkedEntries;
import io.probehost.sim.mcu.bus.SystemBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every FPEC rule on the STM32F1 medium-density geometry, driven through its registers and flash port. */
class FpecTest {
    private static final FlashGeometry GEOMETRY = FlashGeometry.STM32F1_MEDIUM_DENSITY;
    private final VirtualClock clock = new VirtualClock();
    private FlashStore store;
    private Fpec fpec;
    private FlashPort flash;
    private OptionBytePort options;

    @BeforeEach
    void create() {
        create(GEOMETRY);
    }

    private void create(FlashGeometry geometry) {
        store = new FlashStore(geometry, null, "test.bin");
        fpec = new Fpec(geometry, store, clock);
        flash = new FlashPort(store, fpec);
        options = new OptionBytePort(store, fpec);
    }

    private int read(int register) throws BusFault {
        return fpec.read(register, AccessSize.WORD);
    }

    private void write(int register, int value) throws BusFault {
        fpec.write(register, AccessSize.WORD, value);
    }

    private void unlock() throws BusFault {
        write(Fpec.KEYR, Fpec.KEY1);
        write(Fpec.KEYR, Fpec.KEY2);
    }

    private void unlockOptions() throws BusFault {
        unlock();
        write(Fpec.OPTKEYR, Fpec.KEY1);
        write(Fpec.OPTKEYR, Fpec.KEY2);
    }

    private void waitWhileBusy() throws BusFault {
        while ((read(Fpec.SR) & Fpec.SR_BSY) != 0) {
            clock.advance(1_000);
        }
    }

    private int halfWord(int offset) {
        return flash.read(offset, AccessSize.HALFWORD);
    }

    private void programHalfWord(int offset, int value) throws BusFault {
        write(Fpec.CR, Fpec.CR_PG);
        flash.write(offset, AccessSize.HALFWORD, value);
        waitWhileBusy();
    }

    @Test
    void controlRegisterIsLockedAndIgnoresWritesAfterReset() throws BusFault {
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR));
        write(Fpec.CR, Fpec.CR_PG);
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR));
        flash.write(0, AccessSize.HALFWORD, 0x1234);
        assertEquals(0xFFFF, halfWord(0));
    }

    @Test
    void keySequenceClearsLockAndLockBitSetsItAgain() throws BusFault {
        unlock();
        assertEquals(0, read(Fpec.CR));
        write(Fpec.CR, Fpec.CR_LOCK);
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR));
    }

    @Test
    void wrongKeyFaultsAndLocksTheControllerUntilReset() throws BusFault {
        BusFault fault = assertThrows(BusFault.class, () -> write(Fpec.KEYR, Fpec.KEY2));
        assertEquals(Fpec.BASE + Fpec.KEYR, fault.address());
        assertThrows(BusFault.class, () -> write(Fpec.KEYR, Fpec.KEY1));
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR));
        fpec.reset();
        unlock();
        assertEquals(0, read(Fpec.CR));
    }

    @Test
    void keysInTheWrongOrderLockTheController() throws BusFault {
        write(Fpec.KEYR, Fpec.KEY1);
        assertThrows(BusFault.class, () -> write(Fpec.KEYR, Fpec.KEY1));
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR));
    }

    @Test
    void halfWordProgramsAnErasedHalfWordAndSetsEopAfterTheProgramTime() throws BusFault {
        unlock();
        write(Fpec.CR, Fpec.CR_PG);
        long start = clock.nowNanos();
        flash.write(0x10, AccessSize.HALFWORD, 0xA55A);
        assertEquals(Fpec.SR_BSY, read(Fpec.SR));
        clock.advance(GEOMETRY.programNanos() - 1);
        assertEquals(Fpec.SR_BSY, read(Fpec.SR));
        clock.advance(1);
        assertEquals(Fpec.SR_EOP, read(Fpec.SR));
        assertEquals(0xA55A, halfWord(0x10));
        assertEquals(start + GEOMETRY.programNanos(), clock.nowNanos());
        write(Fpec.SR, Fpec.SR_EOP);
        assertEquals(0, read(Fpec.SR));
    }

    @Test
    void flashReadDuringAnOperationStallsUntilItEnds() throws BusFault {
        unlock();
        write(Fpec.CR, Fpec.CR_PG);
        long start = clock.nowNanos();
        flash.write(0x10, AccessSize.HALFWORD, 0x1234);
        assertEquals(0x1234, halfWord(0x10));
        assertEquals(start + GEOMETRY.programNanos(), clock.nowNanos());
        assertEquals(Fpec.SR_EOP, read(Fpec.SR));
    }

    @Test
    void programmingANonErasedHalfWordSetsPgerrAndKeepsIt() throws BusFault {
        unlock();
        programHalfWord(0x20, 0x1234);
        programHalfWord(0x20, 0x0034);
        assertEquals(Fpec.SR_PGERR | Fpec.SR_EOP, read(Fpec.SR));
        assertEquals(0x1234, halfWord(0x20));
        write(Fpec.SR, Fpec.SR_PGERR | Fpec.SR_EOP);
        assertEquals(0, read(Fpec.SR));
    }

    @Test
    void zeroProgramsOverANonErasedHalfWordWithoutPgerr() throws BusFault {
        unlock();
        programHalfWord(0x20, 0x1234);
        write(Fpec.SR, Fpec.SR_EOP);
        programHalfWord(0x20, 0);
        assertEquals(Fpec.SR_EOP, read(Fpec.SR));
        assertEquals(0, halfWord(0x20));
    }

    @Test
    void wordOrByteStoreWithPgFaultsOnTheStm32() throws BusFault {
        unlock();
        write(Fpec.CR, Fpec.CR_PG);
        assertThrows(BusFault.class, () -> flash.write(0x40, AccessSize.WORD, 0x1234_5678));
        assertThrows(BusFault.class, () -> flash.write(0x40, AccessSize.BYTE, 0x12));
        assertThrows(BusFault.class, () -> flash.write(0x41, AccessSize.HALFWORD, 0x1234));
        assertEquals(-1, flash.read(0x40, AccessSize.WORD));
    }

    @Test
    void wordStoreProgramsTwoHalfWordsWhenTheGeometryAllowsIt() throws BusFault {
        create(new FlashGeometry(128 * 1024, 1024, 4, 50_000, 30_000_000, 30_000_000, true));
        unlock();
        write(Fpec.CR, Fpec.CR_PG);
        flash.write(0x40, AccessSize.WORD, 0x1234_5678);
        waitWhileBusy();
        assertEquals(0x1234_5678, flash.read(0x40, AccessSize.WORD));
    }

    @Test
    void storeWithoutPgChangesNothing() throws BusFault {
        unlock();
        flash.write(0x40, AccessSize.HALFWORD, 0x1234);
        assertEquals(0xFFFF, halfWord(0x40));
        assertEquals(0, read(Fpec.SR));
    }

    @Test
    void pageEraseErasesOnlyTheAddressedPageAndStaysBusyForThePageEraseTime() throws BusFault {
        unlock();
        programHalfWord(0x400, 0x1111);
        programHalfWord(0x7FE, 0x2222);
        programHalfWord(0x800, 0x3333);
        write(Fpec.CR, Fpec.CR_PER);
        write(Fpec.AR, FlashPort.MAIN_BASE + 0x500);
        write(Fpec.CR, Fpec.CR_PER | Fpec.CR_STRT);
        assertEquals(Fpec.SR_BSY, read(Fpec.SR) & Fpec.SR_BSY);
        clock.advance(GEOMETRY.pageEraseNanos() - 1);
        assertTrue(fpec.busy());
        clock.advance(1);
        assertEquals(Fpec.SR_EOP, read(Fpec.SR));
        assertEquals(0xFFFF, halfWord(0x400));
        assertEquals(0xFFFF, halfWord(0x7FE));
        assertEquals(0x3333, halfWord(0x800));
    }

    @Test
    void massEraseErasesAllMainFlashButNotTheOptionBytes() throws BusFault {
        unlock();
        programHalfWord(0, 0x1111);
        programHalfWord(GEOMETRY.flashBytes() - 2, 0x2222);
        write(Fpec.CR, Fpec.CR_MER);
        write(Fpec.CR, Fpec.CR_MER | Fpec.CR_STRT);
        assertTrue(fpec.busy());
        clock.advance(GEOMETRY.massEraseNanos());
        assertFalse(fpec.busy());
        assertEquals(0xFFFF, halfWord(0));
        assertEquals(0xFFFF, halfWord(GEOMETRY.flashBytes() - 2));
        assertEquals(0x5AA5, options.read(0, AccessSize.HALFWORD));
    }

    @Test
    void optionKeysSetOptwreOnlyWithTheControlRegisterUnlocked() throws BusFault {
        write(Fpec.OPTKEYR, Fpec.KEY1);
        write(Fpec.OPTKEYR, Fpec.KEY2);
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR));
        unlockOptions();
        assertEquals(Fpec.CR_OPTWRE, read(Fpec.CR));
        write(Fpec.CR, 0);
        assertEquals(0, read(Fpec.CR));
        write(Fpec.CR, Fpec.CR_OPTWRE);
        assertEquals(0, read(Fpec.CR), "software cannot set OPTWRE");
    }

    @Test
    void wrongOptionKeyFaultsAndLocksUntilReset() throws BusFault {
        unlock();
        assertThrows(BusFault.class, () -> write(Fpec.OPTKEYR, 0x1234));
        assertEquals(Fpec.CR_LOCK, read(Fpec.CR) & Fpec.CR_LOCK);
        assertThrows(BusFault.class, this::unlock);
    }

    @Test
    void optionEraseNeedsOptwre() throws BusFault {
        unlock();
        write(Fpec.CR, Fpec.CR_OPTER | Fpec.CR_STRT);
        assertEquals(0x5AA5, options.read(0, AccessSize.HALFWORD));
    }

    @Test
    void optionProgramWritesTheComplementAndApplyAfterReset() throws BusFault {
        unlockOptions();
        write(Fpec.CR, Fpec.CR_OPTER | Fpec.CR_OPTWRE);
        write(Fpec.CR, Fpec.CR_OPTER | Fpec.CR_OPTWRE | Fpec.CR_STRT);
        waitWhileBusy();
        assertEquals(-1, options.read(0, AccessSize.WORD));
        write(Fpec.CR, Fpec.CR_OPTPG | Fpec.CR_OPTWRE);
        options.write(0, AccessSize.HALFWORD, 0x00A5);
        waitWhileBusy();
        options.write(8, AccessSize.HALFWORD, 0x00FE); // WRP0: pages 0-3 protected
        waitWhileBusy();
        assertEquals(0x5AA5, options.read(0, AccessSize.HALFWORD));
        assertEquals(0x01FE, options.read(8, AccessSize.HALFWORD));
        assertEquals(0xFFFF_FFFF, read(Fpec.WRPR), "WRPR changes only at reset");
        fpec.reset();
        assertEquals(0xFFFF_FFFE, read(Fpec.WRPR));
        assertEquals(0x03FF_FFFC, read(Fpec.OBR));
    }

    @Test
    void optionProgramOverAProgrammedOptionByteSetsPgerr() throws BusFault {
        unlockOptions();
        write(Fpec.CR, Fpec.CR_OPTPG | Fpec.CR_OPTWRE);
        options.write(0, AccessSize.HALFWORD, 0x0000);
        waitWhileBusy();
        assertEquals(Fpec.SR_PGERR, read(Fpec.SR) & Fpec.SR_PGERR);
        assertEquals(0x5AA5, options.read(0, AccessSize.HALFWORD));
    }

    @Test
    void factoryOptionBytesGiveTheDocumentedObrAndWrpr() throws BusFault {
        assertEquals(0x03FF_FFFC, read(Fpec.OBR));
        assertEquals(0xFFFF_FFFF, read(Fpec.WRPR));
        assertFalse(fpec.readProtected());
    }

    @Test
    void writeProtectedPageRefusesProgramAndEraseWithWrprterr() throws BusFault {
        store.options.write(8, AccessSize.BYTE, 0xFD); // WRP0 bit 1: pages 4-7
        store.options.write(9, AccessSize.BYTE, 0x02);
        fpec.reset();
        unlock();
        programHalfWord(4 * 1024, 0x1234);
        assertEquals(Fpec.SR_WRPRTERR, read(Fpec.SR));
        assertEquals(0xFFFF, halfWord(4 * 1024));
        write(Fpec.SR, Fpec.SR_WRPRTERR);
        store.flash.write(7 * 1024, AccessSize.BYTE, 0);
        write(Fpec.CR, Fpec.CR_PER);
        write(Fpec.AR, FlashPort.MAIN_BASE + 7 * 1024);
        write(Fpec.CR, Fpec.CR_PER | Fpec.CR_STRT);
        assertEquals(Fpec.SR_WRPRTERR, read(Fpec.SR));
        assertEquals(0, store.flash.read(7 * 1024, AccessSize.BYTE));
        programHalfWord(8 * 1024, 0x1234);
        assertEquals(0x1234, halfWord(8 * 1024));
    }

    @Test
    void optionEraseActivatesReadOutProtectionAtTheNextReset() throws BusFault {
        unlockOptions();
        write(Fpec.CR, Fpec.CR_OPTER | Fpec.CR_OPTWRE | Fpec.CR_STRT);
        waitWhileBusy();
        assertFalse(fpec.readProtected());
        fpec.reset();
        assertTrue(fpec.readProtected());
        assertEquals(Fpec.OBR_RDPRT, read(Fpec.OBR) & (Fpec.OBR_RDPRT | Fpec.OBR_OPTERR));
    }

    @Test
    void readOutProtectionWriteProtectsTheFirstFourPages() throws BusFault {
        store.options.write(0, AccessSize.BYTE, 0);
        store.options.write(1, AccessSize.BYTE, 0xFF);
        fpec.reset();
        unlock();
        programHalfWord(3 * 1024, 0x1234);
        assertEquals(Fpec.SR_WRPRTERR, read(Fpec.SR));
        write(Fpec.SR, Fpec.SR_WRPRTERR);
        programHalfWord(4 * 1024, 0x1234);
        assertEquals(0x1234, halfWord(4 * 1024));
    }

    @Test
    void unprotectingMassErasesMainFlashAndAppliesAtReset() throws BusFault {
        store.options.write(0, AccessSize.BYTE, 0);
        store.options.write(1, AccessSize.BYTE, 0xFF);
        store.flash.write(0x4000, AccessSize.BYTE, 0x12);
        fpec.reset();
        assertTrue(fpec.readProtected());
        unlockOptions();
        write(Fpec.CR, Fpec.CR_OPTER | Fpec.CR_OPTWRE | Fpec.CR_STRT);
        waitWhileBusy();
        write(Fpec.CR, Fpec.CR_OPTPG | Fpec.CR_OPTWRE);
        long start = clock.nowNanos();
        options.write(0, AccessSize.HALFWORD, Fpec.RDP_UNPROTECTED);
        waitWhileBusy();
        assertTrue(clock.nowNanos() - start >= GEOMETRY.massEraseNanos());
        assertEquals(0xFF, store.flash.read(0x4000, AccessSize.BYTE));
        assertTrue(fpec.readProtected(), "the new state applies after reset");
        fpec.reset();
        assertFalse(fpec.readProtected());
    }

    @Test
    void complementMismatchSetsOpterr() throws BusFault {
        store.options.write(2, AccessSize.BYTE, 0x07);
        store.options.write(3, AccessSize.BYTE, 0x07);
        fpec.reset();
        assertEquals(Fpec.OBR_OPTERR, read(Fpec.OBR) & Fpec.OBR_OPTERR);
    }

    @Test
    void programmedContentPersistsWhenThePgBitIsCleared(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws BusFault {
        store = new FlashStore(GEOMETRY, dir, "f1.bin");
        fpec = new Fpec(GEOMETRY, store, clock);
        flash = new FlashPort(store, fpec);
        unlock();
        programHalfWord(0x100, 0xBEEF);
        write(Fpec.CR, 0);
        FlashStore reloaded = new FlashStore(GEOMETRY, dir, "f1.bin");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBE}, reloaded.flash().copy(0x100, 2));
        assertEquals(0xA5, reloaded.options().read(0, AccessSize.BYTE));
    }

    @Test
    void bothMappingsOfFlashShareTheStoresDecodeTable() {
        SystemBus bus = new SystemBus().map(0, GEOMETRY.flashBytes(), flash)
                .map(FlashPort.MAIN_BASE, GEOMETRY.flashBytes(), flash);
        DirectRegion[] regions = bus.directRegions().regions();
        assertSame(store.flash().decodeTable(), flash.decodeTable());
        assertSame(flash.decodeTable(), regions[0].decodeTable());
        assertSame(flash.decodeTable(), regions[1].decodeTable());
    }

    /** A step driven through the FPEC's registers and flash port. */
    private interface FlashStep {
        void run() throws BusFault;
    }

    /** The flash decode-table entries {@code step} zeroes, the FPEC unlocked first. */
    private int[] entriesZeroedBy(FlashStep step) throws BusFault {
        MarkedEntries marks = MarkedEntries.of(flash.decodeTable());
        unlock();
        step.run();
        return marks.zeroed();
    }

    @Test
    void programmingAHalfWordZeroesTheEntriesOverlappingIt() throws BusFault {
        assertArrayEquals(range(0x7F, 0x80), entriesZeroedBy(() -> programHalfWord(0x100, 0x1234)));
    }

    @Test
    void pageEraseZeroesTheEntriesOfThePage() throws BusFault {
        assertArrayEquals(range(0x3FF, 0x5FF), entriesZeroedBy(() -> {
            write(Fpec.CR, Fpec.CR_PER);
            write(Fpec.AR, FlashPort.MAIN_BASE + 2 * 1024);
            write(Fpec.CR, Fpec.CR_PER | Fpec.CR_STRT);
        }));
    }

    @Test
    void massEraseZeroesEveryEntry() throws BusFault {
        assertArrayEquals(all(GEOMETRY.flashBytes()), entriesZeroedBy(() -> {
            write(Fpec.CR, Fpec.CR_MER);
            write(Fpec.CR, Fpec.CR_MER | Fpec.CR_STRT);
        }));
    }

    @Test
    void unprotectingZeroesEveryEntryWithTheMassErase() throws BusFault {
        store.options.write(0, AccessSize.HALFWORD, 0xFF00);
        fpec.reset();
        unlockOptions();
        write(Fpec.CR, Fpec.CR_OPTER | Fpec.CR_OPTWRE | Fpec.CR_STRT);
        waitWhileBusy();
        MarkedEntries marks = MarkedEntries.of(flash.decodeTable());
        write(Fpec.CR, Fpec.CR_OPTPG | Fpec.CR_OPTWRE);
        options.write(0, AccessSize.HALFWORD, Fpec.RDP_UNPROTECTED);
        assertArrayEquals(all(GEOMETRY.flashBytes()), marks.zeroed());
    }
}
