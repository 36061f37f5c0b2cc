package io.probehost.flash.format.debug.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.probehost.flash.format.debug.CallFrameInfo;
import io.probehost.flash.format.debug.UnwindRow;
import io.probehost.flash.format.debug.internal.FrameTableReader.Fde;

/**
 * The FDEs of a {@code .debug_frame} by address. FDEs of functions the linker discarded (placed at
 * 0 with no code there) are ignored unless {@code codeAtZero}.
 */
public final class DebugFrameTable implements CallFrameInfo {

    private final List<Fde> fdes;

    public DebugFrameTable(List<Fde> fdes, boolean codeAtZero) {
        this.fdes = fdes.stream().filter(f -> f.end() > f.start() && (codeAtZero || f.start() != 0))
                .sorted(Comparator.comparingLong(Fde::start)).toList();
    }

    @Override
    public Optional<UnwindRow> rowAt(long pc) {
        for (Fde fde : fdes) {
            if (pc >= fde.start() && pc < fde.end()) {
                return Optional.of(CfaMachine.rowAt(fde, pc));
            }
        }
        return Optional.empty();
    }
}
