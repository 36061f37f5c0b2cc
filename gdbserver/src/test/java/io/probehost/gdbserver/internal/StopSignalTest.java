package io.probehost.gdbserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.HaltReason;

class StopSignalTest {

    @Test
    void armFaultHandlersMapToTheSignalsPyocdGives() {
        List<Optional<Integer>> signals = new ArrayList<>();
        for (int exception = 0; exception < 16; exception++) {
            signals.add(StopSignal.armFault(exception));
        }
        Optional<Integer> none = Optional.empty();
        assertEquals(List.of(none, none, none, Optional.of(11), Optional.of(11), Optional.of(10), Optional.of(4),
                Optional.of(11), none, none, none, none, none, none, none, none), signals,
                "HardFault, MemManage, SecureFault SIGSEGV; BusFault SIGBUS; UsageFault SIGILL; others none");
    }

    @Test
    void riscvExceptionsMapBySignalAndInterruptsAndEcallsDoNot() {
        assertEquals(Optional.of(StopSignal.SIGBUS), StopSignal.riscvFault(4));
        assertEquals(Optional.of(StopSignal.SIGSEGV), StopSignal.riscvFault(5));
        assertEquals(Optional.of(StopSignal.SIGSEGV), StopSignal.riscvFault(7));
        assertEquals(Optional.of(StopSignal.SIGILL), StopSignal.riscvFault(2));
        assertEquals(Optional.empty(), StopSignal.riscvFault(3), "ebreak");
        assertEquals(Optional.empty(), StopSignal.riscvFault(11), "ecall from M-mode");
        assertEquals(Optional.empty(), StopSignal.riscvFault(0x8000_0007L), "the machine timer interrupt");
    }

    @Test
    void aRiscvHartAtItsTrapVectorAfterAnIllegalInstructionGetsSigill() {
        FakeTarget hart = new FakeTarget();
        RegisterLayout layout = RegisterLayout.of(List.of(new io.probehost.api.debug.CoreRegister("pc", 0x7b1, 32),
                new io.probehost.api.debug.CoreRegister("mtvec", 0x305, 32),
                new io.probehost.api.debug.CoreRegister("mcause", 0x342, 32)));
        hart.values.put("pc", 0x08000068L);
        hart.values.put("mtvec", 0x08000069L);
        hart.values.put("mcause", 2L);
        RegisterCache registers = new RegisterCache(hart);
        assertEquals(StopSignal.SIGILL, StopSignal.of(HaltReason.DEBUG_REQUEST, layout, registers));
        assertEquals(StopSignal.SIGTRAP, StopSignal.of(HaltReason.STEP, layout, registers));
        hart.values.put("pc", 0x08000070L);
        registers.forget();
        assertEquals(StopSignal.SIGTRAP, StopSignal.of(HaltReason.DEBUG_REQUEST, layout, registers),
                "past the vector: the handler is running, not just entered");
    }
}
