package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Variables at fixed addresses, read from examples/rtt-log.elf (built from C by examples/Makefile). */
class StaticVariablesTest {

    @Test
    void fileScopeAndFunctionStaticVariablesComeWithTheirScopeAndAddress() {
        DebugInfo elf = DebugInfo.read(Path.of("../examples/rtt-log.elf"));
        StaticVariable block = only(elf, "_SEGGER_RTT");
        assertEquals("", block.scope());
        assertEquals(elf.symbols().address("_SEGGER_RTT").getAsLong(), block.address());
        assertEquals("rtt-log.c", block.declaration().fileName());
        StaticVariable line = only(elf, "line");
        assertEquals("main", line.scope());
        assertEquals(elf.symbols().address("line.1").getAsLong(), line.address());
        assertEquals("", line.linkageName());
    }

    private static StaticVariable only(DebugInfo elf, String name) {
        List<StaticVariable> found = elf.staticVariables().stream().filter(v -> v.name().equals(name)).toList();
        assertEquals(1, found.size(), name + " in " + elf.staticVariables());
        return found.get(0);
    }
}
