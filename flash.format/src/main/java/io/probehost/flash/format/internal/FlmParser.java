package io.probehost.flash.format.internal;

import static io.probehost.flash.format.internal.LittleEndian.u16;
import static io.probehost.flash.format.internal.LittleEndian.u32;
import static io.probehost.flash.format.internal.LittleEndian.u8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.probehost.flash.format.FlashDeviceInfo;
import io.probehost.flash.format.FlmAlgorithm;
import io.probehost.flash.format.FlmEntryPoints;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.SectorGroup;

/**
 * Extracts a CMSIS flash algorithm from an FLM: the PrgCode and PrgData sections form the image
 * (linked at 0), the FlashDevice symbol in DevDscr describes the device, and the function symbols
 * give the entry offsets.
 */
public final class FlmParser {

    private static final int DEVICE_HEADER_SIZE = 160;
    private static final int MAX_SECTOR_GROUPS = 512;
    private static final long SECTOR_END = 0xFFFF_FFFFL;
    private static final int STT_FUNC = 2;
    private static final int STB_GLOBAL = 1;

    private FlmParser() {
    }

    public static FlmAlgorithm parse(String source, byte[] content) {
        ElfFile elf = ElfFile.parse(source, content);
        if (elf.machine() != ElfFile.EM_ARM) {
            throw elf.error("machine " + elf.machine() + " is not Arm (40); CMSIS FLM algorithms are Arm code");
        }
        List<ElfFile.Section> sections = elf.sections();
        List<ElfFile.Section> code = named(sections, "PrgCode");
        if (code.isEmpty()) {
            throw elf.error("no PrgCode section; not a CMSIS flash algorithm");
        }
        List<ElfFile.Section> data = named(sections, "PrgData");
        List<ElfFile.Section> parts = new ArrayList<>(code);
        parts.addAll(data);
        parts.sort(Comparator.comparingLong(ElfFile.Section::addr));
        byte[] image = image(elf, parts);
        long dataOffset = data.stream().mapToLong(ElfFile.Section::addr).min()
                .orElse(code.stream().mapToLong(s -> s.addr() + s.size()).max().orElseThrow());
        List<ElfFile.Symbol> symbols = elf.symbols();
        FlmEntryPoints entries = new FlmEntryPoints(function(elf, symbols, "Init", true, image.length),
                function(elf, symbols, "UnInit", true, image.length), function(elf, symbols, "EraseChip", false, image.length),
                function(elf, symbols, "EraseSector", true, image.length), function(elf, symbols, "ProgramPage", true, image.length),
                function(elf, symbols, "Verify", false, image.length), function(elf, symbols, "BlankCheck", false, image.length));
        return new FlmAlgorithm(source, device(elf, sections, symbols), image, dataOffset, entries);
    }

    private static List<ElfFile.Section> named(List<ElfFile.Section> sections, String name) {
        return sections.stream().filter(s -> s.name().equals(name) && (s.flags() & ElfFile.SHF_ALLOC) != 0).toList();
    }

    /** Lays the sections out by address from 0, zero-filling ZI (NOBITS) and any gaps. */
    private static byte[] image(ElfFile elf, List<ElfFile.Section> parts) {
        if (parts.get(0).addr() != 0) {
            throw elf.error("section " + parts.get(0).name() + " starts at " + Hex.address(parts.get(0).addr())
                    + "; an FLM image is linked at 0");
        }
        long end = parts.stream().mapToLong(s -> s.addr() + s.size()).max().orElseThrow();
        if (end > 0x100_0000) {
            throw elf.error("algorithm image of " + end + " bytes is implausibly large");
        }
        byte[] image = new byte[(int) end];
        long covered = 0;
        for (ElfFile.Section s : parts) {
            if (s.addr() < covered) {
                throw elf.error("section " + s.name() + " at " + Hex.address(s.addr()) + " overlaps the one before it");
            }
            byte[] bytes = elf.sectionBytes(s);
            System.arraycopy(bytes, 0, image, (int) s.addr(), bytes.length);
            covered = s.addr() + s.size();
        }
        return image;
    }

    private static long function(ElfFile elf, List<ElfFile.Symbol> symbols, String name, boolean required, int imageLength) {
        Optional<ElfFile.Symbol> symbol = symbols.stream().filter(s -> s.name().equals(name) && s.sectionIndex() != 0)
                .min(Comparator.comparingInt(s -> (s.info() >> 4) == STB_GLOBAL && (s.info() & 0xF) == STT_FUNC ? 0 : 1));
        if (symbol.isEmpty()) {
            if (required) {
                throw elf.error("no symbol " + name + "; a CMSIS flash algorithm must define it");
            }
            return 0;
        }
        long value = symbol.get().value();
        if ((value & ~1L) >= imageLength) {
            throw elf.error("symbol " + name + " at " + Hex.address(value) + " lies outside the algorithm image ("
                    + imageLength + " bytes)");
        }
        return value;
    }

    private static FlashDeviceInfo device(ElfFile elf, List<ElfFile.Section> sections, List<ElfFile.Symbol> symbols) {
        Optional<ElfFile.Symbol> symbol = symbols.stream().filter(s -> s.name().equals("FlashDevice") && s.sectionIndex() != 0
                && s.sectionIndex() < sections.size()).findFirst();
        ElfFile.Section section;
        long start;
        if (symbol.isPresent()) {
            section = sections.get(symbol.get().sectionIndex());
            start = symbol.get().value() - section.addr();
        } else {
            section = sections.stream().filter(s -> s.name().equals("DevDscr")).findFirst()
                    .orElseThrow(() -> elf.error("no FlashDevice symbol and no DevDscr section"));
            start = 0;
        }
        byte[] d = elf.sectionBytes(section);
        if (start < 0 || start + DEVICE_HEADER_SIZE + 8 > d.length) {
            throw elf.error("FlashDevice in section " + section.name() + " is truncated: needs " + (DEVICE_HEADER_SIZE + 8)
                    + " bytes from offset " + start + ", the section has " + d.length);
        }
        int at = (int) start;
        int nameEnd = at + 2;
        while (nameEnd < at + 130 && d[nameEnd] != 0) {
            nameEnd++;
        }
        String name = new String(d, at + 2, nameEnd - at - 2, StandardCharsets.ISO_8859_1);
        FlashDeviceInfo info = new FlashDeviceInfo(u16(d, at), name, u16(d, at + 130), u32(d, at + 132), u32(d, at + 136),
                u32(d, at + 140), u8(d, at + 148), u32(d, at + 152), u32(d, at + 156), sectors(elf, d, at + DEVICE_HEADER_SIZE));
        if (info.pageSize() == 0 || info.size() == 0) {
            throw elf.error("FlashDevice '" + name + "' has page size " + info.pageSize() + " and device size " + info.size()
                    + "; both must be positive");
        }
        return info;
    }

    private static List<SectorGroup> sectors(ElfFile elf, byte[] d, int tableStart) {
        List<SectorGroup> groups = new ArrayList<>();
        for (int at = tableStart; ; at += 8) {
            if (at + 8 > d.length) {
                throw elf.error("FlashDevice sector table has no 0xFFFFFFFF terminator before the end of its section");
            }
            long size = u32(d, at);
            long offset = u32(d, at + 4);
            if (size == SECTOR_END && offset == SECTOR_END) {
                break;
            }
            if (size == 0 || (!groups.isEmpty() && offset <= groups.get(groups.size() - 1).offset())) {
                throw elf.error("FlashDevice sector table entry " + groups.size() + " {" + Hex.address(size) + ", "
                        + Hex.address(offset) + "} is empty or out of order");
            }
            groups.add(new SectorGroup(size, offset));
            if (groups.size() > MAX_SECTOR_GROUPS) {
                throw elf.error("FlashDevice sector table has more than " + MAX_SECTOR_GROUPS + " entries");
            }
        }
        if (groups.isEmpty()) {
            throw elf.error("FlashDevice sector table is empty");
        }
        return groups;
    }
}
