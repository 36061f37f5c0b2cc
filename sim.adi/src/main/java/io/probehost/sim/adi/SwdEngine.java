package io.probehost.sim.adi;

import io.probehost.sim.adi.DebugPort.Protocol;

/**
 * The SW-DP line protocol, one SWCLK cycle at a time: request, turnaround, ACK, data and parity,
 * line reset. A request with a parity or framing error, or a data phase the DP cannot follow,
 * puts the DP in lockout: it stops driving SWDIO until the next line reset.
 */
final class SwdEngine {
    static final int LINE_RESET_ONES = 50;

    private enum Phase { LOCKOUT, AFTER_LINE_RESET, IDLE, REQUEST, TURNAROUND_TO_TARGET, ACK, READ_DATA, TURNAROUND_TO_HOST, WRITE_DATA }

    private final DebugPort dp;
    private Phase phase = Phase.LOCKOUT;
    private int onesRun;
    private int bitIndex;
    private int request;
    private long shiftOut;
    private long shiftIn;
    private int cyclesLeft;
    private boolean dataPhaseAfterTurnaround;
    private boolean readDataFollowsAck;
    private boolean writeAccepted;
    private boolean writeToAp;
    private int writeAddress;
    private boolean silent;

    SwdEngine(DebugPort dp) {
        this.dp = dp;
    }

    /** Forgets any transfer in progress; the host must send a line reset before the next one. */
    void requireLineReset() {
        phase = Phase.LOCKOUT;
        onesRun = 0;
    }

    /** While set, the target answers nothing: the host reads the pull-up (ACK 0b111). */
    void setSilent(boolean silent) {
        this.silent = silent;
    }

    /**
     * One SWCLK cycle.
     *
     * @return the SWDIO level: the target's bit when it drives, else the host's bit or the pull-up
     */
    boolean clock(boolean hostDrives, boolean hostBit) {
        if (targetDrives()) {
            // A host driving over the target can still only mean a line reset to us.
            onesRun = hostDrives && hostBit ? onesRun + 1 : 0;
            if (onesRun >= LINE_RESET_ONES) {
                phase = Phase.AFTER_LINE_RESET;
                return true;
            }
            boolean out = (shiftOut & 1) != 0;
            shiftOut >>>= 1;
            advanceTargetPhase();
            return out;
        }
        boolean line = !hostDrives || hostBit;
        onesRun = line ? onesRun + 1 : 0;
        if (onesRun >= LINE_RESET_ONES && phase != Phase.WRITE_DATA) {
            phase = Phase.AFTER_LINE_RESET;
            return line;
        }
        hostCycle(line);
        return line;
    }

    private boolean targetDrives() {
        return phase == Phase.ACK || phase == Phase.READ_DATA;
    }

    private void hostCycle(boolean line) {
        switch (phase) {
            case AFTER_LINE_RESET:
                if (!line) {
                    phase = Phase.IDLE;
                }
                break;
            case IDLE:
                if (line) {
                    phase = Phase.REQUEST;
                    request = 1;
                    bitIndex = 1;
                }
                break;
            case REQUEST:
                request |= (line ? 1 : 0) << bitIndex++;
                if (bitIndex == 8) {
                    requestComplete();
                }
                break;
            case TURNAROUND_TO_TARGET:
                if (--cyclesLeft == 0) {
                    phase = Phase.ACK;
                    cyclesLeft = 3;
                }
                break;
            case TURNAROUND_TO_HOST:
                if (--cyclesLeft == 0) {
                    if (dataPhaseAfterTurnaround) {
                        phase = Phase.WRITE_DATA;
                        cyclesLeft = 33;
                        shiftIn = 0;
                    } else {
                        phase = Phase.IDLE;
                    }
                }
                break;
            case WRITE_DATA:
                shiftIn |= (line ? 1L : 0L) << (33 - cyclesLeft);
                if (--cyclesLeft == 0) {
                    writeDataComplete();
                }
                break;
            default:
                break; // LOCKOUT: wait for a line reset
        }
    }

    private void requestComplete() {
        boolean ap = bit(request, 1);
        boolean read = bit(request, 2);
        int address = ((request >>> 3) & 0b11) << 2;
        boolean parity = bit(request, 5);
        boolean framingOk = !bit(request, 6) && bit(request, 7);
        if (silent || parity != (Integer.bitCount((request >>> 1) & 0xF) % 2 == 1) || !framingOk) {
            phase = Phase.LOCKOUT;
            return;
        }
        Ack ack = dp.admit(ap, read, address, Protocol.SWD);
        boolean dataPhase = ack == Ack.OK || dp.overrunDetect();
        shiftOut = ack.swdCode();
        if (read && dataPhase) {
            int data = 0;
            if (ack == Ack.OK) {
                data = ap ? dp.readApPosted(address) : dp.readDp(address, Protocol.SWD);
            }
            shiftOut |= (data & 0xFFFF_FFFFL) << 3;
            shiftOut |= (long) (Integer.bitCount(data) & 1) << 35;
        }
        readDataFollowsAck = read && dataPhase;
        dataPhaseAfterTurnaround = !read && dataPhase;
        writeAccepted = !read && ack == Ack.OK;
        writeToAp = ap;
        writeAddress = address;
        phase = Phase.TURNAROUND_TO_TARGET;
        cyclesLeft = dp.turnaroundCycles();
    }

    /** Called after each target-driven cycle. */
    private void advanceTargetPhase() {
        if (--cyclesLeft > 0) {
            return;
        }
        if (phase == Phase.ACK && readDataFollowsAck) {
            phase = Phase.READ_DATA;
            cyclesLeft = 33;
            return;
        }
        phase = Phase.TURNAROUND_TO_HOST;
        cyclesLeft = dp.turnaroundCycles();
    }

    private void writeDataComplete() {
        phase = Phase.IDLE;
        if (!writeAccepted) {
            return;
        }
        int data = (int) shiftIn;
        boolean parity = ((shiftIn >>> 32) & 1) != 0;
        if (parity != (Integer.bitCount(data) % 2 == 1)) {
            dp.writeDataParityError();
            return;
        }
        if (writeToAp) {
            dp.writeAp(writeAddress, data);
        } else {
            dp.writeDp(writeAddress, data, Protocol.SWD);
        }
    }

    private static boolean bit(int value, int index) {
        return ((value >>> index) & 1) != 0;
    }
}
