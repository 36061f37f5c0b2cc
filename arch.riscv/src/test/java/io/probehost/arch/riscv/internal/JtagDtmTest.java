package io.probehost.arch.riscv.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProtocolException;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.arch.riscv.internal.Dmi.Operation;
import io.probehost.sim.adi.TapState;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/** The JTAG DTM against the lab's DTM (busy after fewer than 4 TCKs, sticky until dmireset) in front of the GD32VF103. */
class JtagDtmTest {

    @Test
    void findsTheDtmAndReadsItsIdcodeAndAddressWidth() {
        try (LabGd32vf103 lab = new LabGd32vf103()) {
            JtagDtm dtm = JtagDtm.find(lab.sequencer());
            assertEquals(Gd32vf103.JTAG_IDCODE, dtm.idcode());
            assertEquals(7, dtm.addressBits());
        }
    }

    @Test
    void pipelinesOperationsWithoutBusyAnswersAtTheAdvertisedIdle() {
        try (LabGd32vf103 lab = new LabGd32vf103()) {
            JtagDtm dtm = JtagDtm.find(lab.sequencer());
            dtm.write(DebugModule.DMCONTROL, DebugModule.DMCONTROL_DMACTIVE);
            List<Operation> operations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                operations.add(Operation.write(DebugModule.DATA0 + i, 0x1111_1111 * (i + 1)));
            }
            for (int i = 0; i < 4; i++) {
                operations.add(Operation.read(DebugModule.DATA0 + i));
            }
            operations.add(Operation.read(DebugModule.DMSTATUS));
            int[] values = dtm.run(operations);
            assertArrayEquals(new int[] {0x1111_1111, 0x2222_2222, 0x3333_3333, 0x4444_4444}, java.util.Arrays.copyOf(values, 4));
            assertEquals(2, values[4] & 0xF, "dmstatus.version 0.13");
            // dtmcs.idle 1: one pass through Run-Test/Idle between scans covers the lab DTM's 4 TCKs per access
            assertEquals(0, dtm.idleCycles(), "no busy answer raised the idle cycles");
        }
    }

    @Test
    void recoversFromBusyAnswersWithDmiresetMoreIdleCyclesAndTheLostOperationsRepeated() {
        try (LabGd32vf103 lab = new LabGd32vf103()) {
            JtagSequencer pins = lab.sequencer();
            int[] skippable = {0};
            JtagSequencer hurried = (bitCount, tms, tdi) -> {
                // the TAP misses up to `skippable` Run-Test/Idle clocks: it stays in Update-DR and goes straight on to
                // Select-DR, so a dmi scan's Capture-DR comes 2 TCKs after the Update-DR that started the access
                byte[] tdo = new byte[(bitCount + 7) / 8];
                for (int i = 0; i < bitCount; i++) {
                    boolean tmsBit = (tms[i / 8] >>> (i % 8) & 1) != 0;
                    if (!tmsBit && state == TapState.UPDATE_DR && skippable[0] > 0) {
                        skippable[0]--;
                        continue;
                    }
                    byte[] out = pins.shift(1, new byte[] {(byte) (tmsBit ? 1 : 0)}, new byte[] {(byte) (tdi[i / 8] >>> (i % 8) & 1)});
                    state = state.next(tmsBit);
                    tdo[i / 8] |= (byte) ((out[0] & 1) << (i % 8));
                }
                return tdo;
            };
            JtagDtm dtm = JtagDtm.find(hurried);
            dtm.write(DebugModule.DMCONTROL, DebugModule.DMCONTROL_DMACTIVE);
            skippable[0] = 3;
            List<Operation> operations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                operations.add(Operation.write(DebugModule.DATA0 + i, 0x0101_0101 * (i + 5)));
            }
            for (int i = 0; i < 4; i++) {
                operations.add(Operation.read(DebugModule.DATA0 + i));
            }
            assertArrayEquals(new int[] {0x0505_0505, 0x0606_0606, 0x0707_0707, 0x0808_0808}, dtm.run(operations));
            assertEquals(0, skippable[0], "the TAP missed the three clocks");
            assertTrue(dtm.idleCycles() >= 1, "busy answers raised the idle cycles to " + dtm.idleCycles());
        }
    }

    private TapState state = TapState.TEST_LOGIC_RESET;

    @Test
    void refusesAChainThatAnswersNothing() {
        JtagSequencer noTarget = (bitCount, tms, tdi) -> new byte[(bitCount + 7) / 8];
        ProtocolException error = assertThrows(ProtocolException.class, () -> JtagDtm.find(noTarget));
        assertTrue(error.getMessage().contains("no IDCODE"), error.getMessage());
    }
}
