package io.probehost.flash.format.internal;

import static io.probehost.flash.format.internal.LittleEndian.u16;
import static io.probehost.flash.format.internal.LittleEndian.u32;
import static io.probehost.flash.format.internal.LittleEndian.u8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/** A checked view of an ELF32 little-endian file: header, program headers, sections and symbols. */
public final class ElfFile {

    public static final int EM_ARM = 40;
    public static final int EM_RISCV = 243;
    public static final int ET_EXEC = 2;
    public static final long PT_LOAD = 1;
    public static final long SHT_SYMTAB = 2;
    public static final long SHT_NOBITS = 8;
    public static final long SHF_ALLOC = 0x2;

    private static final int HEADER_SIZE = 52;
    private static final int PHDR_SIZE = 32;
    private static final int SHDR_SIZE = 40;
    private static final int SYM_SIZE = 16;

    public record ProgramHeader(int index, long type, long offset, long vaddr, long paddr, long fileSize,
            long memSize, long flags) {
    }

    public record Section(int index, String name, long type, long flags, long addr, long offset, long size,
            int link) {
        public boolean isNoBits() {
            return type == SHT_NOBITS;
        }
    }

    public record Symbol(String name, long value, long size, int info, int sectionIndex) {
    }

    private final String source;
    private final byte[] content;
    private final int type;
    private final int machine;
    private final long entry;
    private final List<ProgramHeader> programHeaders;

    private ElfFile(String source, byte[] content) {
        this.source = source;
        this.content = content;
        checkIdent();
        if (content.length < HEADER_SIZE) {
            throw error("truncated ELF header: " + content.length + " bytes, need " + HEADER_SIZE);
        }
        type = u16(content, 16);
        machine = u16(content, 18);
        entry = u32(content, 24);
        programHeaders = readProgramHeaders();
    }

    /** @throws ImageFormatException when the content is not an ELF32 little-endian file or its header is broken */
    public static ElfFile parse(String source, byte[] content) {
        return new ElfFile(source, content);
    }

    public int type() {
        return type;
    }

    public int machine() {
        return machine;
    }

    public long entry() {
        return entry;
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** The file bytes a loadable segment carries ({@code p_filesz} bytes from {@code p_offset}). */
    public byte[] segmentBytes(ProgramHeader header) {
        return slice("segment " + header.index(), header.offset(), header.fileSize());
    }

    public List<Section> sections() {
        long shoff = u32(content, 32);
        int shentsize = u16(content, 46);
        int shnum = u16(content, 48);
        int shstrndx = u16(content, 50);
        if (shnum == 0) {
            return List.of();
        }
        if (shentsize != SHDR_SIZE) {
            throw error("section header size " + shentsize + ", expected " + SHDR_SIZE);
        }
        requireInFile("section header table", shoff, (long) shnum * SHDR_SIZE);
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int at = (int) (shoff + (long) i * SHDR_SIZE);
            raw.add(new long[] {u32(content, at), u32(content, at + 4), u32(content, at + 8), u32(content, at + 12),
                u32(content, at + 16), u32(content, at + 20), u32(content, at + 24)});
        }
        if (shstrndx >= shnum) {
            throw error("section name table index " + shstrndx + " is not below the section count " + shnum);
        }
        long[] names = raw.get(shstrndx);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            long[] r = raw.get(i);
            if (r[1] != SHT_NOBITS && r[1] != 0) {
                requireInFile("section " + i, r[4], r[5]);
            }
            String name = i == 0 ? "" : string(names[4], names[5], r[0], "section " + i + " name");
            sections.add(new Section(i, name, r[1], r[2], r[3], r[4], r[5], (int) r[6]));
        }
        return sections;
    }

    public Optional<Section> section(String name) {
        return sections().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public byte[] sectionBytes(Section section) {
        return section.isNoBits() ? new byte[(int) section.size()]
                : slice("section " + section.name(), section.offset(), section.size());
    }

    /** Symbols of the first SHT_SYMTAB section; empty when the file is stripped. */
    public List<Symbol> symbols() {
        List<Section> sections = sections();
        Optional<Section> symtab = sections.stream().filter(s -> s.type() == SHT_SYMTAB).findFirst();
        if (symtab.isEmpty()) {
            return List.of();
        }
        Section table = symtab.get();
        if (table.link() <= 0 || table.link() >= sections.size()) {
            throw error("symbol table links to missing string table " + table.link());
        }
        Section strings = sections.get(table.link());
        List<Symbol> symbols = new ArrayList<>();
        for (long at = table.offset(); at + SYM_SIZE <= table.offset() + table.size(); at += SYM_SIZE) {
            int i = (int) at;
            String name = string(strings.offset(), strings.size(), u32(content, i), "symbol at offset " + Hex.address(at));
            symbols.add(new Symbol(name, u32(content, i + 4), u32(content, i + 8), u8(content, i + 12), u16(content, i + 14)));
        }
        return symbols;
    }

    public ImageFormatException error(String what) {
        return new ImageFormatException(source + ": " + what);
    }

    private void checkIdent() {
        if (content.length < 4 || content[0] != 0x7F || content[1] != 'E' || content[2] != 'L' || content[3] != 'F') {
            throw error("not an ELF file (no 7F 45 4C 46 magic at offset 0)");
        }
        if (content.length < 16) {
            throw error("truncated ELF header: " + content.length + " bytes, need " + HEADER_SIZE);
        }
        int elfClass = content[4];
        if (elfClass == 2) {
            throw error("64-bit ELF is not supported (only ELF32 for 32-bit Arm and RISC-V targets)");
        }
        if (elfClass != 1) {
            throw error("unknown ELF class " + elfClass + " at offset 4");
        }
        int data = content[5];
        if (data == 2) {
            throw error("big-endian ELF is not supported");
        }
        if (data != 1) {
            throw error("unknown ELF data encoding " + data + " at offset 5");
        }
    }

    private List<ProgramHeader> readProgramHeaders() {
        long phoff = u32(content, 28);
        int phentsize = u16(content, 42);
        int phnum = u16(content, 44);
        if (phnum == 0) {
            return List.of();
        }
        if (phentsize != PHDR_SIZE) {
            throw error("program header size " + phentsize + ", expected " + PHDR_SIZE);
        }
        requireInFile("program header table", phoff, (long) phnum * PHDR_SIZE);
        List<ProgramHeader> headers = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * PHDR_SIZE);
            headers.add(new ProgramHeader(i, u32(content, at), u32(content, at + 4), u32(content, at + 8),
                    u32(content, at + 12), u32(content, at + 16), u32(content, at + 20), u32(content, at + 24)));
        }
        return List.copyOf(headers);
    }

    private void requireInFile(String what, long offset, long length) {
        if (offset + length > content.length) {
            throw error(what + " at offset " + Hex.address(offset) + " (" + length + " bytes) runs past the end of the file ("
                    + content.length + " bytes)");
        }
    }

    private byte[] slice(String what, long offset, long length) {
        requireInFile(what, offset, length);
        byte[] out = new byte[(int) length];
        System.arraycopy(content, (int) offset, out, 0, (int) length);
        return out;
    }

    private String string(long tableOffset, long tableSize, long index, String what) {
        if (index >= tableSize) {
            throw error(what + ": string index " + index + " outside its string table");
        }
        int start = (int) (tableOffset + index);
        int end = start;
        int limit = (int) (tableOffset + tableSize);
        while (end < limit && content[end] != 0) {
            end++;
        }
        return new String(content, start, end - start, StandardCharsets.US_ASCII);
    }
}
