package io.probehost.sim.mcu.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import org.junit.jupiter.api.Test;

/** Which regions a bus master may read and write in place, and when it must ask again. */
class DirectRegionsTest {
    /** Flash-like: readable in place unless busy, writes are requests to a controller. */
    private static final class FakeFlash implements DirectMemory {
        final byte[] bytes = new byte[0x100];
        final DecodeTable table = new DecodeTable(bytes.length);
        boolean busy;

        @Override
        public int read(int offset, AccessSize size) {
            return LittleEndian.get(bytes, offset, size.bytes());
        }

        @Override
        public void write(int offset, AccessSize size, int value) {
            busy = true;
        }

        @Override
        public byte[] directBytes() {
            return busy ? null : bytes;
        }

        @Override
        public boolean writesDirectly() {
            return false;
        }

        @Override
        public DecodeTable decodeTable() {
            return table;
        }
    }

    private final FakeFlash flash = new FakeFlash();
    private final Memory ram = new Memory(0x100);
    private final SystemBus bus = new SystemBus().map(0, 0x100, flash).map(0x2000_0000, 0x100, ram)
            .map(0x4000_0000, 0x100, new PlainRegisters());

    @Test
    void ramIsWritableInPlaceAndFlashReadableOnly() {
        DirectRegions direct = bus.directRegions();
        assertEquals(2, direct.regions().length);
        assertTrue(direct.complete());
        DirectRegion flashRegion = direct.regions()[0];
        DirectRegion ramRegion = direct.regions()[1];
        assertFalse(flashRegion.writable());
        assertTrue(ramRegion.writable());
        assertTrue(ramRegion.covers(0x2000_00FC, 4));
        assertFalse(ramRegion.covers(0x2000_00FE, 4));
        assertFalse(ramRegion.covers(0x1FFF_FFFE, 2));
    }

    @Test
    void storesInPlaceAreWhatBusReadsReturn() throws BusFault {
        DirectRegion ramRegion = bus.directRegions().regions()[1];
        ramRegion.write(0x2000_0010, AccessSize.HALFWORD, 0xBEEF);
        assertEquals(0xBEEF, bus.read(0x2000_0010, AccessSize.HALFWORD));
        bus.write(0x2000_0020, AccessSize.WORD, 0x1234_5678);
        assertEquals(0x1234_5678, ramRegion.read(0x2000_0020, AccessSize.WORD));
        assertEquals(0x5678, ramRegion.readHalfword(0x2000_0020));
    }

    @Test
    void ramWritesKeepTheEpochAndOtherWritesChangeIt() throws BusFault {
        int epoch = bus.epoch();
        bus.write(0x2000_0000, AccessSize.WORD, 1);
        assertEquals(epoch, bus.epoch());
        bus.write(0x4000_0000, AccessSize.WORD, 1);
        assertNotEquals(epoch, bus.epoch());
    }

    @Test
    void busyFlashIsLeftOutAndTheListMarkedIncomplete() throws BusFault {
        int epoch = bus.epoch();
        bus.write(0x10, AccessSize.WORD, 0);
        assertNotEquals(epoch, bus.epoch());
        DirectRegions direct = bus.directRegions();
        assertFalse(direct.complete());
        assertEquals(1, direct.regions().length);
        assertTrue(direct.regions()[0].writable());
    }

    @Test
    void aRegionHiddenByAnEarlierMappingIsNotListed() {
        SystemBus overlapped = new SystemBus().map(0x2000_0000, 0x10, new PlainRegisters()).map(0x2000_0000, 0x100, ram);
        assertEquals(0, overlapped.directRegions().regions().length);
    }

    @Test
    void aRegionSmallerThanAWordIsNotListed() {
        assertEquals(0, new SystemBus().map(0x2000_0000, 2, new Memory(2)).directRegions().regions().length);
    }
}
