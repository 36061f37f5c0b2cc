package io.probehost.sim.probe.cmsisdap;

import static io.probehost.sim.probe.cmsisdap.JtagProtocol.IR_APACC;
import static io.probehost.sim.probe.cmsisdap.JtagProtocol.IR_DPACC;
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
 * DAP_Transfer and DAP_TransferBlock in JTAG mode (DAP_JTAG_Transfer / DAP_JTAG_TransferBlock): every
 * read is posted (DP reads too), the IR is switched between DPACC and APACC only when it changes, and
 * the packet ends with an RDBUFF read that collects the last read or confirms the last write.
 */
final class JtagTransfers {
    private final JtagProtocol jtag;
    private final DapState state;
    private final TestDomainTimer timer;
    private int ir;

    JtagTransfers(JtagProtocol jtag, DapState state, TestDomainTimer timer) {
        this.jtag = jtag;
        this.state = state;
        this.timer = timer;
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
            SwdTransfers.skipRequests(in, count);
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
                    int matchRetry = state.matchRetry;
                    select(requestIr);
                    responseValue = retried(request, 0); // post the first read
                    if (responseValue != OK) {
                        break;
                    }
                    do {
                        responseValue = retried(request, 0);
                        if (responseValue != OK) {
                            break;
                        }
                    } while ((jtag.data & state.matchMask) != matchValue && matchRetry-- != 0 && !state.transferAbort);
                    if ((jtag.data & state.matchMask) != matchValue) {
                        responseValue |= MISMATCH;
                    }
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
        SwdTransfers.skipRequests(in, count);
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

    void transferBlock(PacketReader in, PacketWriter out) {
        int head = out.position();
        out.u8(0);
        out.u8(0);
        out.u8(0);
        state.transferAbort = false;
        int responseCount = 0;
        int responseValue = 0;
        state.jtagIndex = in.u8();
        int count = in.u16();
        block:
        if (state.jtagIndex < state.jtagCount && count != 0) {
            int request = in.u8();
            ir = (request & AP) != 0 ? IR_APACC : IR_DPACC;
            jtag.ir(ir);
            if ((request & READ) != 0) {
                responseValue = retried(request, 0); // post the first read
                if (responseValue != OK) {
                    break block;
                }
                while (count-- > 0) {
                    if (count == 0) {
                        if (ir != IR_DPACC) {
                            jtag.ir(IR_DPACC);
                        }
                        request = RDBUFF_READ;
                    }
                    responseValue = retried(request, 0);
                    if (responseValue != OK) {
                        break block;
                    }
                    out.u32(jtag.data);
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
                if (ir != IR_DPACC) {
                    jtag.ir(IR_DPACC);
                }
                responseValue = retried(RDBUFF_READ, 0);
            }
        }
        out.set(head, responseCount);
        out.set(head + 1, responseCount >>> 8);
        out.set(head + 2, responseValue);
    }

    private void select(int instruction) {
        if (ir != instruction) {
            ir = instruction;
            jtag.ir(instruction);
        }
    }

    private int retried(int request, int data) {
        int retry = state.retryCount;
        int ack;
        do {
            ack = jtag.transfer(request, data);
        } while (ack == WAIT && retry-- != 0 && !state.transferAbort);
        return ack;
    }

    private void timestamp(int request, PacketWriter out) {
        if ((request & TIMESTAMP) != 0 && timer.present()) {
            out.u32(state.timestamp);
        }
    }
}
