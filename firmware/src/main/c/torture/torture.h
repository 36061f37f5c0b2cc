#ifndef TORTURE_H
#define TORTURE_H
#include <stdint.h>

#define FOLD_SEED 0x811C9DC5u

/* FNV-1 style, plus a shift down: a multiply alone only carries a difference upwards, so a
 * difference in the flag bits (31:28) could be lost when two of them cancel. */
static inline uint32_t fold(uint32_t h, uint32_t v)
{
    h = (h ^ v) * 0x01000193u;
    return h ^ (h >> 16);
}

uint32_t prng_next(void);
void prng_seed(uint32_t seed);

/* Edge operands shared by the flag tests. */
#define EDGE_COUNT 8
extern const uint32_t edge[EDGE_COUNT];

uint32_t test_adcs_flags(void);
uint32_t test_sbcs_flags(void);
uint32_t test_cmp_flags(void);
uint32_t test_cmn_flags(void);
uint32_t test_logic_flags(void);
uint32_t test_negs_flags(void);
uint32_t test_lsls_reg(void);
uint32_t test_lsrs_reg(void);
uint32_t test_asrs_reg(void);
uint32_t test_rors_reg(void);
uint32_t test_shift_imm(void);
uint32_t test_muls(void);
uint32_t test_cond_branches(void);
uint32_t test_rev(void);
uint32_t test_extend(void);
uint32_t test_high_regs(void);
uint32_t test_immediate_forms(void);

/* control_flow.S */
void pc_relative(uint32_t out[7]);
uint32_t branch_forms(uint32_t x);

/* torture_asm.S */
uint32_t ldm_stm_mix(uint32_t *scratch, uint32_t seed);

#endif
