package io.probehost.api.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A semihosting call: its parameter block in 4- and 8-byte fields, and the operation numbers. */
class SemihostingCallTest {
    private static final long BLOCK = 0x2000_0010L;
    private static final byte[] BYTES = {0x26, 0x00, 0x02, 0x00, (byte) 0xFD, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0x80};

    /** Memory that holds {@link #BYTES} at {@link #BLOCK} and refuses everything else. */
    private static final MemoryInterface MEMORY = (MemoryInterface) Proxy.newProxyInstance(
            MemoryInterface.class.getClassLoader(), new Class<?>[] {MemoryInterface.class}, (proxy, method, args) -> {
                if (method.getName().equals("read") && args.length == 2) {
                    assertEquals(BLOCK, args[0]);
                    byte[] data = new byte[(Integer) args[1]];
                    System.arraycopy(BYTES, 0, data, 0, data.length);
                    return data;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void fieldsOfA32BitCoreAreUnsignedLittleEndianWords() {
        SemihostingCall call = new SemihostingCall(0x20, BLOCK, 0x100, 4);

        assertArrayEquals(new long[] {0x20026, 0xFFFF_FFFDL, 3}, call.readParameterBlock(MEMORY, 3));
    }

    @Test
    void fieldsOfA64BitCoreAreDoublewords() {
        SemihostingCall call = new SemihostingCall(0x18, BLOCK, 0x100, 8);

        assertArrayEquals(new long[] {0xFFFF_FFFD_0002_0026L, 0x8000_0000_0000_0003L}, call.readParameterBlock(MEMORY, 2));
    }

    @Test
    void aWordIsFourOrEightBytes() {
        assertThrows(IllegalArgumentException.class, () -> new SemihostingCall(0x18, BLOCK, 0x100, 2));
    }

    @Test
    void operationsAreKnownByTheirSpecificationNumbers() {
        assertEquals(Optional.of(SemihostingOperation.SYS_EXIT_EXTENDED), new SemihostingCall(0x20, 0, 0, 4).knownOperation());
        assertEquals(Optional.of(SemihostingOperation.SYS_WRITEC), SemihostingOperation.fromCode(0x03));
        assertEquals(Optional.empty(), SemihostingOperation.fromCode(0x99));
    }
}
