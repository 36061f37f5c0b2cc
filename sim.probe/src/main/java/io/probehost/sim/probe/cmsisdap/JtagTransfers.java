package io.probehost.sim.probe.cmsisdap;

import static io.probehost.sim.probe.cmsisdap.JtagProtocol.IR_APACC;
import static io.probehost.sim.probe.cmsisdap.JtagProtocol.IR_DPACC;
import static io.probehost.sim.probe.cmsisdap.TransferAck.AP;
import static io.probehost.sim.probe.cmsisdap.TransferAck.MATCH_MASK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.OK;
import static io.probehost.sim.probe.cmsisdap.TransferAck.RDBUFF_READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.READ;
import static io.probehost.sim.probe.cmsisdap.TransferAck.VALUE_MATCH;

/**
 * DAP_Transfer and DAP_TransferBlock in JTAG mode (DAP_JTAG_Transfer / DAP_JTAG_TransferBlock): every
 * read is posted (DP reads too), the IR is switched between DPACC and APACC only when it changes, and
 * the packet ends with an RDBUFF read that collects the last read or confirms the last write.
 */
final class JtagTransfers extends DapTransfers {
    private final JtagProtocol jtag;
    private int ir;

    JtagTransfers(JtagProtocol jtag, DapState state, TestDomainTimer timer) {
        super(jtag, state, timer);
        this.jtag = jtag;
    }

    void transfer(PacketReader in, PacketWriter out) {
        int head = out.position();
        out.u8(0);
        out.u8(0);
        state.transferAbort = false;
        ir = 0;
        boolean postRead = false;
        int responseCount = 0;
        int responseValue = 0;
        state.jtagIndex = in.u8();
        int count = in.u8();
        if (state.jtagIndex >= state.jtagCount) {
            skipRequests(in, count);
            return;
        }
        while (count != 0) {
            count--;
            int request = in.u8();
            int requestIr = (request & AP) != 0 ? IR_APACC : IR_DPACC;
            if ((request & READ) != 0) {
                if (postRead) {
                    if (ir == requestIr && (request & VALUE_MATCH) == 0) {
                        responseValue = retried(request, 0);
                    } else {
                        select(IR_DPACC);
                        responseValue = retried(RDBUFF_READ, 0);
                        postRead = false;
                    }
                    if (responseValue != OK) {
                        break;
                    }
                    out.u32(jtag.data);
                    if (postRead) {
                        timestamp(request, out);
                    }
                }
                if ((request & VALUE_MATCH) != 0) {
                    int matchValue = in.u32();
                    select(requestIr);
                    responseValue = retried(request, 0); // post the first read
                    if (responseValue != OK) {
                        break;
                    }
                    responseValue = readUntilMatch(request, matchValue);
                    if (responseValue != OK) {
                        break;
                    }
                } else if (!postRead) {
                    select(requestIr);
                    responseValue = retried(request, 0);
                    if (responseValue != OK) {
                        break;
                    }
                    timestamp(request, out);
                    postRead = true;
                }
            } else {
                if (postRead) {
                    select(IR_DPACC);
                    responseValue = retried(RDBUFF_READ, 0);
                    if (responseValue != OK) {
                        break;
                    }
                    out.u32(jtag.data);
                    postRead = false;
                }
                int data = in.u32();
                if ((request & MATCH_MASK) != 0) {
                    state.matchMask = data;
                    responseValue = OK;
                } else {
                    select(requestIr);
                    responseValue = retried(request, data);
                    if (responseValue != OK) {
                        break;
                    }
                    timestamp(request, out);
                }
            }
            responseCount++;
            if (state.transferAbort) {
                break;
            }
        }
        skipRequests(in, count);
        if (responseValue == OK) {
            select(IR_DPACC);
            responseValue = retried(RDBUFF_READ, 0);
            if (postRead && responseValue == OK) {
                out.u32(jtag.data);
            }
        }
        out.set(head, responseCount);
        out.set(head + 1, responseValue);
    }

    @Override
    protected boolean selectDevice(int index) {
        state.jtagIndex = index;
        return index < state.jtagCount;
    }

    @Override
    protected void startBlock(int request) {
        ir = (request & AP) != 0 ? IR_APACC : IR_DPACC;
        jtag.ir(ir);
    }

    /** Every JTAG read is posted, DP reads too. */
    @Override
    protected boolean postsBlockReads(int request) {
        return true;
    }

    @Override
    protected void beforeRdbuffRead() {
        if (ir != IR_DPACC) {
            jtag.ir(IR_DPACC);
        }
    }

    private void select(int instruction) {
        if (ir != instruction) {
            ir = instruction;
            jtag.ir(instruction);
        }
    }
}
