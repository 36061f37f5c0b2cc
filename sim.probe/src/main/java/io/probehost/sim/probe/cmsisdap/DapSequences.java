package io.probehost.sim.probe.cmsisdap;

/** DAP_SWJ_Sequence, DAP_SWD_Sequence and DAP_JTAG_Sequence: raw bit sequences, LSB of byte 0 first. */
final class DapSequences {
    private final SwjWire wire;
    private final boolean jtagSupported;

    DapSequences(SwjWire wire, boolean jtagSupported) {
        this.wire = wire;
        this.jtagSupported = jtagSupported;
    }

    void swjSequence(PacketReader in, PacketWriter out) {
        int count = in.u8();
        if (count == 0) {
            count = 256;
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            if (i % 8 == 0) {
                value = in.u8();
            }
            wire.swjBit(((value >>> (i % 8)) & 1) != 0);
        }
        wire.flush();
        out.u8(DapFirmware.DAP_OK);
    }

    void swdSequence(PacketReader in, PacketWriter out) {
        out.u8(DapFirmware.DAP_OK);
        int sequences = in.u8();
        while (sequences-- > 0) {
            int info = in.u8();
            int cycles = cycles(info);
            boolean input = (info & 0x80) != 0;
            wire.setSwdioOutput(!input);
            for (int done = 0; done < cycles; done += 8) {
                int bits = Math.min(8, cycles - done);
                if (input) {
                    int captured = 0;
                    for (int k = 0; k < bits; k++) {
                        captured |= (wire.swdRead() ? 1 : 0) << k;
                    }
                    out.u8(captured);
                } else {
                    int value = in.u8();
                    for (int k = 0; k < bits; k++) {
                        wire.swdWrite(((value >>> k) & 1) != 0);
                    }
                }
            }
            if (sequences == 0) {
                wire.setSwdioOutput(true);
            }
        }
        wire.flush();
    }

    void jtagSequence(PacketReader in, PacketWriter out) {
        out.u8(jtagSupported ? DapFirmware.DAP_OK : DapFirmware.DAP_ERROR);
        int sequences = in.u8();
        while (sequences-- > 0) {
            int info = in.u8();
            int cycles = cycles(info);
            if (!jtagSupported) {
                in.skip((cycles + 7) / 8);
                continue;
            }
            wire.setTms((info & 0x40) != 0);
            boolean capture = (info & 0x80) != 0;
            for (int done = 0; done < cycles; done += 8) {
                int bits = Math.min(8, cycles - done);
                int value = in.u8();
                int captured = 0;
                for (int k = 0; k < bits; k++) {
                    captured |= (wire.jtagCycle(((value >>> k) & 1) != 0) ? 1 : 0) << k;
                }
                if (capture) {
                    out.u8(captured);
                }
            }
        }
        wire.flush();
    }

    private static int cycles(int info) {
        int n = info & 0x3F;
        return n == 0 ? 64 : n;
    }
}
