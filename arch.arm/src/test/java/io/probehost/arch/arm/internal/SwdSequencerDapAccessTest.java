package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * The host-side SWD layer over a fake bit sequencer wired to the lab's SWJ-DP of a virtual nRF51822
 * (powered on in JTAG, as an ADIv5 SWJ-DP is): request encoding, ACKs, posted reads, batching,
 * WAIT, FAULT, no answer and parity errors, and the ARM connector choosing the layer.
 */
class SwdSequencerDapAccessTest {
    private static final int RAM = Nrf51822.RAM_BASE;
    private static final int CSW_32_INCREMENT = 0x2300_0012;

    private final Nrf51822 mcu = Nrf51822.create(null);
    private final SwjDp dp = new SwjDp(mcu, WireMode.JTAG, 0);
    private final PinSequencer sequencer = new PinSequencer(dp);
    private final SwdSequencerDapAccess swd = new SwdSequencerDapAccess(sequencer, Optional.empty(), "Fake");

    @AfterEach
    void close() {
        mcu.close();
    }

    /** Switches to SWD, powers the debug domain up (ORUNDETECT set here) and points AP0 at RAM. */
    private DebugPort connected() {
        DebugPort port = new DebugPort(swd, Optional.of(swd), WireProtocol.SWD, Duration.ofSeconds(1));
        assertEquals(SwjDp.SW_DPIDR, port.connect());
        port.writeAp(0, 0x00, CSW_32_INCREMENT);
        port.flush();
        return port;
    }

    @Test
    void requestBytesMatchTheTableOfTheNote() {
        int[][] expected = {{0x81, 0xA9, 0xB1, 0x99}, {0xA5, 0x8D, 0x95, 0xBD}, {0xA3, 0x8B, 0x93, 0xBB},
            {0x87, 0xAF, 0xB7, 0x9F}};
        for (int address = 0; address < 16; address += 4) {
            assertEquals(expected[0][address / 4], SwdTransfer.write(false, address, 0).request());
            assertEquals(expected[1][address / 4], SwdTransfer.read(false, address, null).request());
            assertEquals(expected[2][address / 4], SwdTransfer.write(true, address, 0).request());
            assertEquals(expected[3][address / 4], SwdTransfer.read(true, address, null).request());
        }
    }

    @Test
    void dataParityIsEvenOverTheThirtyTwoBits() {
        assertEquals(0L, SwdTransfer.write(false, 4, 0).dataWithParity() >>> 32);
        assertEquals(1L, SwdTransfer.write(false, 4, 1).dataWithParity() >>> 32);
        assertEquals(1L, SwdTransfer.write(false, 4, SwjDp.SW_DPIDR).dataWithParity() >>> 32);
        assertTrue(SwdTransfer.parityOk(SwdTransfer.write(false, 4, 0xFFFF_FFFE).dataWithParity()));
        assertFalse(SwdTransfer.parityOk(0x1_0000_0000L));
    }

    @Test
    void readsDpidrAfterTheJtagToSwdSwitchWithTheAckCheckedBeforeTheDataPhase() {
        SwjSequences.jtagToSwd(swd);
        assertEquals(WireMode.SWD, dp.wireMode());
        int before = sequencer.calls();
        assertEquals(SwjDp.SW_DPIDR, swd.readDp(DpRegister.DPIDR));
        assertEquals(2, sequencer.calls() - before, "request and ACK, then the data phase");
    }

    @Test
    void ctrlStatWritesSetOverrunDetectAndPowerTheDebugDomainUp() {
        DebugPort port = connected();
        assertTrue(mcu.isDebugPowered());
        int ctrlStat = port.readDp(DpRegister.CTRL_STAT);
        assertEquals(1, ctrlStat & 1, "ORUNDETECT");
        assertEquals(DpRegister.POWER_UP_ACKS, ctrlStat & DpRegister.POWER_UP_ACKS);
    }

    @Test
    void queuedWritesAndPostedReadsShareOneSequencerCall() {
        DebugPort port = connected();
        int before = sequencer.calls();
        port.writeAp(0, 0x04, RAM + 0x100);
        int[] words = {0x1111_1111, 0x2222_2222, 0x3333_3333, 0xDEAD_BEEF};
        port.writeApBlock(0, 0x0C, words, 0, words.length);
        port.writeAp(0, 0x04, RAM + 0x100);
        DapAccess.DapBlockRead read = port.queueReadApBlock(0, 0x0C, words.length);
        assertArrayEquals(words, read.get());
        assertEquals(1, sequencer.calls() - before);
        assertEquals("11 11 11 11", hex(mcu.readRam(RAM + 0x100, 4)));
    }

    @Test
    void aDpReadBetweenApReadsCollectsThePostedWordThroughRdbuff() {
        DebugPort port = connected();
        mcu.writeRam(RAM + 0x40, new byte[] {1, 0, 0, 0, 2, 0, 0, 0});
        port.writeAp(0, 0x04, RAM + 0x40);
        DapAccess.DapRead first = port.queueReadAp(0, 0x0C);
        int dpidr = port.readDp(DpRegister.DPIDR);
        DapAccess.DapRead second = port.queueReadAp(0, 0x0C);
        assertEquals(1, first.get());
        assertEquals(2, second.get());
        assertEquals(SwjDp.SW_DPIDR, dpidr);
    }

    @Test
    void waitAnswersAreRetriedFromTheWaitingTransaction() {
        DebugPort port = connected();
        mcu.writeRam(RAM + 0x80, new byte[] {0x78, 0x56, 0x34, 0x12});
        port.writeAp(0, 0x04, RAM + 0x80);
        dp.injectWaitStorm(20);
        assertEquals(0x1234_5678, port.readAp(0, 0x0C));
        assertEquals(0, dp.pendingWaits());
        assertEquals(0, port.readDp(DpRegister.CTRL_STAT) & DpRegister.STAT_STICKYORUN);
    }

    @Test
    void aWaitStormInTheMiddleOfALargeBatchResendsFromTheWaitingWriteAndLosesNoWord() {
        DebugPort port = connected();
        int words = 2048;
        int[] values = new int[words];
        for (int i = 0; i < words; i++) {
            values[i] = 0x5A00_0000 | i;
        }
        for (int block = 0; block < words; block += 256) {
            port.writeAp(0, 0x04, RAM + 4 * block);
            port.writeApBlock(0, 0x0C, values, block, 256);
        }
        // past 1000 of the 2056 transactions of the one batch, the target answers WAIT 30 times
        sequencer.atCycle(1000 * 46, () -> dp.injectWaitStorm(30));
        int before = sequencer.calls();
        port.flush();
        assertEquals(0, dp.pendingWaits());
        assertTrue(sequencer.calls() - before > 2, "the storm cut the batch");
        assertEquals(0, port.readDp(DpRegister.CTRL_STAT) & DpRegister.STAT_STICKYORUN);
        int[] back = new int[words];
        for (int block = 0; block < words; block += 256) {
            port.writeAp(0, 0x04, RAM + 4 * block);
            System.arraycopy(port.queueReadApBlock(0, 0x0C, 256).get(), 0, back, block, 256);
        }
        assertArrayEquals(values, back);
    }

    @Test
    void waitPastTheRetryLimitIsATimeout() {
        connected();
        // every transaction of a batch after the waiting one answers WAIT too and uses up the storm
        dp.injectWaitStorm(10 * SwdSequencerDapAccess.MAX_WAIT_RETRIES);
        TransferTimeoutException timeout = assertThrows(TransferTimeoutException.class, () -> swd.readAp(0x0C));
        assertTrue(timeout.getMessage().contains("WAIT to AP read 0xC"), timeout.getMessage());
    }

    @Test
    void faultFailsTheQueueAndTheReadsAfterIt() {
        DebugPort port = connected();
        dp.faultRange(0x1000_0000, 0x1000);
        port.writeAp(0, 0x04, 0x1000_0000);
        DapAccess.DapBlockRead read = swd.queueReadApBlock(0x0C, 3);
        assertThrows(TransferFaultException.class, read::get);
        swd.writeAbort(DpRegister.ABORT_CLEAR_STICKY);
        assertEquals(SwjDp.SW_DPIDR, swd.readDp(DpRegister.DPIDR));
        assertEquals(0, swd.readDp(DpRegister.CTRL_STAT) & DpRegister.STAT_STICKYERR);
    }

    @Test
    void noAnswerIsATransferErrorAndTheNextAccessStartsWithALineReset() {
        connected();
        dp.setNoResponse(true);
        TransferException silent = assertThrows(TransferException.class, () -> swd.readDp(DpRegister.CTRL_STAT));
        assertFalse(silent instanceof TransferFaultException || silent instanceof TransferTimeoutException);
        assertTrue(silent.getMessage().contains("no ACK"), silent.getMessage());
        dp.setNoResponse(false);
        assertEquals(SwjDp.SW_DPIDR, swd.readDp(DpRegister.DPIDR));
    }

    @Test
    void aFlippedDataBitIsAProtocolError() {
        connected();
        // after the 8 request cycles, the turnaround and the 3 ACK cycles: data bit 0
        sequencer.flipCapturedBits(bit -> bit == 12);
        ProtocolException parity = assertThrows(ProtocolException.class, () -> swd.readDp(DpRegister.DPIDR));
        assertTrue(parity.getMessage().contains("parity"), parity.getMessage());
        sequencer.flipCapturedBits(bit -> false);
        assertEquals(SwjDp.SW_DPIDR, swd.readDp(DpRegister.DPIDR));
    }

    @Test
    void anErrorFoundByTheGetOfAnEarlierReadIsThrownByTheNextCall() {
        connected();
        dp.faultRange(0x1000_0000, 0x1000);
        mcu.writeRam(RAM, new byte[] {5, 0, 0, 0});
        swd.writeAp(0x04, RAM);
        DapAccess.DapRead good = swd.queueReadAp(0x0C);
        swd.writeAp(0x04, 0x1000_0000);
        swd.queueReadAp(0x0C);
        assertEquals(5, good.get());
        assertThrows(TransferFaultException.class, swd::flush);
        swd.writeAbort(DpRegister.ABORT_CLEAR_STICKY);
        swd.flush();
    }

    @Test
    void theConnectorUsesTheLayerForAProbeThatOnlySequencesBits() {
        FakeSwdProbe probe = new FakeSwdProbe("SEQ1", "Sequencer", Map.of(SwdSequencer.class, sequencer));
        try (CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD,
                ArmConnectOptions.defaults().withHaltOnConnect(true))) {
            assertEquals(SwjDp.SW_DPIDR, target.dpidr());
            assertTrue(target.core().isHalted());
            target.memory().write32(RAM + 0x10, 0xCAFE_F00D);
            assertEquals(0xCAFE_F00D, target.memory().read32(RAM + 0x10));
            byte[] block = new byte[256];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) i;
            }
            int before = sequencer.calls();
            target.memory().write(RAM + 0x400, block, 0, block.length);
            byte[] back = new byte[256];
            target.memory().read(RAM + 0x400, back, 0, back.length);
            assertArrayEquals(block, back);
            int calls = sequencer.calls() - before;
            assertTrue(calls <= 4, "256 bytes out and back in " + calls + " sequencer calls");
        }
    }

    @Test
    void aProbeWithItsOwnDapAccessKeepsItAndTheSequencerStaysUnused() {
        FakeDap dap = new FakeDap(new FakeCortexM(FakeCortexM.CPUID_M0));
        FakeSwdProbe probe = new FakeSwdProbe("BOTH", "Both", Map.of(DapAccess.class, dap, SwdSequencer.class, sequencer));
        try (CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults())) {
            assertEquals(0x0BB1_1477, target.dpidr());
            assertEquals(0, sequencer.calls());
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02X", b));
        }
        return text.toString();
    }
}
