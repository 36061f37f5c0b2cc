package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.riscv.debug.DebugModuleInterface;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RISC-V JTAG DTM at pin level: IR, IDCODE, dtmcs, dmi scans, busy and dmireset. */
class RiscvJtagDtmTest {
    private static final int IDCODE = 0x1000_563D;
    private static final int ABITS = 7;
    private static final int DMI_LENGTH = ABITS + 34;

    /** DMI registers as plain storage. */
    private final Map<Integer, Integer> registers = new HashMap<>();
    private final DebugModuleInterface dmi = new DebugModuleInterface() {
        @Override
        public int addressBits() {
            return ABITS;
        }

        @Override
        public int read(int address) {
            return registers.getOrDefault(address, 0);
        }

        @Override
        public void write(int address, int value) {
            registers.put(address, value);
        }

        @Override
        public void setResetPinAsserted(boolean asserted) {
        }

        @Override
        public VirtualClock clock() {
            return new VirtualClock();
        }
    };
    private final RiscvJtagDtm dtm = new RiscvJtagDtm(dmi, IDCODE, 0);
    private final JtagHost host = new JtagHost(dtm);

    private static long dmiRequest(int op, int address, int data) {
        return (long) address << 34 | (data & 0xFFFF_FFFFL) << 2 | op;
    }

    private long dmiScan(int op, int address, int data) {
        return host.drScan(dmiRequest(op, address, data), DMI_LENGTH);
    }

    /** A DMI scan entered from Update-DR straight through Select-DR-Scan, skipping Run-Test/Idle. */
    private long dmiScanWithoutIdle(int op, int address, int data) {
        dtm.jtagClock(true, false); // Run-Test/Idle -> Select-DR-Scan
        dtm.jtagClock(false, false); // -> Capture-DR
        long captured = 0;
        long value = dmiRequest(op, address, data);
        for (int i = 0; i < DMI_LENGTH; i++) {
            captured |= (dtm.jtagClock(i == DMI_LENGTH - 1, ((value >>> i) & 1) != 0) ? 1L : 0L) << i;
        }
        dtm.jtagClock(true, false); // Exit1-DR -> Update-DR
        return captured;
    }

    @Test
    void testLogicResetSelectsIdcodeAndTheIrCapturesOne() {
        host.resetToIdle();
        assertEquals(IDCODE, (int) host.drScan(0, 32));
        assertEquals(0b00001, host.irScan(RiscvJtagDtm.IR_BYPASS, RiscvJtagDtm.IR_LENGTH));
        assertEquals(0b10, host.drScan(0b01, 2), "BYPASS: one bit, captured 0");
        host.irScan(0x12, RiscvJtagDtm.IR_LENGTH);
        assertEquals(0, host.drScan(0, 1), "reserved codes select BYPASS");
    }

    @Test
    void dtmcsReportsVersionAbitsAndIdle() {
        host.resetToIdle();
        host.irScan(RiscvJtagDtm.IR_DTMCS, RiscvJtagDtm.IR_LENGTH);
        assertEquals(1 << 12 | ABITS << 4 | 1, (int) host.drScan(0, 32));
    }

    @Test
    void aDmiReadReturnsItsDataInTheNextScan() {
        registers.put(0x11, 0x0040_0C82);
        host.resetToIdle();
        host.irScan(RiscvJtagDtm.IR_DMI, RiscvJtagDtm.IR_LENGTH);
        dmiScan(1, 0x11, 0);
        long captured = dmiScan(0, 0, 0);
        assertEquals(0, captured & 3, "success");
        assertEquals(0x0040_0C82, (int) (captured >>> 2));
        assertEquals(0x11, (int) (captured >>> 34));
        dmiScan(2, 0x04, 0xCAFE);
        assertEquals(0xCAFE, registers.get(0x04));
    }

    @Test
    void aScanTooSoonIsBusyStickyUntilDmireset() {
        host.resetToIdle();
        host.irScan(RiscvJtagDtm.IR_DMI, RiscvJtagDtm.IR_LENGTH);
        dmiScan(2, 0x04, 1);
        dmiScanWithoutIdle(2, 0x05, 2);
        long busy = dmiScanWithoutIdle(2, 0x06, 3);
        assertEquals(3, busy & 3, "busy");
        assertEquals(3, dmiScan(2, 0x07, 4) & 3, "sticky, even with time to spare");
        assertEquals(null, registers.get(0x06), "operations after busy are dropped");
        assertEquals(null, registers.get(0x07));

        host.irScan(RiscvJtagDtm.IR_DTMCS, RiscvJtagDtm.IR_LENGTH);
        assertEquals(3, host.drScan(1 << 16, 32) >>> 10 & 3, "dmistat shows busy");
        assertEquals(0, host.drScan(0, 32) >>> 10 & 3, "cleared by dmireset");
        host.irScan(RiscvJtagDtm.IR_DMI, RiscvJtagDtm.IR_LENGTH);
        dmiScan(2, 0x06, 3);
        assertEquals(0, dmiScan(0, 0, 0) & 3);
        assertEquals(3, registers.get(0x06));
    }
}
