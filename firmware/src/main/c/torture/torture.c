/* Instruction-mix torture for the Cortex-M0: every checksum lands in the result block. */
#include "../common/result.h"
#include "../common/cm0.h"
#include "torture.h"

static uint32_t prng_state;
uint32_t prng_initial_seed = 0x2545F491u; /* global, so it stays in .data: the startup code must copy it */

void prng_seed(uint32_t seed) { prng_state = seed; }

uint32_t prng_next(void)
{
    uint32_t x = prng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    prng_state = x;
    return x;
}

uint32_t ldm_own_base(uint32_t *words);

static uint32_t test_alu_mix(void)
{
    uint32_t acc = 0x9E3779B9u;
    for (int i = 0; i < 256; i++) {
        uint32_t x = prng_next();
        acc += x;
        acc ^= x >> 7;
        acc -= x & 0x3F0u;
        acc = (acc << 3) | (acc >> 29);
        acc &= ~(x << 12) | 0x0F0F0F0Fu;
        acc = (uint32_t)((int32_t)acc >> 1) ^ (uint32_t)(-(int32_t)x);
        acc |= (uint32_t)i << 20;
        acc = ~acc + (x & 0xFFu);
    }
    return acc;
}

static void test_wide_add_sub(uint32_t *out)
{
    uint32_t add_lo = 0, add_hi = 0, sub_lo = 0, sub_hi = 0;
    for (int i = 0; i < 64; i++) {
        uint32_t lo = prng_next(), hi = prng_next();
        __asm volatile("adds %0, %2\n\tadcs %1, %3" : "+l"(add_lo), "+l"(add_hi) : "l"(lo), "l"(hi) : "cc");
        __asm volatile("subs %0, %2\n\tsbcs %1, %3" : "+l"(sub_lo), "+l"(sub_hi) : "l"(lo), "l"(hi) : "cc");
    }
    out[0] = add_lo; out[1] = add_hi; out[2] = sub_lo; out[3] = sub_hi;
}

/* 64 bytes of PRNG words, read back as every load width and sign, then rewritten by stores. */
static uint32_t test_load_store(void)
{
    static uint32_t words[16];
    for (int i = 0; i < 16; i++) words[i] = prng_next();
    volatile int8_t *sb = (volatile int8_t *)words;
    volatile uint8_t *ub = (volatile uint8_t *)words;
    volatile int16_t *sh = (volatile int16_t *)words;
    volatile uint16_t *uh = (volatile uint16_t *)words;
    volatile uint32_t *w = words;
    uint32_t h = FOLD_SEED;
    for (int i = 0; i < 64; i++) h = fold(h, (uint32_t)(int32_t)sb[i] + ub[i]);
    for (int i = 0; i < 32; i++) h = fold(h, (uint32_t)(int32_t)sh[i] ^ uh[i]);
    for (int i = 0; i < 64; i += 3) ub[i] = (uint8_t)(ub[i] + 0x81u);
    for (int i = 1; i < 32; i += 5) uh[i] = (uint16_t)(uh[i] ^ 0x8001u);
    w[7] = 0x11223344u;
    h = fold(h, ub[28] | (uint32_t)ub[31] << 8 | (uint32_t)uh[15] << 16);
    for (int i = 0; i < 16; i++) h = fold(h, w[i]);
    return h;
}

static uint32_t crc32(const uint8_t *data, int length)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (int i = 0; i < length; i++) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xEDB88320u & (uint32_t)-(int32_t)(crc & 1u));
    }
    return ~crc;
}

static uint32_t test_crc32(void)
{
    static uint8_t data[256];
    for (int i = 0; i < 256; i++) data[i] = (uint8_t)(prng_next() >> 24);
    return crc32(data, 256);
}

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint32_t ackermann(uint32_t m, uint32_t n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static uint32_t op_add(uint32_t a, uint32_t x) { return a + x; }
static uint32_t op_sub(uint32_t a, uint32_t x) { return a - x; }
static uint32_t op_xor(uint32_t a, uint32_t x) { return a ^ x; }
static uint32_t op_mul(uint32_t a, uint32_t x) { return a * (x | 1u); }
static uint32_t op_rotl(uint32_t a, uint32_t x) { uint32_t n = x & 31u; return n ? (a << n) | (a >> (32u - n)) : a; }
static uint32_t op_andnot(uint32_t a, uint32_t x) { return (a & ~x) + 0x1234u; }
static uint32_t op_shr(uint32_t a, uint32_t x) { return (a >> (x & 7u)) ^ x; }
static uint32_t op_swap(uint32_t a, uint32_t x) { return ((a << 16) | (a >> 16)) + (x >> 28); }

typedef uint32_t (*op_fn)(uint32_t, uint32_t);
static op_fn const op_table[8] = { op_add, op_sub, op_xor, op_mul, op_rotl, op_andnot, op_shr, op_swap };

static uint32_t test_function_pointers(void)
{
    uint32_t acc = 0x1234u;
    for (int i = 0; i < 100; i++) {
        uint32_t x = prng_next();
        acc = op_table[x & 7u](acc, x);
    }
    return acc;
}

__attribute__((noinline)) static uint32_t switch_step(uint32_t acc, uint32_t x)
{
    switch (x & 15u) {
    case 0: return acc + 1u;
    case 1: return acc ^ x;
    case 2: return acc - (x >> 3);
    case 3: return acc * 3u;
    case 4: return acc << 1;
    case 5: return acc >> 2;
    case 6: return ~acc;
    case 7: return acc + (x << 4);
    case 8: return acc | 0x100u;
    case 9: return acc & 0xFFFF00FFu;
    case 10: return acc ^ 0xA5A5A5A5u;
    case 11: return acc + x * 5u;
    case 12: return (acc >> 16) | (acc << 16);
    case 13: return acc - 77u;
    case 14: return acc * x;
    default: return acc ^ (x >> 11);
    }
}

static uint32_t test_switch(void)
{
    uint32_t acc = 7u;
    for (int i = 0; i < 200; i++) acc = switch_step(acc, prng_next());
    return acc;
}

static uint32_t test_division(void)
{
    uint32_t h = FOLD_SEED;
    for (int i = 0; i < 40; i++) {
        uint32_t a = prng_next(), s = prng_next();
        uint32_t b = (prng_next() >> (s & 31u)) | 1u;
        int32_t sa = (int32_t)a, sb = (int32_t)b * ((s & 32u) ? -1 : 1);
        h = fold(fold(h, a / b), a % b);
        h = fold(fold(h, (uint32_t)(sa / sb)), (uint32_t)(sa % sb));
    }
    return h;
}

static void test_wide_multiply_shift(uint32_t *out)
{
    uint32_t h = FOLD_SEED, g = FOLD_SEED;
    for (int i = 0; i < 32; i++) {
        uint64_t a = (uint64_t)prng_next() << 32;
        a |= prng_next();
        uint64_t b = (uint64_t)prng_next() << 32;
        b |= prng_next();
        uint64_t p = a * b;
        h = fold(fold(h, (uint32_t)p), (uint32_t)(p >> 32));
        uint32_t n = (uint32_t)i * 2u;
        uint64_t l = a << n, r = a >> n;
        int64_t s = (int64_t)b >> n;
        g = fold(fold(g, (uint32_t)l), (uint32_t)(l >> 32));
        g = fold(fold(g, (uint32_t)r), (uint32_t)(r >> 32));
        g = fold(fold(g, (uint32_t)s), (uint32_t)((uint64_t)s >> 32));
    }
    out[0] = h;
    out[1] = g;
}

/* Largest immediate offsets and register offsets of every load and store width. */
static uint32_t test_addressing(void)
{
    static uint32_t words[32];
    uint8_t *base = (uint8_t *)words;
    uint32_t v = 0x80C1E2F3u, h = FOLD_SEED, x;
    __asm volatile("str %1, [%0, #124]\n\tstrh %1, [%0, #62]\n\tstrb %1, [%0, #31]"
                   : : "l"(base), "l"(v) : "memory");
#define LOAD(text, offset)                                                            \
    __asm volatile(text : "=&l"(x) : "l"(base), "l"(offset) : "memory");             \
    h = fold(h, x);
    LOAD("ldr %0, [%1, #124]", 0u) LOAD("ldrh %0, [%1, #62]", 0u) LOAD("ldrb %0, [%1, #31]", 0u)
    LOAD("ldr %0, [%1, %2]", 124u) LOAD("ldrsh %0, [%1, %2]", 62u) LOAD("ldrsb %0, [%1, %2]", 31u)
    LOAD("ldrh %0, [%1, %2]", 62u) LOAD("ldrb %0, [%1, %2]", 31u)
#undef LOAD
    __asm volatile("str %1, [%0, %2]\n\tstrh %1, [%0, %3]\n\tstrb %1, [%0, %4]"
                   : : "l"(base), "l"(v), "l"(64u), "l"(70u), "l"(75u) : "memory");
    for (int i = 0; i < 32; i++) h = fold(h, words[i]);
    return h;
}

static void test_special_registers(uint32_t *out)
{
    uint32_t v;
    __asm volatile("msr APSR_nzcvq, %1\n\tmrs %0, apsr" : "=l"(v) : "l"(0xF0000000u) : "cc");
    out[0] = v;
    __asm volatile("msr APSR_nzcvq, %1\n\tmrs %0, apsr" : "=l"(v) : "l"(0x50000000u) : "cc");
    out[1] = v;
    uint32_t bits = 0;
    irq_disable();
    bits |= read_primask() << 0;
    irq_enable();
    bits |= read_primask() << 1;
    write_primask(1);
    bits |= read_primask() << 2;
    write_primask(0);
    bits |= read_primask() << 3;
    out[2] = bits;
    out[3] = read_control();
    out[4] = read_ipsr();
}

int main(void)
{
    uint32_t r[49];
    result_begin(PROGRAM_TORTURE);
    prng_seed(prng_initial_seed);
    r[0] = test_alu_mix();
    test_wide_add_sub(&r[1]);
    r[5] = test_adcs_flags();
    r[6] = test_sbcs_flags();
    r[7] = test_cmp_flags();
    r[8] = test_cmn_flags();
    r[9] = test_logic_flags();
    r[10] = test_negs_flags();
    r[11] = test_lsls_reg();
    r[12] = test_lsrs_reg();
    r[13] = test_asrs_reg();
    r[14] = test_rors_reg();
    r[15] = test_shift_imm();
    r[16] = test_muls();
    r[17] = test_cond_branches();
    r[18] = test_load_store();
    {
        uint32_t scratch[6];
        r[19] = ldm_stm_mix(scratch, prng_next());
        uint32_t h = FOLD_SEED;
        for (int i = 0; i < 6; i++) h = fold(h, scratch[i]);
        h = fold(h, ldm_own_base(&scratch[2]));
        r[20] = h;
    }
    r[21] = test_rev();
    r[22] = test_extend();
    r[23] = test_crc32();
    r[24] = prng_state;
    r[25] = fib(20);
    r[26] = ackermann(2, 3) * 1000u + ackermann(3, 3);
    r[27] = test_function_pointers();
    r[28] = test_switch();
    r[29] = test_division();
    test_wide_multiply_shift(&r[30]);
    test_special_registers(&r[32]);
    r[37] = test_high_regs();
    r[38] = test_immediate_forms();
    r[39] = test_addressing();
    pc_relative(&r[40]);
    r[47] = branch_forms(0x1000u);
    __asm volatile("sev\n\twfe\n\tyield\n\tnop" : : : "memory"); /* SEV latches the event WFE consumes */
    r[48] = 0x600Du;
    for (uint32_t i = 0; i < 49; i++) result_put(i, r[i]);
    result_finish();
}
