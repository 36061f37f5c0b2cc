package io.probehost.sim.adi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * The flash image the OpenOCD judges write: a vector table (SP at the top of RAM, reset at
 * {@link #CODE}, every other vector at a branch-to-self), at {@link #CODE} the loop
 * {@code adds r0, #1; b CODE}, then seeded random filler from offset 0x100 to the end.
 */
final class CountingLoopImage {
    /** Offset of the loop in the image. */
    static final int CODE = 0x40;

    private CountingLoopImage() {
    }

    static byte[] build(int flashBase, int stackTop, int size, long fillerSeed) {
        ByteBuffer image = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, stackTop);
        image.putInt(4, flashBase + CODE | 1);
        for (int vector = 2; vector < 16; vector++) {
            image.putInt(4 * vector, (flashBase + CODE + 4) | 1);
        }
        image.putShort(CODE, (short) 0x3001); // adds r0, #1
        image.putShort(CODE + 2, (short) 0xE7FD); // b CODE
        image.putShort(CODE + 4, (short) 0xE7FE); // b . (fault handlers)
        byte[] filler = new byte[size - 0x100];
        new Random(fillerSeed).nextBytes(filler);
        image.put(0x100, filler);
        return image.array();
    }
}
