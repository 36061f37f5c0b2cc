/* Random Thumb-1 data-processing instructions generated into RAM and executed there: every
 * block's input registers, code and output registers stay in RAM for the comparison.
 * Built with FUZZ_MEMORY (fuzz-mem), the blocks also load and store through r7, which points at
 * a scratch buffer and is never written by generated code. */
#include "../common/result.h"

enum { R_STATE_FOLD, R_CODE, R_INPUTS, R_OUTPUTS, R_BLOCKS, R_BLOCK_LENGTH, R_SCRATCH_INITIAL, R_SCRATCH,
       R_SCRATCH_SIZE, R_COUNT };

#ifdef FUZZ_MEMORY
#define BLOCKS 64u
#define PROGRAM_ID PROGRAM_FUZZ_MEMORY
#define DEST_LOW 7u   /* r0-r6: r7 is the base register */
#else
#define BLOCKS 80u
#define PROGRAM_ID PROGRAM_FUZZ
#define DEST_LOW 8u
#endif
#define SCRATCH_SIZE 256u
#define BLOCK_LENGTH 10u  /* instructions before the BX LR */
#define STATE_WORDS 14u   /* r0-r12, APSR */
#define BX_LR 0x4770u

void run_block(uint32_t state[STATE_WORDS], const uint16_t *code);

static uint16_t code[BLOCKS][BLOCK_LENGTH + 2] __attribute__((aligned(4)));
static uint32_t inputs[BLOCKS][STATE_WORDS];
static uint32_t outputs[BLOCKS][STATE_WORDS];
static uint32_t scratch[SCRATCH_SIZE / 4];
static uint32_t scratch_initial[SCRATCH_SIZE / 4];
static uint32_t prng_state = 0x1234567u;

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

static uint32_t low(void) { return next() & 7u; }

/* A destination: r0-r7, or r0-r6 when r7 is the memory base. */
static uint32_t dest(void) { return next() % DEST_LOW; }

/* r0-r12, never SP, LR or PC (nor r7 as a destination in the memory variant). */
static uint32_t any_register(void) { return next() % 13u; }

static uint32_t any_dest(void)
{
    uint32_t r = any_register();
    return r == 7u && DEST_LOW == 7u ? 8u : r;
}

#ifdef FUZZ_MEMORY
/* One memory access through r7: immediate offset, or MOVS r6, #offset then register offset.
 * Returns the number of halfwords written (1 or 2). Offsets keep every access aligned. */
static uint32_t random_memory_access(uint16_t *out)
{
    uint32_t kind = next() % 3u;
    if (kind < 2u) {
        static const uint16_t forms[6] = { 0x6000u, 0x6800u, 0x7000u, 0x7800u, 0x8000u, 0x8800u };
        uint32_t form = next() % 6u;
        uint32_t rt = (forms[form] & 0x0800u) ? dest() : low();
        out[0] = (uint16_t)(forms[form] | (next() & 31u) << 6 | 7u << 3 | rt);
        return 1u;
    }
    static const uint32_t sizes[8] = { 4u, 2u, 1u, 1u, 4u, 2u, 1u, 2u }; /* STR STRH STRB LDRSB LDR LDRH LDRB LDRSH */
    uint32_t op = next() & 7u;
    uint32_t offset = next() % (SCRATCH_SIZE - 3u) & ~(sizes[op] - 1u);
    uint32_t rt = op < 3u ? low() : dest();
    out[0] = (uint16_t)(0x2000u | 6u << 8 | offset);
    out[1] = (uint16_t)(0x5000u | op << 9 | 6u << 6 | 7u << 3 | rt);
    return 2u;
}
#endif

#ifndef FUZZ_MEMORY
/* A forward branch over 0..2 of the following instructions (never past the BX LR): B<cond> for
 * conditions EQ..LE, or an unconditional B. */
static uint16_t random_branch(uint32_t room)
{
    uint32_t skip = next() % 3u;
    if (skip > room) skip = room;
    uint32_t cond = next() % 15u;
    if (cond == 14u) return (uint16_t)(0xE000u | ((skip - 1u) & 0x7FFu));
    return (uint16_t)(0xD000u | cond << 8 | ((skip - 1u) & 0xFFu));
}
#endif

static uint16_t random_instruction(void)
{
    uint32_t kind = next() % 16u;
    if (kind < 3) { /* LSLS/LSRS/ASRS #imm5 */
        return (uint16_t)((next() % 3u) << 11 | (next() & 31u) << 6 | low() << 3 | dest());
    }
    if (kind < 5) { /* ADDS/SUBS register or #imm3 */
        return (uint16_t)(0x1800u | (next() & 3u) << 9 | low() << 6 | low() << 3 | dest());
    }
    if (kind < 7) { /* MOVS/CMP/ADDS/SUBS #imm8 */
        return (uint16_t)(0x2000u | (next() & 3u) << 11 | dest() << 8 | (next() & 0xFFu));
    }
    if (kind < 12) { /* the 16 register data-processing operations */
        return (uint16_t)(0x4000u | (next() & 15u) << 6 | low() << 3 | dest());
    }
    if (kind < 14) { /* ADD/CMP/MOV with high registers */
        uint32_t op = next() % 3u, d = op == 1u ? any_register() : any_dest(), m = any_register();
        if (op == 1u && d < 8u && m < 8u) d = 8u + d % 5u; /* CMP needs a high register */
        return (uint16_t)(0x4400u | op << 8 | (d & 8u) << 4 | m << 3 | (d & 7u));
    }
    if (kind == 14) { /* SXTH/SXTB/UXTH/UXTB */
        return (uint16_t)(0xB200u | (next() & 3u) << 6 | low() << 3 | dest());
    }
    static const uint16_t reverse_ops[3] = { 0u, 1u, 3u }; /* REV, REV16, REVSH */
    return (uint16_t)(0xBA00u | reverse_ops[next() % 3u] << 6 | low() << 3 | dest());
}

static uint32_t random_operand(void)
{
    return (next() & 3u) == 0u ? edge[next() & 7u] : next();
}

int main(void)
{
    result_begin(PROGRAM_ID);
    for (uint32_t i = 0; i < SCRATCH_SIZE / 4u; i++) scratch[i] = scratch_initial[i] = next();
    uint32_t h = 0x811C9DC5u;
    for (uint32_t b = 0; b < BLOCKS; b++) {
        for (uint32_t i = 0; i < BLOCK_LENGTH; ) {
#ifdef FUZZ_MEMORY
            if (i + 1u < BLOCK_LENGTH && (next() & 1u)) {
                i += random_memory_access(&code[b][i]);
                continue;
            }
#endif
#ifndef FUZZ_MEMORY
            if (i + 1u < BLOCK_LENGTH && (next() & 7u) == 0u) {
                code[b][i] = random_branch(BLOCK_LENGTH - 1u - i);
                i++;
                continue;
            }
#endif
            code[b][i++] = random_instruction();
        }
        code[b][BLOCK_LENGTH] = BX_LR;
        for (uint32_t i = 0; i < STATE_WORDS - 1u; i++) inputs[b][i] = random_operand();
        if (DEST_LOW == 7u) inputs[b][7] = (uint32_t)scratch;
        inputs[b][STATE_WORDS - 1u] = next() & 0xF0000000u;
        __asm volatile("dsb\n\tisb" : : : "memory"); /* the code was just written */
        for (uint32_t i = 0; i < STATE_WORDS; i++) outputs[b][i] = inputs[b][i];
        run_block(outputs[b], code[b]);
        for (uint32_t i = 0; i < STATE_WORDS; i++) { h = (h ^ outputs[b][i]) * 0x01000193u; h ^= h >> 16; }
    }
    result_put(R_STATE_FOLD, h);
    result_put(R_CODE, (uint32_t)code);
    result_put(R_INPUTS, (uint32_t)inputs);
    result_put(R_OUTPUTS, (uint32_t)outputs);
    result_put(R_BLOCKS, BLOCKS);
    result_put(R_BLOCK_LENGTH, BLOCK_LENGTH);
    result_put(R_SCRATCH_INITIAL, (uint32_t)scratch_initial);
    result_put(R_SCRATCH, (uint32_t)scratch);
    result_put(R_SCRATCH_SIZE, SCRATCH_SIZE);
    result_finish();
}
