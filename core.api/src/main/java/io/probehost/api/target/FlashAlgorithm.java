package io.probehost.api.target;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A CMSIS flash algorithm as position-dependent code: a blob loaded at {@code loadAddress} whose
 * first word is the return trap the functions return into (a BKPT on Arm), with the entry points
 * of its functions. An entry point of 0 means the function is absent.
 *
 * @param name             name referred to by memory regions
 * @param instructions     code and data, written at {@code loadAddress}
 * @param loadAddress      where the blob goes in RAM; the address of the return trap
 * @param pcInit           Init(adr, clk, fnc)
 * @param pcUnInit         UnInit(fnc)
 * @param pcEraseAll       EraseChip()
 * @param pcEraseSector    EraseSector(adr)
 * @param pcProgramPage    ProgramPage(adr, size, buf)
 * @param staticBase       the static base register's value (the address of the algorithm's data)
 * @param beginStack       initial stack pointer
 * @param pageBuffers      RAM buffers for page data; two allow double buffering
 * @param minProgramLength smallest programmable unit
 * @param pageSize         bytes ProgramPage takes at most
 * @param erasedValue      value of an erased byte (0xFF on NOR flash)
 * @param programTimeout   how long ProgramPage may take: the FlashDevice's {@code toProg}
 *                         ({@code TimeoutProg}), or {@link #DEFAULT_PROGRAM_TIMEOUT} when unknown
 * @param eraseTimeout     how long EraseSector may take: the FlashDevice's {@code toErase}
 *                         ({@code TimeoutErase}), or {@link #DEFAULT_ERASE_TIMEOUT} when unknown
 */
public record FlashAlgorithm(String name, byte[] instructions, long loadAddress, long pcInit, long pcUnInit,
        long pcEraseAll, long pcEraseSector, long pcProgramPage, long staticBase, long beginStack,
        List<Long> pageBuffers, long minProgramLength, long pageSize, int erasedValue, Duration programTimeout,
        Duration eraseTimeout) {

    /** ProgramPage's limit when the algorithm does not state one (pyOCD's {@code flash.timeout.program}). */
    public static final Duration DEFAULT_PROGRAM_TIMEOUT = Duration.ofSeconds(10);
    /** EraseSector's limit when the algorithm does not state one (pyOCD's {@code flash.timeout.erase_sector}). */
    public static final Duration DEFAULT_ERASE_TIMEOUT = Duration.ofSeconds(10);

    public FlashAlgorithm {
        instructions = instructions.clone();
        pageBuffers = List.copyOf(pageBuffers);
        requirePositive(name, "program", programTimeout);
        requirePositive(name, "erase", eraseTimeout);
    }

    /** An algorithm whose timeouts are unknown: {@link #DEFAULT_PROGRAM_TIMEOUT} and {@link #DEFAULT_ERASE_TIMEOUT}. */
    public FlashAlgorithm(String name, byte[] instructions, long loadAddress, long pcInit, long pcUnInit,
            long pcEraseAll, long pcEraseSector, long pcProgramPage, long staticBase, long beginStack,
            List<Long> pageBuffers, long minProgramLength, long pageSize, int erasedValue) {
        this(name, instructions, loadAddress, pcInit, pcUnInit, pcEraseAll, pcEraseSector, pcProgramPage, staticBase,
                beginStack, pageBuffers, minProgramLength, pageSize, erasedValue, DEFAULT_PROGRAM_TIMEOUT,
                DEFAULT_ERASE_TIMEOUT);
    }

    private static void requirePositive(String name, String which, Duration timeout) {
        Objects.requireNonNull(timeout, which + " timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("flash algorithm " + name + ": the " + which + " timeout " + timeout
                    + " is not positive");
        }
    }

    @Override
    public byte[] instructions() {
        return instructions.clone();
    }

    /** The same algorithm with these timeouts. */
    public FlashAlgorithm withTimeouts(Duration program, Duration erase) {
        return new FlashAlgorithm(name, instructions, loadAddress, pcInit, pcUnInit, pcEraseAll, pcEraseSector,
                pcProgramPage, staticBase, beginStack, pageBuffers, minProgramLength, pageSize, erasedValue, program,
                erase);
    }
}
