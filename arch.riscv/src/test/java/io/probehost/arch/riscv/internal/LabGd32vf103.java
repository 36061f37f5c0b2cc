package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * A lab GD32VF103CB behind its JTAG DTM, clocked by a {@link JtagSequencer} that is just the pins,
 * and small RV32 programs for it (hand-encoded, in SRAM).
 */
final class LabGd32vf103 implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The pack's description, as far as the connector looks at it. */
    static final TargetDescription TARGET = new TargetDescription("gd32vf103cb", "GigaDevice", "GD32VF103",
            List.of(new CoreDescription("core0", "rv32imac", "riscv", 0)), List.of(), List.of(), "sysresetreq");
    static final int SRAM = Gd32vf103.SRAM_BASE;
    /** Loop at SRAM: lui t0 0x20000; c.addi a0 1 (+4); c.nop; sw a0 0x100(t0) (+8); j +4 (+0xc). */
    static final int[] COUNTING_LOOP = {0x2000_02B7, 0x0001_0505, 0x10A2_A023, 0xFF9F_F06F};
    static final int COUNTER = SRAM + 0x100;
    /** At SRAM + 0x40: add a0, a0, a1; ret. */
    static final int[] ADD = {0x00B5_0533, 0x0000_8067};
    static final int ADD_ENTRY = SRAM + 0x40;
    static final int EBREAK_TRAP = SRAM + 0x80;

    final Gd32vf103 mcu = Gd32vf103.create(null);
    final RiscvJtagDtm dtm = new RiscvJtagDtm(mcu, Gd32vf103.JTAG_IDCODE, 0);
    private int shifts;

    /** A JtagSequencer that is just the pins, one TCK per bit. */
    JtagSequencer sequencer() {
        return (bitCount, tms, tdi) -> {
            shifts++;
            byte[] tdo = new byte[(bitCount + 7) / 8];
            for (int i = 0; i < bitCount; i++) {
                boolean out = dtm.jtagClock(((tms[i / 8] >>> (i % 8)) & 1) != 0, ((tdi[i / 8] >>> (i % 8)) & 1) != 0);
                tdo[i / 8] |= (byte) ((out ? 1 : 0) << (i % 8));
            }
            return tdo;
        };
    }

    int shifts() {
        return shifts;
    }

    /** Connected and halted, the DMI through the JTAG DTM (optionally filtered). */
    RiscvDebugTarget connect(UnaryOperator<Dmi> filter) {
        return RiscvDebugTarget.connect(filter.apply(JtagDtm.find(sequencer())), 0, "lab JTAG DTM",
                Optional.of(TARGET), Optional.empty(), true, true, TIMEOUT);
    }

    RiscvDebugTarget connect() {
        return connect(dmi -> dmi);
    }

    static byte[] words(int... words) {
        byte[] bytes = new byte[words.length * 4];
        for (int i = 0; i < words.length; i++) {
            for (int b = 0; b < 4; b++) {
                bytes[i * 4 + b] = (byte) (words[i] >>> (8 * b));
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        mcu.close();
    }
}
