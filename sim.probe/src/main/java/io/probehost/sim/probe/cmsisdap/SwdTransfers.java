package io.probehost.sim.probe.cmsisdap;

import static io.probehost.sim.probe.cmsisdap.TransferAck.AP;
import static io.probehost.sim.probe.cmsisdap.TransferAck.MATCH_MASK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.OK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.RDBUFF_READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.VALUE_MATCH;

/**
 * DAP_Transfer and DAP_TransferBlock in SWD mode (DAP_SWD_Transfer / DAP_SWD_TransferBlock): AP reads
 * are posted and collected by the next AP read or an RDBUFF read, the last write of a packet is
 * confirmed by an RDBUFF read, WAIT is retried, value-match reads are repeated.
 */
final class SwdTransfers extends DapTransfers {
    private final SwdProtocol swd;

    SwdTransfers(SwdProtocol swd, DapState state, TestDomainTimer timer) {
        super(swd, state, timer);
        this.swd = swd;
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
                    if ((request & AP) != 0) {
                        responseValue = retried(request, 0);
                        if (responseValue != OK) {
                            break;
                        }
                    }
                    responseValue = readUntilMatch(request, matchValue);
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

    @Override
    protected boolean selectDevice(int index) {
        return true; // the DAP index is not used by SWD
    }

    @Override
    protected void startBlock(int request) {
        // SWD needs no set-up: the request itself addresses the DP or AP
    }

    @Override
    protected boolean postsBlockReads(int request) {
        return (request & AP) != 0;
    }

    @Override
    protected void beforeRdbuffRead() {
        // RDBUFF is reached directly in SWD
    }
}
