package io.probehost.dapserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void signedIntegersAreSignExtendedFromTheirSize() {
        assertEquals("-1", ValueText.of(0xFFFF_FFFFL, "int", 4));
        assertEquals("-2", ValueText.of(0xFE, "char", 1));
        assertEquals("5 (0x5)", ValueText.of(5, "int", 4));
    }

    @Test
    void unsignedIntegersAndPointersAreNot() {
        assertEquals("4294967295 (0xffffffff)", ValueText.of(0xFFFF_FFFFL, "volatile uint32_t", 4));
        assertEquals("254 (0xfe)", ValueText.of(0xFE, "unsigned char", 1));
        assertEquals("0x20000000", ValueText.of(0x2000_0000L, "const char *", 4));
    }
}
