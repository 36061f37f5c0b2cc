package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.AccessSize;

/**
 * Executes the Thumb instruction set of the core's profile as {@link DecodedInstructions} decodes
 * it (once per instruction, kept while its bits stay), with Cortex-M0 cycle counts: the 16-bit encodings here (ARMv6-M, plus CBZ/CBNZ, IT and CPS f on ARMv7-M), the 32-bit
 * ones of ARMv7-M in {@link Thumb2Executor}.
 */
final class ThumbExecutor {
    private final Core core;
    private final Registers r;
    private final Alu alu;
    private final boolean armv7m;
    private final Thumb2Executor thumb2;
    private final DecodedInstructions decoded;
    /**
     * Scratch for LDM and POP (here and in {@link Thumb2Executor}): every word is loaded before any
     * register is written, so that a fault leaves the registers as they were; no array per instruction.
     */
    final int[] loadedWords = new int[16];
    private int nextPc;

    ThumbExecutor(Core core) {
        this.core = core;
        this.r = core.regs;
        this.alu = new Alu(core.regs);
        this.armv7m = core.armv7m;
        this.thumb2 = armv7m ? new Thumb2Executor(core, this, alu) : null;
        this.decoded = new DecodedInstructions(armv7m);
    }

    /**
     * Executes the instruction at {@code pc} whose first halfword is {@code hw}, {@code pair} being
     * both halfwords from {@link Core#fetchPair} or {@link Core#NO_PAIR}; returns its cycles.
     */
    int execute(int pc, int hw, long pair) {
        nextPc = pc + 2;
        int it = r.itState;
        int cycles;
        if (it == 0) {
            cycles = runDecoded(pc, hw, pair);
        } else {
            cycles = inItBlock(pc, hw, it, pair);
        }
        r.setPc(nextPc);
        return cycles;
    }

    /**
     * Executes the instruction at {@code pc} whose first halfword is {@code hw}, fetching the second
     * of a 32-bit one, as {@link DecodedInstructions} classifies it.
     */
    private int runDecoded(int pc, int hw, long pair) {
        int raw = hw;
        if (DecodedInstructions.thirtyTwoBit(hw)) {
            raw = pair != Core.NO_PAIR ? (int) pair : hw | core.fetch16(pc + 2) << 16;
        }
        return run(decoded.classOf(pc, raw), pc, raw);
    }

    /**
     * Executes the instruction {@code raw} ({@code hw1 | hw2 << 16}) of {@link DecodedInstructions}
     * class {@code kind}: one flat switch to the routine. Each routine takes the PC and the bits, so
     * that {@link BlockCompiler} can call the same routine with both as constants.
     */
    private int run(int kind, int pc, int raw) {
        switch (kind) {
            case DecodedInstructions.LSL_IMMEDIATE: return lslImmediate(pc, raw);
            case DecodedInstructions.LSR_IMMEDIATE: return lsrImmediate(pc, raw);
            case DecodedInstructions.ASR_IMMEDIATE: return asrImmediate(pc, raw);
            case DecodedInstructions.ADD_SUBTRACT_3: return addSubtract3(pc, raw);
            case DecodedInstructions.MOV_IMMEDIATE: return movImmediate(pc, raw);
            case DecodedInstructions.CMP_IMMEDIATE: return cmpImmediate(pc, raw);
            case DecodedInstructions.ADD_IMMEDIATE_8: return addImmediate8(pc, raw);
            case DecodedInstructions.SUB_IMMEDIATE_8: return subImmediate8(pc, raw);
            case DecodedInstructions.LOAD_STORE_REGISTER: return loadStoreRegisterOffset(pc, raw);
            case DecodedInstructions.LOAD_LITERAL: return loadLiteral(pc, raw);
            case DecodedInstructions.DATA_PROCESSING: return dataProcessing(pc, raw);
            case DecodedInstructions.SPECIAL_DATA_BRANCH_EXCHANGE: return specialDataAndBranchExchange(pc, raw);
            case DecodedInstructions.STR_IMMEDIATE: return strImmediate(pc, raw);
            case DecodedInstructions.LDR_IMMEDIATE: return ldrImmediate(pc, raw);
            case DecodedInstructions.STRB_IMMEDIATE: return strbImmediate(pc, raw);
            case DecodedInstructions.LDRB_IMMEDIATE: return ldrbImmediate(pc, raw);
            case DecodedInstructions.LOAD_STORE_HALFWORD: return loadStoreHalfwordImmediate(pc, raw);
            case DecodedInstructions.LOAD_STORE_SP_RELATIVE: return loadStoreSpRelative(pc, raw);
            case DecodedInstructions.ADDRESS_GENERATION: return addressGeneration(pc, raw);
            case DecodedInstructions.PUSH: return push(pc, raw);
            case DecodedInstructions.POP: return pop(pc, raw);
            case DecodedInstructions.MISCELLANEOUS: return miscellaneous(pc, raw);
            case DecodedInstructions.LOAD_STORE_MULTIPLE: return loadStoreMultiple(pc, raw);
            case DecodedInstructions.CONDITIONAL_BRANCH: return conditionalBranch(pc, raw);
            case DecodedInstructions.UNDEFINED_OR_SVC: return undefinedOrSvc(raw);
            case DecodedInstructions.BRANCH: return branch(pc, raw);
            default:
                nextPc = pc + 4;
                return runThirtyTwoBit(kind, pc, raw);
        }
    }

    private int runThirtyTwoBit(int kind, int pc, int raw) {
        switch (kind) {
            case DecodedInstructions.BL: return branchWithLink(pc, raw);
            case DecodedInstructions.ARMV6M_32_BIT: return armv6mThirtyTwoBit(pc, raw);
            case DecodedInstructions.NO_COPROCESSOR: return thumb2.noCoprocessor();
            case DecodedInstructions.DATA_PROCESSING_SHIFTED_REGISTER: return dataProcessingShiftedRegister(pc, raw);
            case DecodedInstructions.LOAD_STORE_MULTIPLE_32: return loadStoreMultiple32(pc, raw);
            case DecodedInstructions.DUAL_EXCLUSIVE_TABLE: return dualExclusiveOrTable(pc, raw);
            case DecodedInstructions.BRANCH_OR_CONTROL: return branchOrControl(pc, raw);
            case DecodedInstructions.DATA_PROCESSING_MODIFIED_IMMEDIATE: return dataProcessingModifiedImmediate(pc, raw);
            case DecodedInstructions.DATA_PROCESSING_PLAIN_IMMEDIATE: return dataProcessingPlainImmediate(pc, raw);
            case DecodedInstructions.LOAD_STORE_32: return loadStore32(pc, raw);
            case DecodedInstructions.DATA_PROCESSING_REGISTER: return dataProcessingRegister(pc, raw);
            default: return undefined();
        }
    }

    // ---- the routines of run, each (pc, raw) ----

    int lslImmediate(int pc, int hw) {
        r.set(hw & 7, alu.lslImmediate(r.get((hw >>> 3) & 7), (hw >>> 6) & 0x1F));
        return 1;
    }

    int lsrImmediate(int pc, int hw) {
        r.set(hw & 7, alu.lsrImmediate(r.get((hw >>> 3) & 7), (hw >>> 6) & 0x1F));
        return 1;
    }

    int asrImmediate(int pc, int hw) {
        r.set(hw & 7, alu.asrImmediate(r.get((hw >>> 3) & 7), (hw >>> 6) & 0x1F));
        return 1;
    }

    int movImmediate(int pc, int hw) {
        r.set((hw >>> 8) & 7, alu.logicFlags(hw & 0xFF));
        return 1;
    }

    int cmpImmediate(int pc, int hw) {
        alu.sub(r.get((hw >>> 8) & 7), hw & 0xFF, true);
        return 1;
    }

    int addImmediate8(int pc, int hw) {
        r.set((hw >>> 8) & 7, alu.add(r.get((hw >>> 8) & 7), hw & 0xFF, true));
        return 1;
    }

    int subImmediate8(int pc, int hw) {
        r.set((hw >>> 8) & 7, alu.sub(r.get((hw >>> 8) & 7), hw & 0xFF, true));
        return 1;
    }

    int strImmediate(int pc, int hw) {
        core.write(r.get((hw >>> 3) & 7) + ((hw >>> 6) & 0x1F) * 4, AccessSize.WORD, r.get(hw & 7));
        return 2;
    }

    int ldrImmediate(int pc, int hw) {
        r.set(hw & 7, core.read(r.get((hw >>> 3) & 7) + ((hw >>> 6) & 0x1F) * 4, AccessSize.WORD));
        return 2;
    }

    int strbImmediate(int pc, int hw) {
        core.write(r.get((hw >>> 3) & 7) + ((hw >>> 6) & 0x1F), AccessSize.BYTE, r.get(hw & 7));
        return 2;
    }

    int ldrbImmediate(int pc, int hw) {
        r.set(hw & 7, core.read(r.get((hw >>> 3) & 7) + ((hw >>> 6) & 0x1F), AccessSize.BYTE));
        return 2;
    }

    int conditionalBranch(int pc, int hw) {
        if (!alu.conditionPassed((hw >>> 8) & 0xF)) {
            return 1;
        }
        nextPc = pc + 4 + ((byte) hw) * 2;
        return 3;
    }

    int dualExclusiveOrTable(int pc, int raw) {
        return thumb2.dualExclusiveOrTable(pc, raw & 0xFFFF, raw >>> 16);
    }

    int branchOrControl(int pc, int raw) {
        return thumb2.branchOrControl(pc, raw & 0xFFFF, raw >>> 16);
    }

    int dataProcessingShiftedRegister(int pc, int raw) {
        return thumb2.dataProcessing.shiftedRegister(raw & 0xFFFF, raw >>> 16);
    }

    int loadStoreMultiple32(int pc, int raw) {
        return thumb2.loadStoreMultiple(raw & 0xFFFF, raw >>> 16);
    }

    int dataProcessingModifiedImmediate(int pc, int raw) {
        return thumb2.dataProcessing.modifiedImmediate(raw & 0xFFFF, raw >>> 16);
    }

    int dataProcessingPlainImmediate(int pc, int raw) {
        return thumb2.dataProcessing.plainImmediate(pc, raw & 0xFFFF, raw >>> 16);
    }

    int loadStore32(int pc, int raw) {
        return thumb2.loadStore(pc, raw & 0xFFFF, raw >>> 16);
    }

    int dataProcessingRegister(int pc, int raw) {
        return thumb2.dataProcessing.registerOrMultiply(raw & 0xFFFF, raw >>> 16);
    }

    /**
     * An instruction inside an IT block: skipped when its condition fails; 16-bit instructions
     * that set the flags outside an IT block (all but CMP, CMN and TST) leave them inside one.
     * ITSTATE advances before the instruction runs, so a branch or exception return it makes
     * keeps the state it sets, and is put back if the instruction faults.
     */
    private int inItBlock(int pc, int hw, int it, long pair) {
        r.itState = (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
        if (!alu.conditionPassed(it >>> 4)) {
            nextPc = pc + ((hw >>> 11) >= 0x1D ? 4 : 2);
            return 1;
        }
        try {
            if (!setsFlagsOutsideItBlock(hw)) {
                return runDecoded(pc, hw, pair);
            }
            boolean n = r.n;
            boolean z = r.z;
            boolean c = r.c;
            boolean v = r.v;
            int cycles = runDecoded(pc, hw, pair);
            r.n = n;
            r.z = z;
            r.c = c;
            r.v = v;
            return cycles;
        } catch (Core.Fault f) {
            r.itState = it;
            throw f;
        }
    }

    private static boolean setsFlagsOutsideItBlock(int hw) {
        switch (hw >>> 13) {
            case 0: return true;
            case 1: return ((hw >>> 11) & 3) != 1;
            default:
                if ((hw & 0xFC00) != 0x4000) {
                    return false;
                }
                int op = (hw >>> 6) & 0xF;
                return op != 0x8 && op != 0xA && op != 0xB;
        }
    }

    DecodedInstructions decoded() {
        return decoded;
    }

    void setNextPc(int value) {
        nextPc = value;
    }

    int nextPc() {
        return nextPc;
    }

    private int reg(int n, int pc) {
        return n == 15 ? pc + 4 : r.get(n);
    }

    private int undefined() {
        throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNDEFINSTR);
    }

    int addSubtract3(int pc, int hw) {
        int rd = hw & 7;
        int rm = (hw >>> 3) & 7;
        int imm5 = (hw >>> 6) & 0x1F;
        switch ((hw >>> 11) & 3) {
            case 0: r.set(rd, alu.lslImmediate(r.get(rm), imm5)); return 1;
            case 1: r.set(rd, alu.lsrImmediate(r.get(rm), imm5)); return 1;
            case 2: r.set(rd, alu.asrImmediate(r.get(rm), imm5)); return 1;
            default:
                int rn = (hw >>> 3) & 7;
                int operand = (hw & 0x0400) != 0 ? (hw >>> 6) & 7 : r.get((hw >>> 6) & 7);
                boolean subtract = (hw & 0x0200) != 0;
                r.set(rd, subtract ? alu.sub(r.get(rn), operand, true) : alu.add(r.get(rn), operand, true));
                return 1;
        }
    }

    int loadLiteral(int pc, int hw) {
        int address = ((pc + 4) & ~3) + (hw & 0xFF) * 4;
        r.set((hw >>> 8) & 7, core.read(address, AccessSize.WORD));
        return 2;
    }

    int dataProcessing(int pc, int hw) {
        int rdn = hw & 7;
        int x = r.get(rdn);
        int y = r.get((hw >>> 3) & 7);
        switch ((hw >>> 6) & 0xF) {
            case 0x0: r.set(rdn, alu.logicFlags(x & y)); break;
            case 0x1: r.set(rdn, alu.logicFlags(x ^ y)); break;
            case 0x2: r.set(rdn, alu.lslRegister(x, y)); break;
            case 0x3: r.set(rdn, alu.lsrRegister(x, y)); break;
            case 0x4: r.set(rdn, alu.asrRegister(x, y)); break;
            case 0x5: r.set(rdn, alu.addWithCarry(x, y, r.c, true)); break;
            case 0x6: r.set(rdn, alu.addWithCarry(x, ~y, r.c, true)); break;
            case 0x7: r.set(rdn, alu.rorRegister(x, y)); break;
            case 0x8: alu.logicFlags(x & y); break;
            case 0x9: r.set(rdn, alu.sub(0, y, true)); break;
            case 0xA: alu.sub(x, y, true); break;
            case 0xB: alu.add(x, y, true); break;
            case 0xC: r.set(rdn, alu.logicFlags(x | y)); break;
            case 0xD: r.set(rdn, alu.logicFlags(x * y)); break;
            case 0xE: r.set(rdn, alu.logicFlags(x & ~y)); break;
            default: r.set(rdn, alu.logicFlags(~y)); break;
        }
        return 1;
    }

    int specialDataAndBranchExchange(int pc, int hw) {
        int rm = (hw >>> 3) & 0xF;
        int rd = (hw & 7) | ((hw >>> 4) & 8);
        switch ((hw >>> 8) & 3) {
            case 0: {
                int result = reg(rd, pc) + reg(rm, pc);
                if (rd == 15) {
                    nextPc = result & ~1;
                    return 3;
                }
                r.set(rd, result);
                return 1;
            }
            case 1:
                alu.sub(reg(rd, pc), reg(rm, pc), true);
                return 1;
            case 2:
                if (rd == 15) {
                    nextPc = reg(rm, pc) & ~1;
                    return 3;
                }
                r.set(rd, reg(rm, pc));
                return 1;
            default: {
                if ((hw & 7) != 0) {
                    return undefined();
                }
                int target = reg(rm, pc);
                if ((hw & 0x80) != 0) {
                    r.setLr((pc + 2) | 1);
                }
                branchExchange(target);
                return 3;
            }
        }
    }

    void branchExchange(int target) {
        if (r.handlerMode() && (target >>> 28) == 0xF) {
            core.exceptionReturn(target);
            nextPc = r.pc();
        } else {
            r.setThumb((target & 1) != 0);
            nextPc = target & ~1;
        }
    }

    int loadStoreRegisterOffset(int pc, int hw) {
        int rt = hw & 7;
        int address = r.get((hw >>> 3) & 7) + r.get((hw >>> 6) & 7);
        switch ((hw >>> 9) & 7) {
            case 0: core.write(address, AccessSize.WORD, r.get(rt)); break;
            case 1: core.write(address, AccessSize.HALFWORD, r.get(rt)); break;
            case 2: core.write(address, AccessSize.BYTE, r.get(rt)); break;
            case 3: r.set(rt, (byte) core.read(address, AccessSize.BYTE)); break;
            case 4: r.set(rt, core.read(address, AccessSize.WORD)); break;
            case 5: r.set(rt, core.read(address, AccessSize.HALFWORD)); break;
            case 6: r.set(rt, core.read(address, AccessSize.BYTE)); break;
            default: r.set(rt, (short) core.read(address, AccessSize.HALFWORD)); break;
        }
        return 2;
    }

    int loadStoreHalfwordImmediate(int pc, int hw) {
        int offset = ((hw >>> 6) & 0x1F) * 2;
        return loadOrStore(hw, AccessSize.HALFWORD, r.get((hw >>> 3) & 7) + offset, hw & 7);
    }

    int loadStoreSpRelative(int pc, int hw) {
        return loadOrStore(hw, AccessSize.WORD, r.sp() + (hw & 0xFF) * 4, (hw >>> 8) & 7);
    }

    private int loadOrStore(int hw, AccessSize size, int address, int rt) {
        if ((hw & 0x0800) != 0) {
            r.set(rt, core.read(address, size));
        } else {
            core.write(address, size, r.get(rt));
        }
        return 2;
    }

    int addressGeneration(int pc, int hw) {
        int base = (hw & 0x0800) != 0 ? r.sp() : (pc + 4) & ~3;
        r.set((hw >>> 8) & 7, base + (hw & 0xFF) * 4);
        return 1;
    }

    int miscellaneous(int pc, int hw) {
        if ((hw & 0xFF00) == 0xB000) {
            int delta = (hw & 0x7F) * 4;
            r.setSp((hw & 0x80) != 0 ? r.sp() - delta : r.sp() + delta);
            return 1;
        }
        if ((hw & 0xFF00) == 0xB200) {
            int x = r.get((hw >>> 3) & 7);
            int[] results = {(short) x, (byte) x, x & 0xFFFF, x & 0xFF};
            r.set(hw & 7, results[(hw >>> 6) & 3]);
            return 1;
        }
        if ((hw & 0xFE00) == 0xB400) {
            return push(pc, hw);
        }
        if (armv7m) {
            if ((hw & 0xF500) == 0xB100) {
                return compareAndBranch(pc, hw);
            }
            if ((hw & 0xFF00) == 0xBF00 && (hw & 0xF) != 0) {
                r.itState = hw & 0xFF;
                return 1;
            }
            if ((hw & 0xFFEC) == 0xB660 && (hw & 3) != 0) {
                return changeProcessorState(hw);
            }
        }
        if ((hw & 0xFFEF) == 0xB662) {
            if (r.privileged()) {
                r.setPrimask((hw & 0x10) != 0);
            }
            return 1;
        }
        if ((hw & 0xFF00) == 0xBA00) {
            return reverse(hw);
        }
        if ((hw & 0xFE00) == 0xBC00) {
            return pop(pc, hw);
        }
        if ((hw & 0xFF00) == 0xBE00) {
            nextPc = pc;
            core.debugEvent(DebugState.DFSR_BKPT);
            return 1;
        }
        if ((hw & 0xFF00) == 0xBF00 && (hw & 0xF) == 0) {
            return hint((hw >>> 4) & 0xF);
        }
        return undefined();
    }

    /** CBZ and CBNZ (ARMv7-M). */
    private int compareAndBranch(int pc, int hw) {
        boolean zero = r.get(hw & 7) == 0;
        if (zero == ((hw & 0x0800) == 0)) {
            nextPc = pc + 4 + (((hw >>> 2) & 0x3E) | ((hw >>> 3) & 0x40));
            return 3;
        }
        return 1;
    }

    /** CPSIE/CPSID with I and/or F (ARMv7-M); FAULTMASK cannot be set at HardFault or NMI priority. */
    private int changeProcessorState(int hw) {
        if (!r.privileged()) {
            return 1;
        }
        boolean disable = (hw & 0x10) != 0;
        if ((hw & 2) != 0) {
            r.setPrimask(disable);
        }
        if ((hw & 1) != 0 && (!disable || core.executionPriority() > -1)) {
            r.setFaultmask(disable);
        }
        return 1;
    }

    private int reverse(int hw) {
        int x = r.get((hw >>> 3) & 7);
        int rd = hw & 7;
        switch ((hw >>> 6) & 3) {
            case 0: r.set(rd, Integer.reverseBytes(x)); break;
            case 1: r.set(rd, ((x & 0x00FF00FF) << 8) | ((x >>> 8) & 0x00FF00FF)); break;
            case 3: r.set(rd, (short) (((x & 0xFF) << 8) | ((x >>> 8) & 0xFF))); break;
            default: return undefined();
        }
        return 1;
    }

    private int hint(int opA) {
        switch (opA) {
            case 2: core.waitForEvent(); break;
            case 3: core.waitForInterrupt(); break;
            case 4: core.sendEvent(); break;
            default: break; // NOP, YIELD and unallocated hints
        }
        return 1;
    }

    int push(int pc, int hw) {
        int list = (hw & 0xFF) | ((hw & 0x100) != 0 ? 1 << 14 : 0);
        int count = Integer.bitCount(list);
        int address = r.sp() - 4 * count;
        int a = address;
        for (int i = 0; i <= 14; i++) {
            if ((list & (1 << i)) != 0) {
                core.writeAligned(a, AccessSize.WORD, r.get(i));
                a += 4;
            }
        }
        r.setSp(address);
        return 1 + count;
    }

    int pop(int pc, int hw) {
        int list = (hw & 0xFF) | ((hw & 0x100) != 0 ? 1 << 15 : 0);
        int count = Integer.bitCount(list);
        int[] values = loadedWords;
        int a = r.sp();
        for (int i = 0; i <= 15; i++) {
            if ((list & (1 << i)) != 0) {
                values[i] = core.readAligned(a, AccessSize.WORD);
                a += 4;
            }
        }
        for (int i = 0; i <= 7; i++) {
            if ((list & (1 << i)) != 0) {
                r.set(i, values[i]);
            }
        }
        r.setSp(r.sp() + 4 * count);
        if ((list & (1 << 15)) != 0) {
            branchExchange(values[15]);
            return 4 + count;
        }
        return 1 + count;
    }

    int loadStoreMultiple(int pc, int hw) {
        int rn = (hw >>> 8) & 7;
        int list = hw & 0xFF;
        int count = Integer.bitCount(list);
        int address = r.get(rn);
        boolean load = (hw & 0x0800) != 0;
        if (load) {
            int[] values = loadedWords;
            int a = address;
            for (int i = 0; i < 8; i++) {
                if ((list & (1 << i)) != 0) {
                    values[i] = core.readAligned(a, AccessSize.WORD);
                    a += 4;
                }
            }
            for (int i = 0; i < 8; i++) {
                if ((list & (1 << i)) != 0) {
                    r.set(i, values[i]);
                }
            }
            if ((list & (1 << rn)) == 0) {
                r.set(rn, address + 4 * count);
            }
        } else {
            int a = address;
            for (int i = 0; i < 8; i++) {
                if ((list & (1 << i)) != 0) {
                    core.writeAligned(a, AccessSize.WORD, r.get(i));
                    a += 4;
                }
            }
            r.set(rn, address + 4 * count);
        }
        return 1 + count;
    }

    /** UDF (condition 0xE) or SVC (0xF): the rest of the encoding class is CONDITIONAL_BRANCH. */
    private int undefinedOrSvc(int hw) {
        if (((hw >>> 8) & 0xF) == 0xE) {
            return undefined();
        }
        if (core.exceptions.priority(ExceptionState.SVCALL) >= core.executionPriority()) {
            // SVCall cannot be taken (PRIMASK, or priority at or above its own): it escalates to
            // HardFault, whose return address is still the instruction after the SVC.
            r.setPc(nextPc);
            core.raiseHardFault();
            nextPc = r.pc();
            return 1;
        }
        core.exceptions.setPending(ExceptionState.SVCALL, true);
        return 1;
    }

    int branch(int pc, int hw) {
        nextPc = pc + 4 + (((hw & 0x7FF) << 21) >> 20);
        return 3;
    }

    /** BL (both profiles): the 32-bit encodings with hw1 11110 and hw2 11x1. */
    int branchWithLink(int pc, int raw) {
        int hw1 = raw & 0xFFFF;
        int hw2 = raw >>> 16;
        int s = (hw1 >>> 10) & 1;
        int i1 = ~((hw2 >>> 13) ^ s) & 1;
        int i2 = ~((hw2 >>> 11) ^ s) & 1;
        int imm = (s << 24) | (i1 << 23) | (i2 << 22) | ((hw1 & 0x3FF) << 12) | ((hw2 & 0x7FF) << 1);
        imm = (imm << 7) >> 7;
        r.setLr((pc + 4) | 1);
        nextPc = pc + 4 + imm;
        return 4;
    }

    /** The 32-bit encodings of ARMv6-M: BL, MSR, MRS, DSB, DMB and ISB. */
    private int armv6mThirtyTwoBit(int pc, int raw) {
        int hw1 = raw & 0xFFFF;
        int hw2 = raw >>> 16;
        if ((hw1 & 0xF800) != 0xF000) {
            return undefined();
        }
        if ((hw2 & 0xD000) == 0xD000) {
            return branchWithLink(pc, raw);
        }
        if ((hw2 & 0xD000) != 0x8000) {
            return undefined();
        }
        if ((hw1 & 0xFFF0) == 0xF380 && (hw2 & 0xFF00) == 0x8800) {
            SpecialRegisters.msr(core, hw2 & 0xFF, r.get(hw1 & 0xF));
            return 4;
        }
        if (hw1 == 0xF3EF && (hw2 & 0xF000) == 0x8000) {
            int rd = (hw2 >>> 8) & 0xF;
            if (rd >= 13) {
                return undefined();
            }
            r.set(rd, SpecialRegisters.mrs(core, hw2 & 0xFF));
            return 4;
        }
        if (hw1 == 0xF3BF && (hw2 & 0xFF00) == 0x8F00) {
            int op = (hw2 >>> 4) & 0xF;
            if (op == 4 || op == 5 || op == 6) {
                return 4; // DSB, DMB, ISB: nothing is reordered or prefetched here
            }
        }
        return undefined();
    }
}
