package io.probehost.run.internal;

import java.nio.file.Path;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.target.TargetDescription;
import io.probehost.command.CommandConsole;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.ImageFormat;
import io.probehost.flash.format.ReadOptions;

/** Programs the ELF file {@code run} was given, skipping the sectors that already hold it. */
final class FirmwareFlasher {

    private FirmwareFlasher() {
    }

    /** Flashes {@code elf} into the session's target; returns the line that says what was done. */
    static String flash(DebugSession session, Path elf) {
        TargetDescription description = session.targetDescription().orElseThrow(() -> new ProbeException(
                "no installed target pack describes the target; name one with -t TARGET (target:list shows them)"));
        FirmwareImage image = FirmwareImageReader.read(elf.getFileName().toString(), CommandConsole.read(elf),
                ReadOptions.defaults().withFormat(ImageFormat.ELF));
        FlashLoader.checkFits(image, description);
        FlashResult result = new FlashLoader(session.target(), description).program(image,
                FlashOptions.defaults().withSkipUnchanged(true).withResetAfter(false), null);
        return String.format("Flashed %s into %s: %s", elf.getFileName(), description.name(), result.summary());
    }
}
