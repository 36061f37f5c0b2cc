/* Random RV32IMC register-only instruction blocks run from RAM: every 32-bit OP (incl. M),
   OP-IMM and LUI form and the register-only compressed forms, on x5-x31 with x0 as a source.
   Value i (i < BLOCKS) is the fold of block i's 27 output registers; see the module README. */
#include "../common/result.h"

#define PROGRAM_ID 0x5A5A5546u /* "FUZZ" */
#define BLOCKS 96
#define SLOTS 24 /* 32-bit slots per block: one 32-bit or two 16-bit instructions each */
#define REGISTERS 27 /* x5-x31 */

struct result_block result __attribute__((section(".result")));

void run_block(const uint32_t *in, const uint32_t *code, uint32_t *out);

static uint32_t code[SLOTS + 1];
static uint32_t in[REGISTERS], out[REGISTERS];
static uint32_t prng_state = 0x9E3779B9u;

static uint32_t prng(void) {
    uint32_t x = prng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return prng_state = x;
}

static uint32_t below(uint32_t n) {
    return prng() % n;
}

/* x5-x31 as a destination */
static uint32_t rd(void) {
    return 5 + below(27);
}

/* x0 or x5-x31 as a source */
static uint32_t rs(void) {
    uint32_t r = below(28);
    return r == 0 ? 0 : r + 4;
}

/* Every PRNG draw is its own statement: FuzzModel in the tests replays them in this order. */
static uint32_t r_type(uint32_t funct7, uint32_t funct3) {
    uint32_t rs2 = rs();
    uint32_t rs1 = rs();
    uint32_t d = rd();
    return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | d << 7 | 0x33;
}

static uint32_t instruction32(void) {
    static const uint8_t alt_funct3[] = {0, 5};
    switch (below(5)) {
    case 0:
        return r_type(0, below(8));
    case 1:
        return r_type(0x20, alt_funct3[below(2)]);
    case 2:
        return r_type(1, below(8));
    case 3: {
        uint32_t funct3 = below(8);
        uint32_t imm = prng() & 0xFFF;
        if (funct3 == 1) {
            imm &= 0x1F;
        } else if (funct3 == 5) {
            imm = (imm & 0x1F) | (below(2) ? 0x400 : 0);
        }
        uint32_t rs1 = rs();
        uint32_t d = rd();
        return imm << 20 | rs1 << 15 | funct3 << 12 | d << 7 | 0x13;
    }
    default: {
        uint32_t upper = prng() & 0xFFFFF000u;
        uint32_t d = rd();
        return upper | d << 7 | 0x37;
    }
    }
}

static uint32_t nonzero6(void) {
    uint32_t v;
    do {
        v = prng() & 0x3F;
    } while (v == 0);
    return v;
}

static uint32_t instruction16(void) {
    uint32_t d = rd();
    uint32_t imm = prng() & 0x3F;
    uint32_t dp = below(8); /* x8-x15 */
    uint32_t sp = below(8);
    uint32_t rs2 = 5 + below(27);
    switch (below(10)) {
    case 0: /* c.li */
        return 0x4001 | (imm >> 5) << 12 | d << 7 | (imm & 0x1F) << 2;
    case 1: /* c.addi */
        return 0x0001 | (imm >> 5) << 12 | d << 7 | (imm & 0x1F) << 2;
    case 2: { /* c.lui, rd != x2 */
        uint32_t v = nonzero6();
        return 0x6001 | (v >> 5) << 12 | d << 7 | (v & 0x1F) << 2;
    }
    case 3: /* c.slli, shamt < 32 */
        return 0x0002 | d << 7 | (imm & 0x1F) << 2;
    case 4: /* c.mv */
        return 0x8002 | d << 7 | rs2 << 2;
    case 5: /* c.add */
        return 0x9002 | d << 7 | rs2 << 2;
    case 6: /* c.srli, c.srai */
        return 0x8001 | below(2) << 10 | dp << 7 | (imm & 0x1F) << 2;
    case 7: /* c.andi */
        return 0x8801 | (imm >> 5) << 12 | dp << 7 | (imm & 0x1F) << 2;
    default: /* c.sub, c.xor, c.or, c.and */
        return 0x8C01 | dp << 7 | below(4) << 5 | sp << 2;
    }
}

/* No generated instruction may trap: any trap ends the program with FAIL and its mcause and mtval. */
void trap_handler(void) {
    result.trap_count = 1;
    result.traps[0].mcause = CSR_READ(mcause);
    result.traps[0].mtval = CSR_READ(mtval);
    result.status = STATUS_FAIL;
    for (;;) {
    }
}

static const uint32_t edges[] = {0, 1, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 31, 32, 0xFFFF0000u};

static uint32_t fold_outputs(void) {
    uint32_t h = 0x811C9DC5u;
    for (int i = 0; i < REGISTERS; i++) {
        h = (h ^ out[i]) * 0x01000193u;
    }
    return h;
}

int main(void) {
    volatile uint32_t *block = (volatile uint32_t *)&result;
    for (unsigned i = 0; i < sizeof result / 4; i++) {
        block[i] = 0;
    }
    result.program = PROGRAM_ID;
    for (int b = 0; b < BLOCKS; b++) {
        for (int s = 0; s < SLOTS; s++) {
            if (below(2)) {
                code[s] = instruction32();
            } else {
                uint32_t first = instruction16();
                code[s] = first | instruction16() << 16;
            }
        }
        code[SLOTS] = 0x00018082u; /* c.jr ra; c.nop */
        __asm__ volatile ("fence.i" ::: "memory");
        for (int i = 0; i < REGISTERS; i++) {
            in[i] = below(4) ? prng() : edges[below(8)];
        }
        run_block(in, code, out);
        result.values[b] = fold_outputs();
    }
    result.values[BLOCKS] = prng_state;
    result.value_count = BLOCKS + 1;
    result.status = STATUS_DONE;
    return 0;
}
