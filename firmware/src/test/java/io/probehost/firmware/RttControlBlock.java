package io.probehost.firmware;

import java.nio.charset.StandardCharsets;

/** The SEGGER RTT control block with one up and one down buffer, decoded from target words. */
record RttControlBlock(String id, int maxUp, int maxDown, int upName, int upBuffer, int upSize,
                       int upWrOff, int upRdOff, int upFlags) {
    static final int WORDS = (16 + 4 + 4 + 2 * 24) / 4;

    static RttControlBlock parse(int[] words) {
        byte[] id = new byte[16];
        for (int i = 0; i < 16; i++) {
            id[i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
        }
        int idLength = 0;
        while (idLength < 16 && id[idLength] != 0) {
            idLength++;
        }
        return new RttControlBlock(new String(id, 0, idLength, StandardCharsets.US_ASCII), words[4], words[5],
                words[6], words[7], words[8], words[9], words[10], words[11]);
    }

    /** The bytes the host has not read yet, from RdOff up to WrOff with wrap-around. */
    byte[] unread(byte[] ring) {
        int available = upWrOff >= upRdOff ? upWrOff - upRdOff : upSize - upRdOff + upWrOff;
        byte[] data = new byte[available];
        for (int i = 0; i < available; i++) {
            data[i] = ring[(upRdOff + i) % upSize];
        }
        return data;
    }

    static byte[] bytes(int[] words) {
        byte[] bytes = new byte[4 * words.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
        }
        return bytes;
    }
}
