package io.probehost.sim.probe.cmsisdap;

import java.util.Arrays;

import io.probehost.sim.adi.SwjPins;

/**
 * The CMSIS-DAP firmware (DAP.c): decodes a request packet, runs its command(s) on the wire and builds
 * the response. Runs on one thread; only {@link #abortTransfer()} may be called from another.
 */
final class DapFirmware {
    static final int DAP_OK = 0x00;
    static final int DAP_ERROR = 0xFF;

    private final CmsisDapConfig config;
    private final LinkModel link;
    private final DapState state;
    private final SwjWire wire;
    private final DapInfo info;
    private final SwdProtocol swd;
    private final JtagProtocol jtag;
    private final SwdTransfers swdTransfers;
    private final JtagTransfers jtagTransfers;
    private final DapSequences sequences;

    DapFirmware(CmsisDapConfig config, SwjPins pins, LinkModel link) {
        this.config = config;
        this.link = link;
        this.state = new DapState(Math.min(config.defaultClockHz(), config.maxClockHz()));
        this.wire = new SwjWire(pins, link, state);
        this.info = new DapInfo(config);
        TestDomainTimer timer = new TestDomainTimer(link, config.timestampClockHz());
        this.swd = new SwdProtocol(wire, state, timer);
        this.jtag = new JtagProtocol(wire, state, timer);
        this.swdTransfers = new SwdTransfers(swd, state, timer);
        this.jtagTransfers = new JtagTransfers(jtag, state, timer);
        this.sequences = new DapSequences(wire, config.jtag());
    }

    /** DAP_TransferAbort, intercepted by the USB receive path. */
    void abortTransfer() {
        state.transferAbort = true;
    }

    long clockHz() {
        return state.clockHz;
    }

    /** DAP_ExecuteCommand: one command, or the commands of an ExecuteCommands packet. */
    byte[] execute(byte[] packet, TransportProfile profile) {
        PacketReader in = new PacketReader(packet);
        PacketWriter out = new PacketWriter();
        if (in.peek(0) == DapCommand.EXECUTE_COMMANDS.code()) {
            out.u8(in.u8());
            int count = in.u8();
            out.u8(count);
            while (count-- > 0) {
                processCommand(in, out, profile);
            }
        } else {
            processCommand(in, out, profile);
        }
        wire.flush();
        byte[] response = out.toArray();
        // The reference firmware would overrun its buffer; the emulator cuts the response at the packet size.
        return response.length > profile.packetSize() ? Arrays.copyOf(response, profile.packetSize()) : response;
    }

    private void processCommand(PacketReader in, PacketWriter out, TransportProfile profile) {
        int id = in.u8();
        DapCommand command = DapCommand.of(id);
        if (command == null || command == DapCommand.QUEUE_COMMANDS || command == DapCommand.EXECUTE_COMMANDS
                || command == DapCommand.TRANSFER_ABORT) {
            out.u8(DapCommand.INVALID);
            return;
        }
        out.u8(id);
        switch (command) {
            case INFO -> {
                byte[] answer = info.answer(in.u8(), profile);
                out.u8(answer.length);
                out.bytes(answer);
            }
            case HOST_STATUS -> {
                int type = in.u8();
                in.u8();
                out.u8(type <= 1 ? DAP_OK : DAP_ERROR);
            }
            case CONNECT -> out.u8(connect(in.u8()));
            case DISCONNECT -> {
                state.port = DapPort.DISABLED;
                wire.portOff();
                out.u8(DAP_OK);
            }
            case TRANSFER_CONFIGURE -> {
                state.idleCycles = in.u8();
                state.retryCount = in.u16();
                state.matchRetry = in.u16();
                out.u8(DAP_OK);
            }
            case TRANSFER -> transfer(in, out);
            case TRANSFER_BLOCK -> transferBlock(in, out);
            case WRITE_ABORT -> out.u8(writeAbort(in));
            case DELAY -> {
                link.idle(in.u16() * 1_000L);
                out.u8(DAP_OK);
            }
            case RESET_TARGET -> {
                out.u8(DAP_OK);
                if (config.resetSequence() != null) {
                    config.resetSequence().run(wire.pins());
                    out.u8(1);
                } else {
                    out.u8(0);
                }
            }
            case SWJ_PINS -> out.u8(swjPins(in.u8(), in.u8(), in.u32()));
            case SWJ_CLOCK -> {
                long hz = in.u32() & 0xFFFF_FFFFL;
                if (hz == 0) {
                    out.u8(DAP_ERROR);
                } else {
                    wire.flush();
                    state.clockHz = Math.min(hz, config.maxClockHz());
                    out.u8(DAP_OK);
                }
            }
            case SWJ_SEQUENCE -> sequences.swjSequence(in, out);
            case SWD_CONFIGURE -> {
                int value = in.u8();
                state.turnaround = (value & 0x03) + 1;
                state.dataPhase = (value & 0x04) != 0;
                out.u8(DAP_OK);
            }
            case SWD_SEQUENCE -> sequences.swdSequence(in, out);
            case JTAG_SEQUENCE -> sequences.jtagSequence(in, out);
            case JTAG_CONFIGURE -> out.u8(jtagConfigure(in));
            case JTAG_IDCODE -> jtagIdCode(in, out);
            default -> throw new IllegalStateException("unhandled " + command);
        }
    }

    private int connect(int requested) {
        int port = requested == 0 ? DapPort.SWD.code : requested;
        if (port == DapPort.SWD.code || (port == DapPort.JTAG.code && config.jtag())) {
            state.port = port == DapPort.SWD.code ? DapPort.SWD : DapPort.JTAG;
            wire.setupPort();
            return port;
        }
        return DapPort.DISABLED.code;
    }

    private void transfer(PacketReader in, PacketWriter out) {
        switch (state.port) {
            case SWD -> swdTransfers.transfer(in, out);
            case JTAG -> jtagTransfers.transfer(in, out);
            default -> {
                in.u8();
                DapTransfers.skipRequests(in, in.u8());
                out.u8(0);
                out.u8(0);
            }
        }
    }

    private void transferBlock(PacketReader in, PacketWriter out) {
        int start = in.position();
        switch (state.port) {
            case SWD -> swdTransfers.transferBlock(in, out);
            case JTAG -> jtagTransfers.transferBlock(in, out);
            default -> {
                out.u8(0);
                out.u8(0);
                out.u8(0);
            }
        }
        // The command's length is taken from its header, whatever was executed (as DAP_TransferBlock does).
        int count = in.peek(start + 1) | in.peek(start + 2) << 8;
        boolean read = (in.peek(start + 3) & TransferAck.READ) != 0;
        in.seek(start + (read ? 4 : 4 + 4 * count));
    }

    private int writeAbort(PacketReader in) {
        switch (state.port) {
            case SWD -> {
                in.u8();
                swd.transfer(TransferAck.DP_ABORT_WRITE, in.u32());
                return DAP_OK;
            }
            case JTAG -> {
                state.jtagIndex = in.u8();
                int value = in.u32();
                if (state.jtagIndex >= state.jtagCount) {
                    return DAP_ERROR;
                }
                jtag.ir(JtagProtocol.IR_ABORT);
                jtag.writeAbort(value);
                return DAP_OK;
            }
            default -> {
                in.skip(5);
                return DAP_ERROR;
            }
        }
    }

    private int swjPins(int value, int select, int waitMicros) {
        if ((select & 0x01) != 0) {
            wire.setSwclk((value & 0x01) != 0);
        }
        if ((select & 0x02) != 0) {
            wire.setSwdio((value & 0x02) != 0);
        }
        if ((select & 0x04) != 0) {
            wire.setTdi((value & 0x04) != 0);
        }
        if ((select & 0x20) != 0) {
            wire.setTrst((value & 0x20) != 0);
        }
        if ((select & 0x80) != 0) {
            wire.setReset((value & 0x80) != 0);
        }
        wire.flush();
        int pins = wire.readPins();
        long wait = Integer.toUnsignedLong(waitMicros);
        if (wait != 0 && ((pins ^ value) & select) != 0) {
            // The virtual target settles at once: a pin still wrong now stays wrong for the whole wait.
            link.idle(Math.min(wait, 3_000_000L) * 1_000L);
        }
        return pins;
    }

    private int jtagConfigure(PacketReader in) {
        int count = in.u8();
        if (count > DapState.MAX_JTAG_DEVICES) {
            in.skip(count);
            return DAP_ERROR;
        }
        state.jtagCount = count;
        int bits = 0;
        for (int n = 0; n < count; n++) {
            state.irLength[n] = in.u8();
            state.irBefore[n] = bits;
            bits += state.irLength[n];
        }
        for (int n = 0; n < count; n++) {
            bits -= state.irLength[n];
            state.irAfter[n] = bits;
        }
        return DAP_OK;
    }

    private void jtagIdCode(PacketReader in, PacketWriter out) {
        int index = in.u8();
        if (state.port != DapPort.JTAG || index >= state.jtagCount) {
            out.u8(DAP_ERROR);
            return;
        }
        state.jtagIndex = index;
        jtag.ir(JtagProtocol.IR_IDCODE);
        int idcode = jtag.readIdCode();
        out.u8(DAP_OK);
        out.u32(idcode);
    }
}
