package io.probehost.flash.format.debug.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.probehost.flash.format.Hex;

/**
 * Reads the compilation units of {@code .debug_info} (DWARF 2 to 5) into trees of entries, using
 * the abbreviations in {@code .debug_abbrev}. Type units are skipped; references within a unit are
 * turned into section offsets.
 */
public final class DebugInfoReader {

    public static final int DW_AT_HIGH_PC_OFFSET = -0x12;

    /** One debugging information entry: its section offset, tag, attributes and children. */
    public record Die(long offset, int tag, Map<Integer, Object> attributes, List<Die> children) {
        public String string(int attribute) {
            return attributes.get(attribute) instanceof String s ? s : null;
        }

        public Long number(int attribute) {
            return attributes.get(attribute) instanceof Long l ? l : null;
        }
    }

    /** A compilation unit: its DWARF version, its root entry (DW_TAG_compile_unit) and every entry by offset. */
    public record Unit(int version, Die root, Map<Long, Die> entries) {
    }

    private record Abbreviation(int tag, boolean hasChildren, int[] attributes, int[] forms, long[] constants) {
    }

    private static final int DW_UT_COMPILE = 1;
    private static final int DW_UT_PARTIAL = 3;
    private static final int DW_FORM_ADDR = 0x01;

    private final DwarfCursor info;
    private final DwarfCursor abbrev;
    private final FormReader forms;

    public DebugInfoReader(DwarfCursor info, DwarfCursor abbrev, FormReader forms) {
        this.info = info;
        this.abbrev = abbrev;
        this.forms = forms;
    }

    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        Map<Long, Map<Long, Abbreviation>> tables = new HashMap<>();
        info.seek(0);
        while (info.hasMore()) {
            long start = info.position();
            DwarfCursor.UnitExtent extent = info.unitLength();
            int offsetSize = extent.offsetSize();
            long end = extent.end();
            info.limit(end);
            int version = info.u16();
            if (version < 2 || version > 5) {
                throw info.error("unit at " + Hex.address(start) + " has version " + version + ", expected 2 to 5");
            }
            int unitType = DW_UT_COMPILE;
            int addressSize;
            long abbrevOffset;
            if (version >= 5) {
                unitType = info.u8();
                addressSize = info.u8();
                abbrevOffset = info.fixed(offsetSize);
            } else {
                abbrevOffset = info.fixed(offsetSize);
                addressSize = info.u8();
            }
            if (unitType == DW_UT_COMPILE || unitType == DW_UT_PARTIAL) {
                Map<Long, Abbreviation> table = tables.computeIfAbsent(abbrevOffset, this::abbreviations);
                Map<Long, Die> entries = new HashMap<>();
                Die root = readEntries(start, table, offsetSize, addressSize, entries);
                if (root != null) {
                    units.add(new Unit(version, root, entries));
                }
            }
            info.unlimit();
            info.seek(end);
        }
        return units;
    }

    private Die readEntries(long unitStart, Map<Long, Abbreviation> table, int offsetSize, int addressSize,
            Map<Long, Die> entries) {
        Die root = null;
        List<Die> parents = new ArrayList<>();
        while (info.hasMore()) {
            long offset = info.position();
            long code = info.uleb();
            if (code == 0) {
                if (!parents.isEmpty()) {
                    parents.remove(parents.size() - 1);
                }
                continue;
            }
            Abbreviation a = table.get(code);
            if (a == null) {
                throw info.error("entry at " + Hex.address(offset) + " uses abbreviation " + code + ", which is not defined");
            }
            Map<Integer, Object> attributes = new HashMap<>();
            for (int i = 0; i < a.attributes().length; i++) {
                int form = a.forms()[i];
                Object value = form == FormReader.DW_FORM_IMPLICIT_CONST ? Long.valueOf(a.constants()[i])
                        : forms.read(info, form, offsetSize, addressSize);
                if (FormReader.isUnitReference(form)) {
                    value = unitStart + (Long) value;
                }
                int attribute = a.attributes()[i];
                if (attribute == 0x12 && form != DW_FORM_ADDR) {
                    attribute = DW_AT_HIGH_PC_OFFSET;
                }
                attributes.put(attribute, value);
            }
            Die die = new Die(offset, a.tag(), attributes, new ArrayList<>());
            entries.put(offset, die);
            if (parents.isEmpty()) {
                if (root != null) {
                    break;
                }
                root = die;
            } else {
                parents.get(parents.size() - 1).children().add(die);
            }
            if (a.hasChildren()) {
                parents.add(die);
            } else if (root == die) {
                break;
            }
        }
        return root;
    }

    private Map<Long, Abbreviation> abbreviations(long offset) {
        Map<Long, Abbreviation> table = new HashMap<>();
        abbrev.seek(offset);
        for (long code = abbrev.uleb(); code != 0; code = abbrev.uleb()) {
            int tag = (int) abbrev.uleb();
            boolean children = abbrev.u8() != 0;
            List<long[]> specs = new ArrayList<>();
            while (true) {
                long attribute = abbrev.uleb();
                long form = abbrev.uleb();
                if (attribute == 0 && form == 0) {
                    break;
                }
                long constant = form == FormReader.DW_FORM_IMPLICIT_CONST ? abbrev.sleb() : 0;
                specs.add(new long[] {attribute, form, constant});
            }
            int[] attributes = specs.stream().mapToInt(s -> (int) s[0]).toArray();
            int[] formCodes = specs.stream().mapToInt(s -> (int) s[1]).toArray();
            long[] constants = specs.stream().mapToLong(s -> s[2]).toArray();
            table.put(code, new Abbreviation(tag, children, attributes, formCodes, constants));
        }
        return table;
    }
}
