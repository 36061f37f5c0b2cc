package io.probehost.flash.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.flash.FlashException;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashProgressListener;

/**
 * Checks flash sectors against what they should hold, as SEGGER's tools do: by CRC-32s computed on
 * the target ({@link SectorCrc}), reading back only a sector whose CRC differs, to name the first
 * wrong byte; or, where the algorithm leaves no RAM for the CRC code, by reading every sector back.
 * Either every byte of a sector is checked (after programming) or only the image's (flash:verify).
 */
final class SectorVerifier {
    private final MemoryInterface memory;
    private final FlashProgressListener listener;
    private final boolean imageBytesOnly;
    private final long total;
    private long done;

    SectorVerifier(MemoryInterface memory, FlashProgressListener listener, boolean imageBytesOnly, long total) {
        this.memory = memory;
        this.listener = listener;
        this.imageBytesOnly = imageBytesOnly;
        this.total = total;
    }

    /** Checks one algorithm's sectors, on the target with {@code crcRunner}, or by reading back when it is null. */
    void check(AlgorithmRunner crcRunner, List<Sector> group) {
        if (crcRunner == null) {
            for (Sector sector : group) {
                checkReadBack(sector);
                done += checkedBytes(sector);
                listener.progress(FlashPhase.VERIFY, done, total);
            }
            return;
        }
        List<SectorCrc.Range> ranges = new ArrayList<>();
        List<Sector> owners = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (Sector sector : group) {
            for (int[] run : checkedRuns(sector)) {
                ranges.add(new SectorCrc.Range(sector.address + run[0], run[1]));
                owners.add(sector);
                expected.add(SectorCrc.of(sector.wanted, run[0], run[1]));
            }
        }
        long[] crcs = SectorCrc.ofRanges(crcRunner, memory, ranges);
        for (int i = 0; i < crcs.length; i++) {
            if (crcs[i] != expected.get(i)) {
                Sector sector = owners.get(i);
                checkReadBack(sector);
                throw new FlashException(String.format("verify failed in sector 0x%08X (CRC 0x%08X, expected 0x%08X)",
                        sector.address, crcs[i], expected.get(i)));
            }
        }
        for (Sector sector : group) {
            done += checkedBytes(sector);
        }
        listener.progress(FlashPhase.VERIFY, done, total);
    }

    private void checkReadBack(Sector sector) {
        byte[] now = memory.read(sector.address, sector.size());
        if (imageBytesOnly ? !sector.imageBytesMatch(now) : !Arrays.equals(now, sector.wanted)) {
            throw mismatch(sector, now);
        }
    }

    private long checkedBytes(Sector sector) {
        return imageBytesOnly ? imageBytes(sector) : sector.size();
    }

    /** {offset, length} of the checked bytes of a sector: the whole sector, or each run of image bytes. */
    private List<int[]> checkedRuns(Sector sector) {
        if (!imageBytesOnly) {
            return List.of(new int[] {0, sector.size()});
        }
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < sector.size()) {
            if (!sector.fromImage[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < sector.size() && sector.fromImage[i]) {
                i++;
            }
            runs.add(new int[] {start, i - start});
        }
        return runs;
    }

    private FlashException mismatch(Sector sector, byte[] now) {
        for (int i = 0; i < now.length; i++) {
            if ((!imageBytesOnly || sector.fromImage[i]) && now[i] != sector.wanted[i]) {
                return new FlashException(String.format("verify failed at 0x%08X: expected 0x%02X, read 0x%02X",
                        sector.address + i, sector.wanted[i] & 0xFF, now[i] & 0xFF));
            }
        }
        return new FlashException(String.format("verify failed in sector 0x%08X", sector.address));
    }

    private static long imageBytes(Sector sector) {
        long n = 0;
        for (boolean b : sector.fromImage) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
