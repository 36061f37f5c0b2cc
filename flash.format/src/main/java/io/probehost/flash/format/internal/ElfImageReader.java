package io.probehost.flash.format.internal;

import java.util.List;

import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;

/**
 * Firmware from an ELF32 executable: the {@code p_filesz} bytes of every PT_LOAD segment, stored at
 * its load address {@code p_paddr}. The {@code p_memsz} tail (.bss) is never programmed.
 */
public final class ElfImageReader {

    private ElfImageReader() {
    }

    public static FirmwareImage read(String source, byte[] content) {
        ElfFile elf = ElfFile.parse(source, content);
        if (elf.machine() != ElfFile.EM_ARM && elf.machine() != ElfFile.EM_RISCV) {
            throw elf.error("machine " + elf.machine() + " is neither Arm (40) nor RISC-V (243)");
        }
        if (elf.type() != ElfFile.ET_EXEC) {
            throw elf.error("ELF type " + elf.type() + " is not an executable (2); link the program first");
        }
        List<ElfFile.ProgramHeader> loads = elf.programHeaders().stream()
                .filter(h -> h.type() == ElfFile.PT_LOAD).toList();
        boolean useVirtual = linkerLeftLoadAddressesUnset(loads);
        FirmwareImage.Builder image = FirmwareImage.builder(source).entryPoint(elf.entry());
        for (ElfFile.ProgramHeader h : loads) {
            if (h.fileSize() > h.memSize()) {
                throw elf.error("segment " + h.index() + ": file size " + h.fileSize() + " exceeds memory size " + h.memSize());
            }
            if (h.fileSize() == 0) {
                continue;
            }
            long address = useVirtual ? h.vaddr() : h.paddr();
            if (address + h.fileSize() > 0x1_0000_0000L) {
                throw elf.error("segment " + h.index() + " at " + Hex.address(address) + " runs past the 32-bit address space");
            }
            image.add(address, elf.segmentBytes(h));
        }
        return image.build();
    }

    /** OpenOCD's rule: every p_paddr 0 and several non-empty PT_LOADs means the LMAs were never set. */
    private static boolean linkerLeftLoadAddressesUnset(List<ElfFile.ProgramHeader> loads) {
        return loads.stream().allMatch(h -> h.paddr() == 0) && loads.stream().filter(h -> h.memSize() != 0).count() > 1;
    }
}
