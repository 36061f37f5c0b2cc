/* rtt-bench: the busy log rtt:bench measures, for the virtual micro:bit (nRF51822, rtt-bench) and the
 * Nucleo-F103RB (STM32F103RB, nucleo-rtt-bench). One up channel ("Bench", 4 KiB) carries 32-byte
 * lines "SSSSSSSS TTTTTTTT ppppppppppppp\n": S the line's sequence number, T a timestamp taken just
 * before the line is written (nRF51: TIMER0 at 16 MHz; STM32F1: the DWT cycle counter at 72 MHz), p
 * thirteen letters that follow from S, so a reader can tell a lost, cut or corrupted line.
 * The host drives it through bench_config:
 *   mode     0 idle, 1 busy (a line as soon as the last one is in), 2 paced (a line every interval ticks)
 *   flags    the up channel's mode as the descriptor's Flags (0 skip, 1 trim, 2 block), copied when
 *            the mode changes
 *   dropped  lines a non-blocking write dropped (skip) or cut (trim), counted by the firmware
 *   stamp_hz the timestamp's ticks per second */
#include <stdint.h>

#define UP_SIZE   4096u
#define LINE      32u
#define MODE_SKIP 0u
#define MODE_TRIM 1u
#define MODE_BLOCK 2u

#include "rtt-block.h"

struct bench_config {
    volatile uint32_t mode;
    volatile uint32_t flags;
    volatile uint32_t interval;
    volatile uint32_t dropped;
    volatile uint32_t stamp_hz;
};

struct rtt_block _SEGGER_RTT;
struct bench_config bench_config;
static char up_buffer[UP_SIZE];
static const char name[] = "Bench";

#ifdef STM32F1
#define DEMCR       (*(volatile uint32_t *)0xE000EDFCu)
#define DWT_CTRL    (*(volatile uint32_t *)0xE0001000u)
#define DWT_CYCCNT  (*(volatile uint32_t *)0xE0001004u)
#define STAMP_HZ    72000000u

static void stamp_start(void)
{
    DEMCR |= 1u << 24;
    DWT_CYCCNT = 0;
    DWT_CTRL |= 1u;
}

static uint32_t stamp(void)
{
    return DWT_CYCCNT;
}
#else
#define TIMER0_START     (*(volatile uint32_t *)0x40008000u)
#define TIMER0_CAPTURE0  (*(volatile uint32_t *)0x40008040u)
#define TIMER0_MODE      (*(volatile uint32_t *)0x40008504u)
#define TIMER0_BITMODE   (*(volatile uint32_t *)0x40008508u)
#define TIMER0_PRESCALER (*(volatile uint32_t *)0x40008510u)
#define TIMER0_CC0       (*(volatile uint32_t *)0x40008540u)
#define STAMP_HZ         16000000u

static void stamp_start(void)
{
    TIMER0_MODE = 0;
    TIMER0_BITMODE = 3;
    TIMER0_PRESCALER = 0;
    TIMER0_START = 1;
}

static uint32_t stamp(void)
{
    TIMER0_CAPTURE0 = 1;
    return TIMER0_CC0;
}
#endif

static void rtt_init(void)
{
    struct rtt_block *b = &_SEGGER_RTT;
    b->up_count = 1;
    b->down_count = 0;
    b->up[0] = (struct rtt_ring){name, up_buffer, UP_SIZE, 0, 0, MODE_SKIP};
    for (int i = 15; i >= 0; i--) {
        ((volatile char *)b->id)[i] = id_reversed[15 - i];
    }
}

static uint32_t rtt_free(const struct rtt_ring *r, uint32_t write)
{
    uint32_t read = r->read;
    return read <= write ? r->size - 1 - write + read : read - write - 1;
}

/* Writes text as the channel's mode says; returns 0 when a non-blocking write dropped or cut it. */
static int rtt_write(const char *text, uint32_t length)
{
    struct rtt_ring *r = &_SEGGER_RTT.up[0];
    uint32_t write = r->write;
    uint32_t flags = r->flags & 3u;
    uint32_t space = rtt_free(r, write);
    if (flags == MODE_SKIP && length > space) {
        return 0;
    }
    uint32_t done = 0;
    while (done < length) {
        if (space == 0) {
            if (flags != MODE_BLOCK) {
                break;
            }
            space = rtt_free(r, write);
            continue;
        }
        r->buffer[write] = text[done++];
        write = write + 1 == r->size ? 0 : write + 1;
        space--;
        if (space == 0 || done == length) {
            r->write = write;
        }
    }
    return done == length;
}

static void hex(char *into, uint32_t value)
{
    for (int i = 7; i >= 0; i--) {
        uint32_t digit = value & 15u;
        into[i] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
        value >>= 4;
    }
}

int main(void)
{
    static char line[LINE];
    uint32_t sequence = 0;
    uint32_t mode = 0;
    uint32_t last = 0;
    stamp_start();
    bench_config.stamp_hz = STAMP_HZ;
    rtt_init();
    for (;;) {
        if (bench_config.mode != mode) {
            mode = bench_config.mode;
            _SEGGER_RTT.up[0].flags = bench_config.flags;
            last = stamp();
        }
        if (mode == 0) {
            continue;
        }
        uint32_t now = stamp();
        if (mode == 2) {
            if (now - last < bench_config.interval) {
                continue;
            }
            last = now;
        }
        hex(line, sequence);
        line[8] = ' ';
        hex(line + 9, now);
        line[17] = ' ';
        for (uint32_t i = 0; i < 13; i++) {
            line[18 + i] = (char)('a' + ((sequence + i) & 15u));
        }
        line[LINE - 1] = '\n';
        if (!rtt_write(line, LINE)) {
            bench_config.dropped++;
        }
        sequence++;
    }
}
