package io.probehost.gdbserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.CoreRegister;
import io.probehost.api.target.MemoryRegion;

class RegisterLayoutTest {

    static List<CoreRegister> cortexM0() {
        List<CoreRegister> registers = new ArrayList<>();
        for (int n = 0; n <= 12; n++) {
            registers.add(new CoreRegister("R" + n, n, 32));
        }
        registers.addAll(List.of(new CoreRegister("SP", 13, 32), new CoreRegister("LR", 14, 32),
                new CoreRegister("PC", 15, 32), new CoreRegister("XPSR", 16, 32), new CoreRegister("MSP", 17, 32),
                new CoreRegister("PSP", 18, 32), new CoreRegister("PRIMASK", -1, 8),
                new CoreRegister("CONTROL", -4, 8)));
        return registers;
    }

    @Test
    void cortexMRegistersFormTheMProfileAndMSystemFeatures() {
        RegisterLayout layout = RegisterLayout.of(cortexM0());
        String xml = layout.targetXml();
        assertEquals("arm", layout.architecture());
        assertTrue(xml.contains("<feature name=\"org.gnu.gdb.arm.m-profile\">\n    <reg name=\"r0\" bitsize=\"32\" "
                + "regnum=\"0\"/>"), xml);
        assertTrue(xml.contains("<reg name=\"pc\" bitsize=\"32\" regnum=\"15\" type=\"code_ptr\"/>"), xml);
        assertTrue(xml.contains("<reg name=\"xpsr\" bitsize=\"32\" regnum=\"16\"/>\n  </feature>\n"
                + "  <feature name=\"org.gnu.gdb.arm.m-system\">"), xml);
        assertTrue(xml.contains("<reg name=\"primask\" bitsize=\"8\" regnum=\"19\" group=\"system\"/>"), xml);
        assertEquals(21, layout.entries().size());
        assertEquals("CONTROL", layout.entry(20).orElseThrow().core().name());
    }

    @Test
    void riscvRegistersTakeGdbsAbiNamesAndRegistersNoFeatureKnowsStayVisible() {
        List<CoreRegister> registers = new ArrayList<>();
        for (int n = 0; n < 32; n++) {
            registers.add(new CoreRegister("X" + n, 0x1000 + n, 32));
        }
        registers.add(new CoreRegister("PC", 0x7b1, 32));
        registers.add(new CoreRegister("MSTATUS", 0x300, 32));
        registers.add(new CoreRegister("MCOUNTEREN", 0x306, 32));
        RegisterLayout layout = RegisterLayout.of(registers);
        String xml = layout.targetXml();
        assertEquals("riscv", layout.architecture());
        assertTrue(xml.contains("<feature name=\"org.gnu.gdb.riscv.cpu\">\n    <reg name=\"zero\" bitsize=\"32\" "
                + "regnum=\"0\"/>"), xml);
        assertTrue(xml.contains("<reg name=\"fp\" bitsize=\"32\" regnum=\"8\"/>"), xml);
        assertTrue(xml.contains("<reg name=\"pc\" bitsize=\"32\" regnum=\"32\" type=\"code_ptr\"/>"), xml);
        assertTrue(xml.contains("<feature name=\"org.gnu.gdb.riscv.csr\">\n    <reg name=\"mstatus\""), xml);
        assertTrue(xml.contains("<feature name=\"io.probehost.other\">\n    <reg name=\"mcounteren\" bitsize=\"32\" "
                + "regnum=\"34\" group=\"general\"/>"), xml);
    }

    @Test
    void riscvAbiNamesAsTheRiscvArchitectureGivesThemMatchToo() {
        List<String> abi = List.of("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2",
                "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
                "t5", "t6");
        List<CoreRegister> registers = new ArrayList<>();
        for (int n = 0; n < 32; n++) {
            registers.add(new CoreRegister(abi.get(n), 0x1000 + n, 32));
        }
        registers.add(new CoreRegister("pc", 0x7b1, 32));
        registers.add(new CoreRegister("mhartid", 0xf14, 32));
        RegisterLayout layout = RegisterLayout.of(registers);
        assertEquals("s0", layout.named("fp").orElseThrow().core().name());
        assertEquals(32, layout.named("pc").orElseThrow().number());
        assertEquals("org.gnu.gdb.riscv.csr", layout.named("mhartid").orElseThrow().feature());
        assertEquals(34, layout.entries().size());
    }

    @Test
    void theMemoryMapGivesFlashItsEraseBlockSize() {
        String xml = MemoryMapXml.of(List.of(
                new MemoryRegion(MemoryRegion.Kind.RAM, "ram", 0x20000000L, 0x4000, 0, 0, false, ""),
                new MemoryRegion(MemoryRegion.Kind.FLASH, "flash", 0, 0x40000, 0x400, 0x400, true, "nrf51")));
        assertTrue(xml.contains("<memory type=\"flash\" start=\"0x0\" length=\"0x40000\">\n"
                + "    <property name=\"blocksize\">0x400</property>\n  </memory>\n"
                + "  <memory type=\"ram\" start=\"0x20000000\" length=\"0x4000\"/>\n</memory-map>"), xml);
    }

    @Test
    void xferReadsComeInChunksMarkedMoreAndLast() {
        assertEquals("mab", XferChunk.of("abc#", "0,2"));
        assertEquals("lc}\u0003", XferChunk.of("abc#", "2,10"));
        assertEquals("l", XferChunk.of("abc#", "4,10"));
    }
}
