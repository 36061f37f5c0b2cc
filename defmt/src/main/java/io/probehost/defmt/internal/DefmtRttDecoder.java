package io.probehost.defmt.internal;

import java.util.List;

import io.probehost.defmt.DefmtFrame;
import io.probehost.defmt.DefmtLevelFilter;
import io.probehost.defmt.DefmtLines;
import io.probehost.defmt.DefmtRecord;
import io.probehost.defmt.DefmtStreamDecoder;
import io.probehost.rtt.RttStreamDecoder;

/** An RTT up channel's bytes as defmt log lines: frames below the level filter are left out. */
final class DefmtRttDecoder implements RttStreamDecoder {
    private final DefmtStreamDecoder decoder;
    private final DefmtLevelFilter filter;
    private final DefmtLines lines;

    DefmtRttDecoder(DefmtStreamDecoder decoder, DefmtLevelFilter filter, DefmtLines lines) {
        this.decoder = decoder;
        this.filter = filter;
        this.lines = lines;
    }

    @Override
    public String decode(byte[] data, int offset, int length) {
        return text(decoder.feed(data, offset, length));
    }

    @Override
    public String finish() {
        return text(decoder.finish());
    }

    private String text(List<DefmtRecord> records) {
        StringBuilder out = new StringBuilder();
        for (DefmtRecord record : records) {
            if (!(record instanceof DefmtFrame frame) || filter.accepts(frame)) {
                out.append(lines.format(record));
            }
        }
        return out.toString();
    }
}
