package io.probehost.sim.probe.cmsisdap;

import static io.probehost.sim.probe.cmsisdap.TransferAck.AP;
import static io.probehost.sim.probe.cmsisdap.TransferAck.MATCH_MASK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.MISMATCH;
import static io.probehost.sim.probe.cmsisdap.TransferAck.OK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.RDBUFF_READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.TIMESTAMP;
import static io.probehost.sim.probe.cmsisdap.TransferAck.VALUE_MATCH;
import static io.probehost.sim.probe.cmsisdap.TransferAck.WAIT;

/**
 * DAP_Transfer and DAP_TransferBlock in SWD mode (DAP_SWD_Transfer / DAP_SWD_TransferBlock): AP reads
 * are posted and collected by the next AP read or an RDBUFF read, the last write of a packet is
 * confirmed by an RDBUFF read, WAIT is retried, value-match reads are repeated.
 */
final class SwdTransfers {
    private final SwdProtocol swd;
    private final DapState state;
    private final TestDomainTimer timer;

    SwdTransfers(SwdProtocol swd, DapState state, TestDomainTimer timer) {
        this.swd = swd;
        this.state = state;
        this.timer = timer;
    }

    void transfer(PacketReader in, PacketWriter out) {
        int head = out.position();
        out.u8(0);
        out.u8(0);
        state.transferAbort = false;
        boolean postRead = false;
        boolean checkWrite = false;
        int responseCount = 0;
        int responseValue = 0;
        in.u8(); // DAP index: not used by SWD
        int count = in.u8();
        while (count != 0) {
            count--;
            int request = in.u8();
            if ((request & READ) != 0) {
                if (postRead) {
                    if ((request & (AP | VALUE_MATCH)) == AP) {
                        responseValue = retried(request, 0); // collect the previous AP read, post this one
                    } else {
                        responseValue = retried(RDBUFF_READ, 0);
                        postRead = false;
                    }
                    if (responseValue != OK) {
                        break;
                    }
                    out.u32(swd.data);
                    if (postRead) {
                        timestamp(request, out);
                    }
                }
                if ((request & VALUE_MATCH) != 0) {
                    int matchValue = in.u32();
                    int matchRetry = state.matchRetry;
                    if ((request & AP) != 0) {
                        responseValue = retried(request, 0);
                        if (responseValue != OK) {
                            break;
                        }
                    }
                    do {
                        responseValue = retried(request, 0);
                        if (responseValue != OK) {
                            break;
                        }
                    } while ((swd.data & state.matchMask) != matchValue && matchRetry-- != 0 && !state.transferAbort);
                    if ((swd.data & state.matchMask) != matchValue) {
                        responseValue |= MISMATCH;
                    }
                    if (responseValue != OK) {
                        break;
                    }
                } else if ((request & AP) != 0) {
                    if (!postRead) {
                        responseValue = retried(request, 0);
                        if (responseValue != OK) {
                            break;
                        }
                        timestamp(request, out);
                        postRead = true;
                    }
                } else {
                    responseValue = retried(request, 0);
                    if (responseValue != OK) {
                        break;
                    }
                    timestamp(request, out);
                    out.u32(swd.data);
                }
                checkWrite = false;
            } else {
                if (postRead) {
                    responseValue = retried(RDBUFF_READ, 0);
                    if (responseValue != OK) {
                        break;
                    }
                    out.u32(swd.data);
                    postRead = false;
                }
                int data = in.u32();
                if ((request & MATCH_MASK) != 0) {
                    state.matchMask = data;
                    responseValue = OK;
                } else {
                    responseValue = retried(request, data);
                    if (responseValue != OK) {
                        break;
                    }
                    timestamp(request, out);
                    checkWrite = true;
                }
            }
            responseCount++;
            if (state.transferAbort) {
                break;
            }
        }
        skipRequests(in, count);
        if (responseValue == OK) {
            if (postRead) {
                responseValue = retried(RDBUFF_READ, 0);
                if (responseValue == OK) {
                    out.u32(swd.data);
                }
            } else if (checkWrite) {
                responseValue = retried(RDBUFF_READ, 0);
            }
        }
        out.set(head, responseCount);
        out.set(head + 1, responseValue);
    }

    void transferBlock(PacketReader in, PacketWriter out) {
        int head = out.position();
        out.u8(0);
        out.u8(0);
        out.u8(0);
        state.transferAbort = false;
        int responseCount = 0;
        int responseValue = 0;
        in.u8(); // DAP index: not used by SWD
        int count = in.u16();
        if (count != 0) {
            int request = in.u8();
            block:
            if ((request & READ) != 0) {
                if ((request & AP) != 0) {
                    responseValue = retried(request, 0); // post the first AP read
                    if (responseValue != OK) {
                        break block;
                    }
                }
                while (count-- > 0) {
                    if (count == 0 && (request & AP) != 0) {
                        request = RDBUFF_READ; // the last AP read is collected from RDBUFF
                    }
                    responseValue = retried(request, 0);
                    if (responseValue != OK) {
                        break block;
                    }
                    out.u32(swd.data);
                    responseCount++;
                }
            } else {
                while (count-- > 0) {
                    responseValue = retried(request, in.u32());
                    if (responseValue != OK) {
                        break block;
                    }
                    responseCount++;
                }
                responseValue = retried(RDBUFF_READ, 0);
            }
        }
        out.set(head, responseCount);
        out.set(head + 1, responseCount >>> 8);
        out.set(head + 2, responseValue);
    }

    /** One transaction, repeated while the target answers WAIT, at most WaitRetry more times. */
    private int retried(int request, int data) {
        int retry = state.retryCount;
        int ack;
        do {
            ack = swd.transfer(request, data);
        } while (ack == WAIT && retry-- != 0 && !state.transferAbort);
        return ack;
    }

    private void timestamp(int request, PacketWriter out) {
        if ((request & TIMESTAMP) != 0 && timer.present()) {
            out.u32(state.timestamp);
        }
    }

    /** Skips requests that were not executed, as the firmware does to find the end of the command. */
    static void skipRequests(PacketReader in, int count) {
        for (; count > 0; count--) {
            int request = in.u8();
            if ((request & READ) == 0 || (request & VALUE_MATCH) != 0) {
                in.skip(4);
            }
        }
    }
}
