package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.TransferFaultException;
import io.probehost.api.probe.WireProtocol;

class MemApTest {
    private final FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(target);
    private MemAp memory;

    @BeforeEach
    void connect() {
        DebugPort dp = new DebugPort(dap, Optional.of(dap), WireProtocol.SWD, Duration.ofMillis(20));
        dp.connect();
        memory = new MemAp(dp, 0, true);
        dap.takeLog();
    }

    @Test
    void cswKeepsImplementationBitsAndIsWrittenOnlyWhenSizeChanges() {
        target.words.put(0x20000000L, 0x11223344);

        memory.read32(0x20000000L);
        memory.read32(0x20000000L);
        memory.read8(0x20000001L);

        assertEquals(List.of(
                "W CSW 0x23000012", "W TAR 0x20000000", "R DRW",
                "W TAR 0x20000000", "R DRW",
                "W CSW 0x23000010", "W TAR 0x20000001", "R DRW"), dap.takeLog());
    }

    @Test
    void byteAndHalfwordReadsTakeTheirByteLane() {
        target.words.put(0x20000000L, 0x11223344);

        assertEquals(0x22, memory.read8(0x20000002L));
        assertEquals(0x1122, memory.read16(0x20000002L));
        assertEquals(0x2233, memory.read16(0x20000001L));
    }

    @Test
    void unalignedByteWritePutsDataOnItsLane() {
        target.words.put(0x20000000L, 0x11223344);
        memory.read32(0x20000000L);
        dap.takeLog();

        memory.write8(0x20000003L, 0xAB);

        assertEquals(List.of("W CSW 0x23000010", "W TAR 0x20000003", "W DRW 0xAB000000"), dap.takeLog());
        assertEquals(0xAB223344, target.words.get(0x20000000L));
    }

    @Test
    void blockReadSplitsBurstAtOneKibBoundaryWhenCrossingIt() {
        for (int i = 0; i < 8; i++) {
            target.words.put(0x200003F0L + 4 * i, 0x01010101 * i);
        }

        byte[] data = memory.read(0x200003F0L, 32);

        assertEquals(List.of(
                "W CSW 0x23000012", "W TAR 0x200003F0", "RB DRW x4",
                "W TAR 0x20000400", "RB DRW x4"), dap.takeLog());
        for (int i = 0; i < 32; i++) {
            assertEquals(i / 4, data[i], "byte " + i);
        }
    }

    @Test
    void blockReadQueuesEveryBurstBeforeCollectingAnyWhenProbeQueuesBlockReads() {
        dap.deferBlockReads = true;
        for (int i = 0; i < 8; i++) {
            target.words.put(0x200003F0L + 4 * i, 0x01010101 * i);
        }

        byte[] data = memory.read(0x200003F0L, 32);

        assertEquals(List.of(
                "W CSW 0x23000012", "W TAR 0x200003F0", "QRB DRW x4",
                "W TAR 0x20000400", "QRB DRW x4",
                "GET DRW x4", "GET DRW x4"), dap.takeLog());
        for (int i = 0; i < 32; i++) {
            assertEquals(i / 4, data[i], "byte " + i);
        }
    }

    @Test
    void blockReadCollectsQueuedBurstsBeforeItsUnalignedTail() {
        dap.deferBlockReads = true;
        target.words.put(0x200003FCL, 0x44332211);
        target.words.put(0x20000400L, 0x88776655);
        target.words.put(0x20000404L, 0x0000AA99);

        byte[] data = memory.read(0x200003FCL, 10);

        assertEquals(List.of(
                "W CSW 0x23000012", "W TAR 0x200003FC", "QRB DRW x1",
                "W TAR 0x20000400", "QRB DRW x1",
                "GET DRW x1", "GET DRW x1",
                "W CSW 0x23000011", "W TAR 0x20000404", "R DRW"), dap.takeLog());
        assertArrayEquals(new byte[] {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xAA},
                data);
    }

    @Test
    void blockWriteUsesByteAndHalfwordAccessesForUnalignedHeadAndTail() {
        memory.write(0x20000001L, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertEquals(List.of(
                "W CSW 0x23000010", "W TAR 0x20000001", "W DRW 0x00000100",
                "W CSW 0x23000011", "W TAR 0x20000002", "W DRW 0x03020000",
                "W CSW 0x23000012", "W TAR 0x20000004", "WB DRW x1",
                "W CSW 0x23000010", "W TAR 0x20000008", "W DRW 0x00000008", "FLUSH"), dap.takeLog());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, memory.read(0x20000001L, 8));
        assertEquals(0x03020100, target.words.get(0x20000000L));
    }

    @Test
    void blockWriteCrossingOneKibBoundaryLandsEveryWord() {
        byte[] data = new byte[0x800];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }

        memory.write(0x20000200L, data);

        assertEquals(List.of(
                "W CSW 0x23000012", "W TAR 0x20000200", "WB DRW x128",
                "W TAR 0x20000400", "WB DRW x256",
                "W TAR 0x20000800", "WB DRW x128", "FLUSH"), dap.takeLog());
        assertArrayEquals(data, memory.read(0x20000200L, data.length));
    }

    @Test
    void faultOnReadNamesAddressAndLeavesLinkUsable() {
        dap.faultAt(0x40000000L, 0x40001000L);
        target.words.put(0x20000000L, 0x5A5A5A5A);

        TransferFaultException fault = assertThrows(TransferFaultException.class, () -> memory.read32(0x40000010L));

        assertEquals("32-bit read at 0x40000010: FAULT on AP0 DRW read (CTRL/STAT 0xF0000020 STICKYERR)",
                fault.getMessage());
        assertEquals(0x40000010L, fault.address().getAsLong());
        assertEquals(0x5A5A5A5A, memory.read32(0x20000000L));
    }

    @Test
    void faultInBlockReadNamesTheBurstAddress() {
        dap.faultAt(0x40000000L, 0x40001000L);

        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> memory.read(0x3FFFFFF8L, 16));

        assertEquals(0x40000000L, fault.address().getAsLong());
        assertEquals("block read of 2 words at 0x40000000: FAULT on AP0 DRW block read "
                + "(CTRL/STAT 0xF0000020 STICKYERR)", fault.getMessage());
    }

    @Test
    void faultInQueuedBlockReadNamesTheBurstThatFaultedAndLeavesLinkUsable() {
        dap.deferBlockReads = true;
        dap.faultAt(0x40000400L, 0x40000800L);
        target.words.put(0x20000000L, 0x5A5A5A5A);

        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> memory.read(0x40000000L, 0xC00));

        assertEquals(0x40000400L, fault.address().getAsLong());
        assertEquals("block read of 256 words at 0x40000400: FAULT on AP0 DRW block read "
                + "(CTRL/STAT 0xF0000020 STICKYERR)", fault.getMessage());
        assertEquals(0x5A5A5A5A, memory.read32(0x20000000L));
    }

    @Test
    void faultFoundWhileQueuingALaterBurstNamesTheBurstThatFaulted() {
        dap.deferBlockReads = true;
        dap.reportFaultsWhileQueuing = true;
        dap.faultAt(0x40000000L, 0x40000400L);
        target.words.put(0x20000000L, 0x5A5A5A5A);

        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> memory.read(0x40000000L, 0xC00));

        assertEquals(0x40000000L, fault.address().getAsLong());
        assertEquals("block read of 256 words at 0x40000000: FAULT on AP0 DRW block read "
                + "(CTRL/STAT 0xF0000020 STICKYERR)", fault.getMessage());
        assertEquals(0x5A5A5A5A, memory.read32(0x20000000L));
    }

    @Test
    void batchedWriteFaultFoundAtFlushNamesTheFirstQueuedWrite() {
        dap.deferWriteFaults = true;
        dap.faultAt(0x40000000L, 0x40001000L);
        memory.write32(0x40000100L, 1);
        memory.write32(0x40000104L, 2);

        TransferFaultException fault = assertThrows(TransferFaultException.class, memory::flush);

        assertEquals(0x40000100L, fault.address().getAsLong());
        assertEquals("queued write at 0x40000100: FAULT on flush of queued transfers "
                + "(CTRL/STAT 0xF0000020 STICKYERR)", fault.getMessage());
    }

    @Test
    void accessBeyondThirtyTwoBitsIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> memory.read(0xFFFFFFFEL, 4));

        assertEquals("4 bytes at 0xFFFFFFFE do not fit the 32-bit MEM-AP address space", refused.getMessage());
    }

    @Test
    void bankedBlockWritesTarOnceAndAgainOnlyAfterAnotherAccessMovedIt() {
        target.words.put(0x20000000L, 0x11223344);
        target.words.put(0x20000108L, 0x55);
        MemAp.BankedBlock block = memory.bankedBlock(0x20000100L);

        block.write32(0x20000104L, 7);
        int banked = block.queueRead32(0x20000108L).get();
        memory.read32(0x20000000L);
        memory.read8(0x20000001L);
        block.write32(0x2000010CL, 9);

        assertEquals(0x55, banked);
        assertEquals(7, target.words.get(0x20000104L));
        assertEquals(9, target.words.get(0x2000010CL));
        assertEquals(List.of(
                "W CSW 0x23000012", "W TAR 0x20000100", "W SELECT 0x00000010", "W BD1 0x00000007", "R BD2",
                "W SELECT 0x00000000", "W TAR 0x20000000", "R DRW",
                "W CSW 0x23000010", "W TAR 0x20000001", "R DRW",
                "W CSW 0x23000012", "W TAR 0x20000100", "W SELECT 0x00000010", "W BD3 0x00000009"), dap.takeLog());
    }

    @Test
    void bankedBlockRefusesAWordOutsideItAndAnUnalignedBlock() {
        MemAp.BankedBlock block = memory.bankedBlock(0xE000EDF0L);

        assertThrows(IllegalArgumentException.class, () -> block.write32(0xE000ED30L, 0));
        assertThrows(IllegalArgumentException.class, () -> block.queueRead32(0xE000EDF2L));
        assertThrows(IllegalArgumentException.class, () -> memory.bankedBlock(0xE000EDF4L));
    }

    @Test
    void bankedAccessFaultNamesTheAddressAndForgetsTheCachedTar() {
        MemAp.BankedBlock block = memory.bankedBlock(0x20000100L);
        block.write32(0x20000100L, 1);
        dap.faultAt(0x20000104L, 0x20000108L);

        TransferFaultException e = assertThrows(TransferFaultException.class, () -> block.write32(0x20000104L, 2));
        dap.takeLog();
        block.write32(0x20000108L, 3);

        assertEquals(0x20000104L, e.address().getAsLong());
        assertEquals("32-bit write at 0x20000104: FAULT on AP0 BD1 write (CTRL/STAT 0xF0000020 STICKYERR)",
                e.getMessage());
        assertEquals(List.of("W SELECT 0x00000000", "W CSW 0x23000012", "W TAR 0x20000100", "W SELECT 0x00000010",
                "W BD2 0x00000003"), dap.takeLog());
        assertEquals(3, target.words.get(0x20000108L));
    }
}
