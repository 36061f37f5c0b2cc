package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.probehost.sim.mcu.BusFault;
import org.junit.jupiter.api.Test;

class MemApTest {
    private static final int RAM = FakeMcu.RAM_BASE;
    private static final int SIZE_BYTE = 0b000;
    private static final int SIZE_HALF = 0b001;
    private static final int SIZE_WORD = 0b010;
    private static final int INC_SINGLE = 0b01 << 4;
    private static final int INC_PACKED = 0b10 << 4;

    private final FakeMcu mcu = new FakeMcu();
    private final MemAp ap = new MemAp(mcu.debugBus(), FakeMcu.ROM_TABLE_BASE);

    @Test
    void cswReadsBackSizeAddrIncAndProtWhenWritten() throws BusFault {
        ap.write(MemAp.CSW, 0xA200_0012);
        assertEquals(0xA200_0052, ap.read(MemAp.CSW));
        ap.write(MemAp.CSW, 0x0300_0021);
        assertEquals(0x0300_0061, ap.read(MemAp.CSW));
    }

    @Test
    void cswKeepsItsSizeWhenWrittenWithAnUnsupportedSize() throws BusFault {
        ap.write(MemAp.CSW, SIZE_HALF);
        ap.write(MemAp.CSW, 0b011);
        assertEquals(SIZE_HALF, ap.read(MemAp.CSW) & 0x7);
    }

    @Test
    void byteWriteTakesTheLaneOfItsAddressWhenDrwIsWritten() throws BusFault {
        ap.write(MemAp.CSW, SIZE_BYTE);
        for (int lane = 0; lane < 4; lane++) {
            ap.write(MemAp.TAR, RAM + lane);
            ap.write(MemAp.DRW, (0x10 + lane) << (8 * lane) | 0xEE << (8 * ((lane + 1) % 4)));
        }
        assertEquals(0x1312_1110, mcu.ram.getInt(0));
    }

    @Test
    void byteReadPutsDataOnTheLaneOfItsAddressWhenDrwIsRead() throws BusFault {
        mcu.ram.putInt(0, 0x4433_2211);
        ap.write(MemAp.CSW, SIZE_BYTE);
        ap.write(MemAp.TAR, RAM + 2);
        assertEquals(0x0033_0000, ap.read(MemAp.DRW));
        ap.write(MemAp.TAR, RAM + 3);
        assertEquals(0x4400_0000, ap.read(MemAp.DRW));
    }

    @Test
    void halfwordAccessUsesTheUpperLanesWhenAddressIsTwoModFour() throws BusFault {
        ap.write(MemAp.CSW, SIZE_HALF);
        ap.write(MemAp.TAR, RAM + 2);
        ap.write(MemAp.DRW, 0xBEEF_0000 | 0x1234);
        assertEquals(0xBEEF_0000, mcu.ram.getInt(0));
        assertEquals(0xBEEF_0000, ap.read(MemAp.DRW));
        ap.write(MemAp.TAR, RAM);
        assertEquals(0, ap.read(MemAp.DRW));
    }

    @Test
    void tarIncrementsBySizeWhenSingleIncrement() throws BusFault {
        ap.write(MemAp.CSW, SIZE_HALF | INC_SINGLE);
        ap.write(MemAp.TAR, RAM);
        ap.write(MemAp.DRW, 0x0000_1111);
        ap.write(MemAp.DRW, 0x2222_0000);
        assertEquals(RAM + 4, ap.read(MemAp.TAR));
        assertEquals(0x2222_1111, mcu.ram.getInt(0));
    }

    @Test
    void tarStaysWhenAddrIncIsOff() throws BusFault {
        ap.write(MemAp.CSW, SIZE_WORD);
        ap.write(MemAp.TAR, RAM + 8);
        ap.read(MemAp.DRW);
        assertEquals(RAM + 8, ap.read(MemAp.TAR));
    }

    @Test
    void tarWrapsInsideTheOneKibBlockWhenIncrementCrossesIt() throws BusFault {
        ap.write(MemAp.CSW, SIZE_WORD | INC_SINGLE);
        ap.write(MemAp.TAR, RAM + 0x3FC);
        ap.write(MemAp.DRW, 0xAAAA_AAAA);
        assertEquals(RAM, ap.read(MemAp.TAR));
        ap.write(MemAp.DRW, 0xBBBB_BBBB);
        assertEquals(0xAAAA_AAAA, mcu.ram.getInt(0x3FC));
        assertEquals(0xBBBB_BBBB, mcu.ram.getInt(0));
        assertEquals(0, mcu.ram.getInt(0x400));
    }

    @Test
    void drwMovesTwoHalfwordsWhenPackedHalfwordTransfers() throws BusFault {
        ap.write(MemAp.CSW, SIZE_HALF | INC_PACKED);
        assertEquals(INC_PACKED, ap.read(MemAp.CSW) & 0x30);
        ap.write(MemAp.TAR, RAM + 0x10);
        ap.write(MemAp.DRW, 0x5678_1234);
        assertEquals(RAM + 0x14, ap.read(MemAp.TAR));
        assertEquals(0x5678_1234, mcu.ram.getInt(0x10));
        ap.write(MemAp.TAR, RAM + 0x10);
        assertEquals(0x5678_1234, ap.read(MemAp.DRW));
    }

    @Test
    void drwMovesFourBytesWhenPackedByteTransfers() throws BusFault {
        mcu.ram.putInt(0x20, 0xDDCC_BBAA);
        ap.write(MemAp.CSW, SIZE_BYTE | INC_PACKED);
        ap.write(MemAp.TAR, RAM + 0x20);
        assertEquals(0xDDCC_BBAA, ap.read(MemAp.DRW));
        assertEquals(RAM + 0x24, ap.read(MemAp.TAR));
    }

    @Test
    void bankedDataReachesTheFourWordsOfTheTarBlockWhenTarIsUnaligned() throws BusFault {
        ap.write(MemAp.CSW, SIZE_WORD | INC_SINGLE);
        ap.write(MemAp.TAR, RAM + 0x108);
        for (int n = 0; n < 4; n++) {
            ap.write(MemAp.BD0 + 4 * n, 0x100 + n);
        }
        for (int n = 0; n < 4; n++) {
            assertEquals(0x100 + n, mcu.ram.getInt(0x100 + 4 * n));
            assertEquals(0x100 + n, ap.read(MemAp.BD0 + 4 * n));
        }
        assertEquals(RAM + 0x108, ap.read(MemAp.TAR));
    }

    @Test
    void baseCfgAndIdrDescribeTheCortexM0AhbApWhenRead() throws BusFault {
        assertEquals(0xE00F_F003, ap.read(MemAp.BASE));
        assertEquals(0, ap.read(MemAp.CFG));
        assertEquals(0x0477_0021, ap.read(MemAp.IDR));
    }

    @Test
    void busFaultReachesTheDpWhenDrwAddressIsUnmapped() throws BusFault {
        ap.write(MemAp.TAR, 0x1000_0000);
        assertThrows(BusFault.class, () -> ap.read(MemAp.DRW));
    }

    @Test
    void injectedFaultHitsOnlyWhenAnAccessTouchesTheRange() throws BusFault {
        FaultInjectingMemoryPort port = new FaultInjectingMemoryPort(mcu.debugBus());
        port.faultRange(RAM + 0x10, 4);
        port.read(RAM + 0x0C, io.probehost.sim.mcu.AccessSize.WORD);
        assertThrows(BusFault.class, () -> port.read(RAM + 0x13, io.probehost.sim.mcu.AccessSize.BYTE));
        assertThrows(BusFault.class, () -> port.write(RAM + 0x0E, io.probehost.sim.mcu.AccessSize.WORD, 0));
        port.clearFaultRanges();
        port.read(RAM + 0x10, io.probehost.sim.mcu.AccessSize.WORD);
        assertEquals(0, mcu.ram.getInt(0x10));
    }
}
