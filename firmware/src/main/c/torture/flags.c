/* Instructions whose flag results C cannot express: each runs with chosen flags in and records the
 * result and NZCV out. The flags-in word goes through MSR APSR. */
#include "torture.h"

const uint32_t edge[EDGE_COUNT] = {
    0x00000000u, 0x00000001u, 0x7FFFFFFFu, 0x80000000u,
    0xFFFFFFFFu, 0x80000001u, 0x12345678u, 0xFFFF0000u,
};

static const uint32_t flags_in[2] = { 0x00000000u, 0x30000000u }; /* C and V clear / set */

#define SET_FLAGS "msr APSR_nzcvq, %[fin]\n\t"
#define GET_FLAGS "\n\tmrs %[fout], apsr"

/* r = a OP b with the flags preset to fin, for every pair of edge values and both flag words. */
#define BINARY_FLAG_TEST(name, insn)                                                  \
    uint32_t name(void)                                                               \
    {                                                                                 \
        uint32_t h = FOLD_SEED;                                                       \
        for (int f = 0; f < 2; f++)                                                   \
            for (int i = 0; i < EDGE_COUNT; i++)                                      \
                for (int j = 0; j < EDGE_COUNT; j++) {                                \
                    uint32_t r = edge[i], fout;                                       \
                    __asm volatile(SET_FLAGS insn " %[r], %[b]" GET_FLAGS             \
                                   : [r] "+l"(r), [fout] "=&l"(fout)                  \
                                   : [b] "l"(edge[j]), [fin] "l"(flags_in[f])         \
                                   : "cc");                                           \
                    h = fold(h, r);                                                   \
                    h = fold(h, fout);                                                \
                }                                                                     \
        return h;                                                                     \
    }

BINARY_FLAG_TEST(test_adcs_flags, "adcs")
BINARY_FLAG_TEST(test_sbcs_flags, "sbcs")
BINARY_FLAG_TEST(test_cmp_flags, "cmp")
BINARY_FLAG_TEST(test_cmn_flags, "cmn")
BINARY_FLAG_TEST(test_muls, "muls")

uint32_t test_logic_flags(void)
{
    uint32_t h = FOLD_SEED;
    for (int f = 0; f < 2; f++)
        for (int i = 0; i < EDGE_COUNT; i++)
            for (int j = 0; j < EDGE_COUNT; j++) {
                uint32_t a = edge[i], b = edge[j], fin = flags_in[f], r, fout;
#define LOGIC(insn)                                                                   \
                r = a;                                                                \
                __asm volatile(SET_FLAGS insn " %[r], %[b]" GET_FLAGS                 \
                               : [r] "+l"(r), [fout] "=&l"(fout)                      \
                               : [b] "l"(b), [fin] "l"(fin) : "cc");                  \
                h = fold(fold(h, r), fout);
                LOGIC("ands") LOGIC("eors") LOGIC("orrs") LOGIC("bics") LOGIC("mvns") LOGIC("tst")
#undef LOGIC
            }
    return h;
}

uint32_t test_negs_flags(void)
{
    uint32_t h = FOLD_SEED;
    for (int f = 0; f < 2; f++)
        for (int j = 0; j < EDGE_COUNT; j++) {
            uint32_t r, fout;
            __asm volatile(SET_FLAGS "negs %[r], %[b]" GET_FLAGS
                           : [r] "=&l"(r), [fout] "=&l"(fout)
                           : [b] "l"(edge[j]), [fin] "l"(flags_in[f]) : "cc");
            h = fold(fold(h, r), fout);
        }
    return h;
}

/* Shift amounts by register: only the bottom byte counts, 0 leaves C alone, >= 32 is special. */
static const uint32_t shift_amounts[12] = { 0, 1, 2, 7, 16, 31, 32, 33, 64, 255, 256, 257 };

#define SHIFT_REG_TEST(name, insn)                                                    \
    uint32_t name(void)                                                               \
    {                                                                                 \
        uint32_t h = FOLD_SEED;                                                       \
        for (int f = 0; f < 2; f++)                                                   \
            for (int i = 0; i < EDGE_COUNT; i++)                                      \
                for (int k = 0; k < 12; k++) {                                        \
                    uint32_t r = edge[i], fout;                                       \
                    __asm volatile(SET_FLAGS insn " %[r], %[n]" GET_FLAGS             \
                                   : [r] "+l"(r), [fout] "=&l"(fout)                  \
                                   : [n] "l"(shift_amounts[k]), [fin] "l"(flags_in[f])\
                                   : "cc");                                           \
                    h = fold(fold(h, r), fout);                                       \
                }                                                                     \
        return h;                                                                     \
    }

SHIFT_REG_TEST(test_lsls_reg, "lsls")
SHIFT_REG_TEST(test_lsrs_reg, "lsrs")
SHIFT_REG_TEST(test_asrs_reg, "asrs")
SHIFT_REG_TEST(test_rors_reg, "rors")

/* Immediate shifts in the order LSLS #0 (MOVS), LSLS #1, LSLS #31, LSRS #1, LSRS #31, LSRS #32,
 * ASRS #1, ASRS #31, ASRS #32. The #32 forms need raw encodings on r0 (gas rejects them). */
uint32_t test_shift_imm(void)
{
    uint32_t h = FOLD_SEED;
    for (int f = 0; f < 2; f++)
        for (int i = 0; i < EDGE_COUNT; i++) {
            uint32_t fin = flags_in[f], fout;
#define SHIFT_IMM(text)                                                               \
            {                                                                         \
                register uint32_t r __asm("r0") = edge[i];                            \
                __asm volatile(SET_FLAGS text GET_FLAGS                               \
                               : "+l"(r), [fout] "=&l"(fout) : [fin] "l"(fin) : "cc"); \
                h = fold(fold(h, r), fout);                                           \
            }
            SHIFT_IMM("lsls r0, r0, #0") SHIFT_IMM("lsls r0, r0, #1") SHIFT_IMM("lsls r0, r0, #31")
            SHIFT_IMM("lsrs r0, r0, #1") SHIFT_IMM("lsrs r0, r0, #31") SHIFT_IMM(".inst.n 0x0800")
            SHIFT_IMM("asrs r0, r0, #1") SHIFT_IMM("asrs r0, r0, #31") SHIFT_IMM(".inst.n 0x1000")
#undef SHIFT_IMM
        }
    return h;
}

/* CMP a, b then one conditional branch per condition code, EQ..LE as bits 0..13. */
uint32_t test_cond_branches(void)
{
    uint32_t h = FOLD_SEED;
    for (int i = 0; i < EDGE_COUNT; i++)
        for (int j = 0; j < EDGE_COUNT; j++) {
            uint32_t a = edge[i], b = edge[j], mask = 0, bit;
#define COND(cc, n)                                                                   \
            __asm volatile("cmp %[a], %[b]\n\tb" cc " 1f\n\tmovs %[bit], #0\n\tb 2f\n"  \
                           "1:\n\tmovs %[bit], #1\n2:"                                \
                           : [bit] "=l"(bit) : [a] "l"(a), [b] "l"(b) : "cc");        \
            mask |= bit << (n);
            COND("eq", 0) COND("ne", 1) COND("cs", 2) COND("cc", 3) COND("mi", 4) COND("pl", 5)
            COND("vs", 6) COND("vc", 7) COND("hi", 8) COND("ls", 9) COND("ge", 10) COND("lt", 11)
            COND("gt", 12) COND("le", 13)
#undef COND
            h = fold(h, mask);
        }
    return h;
}

uint32_t test_rev(void)
{
    uint32_t h = FOLD_SEED;
    for (int i = 0; i < EDGE_COUNT + 8; i++) {
        uint32_t v = i < EDGE_COUNT ? edge[i] : prng_next(), a, b, c;
        __asm volatile("rev %0, %3\n\trev16 %1, %3\n\trevsh %2, %3"
                       : "=&l"(a), "=&l"(b), "=&l"(c) : "l"(v));
        h = fold(fold(fold(h, a), b), c);
    }
    return h;
}

uint32_t test_extend(void)
{
    uint32_t h = FOLD_SEED;
    for (int i = 0; i < EDGE_COUNT + 8; i++) {
        uint32_t v = i < EDGE_COUNT ? edge[i] : prng_next(), a, b, c, d;
        __asm volatile("sxtb %0, %4\n\tsxth %1, %4\n\tuxtb %2, %4\n\tuxth %3, %4"
                       : "=&l"(a), "=&l"(b), "=&l"(c), "=&l"(d) : "l"(v));
        h = fold(fold(fold(fold(h, a), b), c), d);
    }
    return h;
}

/* ADD/MOV/CMP with a high register: ADD and MOV to a high register leave the flags alone. */
uint32_t test_high_regs(void)
{
    uint32_t h = FOLD_SEED;
    for (int i = 0; i < EDGE_COUNT; i++)
        for (int j = 0; j < EDGE_COUNT; j++) {
            uint32_t r, f1, f2;
            __asm volatile("msr APSR_nzcvq, %[fin]\n\tmov r8, %[a]\n\tadd r8, %[b]\n\tmov %[r], r8\n\t"
                           "mrs %[f1], apsr\n\tcmp r8, %[b]\n\tmrs %[f2], apsr"
                           : [r] "=&l"(r), [f1] "=&l"(f1), [f2] "=&l"(f2)
                           : [a] "l"(edge[i]), [b] "l"(edge[j]), [fin] "l"(0x90000000u)
                           : "r8", "cc");
            h = fold(fold(fold(h, r), f1), f2);
        }
    return h;
}

/* Immediate and three-register ADD/SUB, MOVS/CMP immediate, and the same-register forms
 * (ADCS r, r is a rotate left through carry). */
uint32_t test_immediate_forms(void)
{
    uint32_t h = FOLD_SEED;
    for (int f = 0; f < 2; f++)
        for (int i = 0; i < EDGE_COUNT; i++) {
            uint32_t a = edge[i], b = edge[(i + 3) & 7], fin = flags_in[f], r, fout;
#define FORM(text, ...)                                                               \
            r = a;                                                                    \
            __asm volatile(SET_FLAGS text GET_FLAGS                                   \
                           : [r] "+&l"(r), [fout] "=&l"(fout)                         \
                           : [a] "l"(a), [b] "l"(b), [fin] "l"(fin) : "cc");          \
            h = fold(fold(h, r), fout);
            FORM("adds %[r], %[a], #7") FORM("adds %[r], #255") FORM("subs %[r], %[a], #7")
            FORM("subs %[r], #255") FORM("adds %[r], %[a], %[b]") FORM("subs %[r], %[a], %[b]")
            FORM("movs %[r], #200") FORM("cmp %[r], #200") FORM("adcs %[r], %[r]")
            FORM("sbcs %[r], %[r]") FORM("muls %[r], %[r], %[r]")
            FORM("mov %[r], %[b]") FORM("add %[r], %[b]") /* low registers, no flags */
#undef FORM
        }
    return h;
}
