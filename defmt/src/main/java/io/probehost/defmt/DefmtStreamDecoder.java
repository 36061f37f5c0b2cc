package io.probehost.defmt;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.probehost.defmt.internal.ByteCursor;
import io.probehost.defmt.internal.FrameParser;
import io.probehost.defmt.internal.Rzcobs;

/**
 * Decodes a defmt stream as it arrives, in the table's encoding; a frame split across two reads is
 * kept until it is whole. With rzCOBS a frame ends at each 0x00: a frame that does not decode is reported
 * as {@link DefmtGarbled} and decoding resumes with the next one. A raw stream has no boundaries: a frame
 * that does not decode is reported with every byte held, and decoding restarts with the next bytes that
 * arrive. Not thread-safe: one reader feeds it.
 */
public final class DefmtStreamDecoder {
    /** More bytes than this without a frame boundary (rzCOBS) or a whole frame (raw) are reported and dropped. */
    public static final int MAX_FRAME_BYTES = 65_536;

    private final DefmtTable table;
    private final FrameParser parser;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public DefmtStreamDecoder(DefmtTable table) {
        this.table = table;
        this.parser = new FrameParser(table);
    }

    /** The frames these bytes complete, in order, with a report for each frame skipped. */
    public List<DefmtRecord> feed(byte[] data, int offset, int length) {
        List<DefmtRecord> records = new ArrayList<>();
        if (table.encoding() == DefmtEncoding.RZCOBS) {
            for (int i = offset; i < offset + length; i++) {
                if (data[i] != 0) {
                    pending.write(data[i]);
                    if (pending.size() > MAX_FRAME_BYTES) {
                        records.add(new DefmtGarbled(pending.size(), "no frame boundary in " + MAX_FRAME_BYTES + " bytes"));
                        pending.reset();
                    }
                } else if (pending.size() > 0) {
                    records.add(rzcobsFrame(pending.toByteArray()));
                    pending.reset();
                }
            }
        } else {
            pending.write(data, offset, length);
            rawFrames(records);
        }
        return records;
    }

    /** At the end of the stream: a report for the bytes of an incomplete frame, if any are held. */
    public List<DefmtRecord> finish() {
        int held = pending.size();
        pending.reset();
        return held == 0 ? List.of() : List.of(new DefmtGarbled(held, "incomplete frame at the end of the stream"));
    }

    /** Decodes one complete frame of raw bytes (no encoding). */
    public DefmtFrame decodeFrame(byte[] frame) {
        return parser.parse(new ByteCursor(frame, 0, frame.length));
    }

    private DefmtRecord rzcobsFrame(byte[] encoded) {
        try {
            return decodeFrame(Rzcobs.decode(encoded, 0, encoded.length));
        } catch (DefmtException e) {
            return new DefmtGarbled(encoded.length, e.getMessage());
        }
    }

    private void rawFrames(List<DefmtRecord> records) {
        byte[] bytes = pending.toByteArray();
        int start = 0;
        while (start < bytes.length) {
            ByteCursor in = new ByteCursor(bytes, start, bytes.length);
            try {
                records.add(parser.parse(in));
                start = in.position();
            } catch (ByteCursor.Truncated e) {
                if (bytes.length - start > MAX_FRAME_BYTES) {
                    records.add(new DefmtGarbled(bytes.length - start, e.getMessage()));
                    start = bytes.length;
                }
                break;
            } catch (DefmtException e) {
                records.add(new DefmtGarbled(bytes.length - start, e.getMessage()));
                start = bytes.length;
            }
        }
        pending.reset();
        pending.write(bytes, start, bytes.length - start);
    }
}
