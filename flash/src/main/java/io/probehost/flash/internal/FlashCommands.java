package io.probehost.flash.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.ImageFormat;
import io.probehost.flash.format.ReadOptions;

/** {@code flash:*} commands: program, erase and verify the target's flash through its pack's algorithm. */
@Component(service = FlashCommands.class, property = {"osgi.command.scope=flash", "osgi.command.function=program",
        "osgi.command.function=erase", "osgi.command.function=verify"})
public final class FlashCommands {
    private static final String UID = "probe unique ID, whole or any part of it; driver:ID limits the driver";
    private static final String NO_WAIT = "fail at once when no probe matches instead of waiting for one";
    private static final String OPTION = "session option name=value (repeat -O for more; option:list shows them)";
    private static final String TARGET = "target type (target:list); default: the open session's or the probe's";

    private final SessionOpener opener;

    @Activate
    public FlashCommands(@Reference SessionManager sessions, @Reference ProbeSelector selector) {
        this.opener = new SessionOpener(sessions, selector);
    }

    @Descriptor("program a firmware file (ELF, Intel HEX, UF2, BIN) into flash: unchanged sectors are skipped, "
            + "written ones verified, then the target is reset")
    public String program(CommandSession shell,
            @Descriptor(TARGET) @Parameter(names = {"-t", "--target"}, absentValue = "") String target,
            @Descriptor("load address of a BIN file (default: start of the boot flash)")
            @Parameter(names = {"-b", "--base"}, absentValue = "") String base,
            @Descriptor("erase mode: chip, sector or auto (chip when most of the chip changes)")
            @Parameter(names = {"-e", "--erase"}, absentValue = "auto") String erase,
            @Descriptor("do not read back and compare what was written")
            @Parameter(names = {"--no-verify"}, presentValue = "true", absentValue = "false") boolean noVerify,
            @Descriptor("write every sector, also those already holding the image")
            @Parameter(names = {"--no-skip"}, presentValue = "true", absentValue = "false") boolean noSkip,
            @Descriptor("leave the target halted instead of resetting it afterwards")
            @Parameter(names = {"--no-reset"}, presentValue = "true", absentValue = "false") boolean noReset,
            @Descriptor(UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("FILE") String... args) {
        SessionOpener.Selection selection = SessionOpener.Selection.of(target, uid, noWait, option, args);
        Path file = file(shell, single(selection.positional(), "flash:program FILE [-t TARGET] [--base ADDR] "
                + "[--erase chip|sector|auto] [--no-verify] [--no-skip] [--no-reset] [-u UID] [-W] [-O name=value]"));
        EraseMode mode = parseErase(erase);
        byte[] content = read(file);
        Optional<FirmwareImage> early = FirmwareImageReader.detect(file.getFileName().toString(), content)
                == ImageFormat.BIN ? Optional.empty() : Optional.of(image(file, content, base, Optional.empty()));
        DebugSession session = opener.open(selection);
        TargetDescription description = description(session);
        FirmwareImage image = early.orElseGet(() -> image(file, content, base, Optional.of(description)));
        FlashLoader.checkFits(image, description);
        FlashOptions flashOptions = FlashOptions.defaults().withErase(mode).withVerify(!noVerify)
                .withSkipUnchanged(!noSkip).withResetAfter(!noReset)
                .withKeepUnwritten(session.options().get(FlashOptionProvider.KEEP_UNWRITTEN));
        PrintStream out = console(shell);
        ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
        long start = System.nanoTime();
        FlashResult result;
        try {
            result = new FlashLoader(session.target(), description).program(image, flashOptions, progress);
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("Programmed %s (%,d bytes) into %s: %s in %.2f s (%.1f KB/s)", file.getFileName(),
                image.size(), description.name(), result.summary(), seconds, image.size() / 1024.0 / seconds);
    }

    @Descriptor("erase the whole flash (--chip) or the sectors of ADDR [LEN] (LEN default 1: one sector)")
    public String erase(CommandSession shell,
            @Descriptor("erase all flash") @Parameter(names = {"-c", "--chip"}, presentValue = "true",
                    absentValue = "false") boolean chip,
            @Descriptor(TARGET) @Parameter(names = {"-t", "--target"}, absentValue = "") String target,
            @Descriptor(UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR [LEN]") String... args) {
        SessionOpener.Selection selection = SessionOpener.Selection.of(target, uid, noWait, option, args);
        List<String> positional = selection.positional();
        String usage = "flash:erase --chip | ADDR [LEN]";
        if (chip != positional.isEmpty() || positional.size() > 2) {
            throw new ProbeException("usage: " + usage);
        }
        DebugSession session = opener.open(selection);
        TargetDescription description = description(session);
        FlashLoader loader = new FlashLoader(session.target(), description);
        if (chip) {
            FlashResult result = loader.eraseChip(null);
            return "Erased all flash of " + description.name() + " (" + result.sectorsErased() + " sectors)";
        }
        long address = number(positional.get(0), "ADDR");
        long length = positional.size() > 1 ? number(positional.get(1), "LEN") : 1;
        FlashResult result = loader.erase(address, length, null);
        return String.format("Erased %d sectors of %s from 0x%08X", result.sectorsErased(), description.name(),
                address);
    }

    @Descriptor("compare the flash with a firmware file; names the first differing address")
    public String verify(CommandSession shell,
            @Descriptor(TARGET) @Parameter(names = {"-t", "--target"}, absentValue = "") String target,
            @Descriptor("load address of a BIN file (default: start of the boot flash)")
            @Parameter(names = {"-b", "--base"}, absentValue = "") String base,
            @Descriptor(UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("FILE") String... args) {
        SessionOpener.Selection selection = SessionOpener.Selection.of(target, uid, noWait, option, args);
        Path file = file(shell, single(selection.positional(), "flash:verify FILE [-t TARGET] [--base ADDR] [-u UID] [-W]"));
        byte[] content = read(file);
        DebugSession session = opener.open(selection);
        TargetDescription description = description(session);
        FirmwareImage image = image(file, content, base, Optional.of(description));
        new FlashLoader(session.target(), description).verify(image, null);
        return String.format("Verified %s (%,d bytes): flash of %s matches", file.getFileName(), image.size(),
                description.name());
    }

    static TargetDescription description(DebugSession session) {
        return session.targetDescription().orElseThrow(() -> new ProbeException(
                "no installed target pack describes the target" + session.probeDescription().target()
                        .map(t -> " '" + t + "'").orElse("") + "; name one with -t TARGET (target:list shows them)"));
    }

    private static FirmwareImage image(Path file, byte[] content, String base, Optional<TargetDescription> target) {
        ReadOptions options = ReadOptions.defaults();
        if (!base.isEmpty()) {
            options = options.withBaseAddress(number(base, "--base"));
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

    static long number(String text, String what) {
        try {
            String t = text.trim().toLowerCase().replace("_", "");
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ProbeException(what + " '" + text + "' is not a number (decimal or 0x hex)");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProbeException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String single(List<String> positional, String usage) {
        if (positional.size() != 1) {
            throw new ProbeException((positional.isEmpty() ? "missing FILE" : "unexpected argument '"
                    + positional.get(1) + "'") + "; usage: " + usage);
        }
        return positional.get(0);
    }

    static PrintStream console(CommandSession shell) {
        return shell == null || shell.getConsole() == null ? System.out : shell.getConsole();
    }

    static Path file(CommandSession shell, String name) {
        Path path = Path.of(name);
        if (path.isAbsolute() || shell == null || shell.currentDir() == null) {
            return path.toAbsolutePath();
        }
        return shell.currentDir().resolve(path);
    }
}
