package io.probehost.flash.format;

import java.nio.file.Path;

import io.probehost.flash.format.internal.FlmParser;

/** Reads CMSIS .FLM flash algorithm files (Arm ELF with PrgCode, PrgData and DevDscr). */
public final class FlmReader {

    private FlmReader() {
    }

    public static FlmAlgorithm read(Path file) {
        return read(String.valueOf(file.getFileName()), AlgorithmFileReader.readBytes(file));
    }

    /** @throws ImageFormatException naming the file and the section, symbol or offset at fault */
    public static FlmAlgorithm read(String source, byte[] content) {
        return FlmParser.parse(source, content);
    }
}
