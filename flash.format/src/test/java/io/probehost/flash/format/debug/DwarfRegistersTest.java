package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.CoreRegister;

class DwarfRegistersTest {
    private static final int ARM = CortexMUnwinding.EM_ARM;
    private static final int RISCV = RiscvUnwinding.EM_RISCV;

    private static OptionalInt number(int machine, String name, int regsel) {
        return DwarfRegisters.dwarfNumber(machine, new CoreRegister(name, regsel, 32));
    }

    @Test
    void cortexMCoreRegistersAreDwarfNumbersAndSpecialOnesGoAbove0x10000() {
        assertEquals(OptionalInt.of(0), number(ARM, "R0", 0));
        assertEquals(OptionalInt.of(CortexMUnwinding.SP), number(ARM, "SP", 13));
        assertEquals(OptionalInt.of(CortexMUnwinding.PC), number(ARM, "PC", 15));
        assertEquals(OptionalInt.of(CortexMUnwinding.XPSR), number(ARM, "XPSR", 0x10));
        assertEquals(OptionalInt.of(CortexMUnwinding.MSP), number(ARM, "MSP", 0x11));
        assertEquals(OptionalInt.of(CortexMUnwinding.PSP), number(ARM, "PSP", 0x12));
        assertEquals(OptionalInt.empty(), number(ARM, "PRIMASK", -1));
        assertEquals(OptionalInt.empty(), number(ARM, "FPSCR", 0x21));
    }

    @Test
    void riscvGprsLoseTheAbstractCommandBaseAndDpcIsThePc() {
        assertEquals(OptionalInt.of(0), number(RISCV, "zero", 0x1000));
        assertEquals(OptionalInt.of(RiscvUnwinding.RA), number(RISCV, "ra", 0x1001));
        assertEquals(OptionalInt.of(31), number(RISCV, "t6", 0x101F));
        assertEquals(OptionalInt.of(RiscvUnwinding.PC), number(RISCV, "pc", 0x7B1));
        assertEquals(OptionalInt.of(RiscvUnwinding.csr(0x342)), number(RISCV, "mcause", 0x342));
        assertEquals(OptionalInt.of(RiscvUnwinding.csr(0x341)), number(RISCV, "mepc", 0x341));
        assertEquals(OptionalInt.of(RiscvUnwinding.csr(0x305)), number(RISCV, "mtvec", 0x305));
        assertEquals(OptionalInt.empty(), number(RISCV, "mstatus", 0x300));
    }

    @Test
    void anotherMachineHasNoRegistersToUnwindWith() {
        assertEquals(OptionalInt.empty(), number(62, "R0", 0));
    }
}
