package io.probehost.flash.format.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.flash.format.FlmAlgorithm;
import io.probehost.flash.format.FlmEntryPoints;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/** Places an FLM image in target RAM: [trampoline][image][stack][page buffer(s)], from the RAM start. */
public final class FlmPlacement {

    private static final int HEADER_SIZE = 4;
    private static final int BUFFER_ALIGN = 16;

    private FlmPlacement() {
    }

    public static FlashAlgorithm place(FlmAlgorithm flm, String name, long ramStart, long ramSize) {
        if (ramStart % 4 != 0) {
            throw new ImageFormatException(flm.source() + ": RAM start " + Hex.address(ramStart) + " is not word aligned");
        }
        byte[] image = flm.image();
        int blobLength = HEADER_SIZE + align(image.length, 4);
        byte[] blob = new byte[blobLength];
        LittleEndian.putU32(blob, 0, FlmAlgorithm.TRAMPOLINE);
        System.arraycopy(image, 0, blob, HEADER_SIZE, image.length);
        long codeStart = ramStart + HEADER_SIZE;
        long stackTop = align(ramStart + blobLength, 8) + FlmAlgorithm.STACK_SIZE;
        long firstBuffer = align(stackTop, BUFFER_ALIGN);
        long pageSize = flm.device().pageSize();
        long ramEnd = ramStart + ramSize;
        if (firstBuffer + pageSize > ramEnd) {
            throw new ImageFormatException(flm.source() + ": " + ramSize + " bytes of RAM at " + Hex.address(ramStart)
                    + " cannot hold the algorithm (" + blobLength + " bytes), its stack (" + FlmAlgorithm.STACK_SIZE
                    + ") and a page buffer (" + pageSize + ")");
        }
        List<Long> buffers = new ArrayList<>(List.of(firstBuffer));
        long second = align(firstBuffer + pageSize, BUFFER_ALIGN);
        if (second + pageSize <= ramEnd) {
            buffers.add(second);
        }
        FlmEntryPoints e = flm.entryPoints();
        return new FlashAlgorithm(name, blob, ramStart, at(codeStart, e.init()), at(codeStart, e.unInit()),
                at(codeStart, e.eraseChip()), at(codeStart, e.eraseSector()), at(codeStart, e.programPage()),
                codeStart + flm.dataOffset(), stackTop, buffers, pageSize, pageSize, flm.device().erasedValue(),
                millisOr(flm.device().programTimeoutMs(), FlashAlgorithm.DEFAULT_PROGRAM_TIMEOUT),
                millisOr(flm.device().eraseTimeoutMs(), FlashAlgorithm.DEFAULT_ERASE_TIMEOUT));
    }

    /** FlashDevice's toProg and toErase, in ms; 0 says nothing and gets the default. */
    private static Duration millisOr(long millis, Duration unknown) {
        return millis > 0 ? Duration.ofMillis(millis) : unknown;
    }

    private static long at(long codeStart, long offset) {
        return offset == 0 ? 0 : codeStart + offset;
    }

    private static long align(long value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
