package io.probehost.sim.mcu.cpu;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compiles a {@link Block} into a {@link CompiledBlock}: a hidden class whose {@code run} calls, for
 * each instruction, the {@link ThumbExecutor} routine {@link ThumbExecutor#run} would dispatch to,
 * with the instruction's PC and bits as constants, so the JIT inlines the routine and folds away
 * the decoding (register numbers, immediates, the routine's own switches). Between instructions it
 * does what {@link Core}'s step does for an instruction in a quiet run: set the PC, count the
 * cycles, stop when the run is no longer quiet.
 */
final class BlockCompiler {
    private static final String PACKAGE = "io/probehost/sim/mcu/cpu/";
    private static final String EXECUTOR = PACKAGE + "ThumbExecutor";
    private static final String REGISTERS = PACKAGE + "Registers";
    private static final String CORE = PACKAGE + "Core";
    private static final String RUN_DESCRIPTOR = "(L" + EXECUTOR + ";L" + REGISTERS + ";L" + CORE + ";)I";
    private static final int ALOAD_0 = 0x2A;
    private static final int ALOAD_1 = 0x2B;
    private static final int ALOAD_2 = 0x2C;
    private static final int ALOAD_3 = 0x2D;
    private static final int ILOAD = 0x15;
    private static final int ISTORE = 0x36;
    /** The local holding the cycles of the instruction just executed, after this, the executor, the registers and the core. */
    private static final int COST = 4;
    private static final int LDC_W = 0x13;
    private static final int SIPUSH = 0x11;
    private static final int IFEQ = 0x99;
    private static final int IRETURN = 0xAC;
    private static final int RETURN = 0xB1;
    private static final int INVOKEVIRTUAL = 0xB6;
    private static final int INVOKESPECIAL = 0xB7;

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();

    /**
     * The {@link ThumbExecutor} routine that executes instruction {@code raw} of class {@code kind}
     * if it can stand in a block, or null. Inside a block an instruction must leave the PC to the
     * next one; {@link #endsBlock} says which may branch and so can only be a block's last.
     * Neither may change ITSTATE, the execution priority by other means than an exception return
     * (which ends the quiet run), or the sleep state: IT, CPS, MSR, MRS, hints, SVC, BKPT and
     * undefined encodings run one step at a time.
     */
    static String routine(int kind, int raw) {
        int hw = raw & 0xFFFF;
        switch (kind) {
            case DecodedInstructions.LSL_IMMEDIATE: return "lslImmediate";
            case DecodedInstructions.LSR_IMMEDIATE: return "lsrImmediate";
            case DecodedInstructions.ASR_IMMEDIATE: return "asrImmediate";
            case DecodedInstructions.ADD_SUBTRACT_3: return "addSubtract3";
            case DecodedInstructions.MOV_IMMEDIATE: return "movImmediate";
            case DecodedInstructions.CMP_IMMEDIATE: return "cmpImmediate";
            case DecodedInstructions.ADD_IMMEDIATE_8: return "addImmediate8";
            case DecodedInstructions.SUB_IMMEDIATE_8: return "subImmediate8";
            case DecodedInstructions.LOAD_STORE_REGISTER: return "loadStoreRegisterOffset";
            case DecodedInstructions.LOAD_LITERAL: return "loadLiteral";
            case DecodedInstructions.DATA_PROCESSING: return "dataProcessing";
            case DecodedInstructions.SPECIAL_DATA_BRANCH_EXCHANGE: return "specialDataAndBranchExchange";
            case DecodedInstructions.STR_IMMEDIATE: return "strImmediate";
            case DecodedInstructions.LDR_IMMEDIATE: return "ldrImmediate";
            case DecodedInstructions.STRB_IMMEDIATE: return "strbImmediate";
            case DecodedInstructions.LDRB_IMMEDIATE: return "ldrbImmediate";
            case DecodedInstructions.LOAD_STORE_HALFWORD: return "loadStoreHalfwordImmediate";
            case DecodedInstructions.LOAD_STORE_SP_RELATIVE: return "loadStoreSpRelative";
            case DecodedInstructions.ADDRESS_GENERATION: return "addressGeneration";
            case DecodedInstructions.PUSH: return "push";
            case DecodedInstructions.POP: return "pop";
            case DecodedInstructions.MISCELLANEOUS:
                // ADD/SUB SP, immediate; SXTH, SXTB, UXTH, UXTB; REV, REV16, REVSH; CBZ, CBNZ
                boolean plain = (hw & 0xFF00) == 0xB000 || (hw & 0xFF00) == 0xB200
                        || ((hw & 0xFF00) == 0xBA00 && ((hw >>> 6) & 3) != 2) || compareAndBranch(hw);
                return plain ? "miscellaneous" : null;
            case DecodedInstructions.LOAD_STORE_MULTIPLE: return "loadStoreMultiple";
            case DecodedInstructions.CONDITIONAL_BRANCH: return "conditionalBranch";
            case DecodedInstructions.BRANCH: return "branch";
            case DecodedInstructions.BL: return "branchWithLink";
            case DecodedInstructions.DATA_PROCESSING_SHIFTED_REGISTER: return "dataProcessingShiftedRegister";
            case DecodedInstructions.LOAD_STORE_MULTIPLE_32: return "loadStoreMultiple32";
            case DecodedInstructions.DUAL_EXCLUSIVE_TABLE: return "dualExclusiveOrTable";
            case DecodedInstructions.BRANCH_OR_CONTROL: return thirtyTwoBitBranch(raw) ? "branchOrControl" : null;
            case DecodedInstructions.DATA_PROCESSING_MODIFIED_IMMEDIATE: return "dataProcessingModifiedImmediate";
            case DecodedInstructions.DATA_PROCESSING_PLAIN_IMMEDIATE: return "dataProcessingPlainImmediate";
            case DecodedInstructions.LOAD_STORE_32: return "loadStore32";
            case DecodedInstructions.DATA_PROCESSING_REGISTER: return "dataProcessingRegister";
            default: return null;
        }
    }

    /**
     * Whether instruction {@code raw} of class {@code kind} (one with a {@link #routine}) may set the
     * PC elsewhere than the next instruction, through the executor's next PC: branches, BX and BLX,
     * ADD and MOV to the PC, POP, LDM and 32-bit loads of the PC, table branches.
     */
    static boolean endsBlock(int kind, int raw) {
        int hw = raw & 0xFFFF;
        switch (kind) {
            case DecodedInstructions.SPECIAL_DATA_BRANCH_EXCHANGE:
                int op = (hw >>> 8) & 3;
                return op == 3 || (op != 1 && ((hw & 7) | ((hw >>> 4) & 8)) == 15);
            case DecodedInstructions.POP: return (hw & 0x100) != 0;
            case DecodedInstructions.MISCELLANEOUS: return compareAndBranch(hw);
            case DecodedInstructions.CONDITIONAL_BRANCH:
            case DecodedInstructions.BRANCH:
            case DecodedInstructions.BL:
            case DecodedInstructions.DUAL_EXCLUSIVE_TABLE:
            case DecodedInstructions.BRANCH_OR_CONTROL:
                return true;
            case DecodedInstructions.LOAD_STORE_MULTIPLE_32: return (hw & 0x10) != 0 && (raw & 0x8000_0000) != 0;
            case DecodedInstructions.LOAD_STORE_32: return (hw & 0x10) != 0 && (raw >>> 28) == 15;
            default: return false;
        }
    }

    /** CBZ or CBNZ on ARMv7-M; undefined on ARMv6-M, where the routine faults as a step would. */
    private static boolean compareAndBranch(int hw) {
        return (hw & 0xF500) == 0xB100;
    }

    /** B.W, B{cond}.W and BL among BRANCH_OR_CONTROL's encodings (not MSR, MRS, hints or barriers). */
    private static boolean thirtyTwoBitBranch(int raw) {
        int hw1 = raw & 0xFFFF;
        int hw2 = raw >>> 16;
        int op = (hw2 >>> 12) & 5;
        return op == 1 || op == 5 || (op == 0 && (hw1 & 0x0380) != 0x0380);
    }

    /** The compiled form of {@code block}, whose instructions all have a {@link #routine}. */
    CompiledBlock compile(Block block) {
        ClassFileBuilder file = new ClassFileBuilder();
        file.method("<init>", "()V", 1, 1, constructorCode(file));
        file.method("run", RUN_DESCRIPTOR, 4, 5, runCode(file, block));
        byte[] bytes = file.build(PACKAGE + "GeneratedBlock", PACKAGE + "CompiledBlock");
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
            return (CompiledBlock) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot compile the block at 0x" + Integer.toHexString(block.start()), e);
        }
    }

    private static byte[] constructorCode(ClassFileBuilder file) {
        int superInit = file.methodRef(PACKAGE + "CompiledBlock", "<init>", "()V");
        return new byte[] {(byte) ALOAD_0, (byte) INVOKESPECIAL, (byte) (superInit >>> 8), (byte) superInit, (byte) RETURN};
    }

    private static byte[] runCode(ClassFileBuilder file, Block block) {
        int setPc = file.methodRef(REGISTERS, "setPc", "(I)V");
        int setNextPc = file.methodRef(EXECUTOR, "setNextPc", "(I)V");
        int nextPc = file.methodRef(EXECUTOR, "nextPc", "()I");
        int countCycles = file.methodRef(CORE, "countCycles", "(I)V");
        int quietEnded = file.methodRef(CORE, "quietEnded", "()Z");
        int leaveBlock = file.methodRef(CORE, "leaveBlock", "(III)I");
        Code code = new Code();
        int count = block.count();
        for (int i = 0; i < count; i++) {
            int pc = block.pc(i);
            int raw = block.raw(i);
            boolean branches = endsBlock(block.kind(i), raw);
            int next = i + 1 < count ? block.pc(i + 1) : block.endPc();
            code.op(ALOAD_2).u2op(LDC_W, file.integer(pc)).u2op(INVOKEVIRTUAL, setPc);
            if (branches) {
                code.op(ALOAD_1).u2op(LDC_W, file.integer(next)).u2op(INVOKEVIRTUAL, setNextPc);
            }
            int routine = file.methodRef(EXECUTOR, routine(block.kind(i), raw), "(II)I");
            code.op(ALOAD_1).u2op(LDC_W, file.integer(pc)).u2op(LDC_W, file.integer(raw))
                    .u2op(INVOKEVIRTUAL, routine).u1op(ISTORE, COST);
            // when the instruction ended the quiet run, Core.leaveBlock finishes the step and the block
            Code leave = new Code().op(ALOAD_3).u1op(ILOAD, COST);
            if (branches) {
                leave.op(ALOAD_1).u2op(INVOKEVIRTUAL, nextPc);
            } else {
                leave.u2op(LDC_W, file.integer(next));
            }
            leave.u2op(SIPUSH, i + 1).u2op(INVOKEVIRTUAL, leaveBlock).op(IRETURN);
            code.op(ALOAD_3).u2op(INVOKEVIRTUAL, quietEnded).u2op(IFEQ, 3 + leave.length()).append(leave);
            code.op(ALOAD_3).u1op(ILOAD, COST).u2op(INVOKEVIRTUAL, countCycles);
            if (branches) {
                code.op(ALOAD_2).op(ALOAD_1).u2op(INVOKEVIRTUAL, nextPc).u2op(INVOKEVIRTUAL, setPc);
            }
        }
        if (!block.branches()) {
            code.op(ALOAD_2).u2op(LDC_W, file.integer(block.endPc())).u2op(INVOKEVIRTUAL, setPc);
        }
        code.u2op(SIPUSH, count).op(IRETURN);
        return code.bytes();
    }

    /** Bytecode, written in order. */
    private static final class Code {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Code op(int opcode) {
            bytes.write(opcode);
            return this;
        }

        Code u1op(int opcode, int operand) {
            bytes.write(opcode);
            bytes.write(operand);
            return this;
        }

        Code u2op(int opcode, int operand) {
            bytes.write(opcode);
            bytes.write(operand >>> 8);
            bytes.write(operand);
            return this;
        }

        Code append(Code other) {
            byte[] more = other.bytes();
            bytes.write(more, 0, more.length);
            return this;
        }

        int length() {
            return bytes.size();
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
