/* RV32IMAC torture: ALU, M, A, C, loads/stores, branches, CSRs and traps. Every value is
   independent of where the program is linked; see the module README for the list. */
#include "../common/result.h"

#define PROGRAM_ID 0x54545652u /* "RVTT" */
#define UNMAPPED 0x00200000u   /* nothing there on QEMU virt nor on the lab board */

struct result_block result __attribute__((section(".result")));

extern char __text_start[], __text_end[], __ram_start[], __ram_end[];

/* asm helpers (torture_asm.S) */
uint32_t compressed_mix(uint32_t seed);
uint32_t jump_mix(uint32_t seed);
void illegal_cases(void);
void fetch_fault_case(void);
uint32_t mret_case(void);

static volatile uint32_t expect_traps;
static volatile uint32_t resume_at;

uint32_t position(uint32_t address) {
    if (address >= (uint32_t)__text_start && address < (uint32_t)__text_end) {
        return 0xC0000000u + (address - (uint32_t)__text_start);
    }
    if (address >= (uint32_t)__ram_start && address < (uint32_t)__ram_end) {
        return 0xD0000000u + (address - (uint32_t)__ram_start);
    }
    return address;
}

struct frame { uint32_t x[32]; };

void trap_handler(struct frame *frame) {
    uint32_t cause = CSR_READ(mcause);
    uint32_t epc = CSR_READ(mepc);
    uint32_t tval = CSR_READ(mtval);
    uint32_t status = CSR_READ(mstatus);
    if (result.trap_count < MAX_TRAPS) {
        struct trap_record *r = &result.traps[result.trap_count];
        r->mcause = cause;
        r->mepc = position(epc);
        r->mtval = position(tval);
        r->mstatus = status & 0x1888u;
    }
    result.trap_count++;
    if (!expect_traps) {
        result.status = STATUS_FAIL;
        for (;;) {
        }
    }
    if (resume_at) {
        CSR_WRITE(mepc, resume_at);
        resume_at = 0;
    } else if (cause == 1) {
        CSR_WRITE(mepc, frame->x[1]); /* a call into nowhere returns to its caller */
    } else {
        uint16_t low = *(volatile uint16_t *)epc;
        CSR_WRITE(mepc, epc + ((low & 3) == 3 ? 4 : 2));
    }
}

static uint32_t hash = 0x811C9DC5u;
static void fold(uint32_t v) {
    hash = (hash ^ v) * 0x01000193u;
}
static void value(uint32_t v) {
    if (result.value_count < MAX_VALUES) {
        result.values[result.value_count] = v;
    }
    result.value_count++;
}
static uint32_t take_fold(void) {
    uint32_t h = hash;
    hash = 0x811C9DC5u;
    return h;
}

static uint32_t prng_state = 0x2545F491u;
static uint32_t prng(void) {
    uint32_t x = prng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return prng_state = x;
}

static const uint32_t edges[] = {
    0, 1, 2, 31, 32, 33, 0x7FFFFFFFu, 0x80000000u, 0x80000001u, 0xFFFFFFFFu, 0xFFFFFFFEu,
    0x0000FFFFu, 0xFFFF0000u, 0x12345678u, 0xDEADBEEFu, 0x55555555u,
};
#define EDGE_COUNT (sizeof edges / sizeof edges[0])

#define OP_RR(op) static uint32_t op_##op(uint32_t a, uint32_t b) { \
    uint32_t r; __asm__ volatile (#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
OP_RR(add) OP_RR(sub) OP_RR(sll) OP_RR(srl) OP_RR(sra) OP_RR(slt) OP_RR(sltu) OP_RR(xor) OP_RR(or) OP_RR(and)
OP_RR(mul) OP_RR(mulh) OP_RR(mulhsu) OP_RR(mulhu) OP_RR(div) OP_RR(divu) OP_RR(rem) OP_RR(remu)

typedef uint32_t (*binary_op)(uint32_t, uint32_t);
static binary_op const binary_ops[] = {
    op_add, op_sub, op_sll, op_srl, op_sra, op_slt, op_sltu, op_xor, op_or, op_and,
    op_mul, op_mulh, op_mulhsu, op_mulhu, op_div, op_divu, op_rem, op_remu,
};
#define BINARY_OP_COUNT (sizeof binary_ops / sizeof binary_ops[0])

/* values 0-17: each register-register op over all edge pairs plus 64 PRNG pairs */
static void register_ops(void) {
    for (unsigned op = 0; op < BINARY_OP_COUNT; op++) {
        for (unsigned i = 0; i < EDGE_COUNT; i++) {
            for (unsigned j = 0; j < EDGE_COUNT; j++) {
                fold(binary_ops[op](edges[i], edges[j]));
            }
        }
        for (int k = 0; k < 64; k++) {
            uint32_t a = prng();
            fold(binary_ops[op](a, prng()));
        }
        value(take_fold());
    }
}

#define OP_RI(op, imm) do { uint32_t r; __asm__ volatile (#op " %0, %1, " #imm : "=r"(r) : "r"(a)); fold(r); } while (0)

/* value 18: immediate forms at their extreme immediates */
static void immediate_ops(void) {
    for (unsigned i = 0; i < EDGE_COUNT; i++) {
        uint32_t a = edges[i];
        OP_RI(addi, 0); OP_RI(addi, 2047); OP_RI(addi, -2048); OP_RI(addi, -1);
        OP_RI(slti, 0); OP_RI(slti, -1); OP_RI(slti, 2047); OP_RI(slti, -2048);
        OP_RI(sltiu, 0); OP_RI(sltiu, -1); OP_RI(sltiu, 1); OP_RI(sltiu, 2047);
        OP_RI(xori, -1); OP_RI(xori, 0x555); OP_RI(ori, -2048); OP_RI(ori, 0x7F0);
        OP_RI(andi, -1); OP_RI(andi, 0x0F0); OP_RI(andi, -16);
        OP_RI(slli, 0); OP_RI(slli, 1); OP_RI(slli, 31); OP_RI(srli, 0); OP_RI(srli, 1); OP_RI(srli, 31);
        OP_RI(srai, 0); OP_RI(srai, 1); OP_RI(srai, 31);
    }
    uint32_t r;
    __asm__ volatile ("lui %0, 0xFFFFF" : "=r"(r)); fold(r);
    __asm__ volatile ("lui %0, 0x80000" : "=r"(r)); fold(r);
    __asm__ volatile ("lui %0, 0x00001" : "=r"(r)); fold(r);
    value(take_fold());
}

/* value 19: the six branches over all edge pairs, one bit each */
static void branches(void) {
    for (unsigned i = 0; i < EDGE_COUNT; i++) {
        for (unsigned j = 0; j < EDGE_COUNT; j++) {
            uint32_t a = edges[i], b = edges[j], bits = 0;
#define BR(insn, bit) __asm__ volatile (#insn " %1, %2, 1f\n j 2f\n1: ori %0, %0, " #bit "\n2:" : "+r"(bits) : "r"(a), "r"(b))
            BR(beq, 1); BR(bne, 2); BR(blt, 4); BR(bge, 8); BR(bltu, 16); BR(bgeu, 32);
            fold(bits);
        }
    }
    value(take_fold());
}

/* values 20-21: loads with sign and zero extension, stores of every width */
static void loads_and_stores(void) {
    static volatile uint32_t buffer[8];
    volatile uint8_t *bytes = (volatile uint8_t *)buffer;
    buffer[0] = 0x8081FF7Fu;
    buffer[1] = 0x00807FFFu;
    for (int i = 0; i < 8; i++) {
        int32_t sb = ((volatile int8_t *)bytes)[i];
        uint32_t ub = bytes[i];
        fold((uint32_t)sb);
        fold(ub);
    }
    for (int i = 0; i < 4; i++) {
        int32_t sh = ((volatile int16_t *)buffer)[i];
        uint32_t uh = ((volatile uint16_t *)buffer)[i];
        fold((uint32_t)sh);
        fold(uh);
    }
    value(take_fold());
    for (int i = 0; i < 8; i++) {
        bytes[8 + i] = (uint8_t)(0xA0 + i * 0x11);
    }
    ((volatile uint16_t *)buffer)[8] = 0xBEEF;
    ((volatile uint16_t *)buffer)[11] = 0x1234;
    buffer[6] = 0xCAFEF00Du;
    for (int i = 2; i < 8; i++) {
        fold(buffer[i]);
    }
    value(take_fold());
}

static uint32_t amo(int which, volatile uint32_t *p, uint32_t v) {
    uint32_t old;
    switch (which) {
    case 0: __asm__ volatile ("amoswap.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 1: __asm__ volatile ("amoadd.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 2: __asm__ volatile ("amoxor.w.aq %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 3: __asm__ volatile ("amoand.w.rl %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 4: __asm__ volatile ("amoor.w.aqrl %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 5: __asm__ volatile ("amomin.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 6: __asm__ volatile ("amomax.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    case 7: __asm__ volatile ("amominu.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    default: __asm__ volatile ("amomaxu.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); break;
    }
    return old;
}

static uint32_t lr(volatile uint32_t *p) {
    uint32_t v;
    __asm__ volatile ("lr.w %0, (%1)" : "=r"(v) : "r"(p) : "memory");
    return v;
}

static uint32_t sc(volatile uint32_t *p, uint32_t v) {
    uint32_t failed;
    __asm__ volatile ("sc.w %0, %2, (%1)" : "=&r"(failed) : "r"(p), "r"(v) : "memory");
    return failed;
}

/* values 22-23: AMOs over edge pairs (old values and memory), LR/SC outcomes */
static void atomics(void) {
    static volatile uint32_t cell[2];
    for (int which = 0; which < 9; which++) {
        for (unsigned i = 0; i < EDGE_COUNT; i++) {
            for (unsigned j = 0; j < EDGE_COUNT; j += 3) {
                cell[0] = edges[i];
                fold(amo(which, &cell[0], edges[j]));
                fold(cell[0]);
            }
        }
    }
    value(take_fold());
    uint32_t outcomes = 0;
    cell[0] = 5;
    uint32_t v = lr(&cell[0]);
    outcomes |= sc(&cell[0], v + 1) << 0;            /* 0: succeeds */
    outcomes |= sc(&cell[0], 99) << 1;               /* 1: reservation gone */
    v = lr(&cell[0]);
    outcomes |= sc(&cell[1], 77) << 2;               /* 1: other address */
    outcomes |= sc(&cell[0], 88) << 3;               /* 1: the failed SC dropped it */
    v = lr(&cell[1]);
    v = lr(&cell[0]);                                /* the newest LR wins */
    outcomes |= sc(&cell[0], v + 10) << 4;           /* 0 */
    /* a compare-and-swap loop as compilers emit it */
    uint32_t expected = cell[0], swapped;
    do {
        swapped = lr(&cell[0]);
        if (swapped != expected) {
            break;
        }
    } while (sc(&cell[0], expected * 3));
    fold(outcomes);
    fold(cell[0]);
    fold(cell[1]);
    fold(swapped);
    value(take_fold());
}

/* value 24: C code the compiler compresses, with calls, recursion, a switch */
static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
static uint32_t classify(uint32_t v) {
    switch (v % 7) {
    case 0: return v * 3;
    case 1: return v ^ 0x1234;
    case 2: return v >> 3;
    case 3: return v + 77;
    case 4: return ~v;
    case 5: return v << 2;
    default: return v - 1;
    }
}
static void compiled_code(void) {
    fold(fib(18));
    uint32_t acc = 0;
    for (int i = 0; i < 100; i++) {
        acc = acc * 31 + classify(prng());
    }
    fold(acc);
    uint64_t wide = (uint64_t)prng() * prng();
    fold((uint32_t)wide);
    fold((uint32_t)(wide >> 32));
    fold((uint32_t)(wide / 12345u));
    fold((uint32_t)(wide % 977u));
    value(take_fold());
}

/* values 25-26: hand-written compressed sequences and jumps (torture_asm.S) */
static void handwritten(void) {
    value(compressed_mix(0x13579BDFu));
    value(jump_mix(0x2468ACE0u));
}

/* values 27-40: CSR read/write semantics and WARL fields */
static void csrs(void) {
    uint32_t old;
    CSR_WRITE(mscratch, 0x12345678u);
    __asm__ volatile ("csrrs %0, mscratch, %1" : "=r"(old) : "r"(0x0000FF00u));
    fold(old);
    __asm__ volatile ("csrrc %0, mscratch, %1" : "=r"(old) : "r"(0x12000000u));
    fold(old);
    __asm__ volatile ("csrrwi %0, mscratch, 21" : "=r"(old));
    fold(old);
    __asm__ volatile ("csrrsi %0, mscratch, 10" : "=r"(old));
    fold(old);
    __asm__ volatile ("csrrci %0, mscratch, 1" : "=r"(old));
    fold(old);
    __asm__ volatile ("csrrs %0, mscratch, zero" : "=r"(old));
    fold(old);
    value(take_fold());                                       /* 27 */

    uint32_t saved_mtvec = CSR_READ(mtvec);
    CSR_WRITE(mtvec, saved_mtvec | 2);                        /* reserved mode: ignored */
    value(position(CSR_READ(mtvec)));                         /* 28 */
    CSR_WRITE(mtvec, saved_mtvec);

    CSR_WRITE(mepc, 0xFFFFFFFFu);
    value(CSR_READ(mepc) & ~1u);                              /* 29: QEMU 7.2 keeps bit 0 */
    CSR_WRITE(mcause, 0xFFFFFFFFu);
    value(CSR_READ(mcause));                                  /* 30 */
    CSR_WRITE(mtval, 0xA5A5A5A5u);
    value(CSR_READ(mtval));                                   /* 31 */
    CSR_WRITE(mie, 0xFFFFFFFFu);
    value(CSR_READ(mie) & 0x888u);                            /* 32: QEMU also keeps S/VS bits */
    CSR_WRITE(mie, 0);
    CSR_WRITE(mip, 0xFFFFFFFFu);
    value(CSR_READ(mip) & 0x808u);                            /* 33: MTIP is the board's timer */
    value(CSR_READ(misa));                                    /* 34 */
    CSR_WRITE(misa, 0);
    value(CSR_READ(misa));                                    /* 35 */
    /* MPP always written as M: QEMU 7.2 keeps other values and MRET would then go to U */
    CSR_WRITE(mstatus, 0x1888u);
    value(CSR_READ(mstatus) & 0x1888u);                       /* 36 */
    CSR_WRITE(mstatus, 0x1800u);
    value(CSR_READ(mstatus) & 0x1888u);                       /* 37 */
    value(CSR_READ(mhartid));                                 /* 38 */

    uint32_t c0 = CSR_READ(mcycle), i0 = CSR_READ(minstret);
    for (volatile int k = 0; k < 10; k++) {
    }
    uint32_t c1 = CSR_READ(mcycle), i1 = CSR_READ(minstret);
    value((c1 != c0) | (i1 != i0) << 1);                      /* 39: both count */
    value(mret_case());                                       /* 40 */
}

/* values 41-44: traps; the records themselves go to result.traps */
static void traps(void) {
    volatile uint32_t *unmapped = (volatile uint32_t *)UNMAPPED;
    static volatile uint32_t words[4] = { 0x11223344u, 0x55667788u, 0x99AABBCCu, 0xDDEEFF00u };
    expect_traps = 1;
    __asm__ volatile ("ecall");
    __asm__ volatile ("ebreak");
    __asm__ volatile (".option push\n.option rvc\nc.ebreak\n.option pop");
    illegal_cases();
    fetch_fault_case();
    uint32_t sink = 0xEEEEEEEEu;
    __asm__ volatile ("lw %0, 0(%1)" : "+r"(sink) : "r"(unmapped) : "memory");
    fold(sink);                                               /* unchanged: the load trapped */
    __asm__ volatile ("sw %0, 4(%1)" :: "r"(sink), "r"(unmapped) : "memory");
    __asm__ volatile ("lbu %0, 3(%1)" : "+r"(sink) : "r"(unmapped) : "memory");
    __asm__ volatile ("sh %0, 6(%1)" :: "r"(sink), "r"(unmapped) : "memory");
    /* not here: an AMO at an unmapped address (QEMU 7.2 reports cause 5, the spec 7) */
    __asm__ volatile ("lr.w %0, (%1)" : "+r"(sink) : "r"(unmapped) : "memory");
    fold(sink);
    value(take_fold());                                       /* 41 */

    /* a misaligned LR.W traps; an SC.W without a reservation just fails */
    volatile uint32_t *odd = (volatile uint32_t *)((uintptr_t)words + 2);
    uint32_t r = 0x77777777u;
    __asm__ volatile ("lr.w %0, (%1)" : "+r"(r) : "r"(odd) : "memory");
    /* not here: a misaligned AMO (QEMU 7.2 reports cause 4, the spec 6) */
    fold(r);
    fold(sc(odd, 5));                                         /* no reservation: fails, no trap */
    value(take_fold());                                       /* 42 */
    value(result.trap_count);                                 /* 43 */
    value(words[0] + words[1] + words[2] + words[3]);         /* 44: untouched */

    /* QEMU virt performs misaligned loads and stores on RAM; the Bumblebee core traps (4, 6) */
    uint32_t lw1 = 1, lh1 = 2, lhu3 = 3;
    __asm__ volatile ("lw %0, 1(%1)" : "+r"(lw1) : "r"(words) : "memory");
    __asm__ volatile ("lh %0, 3(%1)" : "+r"(lh1) : "r"(words) : "memory");
    __asm__ volatile ("lhu %0, 7(%1)" : "+r"(lhu3) : "r"(words) : "memory");
    __asm__ volatile ("sw %0, 5(%1)" :: "r"(0xA1B2C3D4u), "r"(words) : "memory");
    __asm__ volatile ("sh %0, 11(%1)" :: "r"(0xE5F6u), "r"(words) : "memory");
    fold(lw1);
    fold(lh1);
    fold(lhu3);
    for (int i = 0; i < 4; i++) {
        fold(words[i]);
    }
    value(take_fold());                                       /* 45 */
    value(result.trap_count);                                 /* 46 */
    expect_traps = 0;
}

int main(void) {
    volatile uint32_t *block = (volatile uint32_t *)&result;
    for (unsigned i = 0; i < sizeof result / 4; i++) {
        block[i] = 0;
    }
    result.program = PROGRAM_ID;
    register_ops();
    immediate_ops();
    branches();
    loads_and_stores();
    atomics();
    compiled_code();
    handwritten();
    csrs();
    traps();
    value(prng_state);                                        /* 47 */
    result.status = STATUS_DONE;
    return 0;
}
