package io.probehost.sim.probe.cmsisdap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.probehost.sim.adi.SwjPins;

/**
 * A minimal SW-DP at bit level for firmware tests: decodes request packets after a line reset, answers
 * scripted ACKs, posts AP reads (RDBUFF collects them) and logs every transaction as "R DP 0",
 * "W AP C 12345678" (with " WAIT"/" FAULT" when not OK).
 */
class FakeSwdTarget implements SwjPins {
    static final int OK = 1;
    static final int WAIT = 2;
    static final int FAULT = 4;

    final List<String> log = new ArrayList<>();
    final Deque<Integer> ackScript = new ArrayDeque<>();
    final Deque<Integer> apReadValues = new ArrayDeque<>();
    final Map<Integer, Integer> apRegisters = new HashMap<>();
    final List<Boolean> hostBits = new ArrayList<>();
    int dpidr = 0x0BB1_1477;
    int ctrlStat;
    int select;
    int apBuffer;
    int lineResets;
    int swdCycles;
    int jtagCycles;
    boolean resetAsserted;
    boolean silent;
    /** Turnaround cycles (DLCR.TURNROUND + 1). */
    int turnaround = 1;
    /** CTRL/STAT power-up ACK bits follow the request bits. */
    boolean powerAcks = true;
    /** Called as each valid request is decoded, before it is answered. */
    Runnable beforeEachTransaction = () -> { };

    private int ones;
    private boolean synced;
    private boolean inRequest;
    private int requestBits;
    private int request;
    private final Deque<Boolean> output = new ArrayDeque<>();
    private int writeBitsLeft;
    private long writeShift;
    private int writeRequest;

    @Override
    public boolean swdClock(boolean hostDrives, boolean hostBit) {
        swdCycles++;
        if (!hostDrives) {
            Boolean bit = output.poll();
            return bit == null || bit;
        }
        hostBits.add(hostBit);
        if (writeBitsLeft > 0) {
            writeShift |= (hostBit ? 1L : 0L) << (33 - writeBitsLeft);
            if (--writeBitsLeft == 0) {
                completeWrite();
            }
            ones = 0;
            return hostBit;
        }
        if (hostBit) {
            if (++ones == 50) {
                lineResets++;
            }
        } else {
            ones = 0;
        }
        if (ones >= 50) {
            synced = true;
            inRequest = false;
            output.clear();
            return hostBit;
        }
        if (!synced) {
            return hostBit;
        }
        if (!inRequest) {
            if (hostBit) {
                inRequest = true;
                requestBits = 1;
                request = 1;
            }
            return hostBit;
        }
        request |= (hostBit ? 1 : 0) << requestBits;
        if (++requestBits == 8) {
            inRequest = false;
            handleRequest(request);
        }
        return hostBit;
    }

    private void handleRequest(int r) {
        boolean ap = (r & 0x02) != 0;
        boolean read = (r & 0x04) != 0;
        int a = (r >> 1) & 0x0C;
        int parity = ((r >> 1) ^ (r >> 2) ^ (r >> 3) ^ (r >> 4)) & 1;
        if ((r & 0x40) != 0 || (r & 0x80) == 0 || ((r >> 5) & 1) != parity) {
            synced = false; // protocol error: the target waits for a line reset
            return;
        }
        if (silent) {
            return;
        }
        beforeEachTransaction.run();
        int ack = ackScript.isEmpty() ? OK : ackScript.poll();
        String entry = String.format("%s %s %X", read ? "R" : "W", ap ? "AP" : "DP", a);
        turnaround();
        for (int i = 0; i < 3; i++) {
            output.add(((ack >> i) & 1) != 0);
        }
        if (ack != OK) {
            log.add(entry + (ack == WAIT ? " WAIT" : " FAULT"));
            return;
        }
        if (read) {
            log.add(entry);
            int value = read(ap, a);
            for (int i = 0; i < 32; i++) {
                output.add(((value >>> i) & 1) != 0);
            }
            output.add(Integer.bitCount(value) % 2 == 1);
            turnaround();
        } else {
            turnaround();
            writeRequest = r;
            writeBitsLeft = 33;
            writeShift = 0;
        }
    }

    private void turnaround() {
        for (int i = 0; i < turnaround; i++) {
            output.add(true);
        }
    }

    private int read(boolean ap, int a) {
        if (!ap) {
            return switch (a) {
                case 0x0 -> dpidr;
                case 0x4 -> powerAcks ? ctrlStat | (ctrlStat & 0x5000_0000) << 1 : ctrlStat;
                default -> apBuffer; // RESEND, RDBUFF
            };
        }
        int value = apReadValues.isEmpty() ? apRegisters.getOrDefault((select & 0xF0) | a, 0) : apReadValues.poll();
        int previous = apBuffer;
        apBuffer = value;
        return previous;
    }

    private void completeWrite() {
        boolean ap = (writeRequest & 0x02) != 0;
        int a = (writeRequest >> 1) & 0x0C;
        int value = (int) writeShift;
        log.add(String.format("W %s %X %08X", ap ? "AP" : "DP", a, value));
        if (ap) {
            apRegisters.put((select & 0xF0) | a, value);
        } else if (a == 0x4) {
            ctrlStat = value;
        } else if (a == 0x8) {
            select = value;
        }
    }

    @Override
    public boolean jtagClock(boolean tms, boolean tdi) {
        jtagCycles++;
        return true;
    }

    @Override
    public boolean tdo() {
        return true;
    }

    @Override
    public void jtagReset() {
    }

    @Override
    public void setResetAsserted(boolean asserted) {
        resetAsserted = asserted;
    }

    @Override
    public boolean resetPinHigh() {
        return !resetAsserted;
    }
}
