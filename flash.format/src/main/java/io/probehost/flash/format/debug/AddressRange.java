package io.probehost.flash.format.debug;

/** The code addresses {@code [start, end)}. */
public record AddressRange(long start, long end) {

    public boolean contains(long address) {
        return address >= start && address < end;
    }
}
