/* Random ARMv7-M Thumb-2 instructions generated into RAM and executed there (the ARMv7-M fuzz):
 * data processing with modified immediates and shifted registers (compare forms, MOV/MVN, RRX),
 * shifts by register, extends with rotation, REV/REV16/REVSH/RBIT/CLZ, MUL/MLA/MLS, the 64-bit
 * multiplies, SDIV/UDIV, ADDW/SUBW/MOVW/MOVT, SSAT/USAT, SBFX/UBFX/BFI/BFC and IT blocks over
 * these and the 16-bit data-processing set. 8 KiB of SRAM hold the last SLOTS blocks (block b in
 * slot b % SLOTS: inputs, code, outputs); the fold covers every block's outputs.
 * Values: 0 fold, 1 code, 2 inputs, 3 outputs, 4 blocks run, 5 slots, 6 halfwords per block. */
#include "../common/result.h"

#define PROGRAM_FUZZ2 0x32545A46u /* "FZT2" */
#define BLOCKS 600u
#define SLOTS 16u
#define BLOCK_HALFWORDS 24u  /* instructions, then BX LR within the last two */
#define STATE_WORDS 14u      /* r0-r12, APSR */
#define BX_LR 0x4770u

void run_block(uint32_t state[STATE_WORDS], const uint16_t *code);

static uint16_t code[SLOTS][BLOCK_HALFWORDS] __attribute__((aligned(4)));
static uint32_t inputs[SLOTS][STATE_WORDS];
static uint32_t outputs[SLOTS][STATE_WORDS];
static uint32_t prng_state = 0x7E57AB1Eu;

static const uint32_t edge[8] = {
    0x00000000u, 0x00000001u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 0x80000001u, 0x0000001Fu, 0x00000020u,
};

static uint32_t next(void)
{
    uint32_t x = prng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    prng_state = x;
    return x;
}

static uint32_t reg(void) { return next() % 13u; } /* r0-r12 */
static uint32_t low(void) { return next() & 7u; }

/* Writes one 32-bit instruction. */
static void wide(uint16_t *out, uint32_t hw1, uint32_t hw2)
{
    out[0] = (uint16_t)hw1;
    out[1] = (uint16_t)hw2;
}

static const uint32_t dp_ops[10] = { 0, 1, 2, 3, 4, 8, 10, 11, 13, 14 }; /* AND BIC ORR ORN EOR ADD ADC SBC SUB RSB */
static const uint32_t compare_ops[4] = { 0, 4, 8, 13 };                  /* TST TEQ CMN CMP */

/* Opcode, S, Rn and Rd of a data-processing instruction: compare forms, MOV/MVN forms and the rest. */
static void dp_fields(uint32_t *op, uint32_t *s, uint32_t *rn, uint32_t *rd)
{
    uint32_t form = next() % 8u;
    *rn = reg();
    *rd = reg();
    *s = next() & 1u;
    if (form == 0u) {
        *op = compare_ops[next() & 3u];
        *rd = 15u;
        *s = 1u;
    } else if (form == 1u) {
        *op = 2u + (next() & 1u); /* MOV, MVN */
        *rn = 15u;
    } else {
        *op = dp_ops[next() % 10u];
    }
}

static void random_wide(uint16_t *out)
{
    uint32_t kind = next() % 16u;
    uint32_t op, s, rn, rd;
    uint32_t imm3 = next() & 7u, imm2 = next() & 3u, imm8 = next() & 0xFFu, i = next() & 1u;
    switch (kind) {
    case 0: case 1: case 2: /* modified immediate */
        dp_fields(&op, &s, &rn, &rd);
        if (i == 0u && (imm3 & 4u) == 0u && (imm3 & 3u) != 0u && imm8 == 0u) imm8 = 1u;
        wide(out, 0xF000u | i << 10 | op << 5 | s << 4 | rn, imm3 << 12 | rd << 8 | imm8);
        return;
    case 3: case 4: case 5: /* shifted register */
        dp_fields(&op, &s, &rn, &rd);
        wide(out, 0xEA00u | op << 5 | s << 4 | rn, imm3 << 12 | rd << 8 | imm2 << 6 | (next() & 3u) << 4 | reg());
        return;
    case 6: /* LSL/LSR/ASR/ROR by register */
        wide(out, 0xFA00u | (next() & 3u) << 5 | (next() & 1u) << 4 | reg(), 0xF000u | reg() << 8 | reg());
        return;
    case 7: { /* SXTH UXTH SXTB UXTB with rotation; REV REV16 RBIT REVSH CLZ */
        static const uint32_t extends[4] = { 0xFA0Fu, 0xFA1Fu, 0xFA4Fu, 0xFA5Fu };
        uint32_t m = reg();
        if (next() & 1u) {
            wide(out, extends[next() & 3u], 0xF080u | reg() << 8 | (next() & 3u) << 4 | m);
        } else {
            uint32_t which = next() % 5u;
            uint32_t hw1 = which == 4u ? 0xFAB0u : 0xFA90u;
            wide(out, hw1 | m, 0xF080u | reg() << 8 | (which == 4u ? 0u : which) << 4 | m);
        }
        return;
    }
    case 8: { /* MUL, MLA, MLS */
        uint32_t form = next() % 3u;
        uint32_t ra = form == 0u ? 15u : reg();
        wide(out, 0xFB00u | reg(), ra << 12 | reg() << 8 | (form == 2u ? 0x10u : 0u) | reg());
        return;
    }
    case 9: { /* SMULL UMULL SMLAL UMLAL, SDIV UDIV */
        static const uint32_t longs[4] = { 0xFB80u, 0xFBA0u, 0xFBC0u, 0xFBE0u };
        if (next() & 1u) {
            uint32_t lo = reg(), hi = reg();
            if (hi == lo) hi = (lo + 1u) % 13u;
            wide(out, longs[next() & 3u] | reg(), lo << 12 | hi << 8 | reg());
        } else {
            wide(out, ((next() & 1u) ? 0xFB90u : 0xFBB0u) | reg(), 0xF0F0u | reg() << 8 | reg());
        }
        return;
    }
    case 10: { /* ADDW SUBW MOVW MOVT */
        static const uint32_t plain[4] = { 0xF200u, 0xF2A0u, 0xF240u, 0xF2C0u };
        uint32_t which = next() & 3u;
        uint32_t low4 = which < 2u ? reg() : next() & 15u;
        wide(out, plain[which] | i << 10 | low4, imm3 << 12 | reg() << 8 | imm8);
        return;
    }
    case 11: { /* SSAT USAT with LSL or ASR */
        uint32_t sh = next() & 1u;
        if (sh && imm3 == 0u && imm2 == 0u) imm2 = 1u;
        wide(out, ((next() & 1u) ? 0xF380u : 0xF300u) | sh << 5 | reg(), imm3 << 12 | reg() << 8 | imm2 << 6 | (next() & 31u));
        return;
    }
    case 12: { /* SBFX UBFX */
        uint32_t lsb = next() & 31u, width = 1u + next() % (32u - lsb);
        wide(out, ((next() & 1u) ? 0xF3C0u : 0xF340u) | reg(), (lsb >> 2) << 12 | reg() << 8 | (lsb & 3u) << 6 | (width - 1u));
        return;
    }
    default: { /* BFI BFC */
        uint32_t lsb = next() & 31u, msb = lsb + next() % (32u - lsb);
        uint32_t n = (next() & 3u) == 0u ? 15u : reg();
        wide(out, 0xF360u | n, (lsb >> 2) << 12 | reg() << 8 | (lsb & 3u) << 6 | msb);
        return;
    }
    }
}

/* The 16-bit data-processing set of the Cortex-M0 fuzz (no branches). */
static uint16_t random_narrow(void)
{
    uint32_t kind = next() % 8u;
    if (kind == 0) return (uint16_t)((next() % 3u) << 11 | (next() & 31u) << 6 | low() << 3 | low());
    if (kind == 1) return (uint16_t)(0x1800u | (next() & 3u) << 9 | low() << 6 | low() << 3 | low());
    if (kind == 2) return (uint16_t)(0x2000u | (next() & 3u) << 11 | low() << 8 | (next() & 0xFFu));
    if (kind < 6) return (uint16_t)(0x4000u | (next() & 15u) << 6 | low() << 3 | low());
    if (kind == 6) return (uint16_t)(0xB200u | (next() & 3u) << 6 | low() << 3 | low());
    static const uint16_t reverse_ops[3] = { 0u, 1u, 3u };
    return (uint16_t)(0xBA00u | reverse_ops[next() % 3u] << 6 | low() << 3 | low());
}

/* One instruction at out (room halfwords left); returns the halfwords written. */
static uint32_t random_instruction(uint16_t *out, uint32_t room)
{
    if (room >= 2u && (next() % 3u) != 0u) {
        random_wide(out);
        return 2u;
    }
    out[0] = random_narrow();
    return 1u;
}

/* IT with 1-4 instructions: a random condition EQ..LE and a random then/else pattern. */
static uint32_t random_it_block(uint16_t *out, uint32_t room)
{
    uint32_t count = 1u + (next() & 3u);
    uint32_t cond = next() % 14u;
    uint32_t pattern = next();
    uint32_t mask = 1u << (4u - count); /* the closing 1 */
    for (uint32_t k = 1; k < count; k++) {
        uint32_t same = (pattern >> k) & 1u; /* 1: then (bit = cond[0]), 0: else */
        uint32_t bit = same ? (cond & 1u) : (cond & 1u) ^ 1u;
        mask |= bit << (4u - k);
    }
    out[0] = (uint16_t)(0xBF00u | cond << 4 | mask);
    uint32_t used = 1u;
    for (uint32_t k = 0; k < count; k++) {
        if (room - used < 2u) {
            out[used++] = random_narrow();
        } else {
            used += random_instruction(&out[used], room - used);
        }
    }
    return used;
}

static uint32_t random_operand(void)
{
    return (next() & 3u) == 0u ? edge[next() & 7u] : next();
}

int main(void)
{
    result_begin(PROGRAM_FUZZ2);
    uint32_t h = 0x811C9DC5u;
    for (uint32_t n = 0; n < BLOCKS; n++) {
        uint32_t b = n % SLOTS;
        uint32_t end = BLOCK_HALFWORDS - 2u; /* BX LR and a NOP pad after it */
        uint32_t at = 0;
        while (at < end) {
            if (end - at >= 7u && (next() & 7u) == 0u) {
                at += random_it_block(&code[b][at], end - at);
            } else {
                at += random_instruction(&code[b][at], end - at);
            }
        }
        code[b][at] = BX_LR;
        if (at + 1u < BLOCK_HALFWORDS) code[b][at + 1u] = 0xBF00u;
        for (uint32_t i = 0; i < STATE_WORDS - 1u; i++) inputs[b][i] = random_operand();
        inputs[b][STATE_WORDS - 1u] = next() & 0xF8000000u; /* NZCV and Q */
        __asm volatile("dsb\n\tisb" : : : "memory"); /* the code was just written */
        for (uint32_t i = 0; i < STATE_WORDS; i++) outputs[b][i] = inputs[b][i];
        run_block(outputs[b], code[b]);
        for (uint32_t i = 0; i < STATE_WORDS; i++) {
            { h = (h ^ outputs[b][i]) * 0x01000193u; h ^= h >> 16; }
            h ^= h >> 16; /* so that flag differences (bits 31:27) are not multiplied away */
        }
    }
    result_put(0, h);
    result_put(1, (uint32_t)code);
    result_put(2, (uint32_t)inputs);
    result_put(3, (uint32_t)outputs);
    result_put(4, BLOCKS);
    result_put(5, SLOTS);
    result_put(6, BLOCK_HALFWORDS);
    result_finish();
}
