package io.probehost.gdbserver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A register feature of GDB's target descriptions ("ARM Features", "RISC-V Features" in the GDB
 * manual): its name, the {@code <architecture>} it implies, and the registers it holds, each with
 * the names a core may give it. The server offers a feature when the core has its first register;
 * architectures plug in by naming their registers, the server never asks which architecture it is.
 *
 * @param name         such as {@code org.gnu.gdb.arm.m-profile}
 * @param architecture the {@code <architecture>} element when this feature comes first, or empty
 * @param registers    the registers in GDB's order
 */
record GdbFeature(String name, String architecture, List<Register> registers) {

    /**
     * One register of a feature.
     *
     * @param gdbName the name GDB knows it by
     * @param aliases other names a core may use for it (case is ignored)
     * @param type    a GDB type such as {@code data_ptr}, {@code code_ptr}, or empty for {@code int}
     * @param group   a register group such as {@code system}, or empty
     * @param atStop  whether GDB reads it at every stop to find the frame (pc, the stack and frame
     *                pointers, the return address, and on Arm xPSR and the banked stack pointers its
     *                unwinder consults), so that stop replies carry it; GDB asks for no other register
     *                after a {@code stepi} (checked with {@code set debug remote 1} and
     *                {@code set debug frame 1}, gdb-multiarch 13)
     */
    record Register(String gdbName, List<String> aliases, String type, String group, boolean atStop) {
        boolean answersTo(String coreName) {
            return gdbName.equalsIgnoreCase(coreName) || aliases.stream().anyMatch(coreName::equalsIgnoreCase);
        }
    }

    /** RISC-V x0-x31 by their ABI names, GDB's names for them. */
    private static final List<String> RISCV_ABI_NAMES = List.of("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
            "fp", "s1", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8",
            "s9", "s10", "s11", "t3", "t4", "t5", "t6");

    /** Every feature the server knows, in the order they appear in a description. */
    static final List<GdbFeature> CATALOGUE = List.of(
            new GdbFeature("org.gnu.gdb.arm.m-profile", "arm", armMProfile()),
            new GdbFeature("org.gnu.gdb.arm.m-system", "", List.of(bankedStackPointer("msp"),
                    bankedStackPointer("psp"), system("primask", ""), system("basepri", ""),
                    system("faultmask", ""), system("control", ""))),
            new GdbFeature("org.gnu.gdb.riscv.cpu", "riscv", riscvCpu()),
            new GdbFeature("org.gnu.gdb.riscv.csr", "", List.of(system("mstatus", ""), system("misa", ""),
                    system("mie", ""), system("mtvec", "code_ptr"), system("mscratch", ""),
                    system("mepc", "code_ptr"), system("mcause", ""), system("mtval", ""), system("mip", ""),
                    system("mcycle", ""), system("minstret", ""), system("mhartid", ""), system("dcsr", ""),
                    system("dpc", "code_ptr"))));

    private static List<Register> armMProfile() {
        List<Register> registers = new ArrayList<>();
        // r7 is the Thumb frame pointer that unoptimised code's CFI unwinds through
        IntStream.rangeClosed(0, 12).forEach(n -> registers.add(new Register("r" + n, List.of(), "", "", n == 7)));
        registers.add(new Register("sp", List.of("r13"), "data_ptr", "", true));
        registers.add(new Register("lr", List.of("r14"), "", "", true));
        registers.add(new Register("pc", List.of("r15"), "code_ptr", "", true));
        registers.add(new Register("xpsr", List.of(), "", "", true)); // its Thumb bit, for frames without CFI
        return List.copyOf(registers);
    }

    private static List<Register> riscvCpu() {
        List<Register> registers = new ArrayList<>();
        for (int n = 0; n < 32; n++) {
            String abi = RISCV_ABI_NAMES.get(n);
            List<String> aliases = n == 8 ? List.of("x8", "s0") : List.of("x" + n);
            String type = n == 1 ? "code_ptr" : n == 2 ? "data_ptr" : "";
            registers.add(new Register(abi, aliases, type, "", n == 1 || n == 2 || n == 8));
        }
        registers.add(new Register("pc", List.of(), "code_ptr", "", true));
        return List.copyOf(registers);
    }

    private static Register system(String name, String type) {
        return new Register(name, List.of(), type, "system", false);
    }

    private static Register bankedStackPointer(String name) {
        return new Register(name, List.of(), "data_ptr", "system", true);
    }
}
