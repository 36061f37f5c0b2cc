package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.probehost.api.TransferException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.arch.arm.CoreSightComponent;
import io.probehost.arch.arm.CoreSightComponent.Role;

/**
 * Walks CoreSight ROM tables from a MEM-AP BASE value: class 0x1 tables and class 0x9 tables
 * with 32-bit entries, recursing into nested tables. A component that cannot be read is skipped.
 */
public final class RomTableWalker {
    static final int CLASS_ROM_TABLE = 0x1;
    static final int CLASS_CORESIGHT = 0x9;
    private static final int ARM = 0x23B;
    private static final int ARCHID_ROM_TABLE = 0x0AF7;
    private static final int CLASS1_MAX_ENTRIES = 960;
    private static final int CLASS9_MAX_ENTRIES = 512;
    private static final int ENTRIES_PER_READ = 16;
    private static final int MAX_DEPTH = 4;
    /** DEVARCH (0xFBC) up to the end of the block, read in one burst. */
    private static final int ID_BLOCK_OFFSET = 0xFBC;
    private static final int ID_BLOCK_LENGTH = 0x1000 - ID_BLOCK_OFFSET;

    private final MemoryInterface memory;
    private final List<CoreSightComponent> found = new ArrayList<>();
    private final Set<Long> visited = new HashSet<>();

    public RomTableWalker(MemoryInterface memory) {
        this.memory = memory;
    }

    /** The ROM table address a MEM-AP BASE value names, or -1 when it says there is none. */
    public static long romTableAddress(int base) {
        if (base == 0xFFFFFFFF) {
            return -1;
        }
        boolean adiv5Format = (base & 2) != 0;
        if (adiv5Format && (base & 1) == 0) {
            return -1;
        }
        return base & 0xFFFFF000L;
    }

    public List<CoreSightComponent> walk(long romTable) {
        found.clear();
        visited.clear();
        visit(romTable, 0);
        return List.copyOf(found);
    }

    private void visit(long address, int depth) {
        if (depth > MAX_DEPTH || !visited.add(address)) {
            return;
        }
        CoreSightComponent component;
        int devid;
        try {
            byte[] ids = memory.read(address + ID_BLOCK_OFFSET, ID_BLOCK_LENGTH);
            int cidr = idBytes(ids, 0xFF0);
            if ((cidr & 0xFFFF0FFF) != 0xB105000D) {
                return;
            }
            component = describe(address, ids, cidr);
            devid = word(ids, 0xFC8);
        } catch (TransferException unreadable) {
            return;
        }
        found.add(component);
        if (component.role() == Role.ROM_TABLE) {
            if (component.componentClass() == CLASS_ROM_TABLE) {
                walkEntries(address, CLASS1_MAX_ENTRIES, depth, false);
            } else if ((devid & 0xF) == 0) {
                walkEntries(address, CLASS9_MAX_ENTRIES, depth, true);
            }
        }
    }

    private void walkEntries(long table, int maxEntries, int depth, boolean class9) {
        for (int first = 0; first < maxEntries; first += ENTRIES_PER_READ) {
            byte[] entries = memory.read(table + 4L * first, 4 * Math.min(ENTRIES_PER_READ, maxEntries - first));
            for (int i = 0; i < entries.length / 4; i++) {
                int entry = LittleEndian.getInt(entries, 4 * i);
                if (class9 ? (entry & 3) == 0 : entry == 0) {
                    return;
                }
                boolean present = (entry & 3) == 3;
                if (present) {
                    visit((table + (entry & 0xFFFFF000)) & 0xFFFFFFFFL, depth + 1);
                }
            }
        }
    }

    private static CoreSightComponent describe(long address, byte[] ids, int cidr) {
        int componentClass = (cidr >>> 12) & 0xF;
        int pidr0 = word(ids, 0xFE0) & 0xFF;
        int pidr1 = word(ids, 0xFE4) & 0xFF;
        int pidr2 = word(ids, 0xFE8) & 0xFF;
        int pidr4 = word(ids, 0xFD0) & 0xFF;
        int part = pidr0 | (pidr1 & 0xF) << 8;
        int designer = (pidr4 & 0xF) << 7 | (pidr2 & 0x7) << 4 | (pidr1 >>> 4);
        int devarch = componentClass == CLASS_CORESIGHT ? word(ids, 0xFBC) : 0;
        return new CoreSightComponent(address, componentClass, part, designer, devarch,
                role(componentClass, part, designer, devarch));
    }

    static Role role(int componentClass, int part, int designer, int devarch) {
        if (componentClass == CLASS_ROM_TABLE) {
            return Role.ROM_TABLE;
        }
        if (componentClass == CLASS_CORESIGHT && (devarch & (1 << 20)) != 0) {
            return switch (devarch & 0xFFFF) {
                case ARCHID_ROM_TABLE -> Role.ROM_TABLE;
                case 0x2A04 -> Role.SCS;
                case 0x1A02 -> Role.DWT;
                case 0x1A03 -> Role.FPB;
                case 0x1A01 -> Role.ITM;
                case 0x4A13 -> Role.ETM;
                default -> Role.OTHER;
            };
        }
        if (designer != ARM) {
            return Role.OTHER;
        }
        return switch (part) {
            case 0x000, 0x008, 0x00C -> Role.SCS;
            case 0x002, 0x00A -> Role.DWT;
            case 0x003, 0x00E -> Role.FPB;
            case 0x00B -> Role.BPU;
            case 0x001 -> Role.ITM;
            case 0x923, 0x9A1 -> Role.TPIU;
            case 0x924, 0x925 -> Role.ETM;
            default -> Role.OTHER;
        };
    }

    private static int word(byte[] ids, int offset) {
        return LittleEndian.getInt(ids, offset - ID_BLOCK_OFFSET);
    }

    /** Four ID registers that each hold one byte, combined little-endian (CIDR0..3, PIDR0..3). */
    private static int idBytes(byte[] ids, int offset) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (word(ids, offset + 4 * i) & 0xFF) << (8 * i);
        }
        return value;
    }
}
