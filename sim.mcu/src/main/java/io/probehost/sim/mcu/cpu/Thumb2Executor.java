package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.AccessSize;

/**
 * The 32-bit Thumb-2 encodings of ARMv7-M (no DSP extension, no floating point): branches and
 * miscellaneous control, loads and stores of every form, load/store multiple, dual, exclusive and
 * table branch; data processing goes to {@link Thumb2DataProcessing}. Encodings outside ARMv7-M
 * are undefined instructions (UsageFault UNDEFINSTR), the coprocessor space UsageFault NOCP.
 */
final class Thumb2Executor {
    private final Core core;
    private final Registers r;
    private final ThumbExecutor thumb;
    private final Alu alu;
    private final Thumb2DataProcessing dataProcessing;

    Thumb2Executor(Core core, ThumbExecutor thumb, Alu alu) {
        this.core = core;
        this.r = core.regs;
        this.thumb = thumb;
        this.alu = alu;
        this.dataProcessing = new Thumb2DataProcessing(core, alu);
    }

    int execute(int pc, int hw1, int hw2) {
        switch ((hw1 >>> 11) & 3) {
            case 1:
                if ((hw1 & 0x0400) != 0) {
                    return noCoprocessor();
                }
                if ((hw1 & 0x0200) != 0) {
                    return dataProcessing.shiftedRegister(hw1, hw2);
                }
                return (hw1 & 0x0040) == 0 ? loadStoreMultiple(hw1, hw2) : dualExclusiveOrTable(pc, hw1, hw2);
            case 2:
                if ((hw2 & 0x8000) != 0) {
                    return branchOrControl(pc, hw1, hw2);
                }
                return (hw1 & 0x0200) == 0 ? dataProcessing.modifiedImmediate(hw1, hw2)
                        : dataProcessing.plainImmediate(pc, hw1, hw2);
            default:
                if ((hw1 & 0x0400) != 0) {
                    return noCoprocessor();
                }
                if ((hw1 & 0x0200) == 0) {
                    return (hw1 & 0x0100) != 0 && (hw1 & 0x0010) == 0 ? undefined() : loadStore(pc, hw1, hw2);
                }
                return dataProcessing.registerOrMultiply(hw1, hw2);
        }
    }

    private int undefined() {
        throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNDEFINSTR);
    }

    /** The coprocessor space: no coprocessor on this core, a UsageFault NOCP. */
    private int noCoprocessor() {
        throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_NOCP);
    }

    // ---- branches and miscellaneous control ----

    private int branchOrControl(int pc, int hw1, int hw2) {
        int s = (hw1 >>> 10) & 1;
        int j1 = (hw2 >>> 13) & 1;
        int j2 = (hw2 >>> 11) & 1;
        switch ((hw2 >>> 12) & 5) {
            case 0: {
                if ((hw1 & 0x0380) != 0x0380) {
                    int imm = (s << 20) | (j2 << 19) | (j1 << 18) | ((hw1 & 0x3F) << 12) | ((hw2 & 0x7FF) << 1);
                    if (!alu.conditionPassed((hw1 >>> 6) & 0xF)) {
                        return 1;
                    }
                    thumb.setNextPc(pc + 4 + ((imm << 11) >> 11));
                    return 3;
                }
                return control(hw1, hw2);
            }
            case 1:
            case 5: {
                int i1 = ~(j1 ^ s) & 1;
                int i2 = ~(j2 ^ s) & 1;
                int imm = (s << 24) | (i1 << 23) | (i2 << 22) | ((hw1 & 0x3FF) << 12) | ((hw2 & 0x7FF) << 1);
                if ((hw2 & 0x4000) != 0) {
                    r.setLr((pc + 4) | 1);
                }
                thumb.setNextPc(pc + 4 + ((imm << 7) >> 7));
                return 4;
            }
            default:
                return undefined();
        }
    }

    private int control(int hw1, int hw2) {
        int op = (hw1 >>> 4) & 0x7F;
        if ((op & 0x7E) == 0x38 && (hw2 & 0x3F00) == 0x0800) {
            SpecialRegisters.msr(core, hw2 & 0xFF, r.get(hw1 & 0xF));
            return 4;
        }
        if ((op & 0x7E) == 0x3E) {
            int rd = (hw2 >>> 8) & 0xF;
            if (rd >= 13) {
                return undefined();
            }
            r.set(rd, SpecialRegisters.mrs(core, hw2 & 0xFF));
            return 4;
        }
        if (op == 0x3A && (hw2 & 0x0700) == 0) {
            return 1; // NOP.W, YIELD.W, WFE.W, WFI.W, SEV.W act as hints: nothing waits for a wide one here
        }
        if (op == 0x3B) {
            switch ((hw2 >>> 4) & 0xF) {
                case 2: core.clearExclusive(); return 1;
                case 4:
                case 5:
                case 6: return 4; // DSB, DMB, ISB
                default: return undefined();
            }
        }
        return undefined();
    }

    // ---- single loads and stores ----

    private int loadStore(int pc, int hw1, int hw2) {
        int sizeCode = (hw1 >>> 5) & 3;
        if (sizeCode == 3) {
            return undefined();
        }
        AccessSize size = sizeCode == 0 ? AccessSize.BYTE : sizeCode == 1 ? AccessSize.HALFWORD : AccessSize.WORD;
        boolean load = (hw1 & 0x10) != 0;
        boolean signed = (hw1 & 0x100) != 0;
        if (signed && size == AccessSize.WORD) {
            return undefined();
        }
        int rn = hw1 & 0xF;
        int rt = (hw2 >>> 12) & 0xF;
        int address;
        int writeback = 0;
        boolean hasWriteback = false;
        if (rn == 15) {
            if (!load) {
                return undefined();
            }
            int base = (pc + 4) & ~3;
            address = (hw1 & 0x80) != 0 ? base + (hw2 & 0xFFF) : base - (hw2 & 0xFFF);
        } else if ((hw1 & 0x80) != 0) {
            address = r.get(rn) + (hw2 & 0xFFF);
        } else if ((hw2 & 0x0800) != 0) {
            int offset = (hw2 & 0x200) != 0 ? hw2 & 0xFF : -(hw2 & 0xFF);
            boolean index = (hw2 & 0x400) != 0;
            boolean wback = (hw2 & 0x100) != 0;
            if (!index && !wback) {
                return undefined();
            }
            int offsetAddress = r.get(rn) + offset;
            address = index ? offsetAddress : r.get(rn);
            hasWriteback = wback;
            writeback = offsetAddress;
        } else if ((hw2 & 0x0FC0) == 0) {
            address = r.get(rn) + (r.get(hw2 & 0xF) << ((hw2 >>> 4) & 3));
        } else {
            return undefined();
        }
        if (!load) {
            core.write(address, size, r.get(rt));
            if (hasWriteback) {
                r.set(rn, writeback);
            }
            return 2;
        }
        if (rt == 15 && size != AccessSize.WORD) {
            return 1; // PLD, PLI: preload hints
        }
        int value = core.read(address, size);
        if (signed) {
            value = size == AccessSize.BYTE ? (byte) value : (short) value;
        }
        if (hasWriteback) {
            r.set(rn, writeback);
        }
        if (rt == 15) {
            thumb.branchExchange(value);
            return 4;
        }
        r.set(rt, value);
        return 2;
    }

    // ---- load/store multiple ----

    private int loadStoreMultiple(int hw1, int hw2) {
        int op = (hw1 >>> 7) & 3;
        if (op == 0 || op == 3) {
            return undefined(); // SRS, RFE: not in ARMv7-M
        }
        boolean load = (hw1 & 0x10) != 0;
        boolean wback = (hw1 & 0x20) != 0;
        int rn = hw1 & 0xF;
        int list = hw2 & (load ? 0xDFFF : 0x5FFF);
        int count = Integer.bitCount(list);
        int base = r.get(rn);
        int start = op == 1 ? base : base - 4 * count;
        int end = op == 1 ? base + 4 * count : base - 4 * count;
        if (load) {
            int[] values = thumb.loadedWords;
            int a = start;
            for (int i = 0; i < 16; i++) {
                if ((list & (1 << i)) != 0) {
                    values[i] = core.readAligned(a, AccessSize.WORD);
                    a += 4;
                }
            }
            if (wback && (list & (1 << rn)) == 0) {
                r.set(rn, end);
            }
            for (int i = 0; i < 15; i++) {
                if ((list & (1 << i)) != 0) {
                    r.set(i, values[i]);
                }
            }
            if ((list & (1 << 15)) != 0) {
                thumb.branchExchange(values[15]);
                return 4 + count;
            }
        } else {
            int a = start;
            for (int i = 0; i < 15; i++) {
                if ((list & (1 << i)) != 0) {
                    core.writeAligned(a, AccessSize.WORD, r.get(i));
                    a += 4;
                }
            }
            if (wback) {
                r.set(rn, end);
            }
        }
        return 1 + count;
    }

    // ---- dual, exclusive, table branch ----

    private int dualExclusiveOrTable(int pc, int hw1, int hw2) {
        int op1 = (hw1 >>> 7) & 3;
        int op2 = (hw1 >>> 4) & 3;
        int rn = hw1 & 0xF;
        int rt = (hw2 >>> 12) & 0xF;
        if (op1 == 0 && op2 == 0) {
            int address = r.get(rn) + (hw2 & 0xFF) * 4;
            return storeExclusive(address, AccessSize.WORD, (hw2 >>> 8) & 0xF, rt, rn);
        }
        if (op1 == 0 && op2 == 1) {
            int address = r.get(rn) + (hw2 & 0xFF) * 4;
            return loadExclusive(address, AccessSize.WORD, rt);
        }
        if (op1 == 1 && op2 == 0) {
            switch ((hw2 >>> 4) & 0xF) {
                case 4: return storeExclusive(r.get(rn), AccessSize.BYTE, hw2 & 0xF, rt, rn);
                case 5: return storeExclusive(r.get(rn), AccessSize.HALFWORD, hw2 & 0xF, rt, rn);
                default: return undefined();
            }
        }
        if (op1 == 1 && op2 == 1) {
            switch ((hw2 >>> 4) & 0xF) {
                case 0: return tableBranch(pc, rn == 15 ? pc + 4 : r.get(rn), r.get(hw2 & 0xF), false);
                case 1: return tableBranch(pc, rn == 15 ? pc + 4 : r.get(rn), r.get(hw2 & 0xF) * 2, true);
                case 4: return loadExclusive(r.get(rn), AccessSize.BYTE, rt);
                case 5: return loadExclusive(r.get(rn), AccessSize.HALFWORD, rt);
                default: return undefined();
            }
        }
        return dual(pc, hw1, hw2);
    }

    private int dual(int pc, int hw1, int hw2) {
        boolean index = (hw1 & 0x100) != 0;
        boolean add = (hw1 & 0x80) != 0;
        boolean wback = (hw1 & 0x20) != 0;
        boolean load = (hw1 & 0x10) != 0;
        int rn = hw1 & 0xF;
        int rt = (hw2 >>> 12) & 0xF;
        int rt2 = (hw2 >>> 8) & 0xF;
        int offset = add ? (hw2 & 0xFF) * 4 : -(hw2 & 0xFF) * 4;
        int base = rn == 15 ? (pc + 4) & ~3 : r.get(rn);
        int offsetAddress = base + offset;
        int address = index ? offsetAddress : base;
        if (load) {
            int first = core.readAligned(address, AccessSize.WORD);
            int second = core.readAligned(address + 4, AccessSize.WORD);
            r.set(rt, first);
            r.set(rt2, second);
        } else {
            core.writeAligned(address, AccessSize.WORD, r.get(rt));
            core.writeAligned(address + 4, AccessSize.WORD, r.get(rt2));
        }
        if (wback) {
            r.set(rn, offsetAddress);
        }
        return 3;
    }

    private int loadExclusive(int address, AccessSize size, int rt) {
        int value = core.readAligned(address, size);
        core.openExclusive(address);
        r.set(rt, value);
        return 2;
    }

    /** STREX with Rd equal to Rt or Rn is UNPREDICTABLE; QEMU makes it UNDEFINED, and so does the lab. */
    private int storeExclusive(int address, AccessSize size, int rd, int rt, int rn) {
        if (rd == rt || rd == rn) {
            return undefined();
        }
        if (core.exclusiveOpenAt(address)) {
            core.writeAligned(address, size, r.get(rt));
            r.set(rd, 0);
        } else {
            if ((address & (size.bytes() - 1)) != 0) {
                throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNALIGNED);
            }
            r.set(rd, 1);
        }
        core.clearExclusive();
        return 2;
    }

    private int tableBranch(int pc, int base, int offset, boolean halfword) {
        int entry = halfword ? core.read(base + offset, AccessSize.HALFWORD) : core.read(base + offset, AccessSize.BYTE);
        thumb.setNextPc(pc + 4 + 2 * entry);
        return 4;
    }
}
