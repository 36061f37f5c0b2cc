package io.probehost.defmt.internal;

import java.io.ByteArrayOutputStream;

import io.probehost.defmt.DefmtException;

/**
 * Reverse zero-compressing COBS, as defmt frames it: the encoded frame (without its 0x00 separator) is
 * read from the last byte backwards. A byte 0x01-0x7F is a mask for the seven bytes before it (bit 6
 * first: 1 = a zero, 0 = a byte taken from the stream); 0x80-0xFE stands for {@code (x & 0x7F) + 7}
 * stream bytes followed by a zero; 0xFF for 134 stream bytes. The result may end in up to six
 * zeros of padding, which the frame parser never reaches.
 */
public final class Rzcobs {
    static final int LONG_RUN = 7;
    static final int MAX_RUN = 134;

    private Rzcobs() {
    }

    /** @throws DefmtException when the bytes are not an rzCOBS frame */
    public static byte[] decode(byte[] encoded, int from, int to) {
        ByteArrayOutputStream backwards = new ByteArrayOutputStream(2 * (to - from));
        int at = to;
        while (at > from) {
            int code = encoded[--at] & 0xFF;
            if (code == 0) {
                throw new DefmtException("rzCOBS: a zero byte inside a frame");
            }
            if (code < 0x80) {
                for (int bit = 6; bit >= 0; bit--) {
                    if ((code & (1 << bit)) != 0) {
                        backwards.write(0);
                    } else {
                        at = take(encoded, from, at, 1, backwards);
                    }
                }
            } else {
                if (code != 0xFF) {
                    backwards.write(0);
                }
                at = take(encoded, from, at, code == 0xFF ? MAX_RUN : (code & 0x7F) + LONG_RUN, backwards);
            }
        }
        byte[] decoded = backwards.toByteArray();
        for (int i = 0, j = decoded.length - 1; i < j; i++, j--) {
            byte swap = decoded[i];
            decoded[i] = decoded[j];
            decoded[j] = swap;
        }
        return decoded;
    }

    /** Encodes one frame, separator included (the firmware's side; used by tests and tools). */
    public static byte[] encode(byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + frame.length / 7 + 2);
        int run = 0;
        int zeros = 0;
        for (byte b : frame) {
            if (run < LONG_RUN) {
                if (b == 0) {
                    zeros |= 1 << run;
                } else {
                    out.write(b);
                }
                run++;
                if (run == LONG_RUN && zeros != 0) {
                    out.write(zeros);
                    run = 0;
                    zeros = 0;
                }
            } else if (b == 0) {
                out.write(0x80 | (run - LONG_RUN));
                run = 0;
            } else {
                out.write(b);
                run++;
                if (run == MAX_RUN) {
                    out.write(0xFF);
                    run = 0;
                }
            }
        }
        if (run >= LONG_RUN) {
            out.write(0x80 | (run - LONG_RUN));
        } else if (run > 0) {
            out.write((zeros | (0xFF << run)) & 0x7F);
        }
        out.write(0);
        return out.toByteArray();
    }

    private static int take(byte[] encoded, int from, int at, int count, ByteArrayOutputStream backwards) {
        if (at - count < from) {
            throw new DefmtException("rzCOBS: the frame ends inside a run");
        }
        for (int i = 0; i < count; i++) {
            backwards.write(encoded[--at]);
        }
        return at;
    }
}
