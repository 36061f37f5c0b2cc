/* Thumb-2 torture for ARMv7-M (Cortex-M3): every op_* of thumb2_ops.S over 16 edge operands
 * pairs and 16 NZCV (+Q) inputs, folded per group; plus IT blocks, TBB/TBH, CBZ/CBNZ,
 * exclusives, every load/store form, LDM/STM wide, and C code the compiler turns into Thumb-2. */
#include <stdint.h>
#include "../common/result.h"

#define PROGRAM_THUMB2 0x324D4854u /* "THM2" */
#define FOLD_SEED 0x811C9DC5u

/* FNV-1 style, plus a shift down: a multiply alone only carries a difference upwards, so flag
 * bits (APSR 31:27) would fall off the top and two of them could cancel. */
static inline uint32_t fold(uint32_t h, uint32_t v)
{
    h = (h ^ v) * 0x01000193u;
    return h ^ (h >> 16);
}

typedef uint64_t (*op_fn)(uint32_t a, uint32_t b, uint32_t apsr);
typedef uint64_t (*long_fn)(uint32_t a, uint32_t b, uint32_t lo, uint32_t hi);

#define DECLARE(name) uint64_t op_##name(uint32_t, uint32_t, uint32_t);
#define SHIFTED_OPS(X) X(adds_reg) X(adcs_reg) X(subs_reg) X(sbcs_reg) X(rsbs_reg) X(ands_lsl) X(orrs_lsr) \
    X(eors_asr) X(bics_ror) X(orns_rrx) X(adds_asr) X(subs_lsl) X(sbcs_ror) X(movs_lsl) X(movs_rrx) \
    X(mvns_asr) X(tst_reg) X(teq_reg) X(cmp_reg) X(cmn_reg) X(add_noflags)
#define SHIFT_REG_OPS(X) X(lsls_reg) X(lsrs_reg) X(asrs_reg) X(rors_reg) X(lsl_reg) X(ror_reg)
#define IMMEDIATE_OPS(X) X(adds_imm) X(adcs_imm) X(subs_imm) X(sbcs_imm) X(rsbs_imm) X(ands_rot) \
    X(ands_plain) X(orrs_rot) X(eors_rep) X(bics_rot) X(orns_imm) X(movs_rot) X(mvns_imm) X(tst_imm) \
    X(teq_imm) X(cmp_imm) X(cmn_imm)
#define PLAIN_OPS(X) X(addw) X(subw) X(movw_movt) X(movt)
#define BITFIELD_OPS(X) X(ubfx) X(ubfx_top) X(sbfx) X(sbfx_all) X(bfi) X(bfi_top) X(bfc)
#define SATURATE_OPS(X) X(ssat8) X(ssat1) X(ssat16_asr) X(ssat32_lsl) X(usat8) X(usat0) X(usat31_lsl) X(usat15_asr)
#define BITS_OPS(X) X(clz) X(rbit) X(rev_w) X(rev16_w) X(revsh_w) X(sxtb_ror) X(sxth_ror) X(uxtb_ror) X(uxth_w)
#define MULDIV_OPS(X) X(mul_w) X(mla) X(mls) X(udiv) X(sdiv)
#define IT_OPS(X) X(it_ite) X(it_itete) X(it_cmp) X(it_wide) X(it_all) X(it_mi_pl) X(it_ls) X(it_al)

SHIFTED_OPS(DECLARE) SHIFT_REG_OPS(DECLARE) IMMEDIATE_OPS(DECLARE) PLAIN_OPS(DECLARE)
BITFIELD_OPS(DECLARE) SATURATE_OPS(DECLARE) BITS_OPS(DECLARE) MULDIV_OPS(DECLARE) IT_OPS(DECLARE)

uint64_t long_umull(uint32_t, uint32_t, uint32_t, uint32_t);
uint64_t long_smull(uint32_t, uint32_t, uint32_t, uint32_t);
uint64_t long_umlal(uint32_t, uint32_t, uint32_t, uint32_t);
uint64_t long_smlal(uint32_t, uint32_t, uint32_t, uint32_t);
uint32_t table_byte(uint32_t index);
uint32_t table_halfword(uint32_t index);
uint32_t compare_branch(uint32_t x);
void exclusives(uint32_t *words, uint32_t out[6]);
uint32_t load_store_forms(uint8_t *buffer);
uint32_t multiple_forms(uint32_t *buffer, uint32_t x);

#define POINTER(name) op_##name,
static op_fn const shifted_ops[] = { SHIFTED_OPS(POINTER) };
static op_fn const shift_reg_ops[] = { SHIFT_REG_OPS(POINTER) };
static op_fn const immediate_ops[] = { IMMEDIATE_OPS(POINTER) };
static op_fn const plain_ops[] = { PLAIN_OPS(POINTER) };
static op_fn const bitfield_ops[] = { BITFIELD_OPS(POINTER) };
static op_fn const saturate_ops[] = { SATURATE_OPS(POINTER) };
static op_fn const bits_ops[] = { BITS_OPS(POINTER) };
static op_fn const muldiv_ops[] = { MULDIV_OPS(POINTER) };
static op_fn const it_ops[] = { IT_OPS(POINTER) };

#define EDGES 16
static const uint32_t edge[EDGES] = {
    0, 1, 2, 31, 32, 0x7F, 0x80, 0xFFFF, 0x8000, 0x7FFFFFFF, 0x80000000u, 0x80000001u,
    0xFFFFFFFFu, 0xFFFFFFFEu, 0x12345678u, 0xDEADBEEFu,
};

/* Every op over every operand pair and every NZCV input (Q set on odd inputs). */
static uint32_t run_ops(op_fn const *ops, unsigned count)
{
    uint32_t h = FOLD_SEED;
    for (unsigned o = 0; o < count; o++) {
        for (unsigned i = 0; i < EDGES; i++) {
            for (unsigned j = 0; j < EDGES; j++) {
                for (uint32_t f = 0; f < 16; f++) {
                    uint32_t apsr = (f << 28) | ((f & 1) << 27);
                    uint64_t r = ops[o](edge[i], edge[j], apsr);
                    h = fold(h, (uint32_t)r);
                    h = fold(h, (uint32_t)(r >> 32));
                }
            }
        }
    }
    return h;
}

static uint32_t run_long(long_fn op)
{
    uint32_t h = FOLD_SEED;
    for (unsigned i = 0; i < EDGES; i++) {
        for (unsigned j = 0; j < EDGES; j++) {
            uint64_t r = op(edge[i], edge[j], edge[(i + 3) % EDGES], edge[(j + 5) % EDGES]);
            h = fold(h, (uint32_t)r);
            h = fold(h, (uint32_t)(r >> 32));
        }
    }
    return h;
}

/* C the compiler turns into IT blocks, CBZ, UBFX/BFI, MLS, UDIV/SDIV, UMULL, LDRD, TBB. */
static uint32_t state = 0x2545F491u;

static uint32_t prng(void)
{
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

struct packed_fields { uint32_t a : 5, b : 11, c : 3, d : 13; };

__attribute__((noinline)) static uint32_t compiled_mix(unsigned rounds)
{
    uint32_t h = FOLD_SEED;
    volatile int64_t wide = 1;
    for (unsigned i = 0; i < rounds; i++) {
        uint32_t x = prng();
        uint32_t y = prng() | 1;
        int32_t sx = (int32_t)x;
        struct packed_fields p = { x, x >> 5, y, y >> 3 };
        h = fold(h, x / y + x % y);
        h = fold(h, (uint32_t)(sx / (int32_t)(y >> 7 | 1)) + (uint32_t)(sx % 7));
        h = fold(h, p.a + p.b * 3 + p.c * 5 + p.d * 7);
        h = fold(h, x > y ? x - y : y - x);
        h = fold(h, (int32_t)x < 0 ? ~x : x << 3);
        h = fold(h, (uint32_t)(((uint64_t)x * y) >> 32));
        h = fold(h, (uint32_t)(((int64_t)sx * (int32_t)y) >> 29));
        h = fold(h, x ? (uint32_t)__builtin_clz(x) : 99);
        wide = wide * 3 + x;
        switch (x & 7) {
        case 0: h += 11; break;
        case 1: h ^= 0x55; break;
        case 2: h = h * 3; break;
        case 3: h -= y; break;
        case 4: h = ~h; break;
        case 5: h = h >> 3 | h << 29; break;
        case 6: h += x >> 7; break;
        default: h ^= y; break;
        }
    }
    return fold(h, (uint32_t)wide) ^ (uint32_t)(wide >> 32);
}

static uint8_t buffer[512] __attribute__((aligned(8)));
static uint32_t words[16] __attribute__((aligned(8)));
static uint32_t multiple[16];

static uint32_t saturation_q_sticky(void)
{
    uint32_t apsr;
    __asm volatile("msr APSR_nzcvq, %1\n\t"
                   "ssat r3, #4, %2\n\t"
                   "usat r3, #4, %2\n\t"
                   "mrs %0, APSR" : "=r"(apsr) : "r"(0u), "r"(0x1000u) : "r3", "cc");
    return apsr;
}

/* Cortex-M3 bit-band: the word at 0x22000000 + 32 * byte offset + 4 * bit aliases one SRAM bit. */
#define BITBAND(addr, bit) (*(volatile uint32_t *)(0x22000000u + (((uint32_t)(addr) - 0x20000000u) << 5) + ((bit) << 2)))
static volatile uint32_t banded[2];

static uint32_t bit_band(void)
{
    banded[0] = 0x12345678u;
    banded[1] = 0;
    BITBAND(&banded[0], 0) = 1;
    BITBAND(&banded[0], 3) = 0;
    BITBAND(&banded[0], 31) = 0xFFFFFFFEu; /* only bit 0 counts: clears */
    BITBAND(&banded[1], 17) = 3;
    uint32_t reads = 0;
    for (uint32_t bit = 0; bit < 32; bit++) reads |= BITBAND(&banded[0], bit) << (31 - bit);
    return banded[0] ^ banded[1] ^ reads;
}

int main(void)
{
    result_begin(PROGRAM_THUMB2);
    unsigned n = 0;
    result_put(n++, run_ops(shifted_ops, sizeof shifted_ops / sizeof shifted_ops[0]));
    result_put(n++, run_ops(shift_reg_ops, sizeof shift_reg_ops / sizeof shift_reg_ops[0]));
    result_put(n++, run_ops(immediate_ops, sizeof immediate_ops / sizeof immediate_ops[0]));
    result_put(n++, run_ops(plain_ops, sizeof plain_ops / sizeof plain_ops[0]));
    result_put(n++, run_ops(bitfield_ops, sizeof bitfield_ops / sizeof bitfield_ops[0]));
    result_put(n++, run_ops(saturate_ops, sizeof saturate_ops / sizeof saturate_ops[0]));
    result_put(n++, run_ops(bits_ops, sizeof bits_ops / sizeof bits_ops[0]));
    result_put(n++, run_ops(muldiv_ops, sizeof muldiv_ops / sizeof muldiv_ops[0]));
    result_put(n++, run_ops(it_ops, sizeof it_ops / sizeof it_ops[0]));
    result_put(n++, run_long(long_umull));
    result_put(n++, run_long(long_smull));
    result_put(n++, run_long(long_umlal));
    result_put(n++, run_long(long_smlal));
    uint32_t tables = 0;
    for (uint32_t i = 0; i < 5; i++) {
        tables = tables * 131 + table_byte(i) * 3 + table_halfword(i);
    }
    result_put(n++, tables);
    result_put(n++, compare_branch(0) | compare_branch(5) << 4);
    for (unsigned i = 0; i < 16; i++) words[i] = 0x01020304u * (i + 1);
    uint32_t exclusive[6];
    exclusives(words, exclusive);
    for (unsigned i = 0; i < 6; i++) result_put(n++, exclusive[i]);
    for (unsigned i = 0; i < sizeof buffer; i++) buffer[i] = (uint8_t)(i * 37 + 11);
    result_put(n++, load_store_forms(buffer + 64));
    result_put(n++, multiple_forms(multiple, 0x1111));
    result_put(n++, saturation_q_sticky());
    result_put(n++, compiled_mix(2000));
    result_put(n++, bit_band());
    result_put(n++, state);
    return 0;
}
