package io.probehost.dapserver.internal;

import io.probehost.api.text.Numbers;

/**
 * A DAP memory reference as this server reads it: an address as the shell writes numbers
 * ({@code 0x20000000}, {@code 536870912}); the references it hands out itself (instruction pointers)
 * are written that way too.
 */
final class MemoryReference {
    private MemoryReference() {
    }

    /** The address {@code reference} plus {@code offset} names. */
    static long address(String reference, Integer offset) {
        if (reference == null || reference.isBlank()) {
            throw new DapException("a memory reference is required (an address such as 0x20000000)");
        }
        long base;
        try {
            base = Numbers.parse(reference.trim(), "memory reference");
        } catch (RuntimeException e) {
            throw new DapException("memory reference '" + reference + "' is not an address (such as 0x20000000)");
        }
        long address = base + (offset == null ? 0 : offset);
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new DapException(String.format("address 0x%x is outside the 32-bit address space", address));
        }
        return address;
    }

    /** How this server writes an address it hands out: {@code 0x00000080}. */
    static String of(long address) {
        return String.format("0x%08x", address);
    }
}
