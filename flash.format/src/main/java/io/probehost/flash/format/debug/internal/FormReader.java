package io.probehost.flash.format.debug.internal;

import io.probehost.flash.format.Hex;

/**
 * Reads one DWARF attribute value by its form (DWARF 2 to 5): numbers, addresses, offsets and
 * references as {@code Long}, strings (inline, {@code .debug_str}, {@code .debug_line_str}) as
 * {@code String}, blocks and expressions as {@code byte[]}, flags as {@code Boolean}.
 */
public final class FormReader {

    public static final int DW_FORM_ADDR = 0x01;
    public static final int DW_FORM_REF_ADDR = 0x10;
    public static final int DW_FORM_REF1 = 0x11;
    public static final int DW_FORM_REF2 = 0x12;
    public static final int DW_FORM_REF4 = 0x13;
    public static final int DW_FORM_REF8 = 0x14;
    public static final int DW_FORM_REF_UDATA = 0x15;
    public static final int DW_FORM_SEC_OFFSET = 0x17;
    public static final int DW_FORM_IMPLICIT_CONST = 0x21;

    private final DwarfCursor strings;
    private final DwarfCursor lineStrings;

    /** Either string section may be null when the file has none. */
    public FormReader(DwarfCursor strings, DwarfCursor lineStrings) {
        this.strings = strings;
        this.lineStrings = lineStrings;
    }

    /** True for the CU-relative reference forms. */
    public static boolean isUnitReference(int form) {
        return form >= DW_FORM_REF1 && form <= DW_FORM_REF_UDATA;
    }

    public Object read(DwarfCursor in, int form, int offsetSize, int addressSize) {
        return switch (form) {
            case DW_FORM_ADDR -> in.fixed(addressSize);
            case 0x03 -> in.bytes(in.u16());
            case 0x04 -> in.bytes(in.u32());
            case 0x05, DW_FORM_REF2 -> (long) in.u16();
            case 0x06, DW_FORM_REF4 -> in.u32();
            case 0x07, DW_FORM_REF8, 0x20 -> in.u64();
            case 0x08 -> in.string();
            case 0x09, 0x18 -> in.bytes(in.uleb());
            case 0x0a -> in.bytes(in.u8());
            case 0x0b, DW_FORM_REF1 -> (long) in.u8();
            case 0x0c -> in.u8() != 0;
            case 0x0d -> in.sleb();
            case 0x0e, 0x1d -> string(strings, ".debug_str", in.fixed(offsetSize), in);
            case 0x0f, DW_FORM_REF_UDATA, 0x1a, 0x1b, 0x22, 0x23 -> in.uleb();
            case DW_FORM_REF_ADDR, DW_FORM_SEC_OFFSET, 0x1c, 0x24 -> in.fixed(form == 0x24 ? 8 : form == 0x1c ? 4 : offsetSize);
            case 0x16 -> read(in, (int) in.uleb(), offsetSize, addressSize);
            case 0x19 -> Boolean.TRUE;
            case 0x1e -> in.bytes(16);
            case 0x1f -> string(lineStrings, ".debug_line_str", in.fixed(offsetSize), in);
            case 0x25, 0x29 -> (long) in.u8();
            case 0x26, 0x2a -> (long) in.u16();
            case 0x27, 0x2b -> in.fixed(3);
            case 0x28, 0x2c -> in.u32();
            default -> throw in.error("unknown attribute form " + Hex.address(form) + " at offset " + Hex.address(in.position()));
        };
    }

    private static String string(DwarfCursor table, String name, long offset, DwarfCursor in) {
        if (table == null) {
            throw in.error("a string refers to " + name + ", which the file does not have");
        }
        return table.stringAt(offset);
    }
}
