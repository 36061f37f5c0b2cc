package io.probehost.flash.format.internal;

import java.util.Optional;

import io.probehost.flash.format.ImageFormat;

/** Recognises a firmware file by its first bytes, falling back to its extension. */
public final class FormatDetector {

    private FormatDetector() {
    }

    public static ImageFormat detect(String fileName, byte[] content) {
        return recognise(fileName, content).orElse(ImageFormat.BIN);
    }

    /** The format the content's signature tells, else the extension's; empty when neither tells. */
    public static Optional<ImageFormat> recognise(String fileName, byte[] content) {
        return bySignature(content).or(() -> ImageFormat.fromFileName(fileName));
    }

    private static Optional<ImageFormat> bySignature(byte[] content) {
        if (content.length >= 4 && content[0] == 0x7F && content[1] == 'E' && content[2] == 'L' && content[3] == 'F') {
            return Optional.of(ImageFormat.ELF);
        }
        if (content.length >= 8 && LittleEndian.u32(content, 0) == Uf2Reader.MAGIC_START0
                && LittleEndian.u32(content, 4) == Uf2Reader.MAGIC_START1) {
            return Optional.of(ImageFormat.UF2);
        }
        if (looksLikeHexRecords(content)) {
            return Optional.of(ImageFormat.INTEL_HEX);
        }
        return Optional.empty();
    }

    /** A ':' after optional blank space, followed by hex digits up to the first line end. */
    private static boolean looksLikeHexRecords(byte[] content) {
        int i = 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        if (i >= content.length || content[i] != ':') {
            return false;
        }
        int digits = 0;
        for (i++; i < content.length && content[i] != '\n' && content[i] != '\r'; i++) {
            if (Character.digit(content[i], 16) < 0) {
                return false;
            }
            digits++;
        }
        return digits >= 10;
    }
}
