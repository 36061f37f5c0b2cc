package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.jtag.JtagChain;
import io.probehost.api.probe.JtagSequencer;

/**
 * The RISC-V JTAG Debug Transport Module (riscv-debug.md §1) over a probe's {@link JtagSequencer}:
 * IDCODE (IR 0x01), {@code dtmcs} (0x10) and {@code dmi} (0x11, {@code abits} + 34 bits of
 * {address, data, op}). Each {@code dmi} scan returns the result of the scan before it, so a list of
 * operations goes out in one shift followed by a nop that collects the last result. A busy answer
 * (op 3) sticks and drops every later operation: the DTM clears it with {@code dtmcs.dmireset}, adds a
 * Run-Test/Idle cycle after each scan (starting from {@code dtmcs.idle}), and goes on from the
 * operation that was not done: a write that was in progress when the busy scan came is complete, a
 * read's value was lost and it is read again. A failed answer (op 2) throws.
 */
public final class JtagDtm implements Dmi {
    static final int IR_IDCODE = 0x01;
    static final int IR_DTMCS = 0x10;
    static final int IR_DMI = 0x11;
    static final int DTMCS_DMIRESET = 1 << 16;
    static final int OP_NOP = 0;
    static final int OP_READ = 1;
    static final int OP_WRITE = 2;
    static final int STATUS_FAILED = 2;
    static final int STATUS_BUSY = 3;
    static final int DTM_VERSION_013 = 1;
    /** The most Run-Test/Idle cycles busy answers raise the wait to before giving up. */
    static final int MAX_IDLE_CYCLES = 256;
    private static final int RISCV_IR_LENGTH = 5;
    /** IR lengths of TAPs known by IDCODE: the GD32VF103's DTM and its boundary-scan TAP. */
    private static final Map<Integer, Integer> KNOWN_IR_LENGTHS = Map.of(0x1000_563D, 5, 0x7900_07A3, 5);

    private final JtagChain chain;
    private final int tap;
    private final int idcode;
    private final int abits;
    private int idleCycles;
    private int instruction = -1;

    private JtagDtm(JtagChain chain, int tap, int idcode, int dtmcs) {
        this.chain = chain;
        this.tap = tap;
        this.idcode = idcode;
        this.abits = (dtmcs >>> 4) & 0x3F;
        this.idleCycles = Math.max(0, ((dtmcs >>> 12) & 7) - 1);
    }

    /**
     * Finds the chain's TAPs and the first whose {@code dtmcs} reads as a 0.13 DTM; throws
     * {@link ProtocolException} naming the IDCODEs when there is none.
     */
    public static JtagDtm find(JtagSequencer sequencer) {
        JtagChain chain = JtagChain.detect(sequencer, idcode -> KNOWN_IR_LENGTHS.getOrDefault(idcode, 0));
        List<String> seen = new ArrayList<>();
        for (int tap = 0; tap < chain.tapCount(); tap++) {
            int idcode = chain.idcodes().get(tap);
            if (chain.irLength(tap) < RISCV_IR_LENGTH) {
                seen.add(String.format("0x%08X (IR %d)", idcode, chain.irLength(tap)));
                continue;
            }
            chain.scanIr(tap, IR_DTMCS);
            int dtmcs = (int) chain.scanDr(tap, 0, 32, 0);
            int abits = (dtmcs >>> 4) & 0x3F;
            if ((dtmcs & 0xF) == DTM_VERSION_013 && abits >= 7 && abits <= 30) {
                return new JtagDtm(chain, tap, idcode, dtmcs);
            }
            seen.add(String.format("0x%08X (dtmcs 0x%08X)", idcode, dtmcs));
        }
        throw new ProtocolException("no RISC-V debug transport module (0.13) on the JTAG chain (TAPs from TDO: "
                + String.join(", ", seen) + ")");
    }

    public int idcode() {
        return idcode;
    }

    public int addressBits() {
        return abits;
    }

    /** Run-Test/Idle cycles after each {@code dmi} scan now (raised by busy answers). */
    public int idleCycles() {
        return idleCycles;
    }

    @Override
    public synchronized int[] run(List<Operation> operations) {
        List<Integer> values = new ArrayList<>();
        int next = 0;
        while (next < operations.size()) {
            JtagChain.Batch batch = chain.batch(tap);
            if (instruction != IR_DMI) {
                batch.ir(IR_DMI);
                instruction = IR_DMI;
            }
            for (int i = next; i < operations.size(); i++) {
                batch.dr(encode(operations.get(i)), abits + 34, idleCycles);
            }
            batch.dr(OP_NOP, abits + 34, idleCycles);
            long[] captured = batch.run();
            int done = next;
            for (int k = 1; k < captured.length; k++, done++) {
                int status = (int) (captured[k] & 3);
                Operation operation = operations.get(done);
                if (status == STATUS_BUSY) {
                    dmiReset();
                    slowDown();
                    break;
                }
                if (status == STATUS_FAILED) {
                    dmiReset();
                    throw new TransferException(String.format("DMI %s of Debug Module register 0x%02X failed",
                            operation.read() ? "read" : "write", operation.address()));
                }
                if (operation.read()) {
                    values.add((int) (captured[k] >>> 2));
                }
            }
            // an operation answered busy: a write was in progress and completes, a read's value is lost
            if (done < operations.size() && !operations.get(done).read()) {
                done++;
            }
            next = done;
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private long encode(Operation operation) {
        long op = operation.read() ? OP_READ : OP_WRITE;
        return (long) operation.address() << 34 | (operation.value() & 0xFFFF_FFFFL) << 2 | op;
    }

    private void dmiReset() {
        chain.scanIr(tap, IR_DTMCS);
        chain.scanDr(tap, DTMCS_DMIRESET, 32, 0);
        chain.scanIr(tap, IR_DMI);
        instruction = IR_DMI;
    }

    private void slowDown() {
        if (idleCycles >= MAX_IDLE_CYCLES) {
            throw new TransferException("the RISC-V debug transport module stays busy after " + MAX_IDLE_CYCLES
                    + " Run-Test/Idle cycles per access");
        }
        idleCycles = Math.max(1, idleCycles * 2);
    }
}
