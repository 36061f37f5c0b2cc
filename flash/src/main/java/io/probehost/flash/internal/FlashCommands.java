package io.probehost.flash.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.text.Numbers;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.ImageFormat;
import io.probehost.flash.format.ReadOptions;

/** {@code flash:*} commands: program, erase and verify the target's flash through its pack's algorithm. */
@Component(service = FlashCommands.class, property = {"osgi.command.scope=flash", "osgi.command.function=program",
        "osgi.command.function=erase", "osgi.command.function=verify"})
public final class FlashCommands {
    static final String FORMATS = "bin|hex|elf|uf2";
    static final String PROGRAM = "flash:program " + CommandSyntax.PROBE + " [-a|--all] [-t TARGET] [-b|--base ADDR] "
            + "[--format " + FORMATS + "] [-e|--erase chip|sector|auto] [--no-verify] [--no-skip] [--no-reset] FILE";
    static final String ERASE = "flash:erase " + CommandSyntax.PROBE + " [-t TARGET] [-c|--chip] | ADDR [LEN]";
    static final String VERIFY = "flash:verify " + CommandSyntax.PROBE + " [-t TARGET] [-b|--base ADDR] "
            + "[--format " + FORMATS + "] FILE";

    private final CommandSessions sessions;
    private final ProbeRegistry probes;

    @Activate
    public FlashCommands(@Reference CommandSessions sessions, @Reference ProbeRegistry probes) {
        this.sessions = sessions;
        this.probes = probes;
    }

    @Descriptor("program a firmware file (ELF, Intel HEX, UF2, BIN) into flash: unchanged sectors are skipped, "
            + "written ones verified, then the target is reset. --base: load address of a BIN file (default the "
            + "boot flash); --format: for a file whose extension and content do not tell; --erase: chip, sector "
            + "or auto (chip when most of the chip changes); --all: every probe whose target is -t TARGET (or "
            + "who names none), else every probe that names its target, all at once, then a table of results")
    public Object program(CommandSession shell, @Descriptor(PROGRAM) String... args) {
        return CommandSyntax.of(PROGRAM).run(args, line -> {
            Path file = CommandConsole.file(shell, line.argument(0));
            EraseMode mode = parseErase(line.option("-e").orElse("auto"));
            Optional<ImageFormat> forced = format(line);
            byte[] content = CommandConsole.read(file);
            ImageFormat format = imageFormat(file, content, forced);
            Optional<FirmwareImage> early = format == ImageFormat.BIN ? Optional.empty()
                    : Optional.of(image(file, content, format, line, Optional.empty()));
            Job job = new Job(file, content, format, early, mode, line);
            if (line.flag("--all")) {
                return new FlashAll(sessions, probes).program(job, CommandConsole.out(shell),
                        CommandConsole.isTerminal(shell));
            }
            DebugSession session = sessions.session(line);
            PrintStream out = CommandConsole.out(shell);
            ProgressPrinter progress = new ProgressPrinter(out, CommandConsole.isTerminal(shell));
            long start = System.nanoTime();
            Programmed programmed;
            try {
                programmed = job.programOn(session, progress);
            } finally {
                progress.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long size = programmed.image().size();
            return String.format("Programmed %s (%,d bytes) into %s: %s in %.2f s (%.1f KB/s)", file.getFileName(),
                    size, programmed.target().name(), programmed.result().summary(), seconds,
                    size / 1024.0 / seconds);
        });
    }

    /** What {@code flash:program} did on one probe. */
    record Programmed(FirmwareImage image, TargetDescription target, FlashResult result) {
    }

    /** One {@code flash:program} command line: the file read once, programmed on one probe or on each of many. */
    record Job(Path file, byte[] content, ImageFormat format, Optional<FirmwareImage> early, EraseMode mode,
            CommandLine line) {

        /** Programs the image into the session's target (a BIN file placed at that target's boot flash). */
        Programmed programOn(DebugSession session, FlashProgressListener progress) {
            TargetDescription description = description(session);
            FirmwareImage image = early.orElseGet(() -> image(file, content, format, line, Optional.of(description)));
            FlashLoader.checkFits(image, description);
            FlashOptions flashOptions = FlashOptions.defaults().withErase(mode).withVerify(!line.flag("--no-verify"))
                    .withSkipUnchanged(!line.flag("--no-skip")).withResetAfter(!line.flag("--no-reset"))
                    .withKeepUnwritten(session.options().get(FlashOptionProvider.KEEP_UNWRITTEN));
            FlashResult result = new FlashLoader(session.target(), description).program(image, flashOptions, progress);
            return new Programmed(image, description, result);
        }
    }

    @Descriptor("erase the whole flash (--chip) or the sectors of ADDR [LEN] (LEN default 1: one sector)")
    public Object erase(@Descriptor(ERASE) String... args) {
        return CommandSyntax.of(ERASE).arguments(0, 2).run(args, line -> {
            boolean chip = line.flag("-c");
            if (chip != line.arguments().isEmpty()) {
                throw line.usageError(chip ? "--chip takes no address" : "missing ADDR or --chip");
            }
            DebugSession session = sessions.session(line);
            TargetDescription description = description(session);
            FlashLoader loader = new FlashLoader(session.target(), description);
            if (chip) {
                FlashResult result = loader.eraseChip(null);
                return "Erased all flash of " + description.name() + " (" + result.sectorsErased() + " sectors)";
            }
            long address = Numbers.address(line.argument(0));
            long length = line.optionalArgument(1).map(l -> (long) Numbers.count(l, "LEN")).orElse(1L);
            FlashResult result = loader.erase(address, length, null);
            return String.format("Erased %d sectors of %s from 0x%08X", result.sectorsErased(), description.name(),
                    address);
        });
    }

    @Descriptor("compare the flash with a firmware file; names the first differing address")
    public Object verify(CommandSession shell, @Descriptor(VERIFY) String... args) {
        return CommandSyntax.of(VERIFY).run(args, line -> {
            Path file = CommandConsole.file(shell, line.argument(0));
            Optional<ImageFormat> forced = format(line);
            byte[] content = CommandConsole.read(file);
            ImageFormat format = imageFormat(file, content, forced);
            DebugSession session = sessions.session(line);
            TargetDescription description = description(session);
            FirmwareImage image = image(file, content, format, line, Optional.of(description));
            new FlashLoader(session.target(), description).verify(image, null);
            return String.format("Verified %s (%,d bytes): flash of %s matches", file.getFileName(), image.size(),
                    description.name());
        });
    }

    static TargetDescription description(DebugSession session) {
        return session.targetDescription().orElseThrow(() -> new ProbeException(
                "no installed target pack describes the target" + session.probeDescription().target()
                        .map(t -> " '" + t + "'").orElse("") + "; name one with -t TARGET (target:list shows them)"));
    }

    private static Optional<ImageFormat> format(CommandLine line) {
        return line.option("--format").map(name -> ImageFormat.fromName(name)
                .orElseThrow(() -> line.usageError("unknown format '" + name + "' (" + FORMATS + ")")));
    }

    /**
     * The format given, else the one the content or the extension tells; a file that tells nothing (a
     * text file, say) is refused rather than programmed as raw bytes, as pyOCD does.
     */
    static ImageFormat imageFormat(Path file, byte[] content, Optional<ImageFormat> forced) {
        return forced.or(() -> FirmwareImageReader.recognise(file.getFileName().toString(), content))
                .orElseThrow(() -> new ProbeException("cannot tell the format of " + file + " from its name or "
                        + "content; name it with --format " + FORMATS));
    }

    private static FirmwareImage image(Path file, byte[] content, ImageFormat format, CommandLine line,
            Optional<TargetDescription> target) {
        ReadOptions options = ReadOptions.defaults().withFormat(format);
        Optional<String> base = line.option("-b");
        if (base.isPresent()) {
            options = options.withBaseAddress(Numbers.address(base.get()));
        } else if (target.isPresent()) {
            options = options.withBaseAddress(bootFlash(target.get()));
        }
        return FirmwareImageReader.read(file.getFileName().toString(), content, options);
    }

    private static long bootFlash(TargetDescription target) {
        return target.memoryMap().stream().filter(MemoryRegion::isFlash)
                .sorted((a, b) -> Boolean.compare(b.bootMemory(), a.bootMemory())).map(MemoryRegion::start)
                .findFirst().orElse(0L);
    }

    static EraseMode parseErase(String text) {
        try {
            return EraseMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProbeException(e.getMessage());
        }
    }
}
