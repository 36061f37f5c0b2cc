package io.probehost.api.target;

import java.util.List;

/**
 * A CMSIS flash algorithm as position-dependent code: a blob loaded at {@code loadAddress} whose
 * first words are a BKPT trampoline, with Thumb entry points (odd addresses). An entry point of 0
 * means the function is absent.
 *
 * @param name            name referred to by memory regions
 * @param instructions    code and data, written at {@code loadAddress}
 * @param loadAddress     where the blob goes in RAM
 * @param pcInit          Init(adr, clk, fnc)
 * @param pcUnInit        UnInit(fnc)
 * @param pcEraseAll      EraseChip()
 * @param pcEraseSector   EraseSector(adr)
 * @param pcProgramPage   ProgramPage(adr, size, buf)
 * @param staticBase      value for R9
 * @param beginStack      initial SP
 * @param pageBuffers     RAM buffers for page data; two allow double buffering
 * @param minProgramLength smallest programmable unit
 * @param pageSize        bytes ProgramPage takes at most
 * @param erasedValue     value of an erased byte (0xFF on NOR flash)
 */
public record FlashAlgorithm(String name, byte[] instructions, long loadAddress, long pcInit, long pcUnInit,
        long pcEraseAll, long pcEraseSector, long pcProgramPage, long staticBase, long beginStack,
        List<Long> pageBuffers, long minProgramLength, long pageSize, int erasedValue) {

    public FlashAlgorithm {
        instructions = instructions.clone();
        pageBuffers = List.copyOf(pageBuffers);
    }

    @Override
    public byte[] instructions() {
        return instructions.clone();
    }
}
