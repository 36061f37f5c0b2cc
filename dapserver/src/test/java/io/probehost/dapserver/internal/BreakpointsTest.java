package io.probehost.dapserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.junit.jupiter.api.Test;

/** The client's breakpoint requests on examples/blinky.elf, against a unit of four comparators. */
class BreakpointsTest {
    private final ComparatorUnit unit = new ComparatorUnit(4);
    private final Breakpoints breakpoints = new Breakpoints(unit, ProgramInfo.read(ProgramInfoTest.BLINKY));

    private static Source blinky() {
        Source source = new Source();
        source.setPath("/home/someone/project/blinky.c");
        return source;
    }

    private static SourceBreakpoint[] lines(int... lines) {
        SourceBreakpoint[] wanted = new SourceBreakpoint[lines.length];
        for (int i = 0; i < lines.length; i++) {
            wanted[i] = new SourceBreakpoint();
            wanted[i].setLine(lines[i]);
        }
        return wanted;
    }

    private static FunctionBreakpoint function(String name) {
        FunctionBreakpoint wanted = new FunctionBreakpoint();
        wanted.setName(name);
        return wanted;
    }

    @Test
    void lineBreakpointsAreSetAtTheirStatementsAndAnsweredWithTheLineThatHasCode() {
        List<Breakpoint> answers = breakpoints.setLines(blinky(), lines(29, 31));
        assertTrue(answers.get(0).isVerified());
        assertEquals(29, answers.get(0).getLine());
        assertEquals("0x0000008c", answers.get(0).getInstructionReference());
        assertEquals(34, answers.get(1).getLine(), "line 31 has no code; main's first statement is line 34");
        assertEquals(List.of(0x8cL, 0xa0L), unit.addresses());
        assertEquals(answers.get(0).getId(), breakpoints.at(0x8c).orElseThrow().getId());
    }

    @Test
    void aNewRequestForASourceReplacesItsBreakpointsOnTheTarget() {
        breakpoints.setLines(blinky(), lines(29, 31));
        breakpoints.setLines(blinky(), lines(38));
        assertEquals(List.of(0xb6L), unit.addresses());
        breakpoints.setLines(blinky(), lines());
        assertEquals(List.of(), unit.addresses());
    }

    @Test
    void functionAndInstructionBreakpointsShareAnAddressWithoutLosingIt() {
        breakpoints.setFunctions(new FunctionBreakpoint[] {function("led_toggle")});
        InstructionBreakpoint instruction = new InstructionBreakpoint();
        instruction.setInstructionReference("0x80");
        List<Breakpoint> answers = breakpoints.setInstructions(new InstructionBreakpoint[] {instruction});
        assertEquals(28, answers.get(0).getLine());
        assertEquals("blinky.c", answers.get(0).getSource().getName());
        breakpoints.setFunctions(new FunctionBreakpoint[0]);
        assertEquals(List.of(0x80L), unit.addresses(), "the instruction breakpoint still wants 0x80");
        breakpoints.clear();
        assertEquals(List.of(), unit.addresses());
    }

    @Test
    void anUnknownFunctionAndARefusedBreakpointAreAnsweredUnverifiedWithTheReason() {
        List<Breakpoint> functions = breakpoints.setFunctions(new FunctionBreakpoint[] {function("nope"),
                function("main"), function("led_toggle")});
        assertFalse(functions.get(0).isVerified());
        assertEquals("no function 'nope' in the program", functions.get(0).getMessage());
        List<Breakpoint> lines = breakpoints.setLines(blinky(), lines(36, 38, 39));
        assertTrue(lines.get(0).isVerified());
        assertTrue(lines.get(1).isVerified());
        assertFalse(lines.get(2).isVerified(), "a fifth address finds no comparator");
        assertEquals("no free hardware breakpoint for 0x000000b8", lines.get(2).getMessage());
        assertEquals(4, unit.addresses().size());
    }
}
