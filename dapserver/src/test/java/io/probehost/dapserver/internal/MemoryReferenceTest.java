package io.probehost.dapserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryReferenceTest {

    @Test
    void aPlainAddressIsAMemoryReference() {
        assertEquals(0x2000_0000L, MemoryReference.address("0x20000000", null));
        assertEquals(0x2000_0000L, MemoryReference.address(" 536870912 ", 0));
        assertEquals(0x2000_0004L, MemoryReference.address("0x20000000", 4));
        assertEquals(0x1FFF_FFFCL, MemoryReference.address("0x20000000", -4));
    }

    @Test
    void theReferencesTheServerHandsOutReadBack() {
        assertEquals("0x0000008c", MemoryReference.of(0x8c));
        assertEquals(0x8cL, MemoryReference.address(MemoryReference.of(0x8c), null));
    }

    @Test
    void aReferenceThatIsNoAddressIsRefusedWithItsText() {
        assertEquals("memory reference 'stack' is not an address (such as 0x20000000)",
                assertThrows(DapException.class, () -> MemoryReference.address("stack", null)).getMessage());
        assertEquals("a memory reference is required (an address such as 0x20000000)",
                assertThrows(DapException.class, () -> MemoryReference.address("", null)).getMessage());
        assertEquals("address 0x100000000 is outside the 32-bit address space",
                assertThrows(DapException.class, () -> MemoryReference.address("0xFFFFFFFF", 1)).getMessage());
    }
}
