package io.probehost.arch.riscv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RiscvTrapStateTest {

    @Test
    void noTrapTakenSaysNothing() {
        assertTrue(new RiscvTrapState(0, 0, 0).describe().isEmpty());
    }

    @Test
    void storeAccessFaultGivesTheAddress() {
        assertEquals(List.of("Last trap: store/AMO access fault (mcause 0x00000007) at pc 0x08000124",
                "mtval 0x00000000: the faulting address"), new RiscvTrapState(7, 0x0800_0124L, 0).describe());
    }

    @Test
    void illegalInstructionGivesTheInstructionWhenTheHartReportsIt() {
        assertEquals("Last trap: illegal instruction (mcause 0x00000002) at pc 0x080001a0",
                new RiscvTrapState(2, 0x0800_01A0L, 0).describe().get(0));
        assertEquals("mtval 0xc0001073: the instruction",
                new RiscvTrapState(2, 0x0800_01A0L, 0xC000_1073L).describe().get(1));
        assertEquals("mtval 0: the hart does not report the instruction",
                new RiscvTrapState(2, 0x0800_01A0L, 0).describe().get(1));
    }

    @Test
    void interruptsAreNamedWithoutMtval() {
        assertEquals(List.of("Last trap: machine timer interrupt (mcause 0x80000007), interrupted at pc 0x08000200"),
                new RiscvTrapState(0x8000_0007L, 0x0800_0200L, 0).describe());
        assertEquals(List.of("Last trap: interrupt 19 (mcause 0x80000013), interrupted at pc 0x08000200"),
                new RiscvTrapState(0x8000_0013L, 0x0800_0200L, 0).describe());
    }

    @Test
    void ecallHasNoMtvalLine() {
        assertEquals(List.of("Last trap: environment call from M-mode (mcause 0x0000000b) at pc 0x08000010"),
                new RiscvTrapState(11, 0x0800_0010L, 0).describe());
    }
}
