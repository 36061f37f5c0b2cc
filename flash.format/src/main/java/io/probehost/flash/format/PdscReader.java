package io.probehost.flash.format;

import java.nio.file.Path;

import io.probehost.flash.format.internal.PdscParser;

/**
 * Reads a CMSIS-Pack description (.pdsc) with the JDK's DOM parser; DOCTYPEs and external entities
 * are refused.
 */
public final class PdscReader {

    private PdscReader() {
    }

    public static PdscPack read(Path file) {
        return read(String.valueOf(file.getFileName()), AlgorithmFileReader.readBytes(file));
    }

    /** @throws ImageFormatException naming the file and the element or attribute at fault */
    public static PdscPack read(String source, byte[] content) {
        return PdscParser.parse(source, content);
    }
}
