package io.probehost.flash.format.debug.internal;

import java.nio.charset.StandardCharsets;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/**
 * A little-endian read position in one DWARF section: fixed-size integers, LEB128 numbers and
 * NUL-terminated strings. Reading past the end raises an {@link ImageFormatException} naming the
 * section and the offset.
 */
public final class DwarfCursor {

    private final String section;
    private final byte[] bytes;
    private int position;
    private int limit;

    public DwarfCursor(String section, byte[] bytes) {
        this.section = section;
        this.bytes = bytes;
        this.limit = bytes.length;
    }

    /** A unit's extent: where it ends and whether it uses 4- or 8-byte section offsets (64-bit DWARF). */
    public record UnitExtent(long end, int offsetSize) {
    }

    /** Reads an initial length field (DWARF 5 §7.4) and returns the unit's extent, leaving the limit alone. */
    public UnitExtent unitLength() {
        long length = u32();
        int offsetSize = 4;
        if (length == 0xFFFF_FFFFL) {
            length = u64();
            offsetSize = 8;
        }
        return new UnitExtent(position + length, offsetSize);
    }

    public String section() {
        return section;
    }

    public int position() {
        return position;
    }

    public DwarfCursor seek(long offset) {
        if (offset < 0 || offset > bytes.length) {
            throw error("offset " + Hex.address(offset) + " is outside the section (" + bytes.length + " bytes)");
        }
        position = (int) offset;
        return this;
    }

    /** Reads stop at {@code end} (an offset in the section) until {@link #unlimit()}. */
    public void limit(long end) {
        if (end > bytes.length) {
            throw error("a unit whose header ends at " + Hex.address(position) + " claims to end at " + Hex.address(end)
                    + ", past the section end " + Hex.address(bytes.length));
        }
        limit = (int) end;
    }

    public void unlimit() {
        limit = bytes.length;
    }

    public boolean hasMore() {
        return position < limit;
    }

    public int u8() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    public int u16() {
        return (int) fixed(2);
    }

    public long u32() {
        return fixed(4);
    }

    public long u64() {
        return fixed(8);
    }

    /** An unsigned integer of {@code size} bytes (1, 2, 4 or 8). */
    public long fixed(int size) {
        need(size);
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (bytes[position + i] & 0xFFL) << (8 * i);
        }
        position += size;
        return value;
    }

    public long uleb() {
        return leb128(false);
    }

    public long sleb() {
        return leb128(true);
    }

    private long leb128(boolean signed) {
        long value = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                value |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (signed && shift < 64 && (b & 0x40) != 0) {
            value |= -1L << shift;
        }
        return value;
    }

    public String string() {
        int start = position;
        while (true) {
            need(1);
            if (bytes[position] == 0) {
                break;
            }
            position++;
        }
        String text = new String(bytes, start, position - start, StandardCharsets.UTF_8);
        position++;
        return text;
    }

    /** The NUL-terminated string at {@code offset}, leaving the position where it was. */
    public String stringAt(long offset) {
        int saved = position;
        int savedLimit = limit;
        unlimit();
        seek(offset);
        String text = string();
        position = saved;
        limit = savedLimit;
        return text;
    }

    public byte[] bytes(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw error("a block of " + length + " bytes at " + Hex.address(position));
        }
        need((int) length);
        byte[] out = new byte[(int) length];
        System.arraycopy(bytes, position, out, 0, out.length);
        position += out.length;
        return out;
    }

    public void skip(long length) {
        bytes(length);
    }

    public ImageFormatException error(String what) {
        return new ImageFormatException(section + ": " + what);
    }

    private void need(int count) {
        if (position + count > limit) {
            throw error("truncated at offset " + Hex.address(position) + " (" + count + " bytes needed, "
                    + Math.max(0, limit - position) + " left)");
        }
    }
}
