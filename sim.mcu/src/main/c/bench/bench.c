/*
 * The lab core's benchmark workload, in the spirit of CoreMark: linked-list search and reversal,
 * a small integer matrix product, a number-parsing state machine and CRC-16, mixed in one endless
 * loop. Built for the Cortex-M0 and the Cortex-M3 (build-bench.sh); ThumbBenchmark runs it.
 * RAM at 0x20000000: word 0 counts finished iterations, word 1 holds the running checksum.
 */
#include <stdint.h>

#define MATRIX 8
#define NODES 32

struct node {
    struct node *next;
    int16_t key;
    int16_t value;
};

volatile struct {
    uint32_t iterations;
    uint32_t checksum;
} result __attribute__((section(".result")));

static struct node pool[NODES];
static int16_t a[MATRIX][MATRIX];
static int16_t b[MATRIX][MATRIX];
static int32_t c[MATRIX][MATRIX];
static const char text[] = "127 -45 3.25 +0x1F 88e3 junk 5.5.5 -0 42 1e-2 ,,, 9999 -3.75e+12 ";

static uint16_t crc16(uint16_t crc, uint8_t data) {
    crc ^= data;
    for (int i = 0; i < 8; i++) {
        crc = (crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1;
    }
    return crc;
}

static struct node *build_list(uint32_t seed) {
    struct node *head = 0;
    for (int i = 0; i < NODES; i++) {
        seed = seed * 1103515245u + 12345u;
        pool[i].key = (int16_t)(seed >> 16);
        pool[i].value = (int16_t)i;
        pool[i].next = head;
        head = &pool[i];
    }
    return head;
}

static struct node *reverse(struct node *list) {
    struct node *previous = 0;
    while (list) {
        struct node *next = list->next;
        list->next = previous;
        previous = list;
        list = next;
    }
    return previous;
}

static uint32_t list_work(uint32_t seed) {
    struct node *list = reverse(build_list(seed));
    uint32_t found = 0;
    for (int16_t probe = -4096; probe < 4096; probe += 997) {
        for (struct node *n = list; n; n = n->next) {
            if ((n->key & 0x1FFF) > (probe & 0x1FFF)) {
                found += (uint32_t)n->value;
                break;
            }
        }
    }
    return found;
}

static uint32_t matrix_work(uint32_t seed) {
    for (int i = 0; i < MATRIX; i++) {
        for (int j = 0; j < MATRIX; j++) {
            seed = seed * 1664525u + 1013904223u;
            a[i][j] = (int16_t)(seed >> 20);
            b[i][j] = (int16_t)(seed >> 8) & 0xFF;
        }
    }
    uint32_t sum = 0;
    for (int i = 0; i < MATRIX; i++) {
        for (int j = 0; j < MATRIX; j++) {
            int32_t acc = 0;
            for (int k = 0; k < MATRIX; k++) {
                acc += a[i][k] * b[k][j];
            }
            c[i][j] = acc;
            sum += (uint32_t)acc ^ (uint32_t)(acc >> 3);
        }
    }
    return sum;
}

enum state { START, SIGN, INTEGER, FRACTION, EXPONENT, INVALID };

static uint32_t state_work(void) {
    uint32_t counts[INVALID + 1];
    for (int i = 0; i <= INVALID; i++) {
        counts[i] = 0;
    }
    enum state s = START;
    for (const char *p = text; *p; p++) {
        char ch = *p;
        if (ch == ' ' || ch == ',') {
            counts[s]++;
            s = START;
            continue;
        }
        switch (s) {
            case START: s = (ch == '+' || ch == '-') ? SIGN : (ch >= '0' && ch <= '9') ? INTEGER : INVALID; break;
            case SIGN: s = (ch >= '0' && ch <= '9') ? INTEGER : INVALID; break;
            case INTEGER: s = ch == '.' ? FRACTION : (ch == 'e' || ch == 'E') ? EXPONENT
                    : (ch >= '0' && ch <= '9') ? INTEGER : INVALID; break;
            case FRACTION: s = (ch == 'e' || ch == 'E') ? EXPONENT : (ch >= '0' && ch <= '9') ? FRACTION : INVALID; break;
            case EXPONENT: s = (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' ? EXPONENT : INVALID; break;
            default: break;
        }
    }
    uint32_t folded = 0;
    for (int i = 0; i <= INVALID; i++) {
        folded = folded * 31u + counts[i];
    }
    return folded;
}

void bench_main(void) {
    uint32_t seed = 0x2545F491u;
    for (;;) {
        uint16_t crc = 0xFFFF;
        uint32_t values[3] = {list_work(seed), matrix_work(seed), state_work()};
        for (int i = 0; i < 3; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                crc = crc16(crc, (uint8_t)(values[i] >> shift));
            }
        }
        seed ^= crc;
        result.checksum = result.checksum * 33u + crc;
        result.iterations = result.iterations + 1;
    }
}

extern uint32_t __stack_top;

__attribute__((section(".vectors"), used))
static const void *const vectors[] = {&__stack_top, (const void *)bench_main};
