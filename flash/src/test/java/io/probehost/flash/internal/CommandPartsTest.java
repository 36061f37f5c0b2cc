package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashPhase;
import io.probehost.flash.format.ImageFormat;

class CommandPartsTest {
    private static final byte[] TEXT = "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void eraseModesAreParsedAndABadOneNamesTheChoices() {
        assertEquals(EraseMode.CHIP, FlashCommands.parseErase("chip"));
        assertEquals("--erase page: expected chip, sector or auto",
                assertThrows(ProbeException.class, () -> FlashCommands.parseErase("page")).getMessage());
    }

    @Test
    void aFileWhoseNameAndContentTellNothingIsRefusedUnlessItsFormatIsGiven() {
        Path passwd = Path.of("/etc/passwd");
        assertEquals("cannot tell the format of /etc/passwd from its name or content; name it with --format "
                + "bin|hex|elf|uf2", assertThrows(ProbeException.class,
                        () -> FlashCommands.imageFormat(passwd, TEXT, Optional.empty())).getMessage());
        assertEquals(ImageFormat.BIN, FlashCommands.imageFormat(passwd, TEXT, Optional.of(ImageFormat.BIN)));
        assertEquals(ImageFormat.BIN, FlashCommands.imageFormat(Path.of("fw.bin"), TEXT, Optional.empty()));
    }

    @Test
    void progressLineShowsPhaseBytesPercentAndRate() {
        assertEquals("program [###############               ]  50% 2,048/4,096 bytes 2.0 KB/s",
                ProgressPrinter.line(FlashPhase.PROGRAM, 2048, 4096, 1_000_000_000L));
    }
}
