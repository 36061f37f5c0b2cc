package io.probehost.flash.format.debug;

/**
 * The part of an {@link UnwindArchitecture} that is a fixed table: which registers hold the program
 * counter, the stack pointer and the return address, and 32-bit code addresses with bit 0 ignored
 * (the Thumb bit on Arm; always clear on RISC-V, whose instructions are 2-byte aligned).
 */
abstract class RegisterLayout implements UnwindArchitecture {

    private final int programCounter;
    private final int stackPointer;
    private final int returnAddress;

    RegisterLayout(int programCounter, int stackPointer, int returnAddress) {
        this.programCounter = programCounter;
        this.stackPointer = stackPointer;
        this.returnAddress = returnAddress;
    }

    @Override
    public int programCounter() {
        return programCounter;
    }

    @Override
    public int stackPointer() {
        return stackPointer;
    }

    @Override
    public int returnAddress() {
        return returnAddress;
    }

    @Override
    public long codeAddress(long value) {
        return value & ~1L & 0xFFFF_FFFFL;
    }
}
