package io.probehost.flash.internal;

import java.util.Arrays;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;

/**
 * One flash sector the image touches: what it should hold afterwards ({@code wanted}, a whole
 * sector) and, when read back, what it holds now.
 */
final class Sector {
    final MemoryRegion region;
    final FlashAlgorithm algorithm;
    final long address;
    final byte[] wanted;
    /** Which bytes of {@code wanted} come from the image (the others are kept or erased bytes). */
    final boolean[] fromImage;
    byte[] current;
    boolean changed = true;
    boolean done;

    Sector(MemoryRegion region, FlashAlgorithm algorithm, long address, byte[] wanted, boolean[] fromImage) {
        this.region = region;
        this.algorithm = algorithm;
        this.address = address;
        this.wanted = wanted;
        this.fromImage = fromImage;
    }

    int size() {
        return wanted.length;
    }

    long end() {
        return address + wanted.length;
    }

    /** Whether the bytes the image gives already hold the wanted values. */
    boolean imageBytesMatch(byte[] now) {
        for (int i = 0; i < wanted.length; i++) {
            if (fromImage[i] && wanted[i] != now[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code [offset, offset + length)} of the wanted content is all erased bytes. */
    boolean isErased(int offset, int length) {
        byte erased = (byte) algorithm.erasedValue();
        for (int i = offset; i < offset + length; i++) {
            if (wanted[i] != erased) {
                return false;
            }
        }
        return true;
    }

    byte[] page(int offset, int length) {
        return Arrays.copyOfRange(wanted, offset, offset + length);
    }
}
