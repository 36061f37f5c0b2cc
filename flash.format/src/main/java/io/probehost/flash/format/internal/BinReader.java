package io.probehost.flash.format.internal;

import java.util.OptionalLong;

import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/** A raw binary: the whole file, stored from a base address the user gives. */
public final class BinReader {

    private BinReader() {
    }

    public static FirmwareImage read(String source, byte[] content, OptionalLong baseAddress) {
        if (baseAddress.isEmpty()) {
            throw new ImageFormatException(source + ": a raw binary has no addresses; give a base address");
        }
        long base = baseAddress.getAsLong();
        if (base < 0 || base + content.length > 0x1_0000_0000L) {
            throw new ImageFormatException(source + ": " + content.length + " bytes at " + Hex.address(base)
                    + " do not fit the 32-bit address space");
        }
        return FirmwareImage.builder(source).add(base, content).build();
    }
}
