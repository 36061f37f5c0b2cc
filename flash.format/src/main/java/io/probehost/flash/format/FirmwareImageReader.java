package io.probehost.flash.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import io.probehost.flash.format.internal.BinReader;
import io.probehost.flash.format.internal.ElfImageReader;
import io.probehost.flash.format.internal.FormatDetector;
import io.probehost.flash.format.internal.IntelHexReader;
import io.probehost.flash.format.internal.Uf2Reader;

/** Reads firmware files (ELF, Intel HEX, UF2, BIN) into {@link FirmwareImage}s. */
public final class FirmwareImageReader {

    private FirmwareImageReader() {
    }

    public static FirmwareImage read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /**
     * @throws ImageFormatException when the file cannot be read or is not a valid image; the
     *                              message names the file and where it went wrong
     */
    public static FirmwareImage read(Path file, ReadOptions options) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException("no such file: " + file, e);
        } catch (IOException e) {
            throw new ImageFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(String.valueOf(file.getFileName()), content, options);
    }

    /** Reads {@code content}; {@code sourceName} (a file name) is the extension hint and the name in messages. */
    public static FirmwareImage read(String sourceName, byte[] content, ReadOptions options) {
        ImageFormat format = options.format().orElseGet(() -> detect(sourceName, content));
        return switch (format) {
            case ELF -> ElfImageReader.read(sourceName, content);
            case INTEL_HEX -> IntelHexReader.read(sourceName, content);
            case UF2 -> Uf2Reader.read(sourceName, content, options.uf2FamilyId());
            case BIN -> BinReader.read(sourceName, content, options.baseAddress());
        };
    }

    /**
     * The format of {@code content}: its signature (ELF magic, UF2 magics, Intel HEX ':' records)
     * decides; without one, the extension of {@code fileName}; otherwise BIN.
     */
    public static ImageFormat detect(String fileName, byte[] content) {
        return FormatDetector.detect(fileName, content);
    }

    /**
     * The format of {@code content} when its signature or the extension of {@code fileName} tells
     * it; empty otherwise (a text file, a blob with no known extension), where a caller should ask
     * for the format rather than take the bytes as BIN.
     */
    public static Optional<ImageFormat> recognise(String fileName, byte[] content) {
        return FormatDetector.recognise(fileName, content);
    }
}
