package io.probehost.flash.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.ResetType;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashInterruptedException;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;

/**
 * One flash operation on a connected target: read back, decide what to erase, erase, program
 * (double-buffered when the algorithm has two page buffers), verify (by CRCs computed on the target,
 * or by reading back where the algorithm leaves no RAM for the CRC code). A probe lost on the way
 * becomes a {@link FlashInterruptedException} naming the sectors finished.
 */
public final class FlashJob {
    private static final Duration HALT_TIMEOUT = Duration.ofSeconds(1);

    private final DebugTarget target;
    private final TargetDescription description;
    private final FlashProgressListener listener;
    private List<Sector> sectors = List.of();
    private String phase = "start";

    public FlashJob(DebugTarget target, TargetDescription description, FlashProgressListener listener) {
        this.target = target;
        this.description = description;
        this.listener = listener == null ? FlashProgressListener.NONE : listener;
    }

    public static void checkFits(FirmwareImage image, TargetDescription description) {
        FlashPlan.checkFits(image, description);
    }

    public FlashResult program(FirmwareImage image, FlashOptions options) {
        FlashPlan.checkFits(image, description);
        sectors = FlashPlan.sectors(image, description);
        return guarded(() -> {
            haltForFlashing();
            Map<FlashAlgorithm, List<Sector>> byAlgorithm = byAlgorithm(sectors);
            Map<FlashAlgorithm, AlgorithmRunner> runners = new LinkedHashMap<>();
            boolean chip = false;
            int erased = 0;
            long programmed = 0;
            for (Map.Entry<FlashAlgorithm, List<Sector>> entry : byAlgorithm.entrySet()) {
                AlgorithmRunner runner = new AlgorithmRunner(target, entry.getKey());
                runner.load();
                runners.put(entry.getKey(), runner);
                List<Sector> group = entry.getValue();
                readBack(runner, group, options);
                boolean chipErase = useChipErase(options.erase(), runner, group);
                if (chipErase) {
                    group.forEach(s -> s.changed = true);
                    eraseChip(runner, group.get(0).region.start());
                    chip = true;
                    erased += group.size();
                } else {
                    List<Sector> changed = group.stream().filter(s -> s.changed).toList();
                    eraseSectors(runner, changed);
                    erased += changed.size();
                }
                programmed += programSectors(runner, group.stream().filter(s -> s.changed).toList(),
                        options.doubleBuffer());
            }
            long verified = options.verify() ? verifyWritten(runners) : 0;
            if (options.resetAfter()) {
                runFromReset();
            }
            int written = (int) sectors.stream().filter(s -> s.changed).count();
            return new FlashResult(erased, sectors.size() - written, written, programmed, verified, chip);
        });
    }

    /** Erases the sectors of {@code [address, address + length)}. */
    public FlashResult erase(long address, long length) {
        sectors = FlashPlan.erasedSectors(description, address, length);
        return guarded(() -> {
            haltForFlashing();
            for (Map.Entry<FlashAlgorithm, List<Sector>> entry : byAlgorithm(sectors).entrySet()) {
                AlgorithmRunner runner = new AlgorithmRunner(target, entry.getKey());
                runner.load();
                eraseSectors(runner, entry.getValue());
            }
            return new FlashResult(sectors.size(), 0, 0, 0, 0, false);
        });
    }

    /** Erases every flash region with its algorithm's EraseChip (sector by sector where there is none). */
    public FlashResult eraseChip() {
        sectors = new ArrayList<>();
        for (var region : FlashPlan.flashRegions(description)) {
            sectors.addAll(FlashPlan.erasedSectors(description, region.start(), region.length()));
        }
        return guarded(() -> {
            haltForFlashing();
            for (Map.Entry<FlashAlgorithm, List<Sector>> entry : byAlgorithm(sectors).entrySet()) {
                AlgorithmRunner runner = new AlgorithmRunner(target, entry.getKey());
                runner.load();
                if (runner.canEraseChip()) {
                    eraseChip(runner, entry.getValue().get(0).region.start());
                } else {
                    eraseSectors(runner, entry.getValue());
                }
            }
            return new FlashResult(sectors.size(), 0, 0, 0, 0, true);
        });
    }

    /**
     * Compares the flash with the image's bytes, by CRCs computed on the target where the algorithm
     * has RAM for the code (the core is halted for it, and started again from reset if it was
     * running), else by reading back; throws naming the first differing address.
     */
    public FlashResult verify(FirmwareImage image) {
        FlashPlan.checkFits(image, description);
        sectors = FlashPlan.sectors(image, description);
        return guarded(() -> {
            phase = "verify";
            boolean wasRunning = !target.core().isHalted();
            boolean halted = false;
            long total = image.size();
            SectorVerifier verifier = new SectorVerifier(target.memory(), listener, true, total);
            for (Map.Entry<FlashAlgorithm, List<Sector>> entry : byAlgorithm(sectors).entrySet()) {
                AlgorithmRunner runner = null;
                if (SectorCrc.fits(entry.getKey())) {
                    if (!halted) {
                        target.core().halt(HALT_TIMEOUT);
                        halted = true;
                    }
                    runner = new AlgorithmRunner(target, entry.getKey());
                    runner.load();
                }
                verifier.check(runner, entry.getValue());
            }
            if (halted && wasRunning) {
                runFromReset();
            }
            return new FlashResult(0, 0, 0, 0, total, false);
        });
    }

    private interface Step {
        FlashResult run();
    }

    private FlashResult guarded(Step step) {
        try {
            return step.run();
        } catch (FlashInterruptedException e) {
            throw e;
        } catch (ProbeDisconnectedException e) {
            List<Long> done = sectors.stream().filter(s -> s.done).map(s -> s.address).toList();
            long todo = sectors.stream().filter(s -> s.changed).count();
            throw new FlashInterruptedException(String.format(
                    "probe lost during %s: %d of %d sectors done%s; flash again to finish (%s)", phase, done.size(),
                    todo, done.isEmpty() ? "" : " (" + ranges(sectors) + ")", e.getMessage()), done, e);
        }
    }

    private void haltForFlashing() {
        phase = "reset and halt";
        target.core().resetAndHalt(resetType(), HALT_TIMEOUT);
    }

    /**
     * Reset and halt, then resume: a plain reset would leave the core halted, because it sits on the
     * algorithm's BKPT, which halts it again the moment C_HALT is cleared, and a halted core stays
     * halted through a system reset.
     */
    private void runFromReset() {
        phase = "reset";
        target.core().resetAndHalt(resetType(), HALT_TIMEOUT);
        target.core().resume();
    }

    private ResetType resetType() {
        return "hardware".equals(description.resetType()) ? ResetType.HARDWARE : ResetType.SYSRESETREQ;
    }

    /**
     * Finds the sectors that already hold what they should, before anything of the group is erased:
     * wholly written sectors by a CRC computed on the target, partly written ones by reading them
     * back (which also gives the bytes to keep).
     */
    private void readBack(AlgorithmRunner runner, List<Sector> group, FlashOptions options) {
        phase = "read-back";
        List<Sector> byCrc = new ArrayList<>();
        for (Sector sector : group) {
            boolean partial = !allTrue(sector.fromImage);
            if (!partial) {
                if (options.skipUnchanged()) {
                    byCrc.add(sector);
                }
                continue;
            }
            if (!options.skipUnchanged() && !options.keepUnwritten()) {
                continue;
            }
            sector.current = target.memory().read(sector.address, sector.size());
            if (options.keepUnwritten()) {
                for (int i = 0; i < sector.size(); i++) {
                    if (!sector.fromImage[i]) {
                        sector.wanted[i] = sector.current[i];
                    }
                }
            }
            sector.changed = !(options.skipUnchanged() && sector.imageBytesMatch(sector.current));
        }
        if (byCrc.isEmpty()) {
            return;
        }
        if (!SectorCrc.fits(runner.algorithm())) {
            for (Sector sector : byCrc) {
                sector.changed = !Arrays.equals(sector.wanted, target.memory().read(sector.address, sector.size()));
            }
            return;
        }
        long[] crcs = SectorCrc.onTarget(runner, target.memory(), byCrc);
        for (int i = 0; i < crcs.length; i++) {
            byCrc.get(i).changed = crcs[i] != SectorCrc.of(byCrc.get(i).wanted);
        }
    }

    /** pyOCD's rule: a chip erase pays off when more than half of the chip's sectors must be rewritten. */
    private boolean useChipErase(EraseMode mode, AlgorithmRunner runner, List<Sector> group) {
        if (mode == EraseMode.SECTOR || !runner.canEraseChip()) {
            return false;
        }
        if (mode == EraseMode.CHIP) {
            return true;
        }
        var region = group.get(0).region;
        long regionSectors = region.length() / FlashPlan.sectorSize(region, runner.algorithm());
        long changed = group.stream().filter(s -> s.changed && s.region.equals(region)).count();
        return changed * 2 > regionSectors;
    }

    private void eraseChip(AlgorithmRunner runner, long regionStart) {
        phase = "chip erase";
        listener.progress(FlashPhase.ERASE, 0, 1);
        runner.init(regionStart, AlgorithmRunner.Operation.ERASE);
        runner.eraseChip(regionStart);
        runner.uninit(regionStart, AlgorithmRunner.Operation.ERASE);
        listener.progress(FlashPhase.ERASE, 1, 1);
    }

    private void eraseSectors(AlgorithmRunner runner, List<Sector> toErase) {
        if (toErase.isEmpty()) {
            return;
        }
        phase = "erase";
        long total = toErase.stream().mapToLong(Sector::size).sum();
        long done = 0;
        long start = toErase.get(0).region.start();
        runner.init(start, AlgorithmRunner.Operation.ERASE);
        for (Sector sector : toErase) {
            phase = String.format("erase of sector 0x%08X", sector.address);
            runner.eraseSector(sector.address);
            done += sector.size();
            listener.progress(FlashPhase.ERASE, done, total);
        }
        runner.uninit(start, AlgorithmRunner.Operation.ERASE);
    }

    private record Page(Sector sector, long address, byte[] data, boolean lastOfSector) {
    }

    private long programSectors(AlgorithmRunner runner, List<Sector> toProgram, boolean doubleBuffer) {
        List<Page> pages = pages(toProgram);
        if (pages.isEmpty()) {
            toProgram.forEach(s -> s.done = true);
            return 0;
        }
        phase = "program";
        long total = pages.stream().mapToLong(p -> p.data.length).sum();
        List<Long> buffers = runner.algorithm().pageBuffers();
        int bufferCount = doubleBuffer && buffers.size() >= 2 ? 2 : 1;
        long start = toProgram.get(0).region.start();
        runner.init(start, AlgorithmRunner.Operation.PROGRAM);
        long done = 0;
        Page previous = null;
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            long buffer = buffers.get(i % bufferCount);
            target.memory().write(buffer, page.data);
            target.memory().flush();
            if (previous != null) {
                runner.awaitProgramPage();
                done += finished(previous);
                listener.progress(FlashPhase.PROGRAM, done, total);
            }
            phase = String.format("program of page 0x%08X", page.address);
            runner.startProgramPage(page.address, page.data.length, buffer);
            if (bufferCount == 1) {
                runner.awaitProgramPage();
                done += finished(page);
                listener.progress(FlashPhase.PROGRAM, done, total);
            } else {
                previous = page;
            }
        }
        if (previous != null) {
            runner.awaitProgramPage();
            done += finished(previous);
            listener.progress(FlashPhase.PROGRAM, done, total);
        }
        runner.uninit(start, AlgorithmRunner.Operation.PROGRAM);
        toProgram.forEach(s -> s.done = true);
        return total;
    }

    private static long finished(Page page) {
        if (page.lastOfSector) {
            page.sector.done = true;
        }
        return page.data.length;
    }

    /** Pages holding something other than erased bytes (erased pages are already right after the erase). */
    private static List<Page> pages(List<Sector> toProgram) {
        List<Page> pages = new ArrayList<>();
        for (Sector sector : toProgram) {
            int pageSize = FlashPlan.pageSize(sector.region, sector.algorithm);
            List<Page> ofSector = new ArrayList<>();
            for (int offset = 0; offset < sector.size(); offset += pageSize) {
                int length = Math.min(pageSize, sector.size() - offset);
                if (!sector.isErased(offset, length)) {
                    ofSector.add(new Page(sector, sector.address + offset, sector.page(offset, length), false));
                }
            }
            if (ofSector.isEmpty()) {
                sector.done = true;
            } else {
                Page last = ofSector.remove(ofSector.size() - 1);
                ofSector.add(new Page(last.sector, last.address, last.data, true));
                pages.addAll(ofSector);
            }
        }
        return pages;
    }

    private long verifyWritten(Map<FlashAlgorithm, AlgorithmRunner> runners) {
        phase = "verify";
        List<Sector> written = sectors.stream().filter(s -> s.changed).toList();
        long total = written.stream().mapToLong(Sector::size).sum();
        SectorVerifier verifier = new SectorVerifier(target.memory(), listener, false, total);
        for (Map.Entry<FlashAlgorithm, List<Sector>> entry : byAlgorithm(written).entrySet()) {
            verifier.check(SectorCrc.fits(entry.getKey()) ? runners.get(entry.getKey()) : null, entry.getValue());
        }
        return total;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean flag : flags) {
            if (!flag) {
                return false;
            }
        }
        return true;
    }

    private static Map<FlashAlgorithm, List<Sector>> byAlgorithm(List<Sector> sectors) {
        Map<FlashAlgorithm, List<Sector>> groups = new LinkedHashMap<>();
        for (Sector sector : sectors) {
            groups.computeIfAbsent(sector.algorithm, a -> new ArrayList<>()).add(sector);
        }
        return groups;
    }

    /** The finished sectors as address ranges, such as {@code 0x00000000-0x00000BFF}. */
    private static String ranges(List<Sector> sectors) {
        List<String> parts = new ArrayList<>();
        long from = -1;
        long to = -1;
        for (Sector sector : sectors) {
            if (!sector.done) {
                continue;
            }
            if (sector.address != to) {
                if (from >= 0) {
                    parts.add(String.format("0x%08X-0x%08X", from, to - 1));
                }
                from = sector.address;
            }
            to = sector.end();
        }
        if (from >= 0) {
            parts.add(String.format("0x%08X-0x%08X", from, to - 1));
        }
        return String.join(", ", parts);
    }
}
