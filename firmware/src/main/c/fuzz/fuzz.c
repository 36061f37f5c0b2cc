/* Random Thumb-1 data-processing instructions generated into RAM and executed there: every
 * block's input registers, code and output registers stay in RAM for the comparison. */
#include "../common/result.h"

enum { R_STATE_FOLD, R_CODE, R_INPUTS, R_OUTPUTS, R_BLOCKS, R_BLOCK_LENGTH, R_COUNT };

#define BLOCKS 80u
#define BLOCK_LENGTH 10u  /* instructions before the BX LR */
#define STATE_WORDS 14u   /* r0-r12, APSR */
#define BX_LR 0x4770u

void run_block(uint32_t state[STATE_WORDS], const uint16_t *code);

static uint16_t code[BLOCKS][BLOCK_LENGTH + 2] __attribute__((aligned(4)));
static uint32_t inputs[BLOCKS][STATE_WORDS];
static uint32_t outputs[BLOCKS][STATE_WORDS];
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

/* r0-r12, never SP, LR or PC. */
static uint32_t any_register(void) { return next() % 13u; }

static uint16_t random_instruction(void)
{
    uint32_t kind = next() % 16u;
    if (kind < 3) { /* LSLS/LSRS/ASRS #imm5 */
        return (uint16_t)((next() % 3u) << 11 | (next() & 31u) << 6 | low() << 3 | low());
    }
    if (kind < 5) { /* ADDS/SUBS register or #imm3 */
        return (uint16_t)(0x1800u | (next() & 3u) << 9 | low() << 6 | low() << 3 | low());
    }
    if (kind < 7) { /* MOVS/CMP/ADDS/SUBS #imm8 */
        return (uint16_t)(0x2000u | (next() & 3u) << 11 | low() << 8 | (next() & 0xFFu));
    }
    if (kind < 12) { /* the 16 register data-processing operations */
        return (uint16_t)(0x4000u | (next() & 15u) << 6 | low() << 3 | low());
    }
    if (kind < 14) { /* ADD/CMP/MOV with high registers */
        uint32_t op = next() % 3u, d = any_register(), m = any_register();
        if (op == 1u && d < 8u && m < 8u) d = 8u + d % 5u; /* CMP needs a high register */
        return (uint16_t)(0x4400u | op << 8 | (d & 8u) << 4 | m << 3 | (d & 7u));
    }
    if (kind == 14) { /* SXTH/SXTB/UXTH/UXTB */
        return (uint16_t)(0xB200u | (next() & 3u) << 6 | low() << 3 | low());
    }
    static const uint16_t reverse_ops[3] = { 0u, 1u, 3u }; /* REV, REV16, REVSH */
    return (uint16_t)(0xBA00u | reverse_ops[next() % 3u] << 6 | low() << 3 | low());
}

static uint32_t random_operand(void)
{
    return (next() & 3u) == 0u ? edge[next() & 7u] : next();
}

int main(void)
{
    result_begin(PROGRAM_FUZZ);
    uint32_t h = 0x811C9DC5u;
    for (uint32_t b = 0; b < BLOCKS; b++) {
        for (uint32_t i = 0; i < BLOCK_LENGTH; i++) code[b][i] = random_instruction();
        code[b][BLOCK_LENGTH] = BX_LR;
        for (uint32_t i = 0; i < STATE_WORDS - 1u; i++) inputs[b][i] = random_operand();
        inputs[b][STATE_WORDS - 1u] = next() & 0xF0000000u;
        __asm volatile("dsb\n\tisb" : : : "memory"); /* the code was just written */
        for (uint32_t i = 0; i < STATE_WORDS; i++) outputs[b][i] = inputs[b][i];
        run_block(outputs[b], code[b]);
        for (uint32_t i = 0; i < STATE_WORDS; i++) h = (h ^ outputs[b][i]) * 0x01000193u;
    }
    result_put(R_STATE_FOLD, h);
    result_put(R_CODE, (uint32_t)code);
    result_put(R_INPUTS, (uint32_t)inputs);
    result_put(R_OUTPUTS, (uint32_t)outputs);
    result_put(R_BLOCKS, BLOCKS);
    result_put(R_BLOCK_LENGTH, BLOCK_LENGTH);
    result_finish();
}
