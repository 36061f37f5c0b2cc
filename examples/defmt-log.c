/* defmt-log: the defmt example, one source for the micro:bit (nRF51822, Cortex-M0), the Nucleo-F103RB
 * (STM32F103RB, Cortex-M3) and the Longan Nano (GD32VF103CB, RISC-V). It logs through defmt's wire
 * format 4 with rzCOBS framing on an RTT up channel named "defmt", as defmt-rtt does (control block
 * with one up channel of 1024 bytes, in skip mode: a frame that does not fit is dropped whole, never cut
 * as defmt-rtt's trim mode may), with a timestamp in microseconds: 100 ms per main-loop tick, counted.
 *   rtt:attach --elf examples/defmt-log.elf --for 2      the decoded lines, each with its file and line */
#include <stdint.h>

#include "defmt.h"

#ifndef BOARD
#define BOARD "micro:bit"
#endif
#define UP_SIZE 1024u
#define MODE_SKIP 0u
#define TURNS_PER_TICK 20000u
#define TICK_US 100000u
#define FRAME_MAX 96u

struct rtt_ring {
    const char *name;
    uint8_t *buffer;
    uint32_t size;
    volatile uint32_t write;
    volatile uint32_t read;
    uint32_t flags;
};

struct rtt_block {
    char id[16];
    uint32_t up_count;
    uint32_t down_count;
    struct rtt_ring up[1];
};

struct rtt_block _SEGGER_RTT;
static uint8_t up_buffer[UP_SIZE];
static const char channel_name[] = "defmt";
/* The ID backwards, so "SEGGER RTT" appears in RAM only once the block is whole. */
static const char id_reversed[16] = "\0\0\0\0\0\0TTR REGGES";

/* The markers the decoder checks first, and the strings that are not log statements. */
__attribute__((section(".defmt.end"), used)) static const uint8_t defmt_version __asm__("\"_defmt_version_ = 4\"") = 0;
__attribute__((section(".defmt.end"), used)) static const uint8_t defmt_encoding __asm__("\"_defmt_encoding_ = rzcobs\"") = 0;
__attribute__((section(".defmt.end.timestamp"), used)) static const uint8_t defmt_timestamp_defined
    __asm__("__DEFMT_MARKER_TIMESTAMP_WAS_DEFINED") = 0;
DEFMT_DEFINE(timestamp_format, "timestamp", "{=u32:us}");
DEFMT_DEFINE(prim_u32, "prim", "{=u32}");
DEFMT_DEFINE(reading_format, "derived", "Reading {{ sensor: {=u8}, value: {=i16} }}");
DEFMT_DEFINE(mode_fast, "str", "fast");

static uint8_t frame[FRAME_MAX];
static uint32_t frame_length;
static uint32_t uptime_us;
static int first_frame = 1;

static void rtt_init(void)
{
    struct rtt_block *b = &_SEGGER_RTT;
    b->up_count = 1;
    b->down_count = 0;
    /* Field by field: a structure copy would call memcpy, and the examples link no libc. */
    b->up[0].name = channel_name;
    b->up[0].buffer = up_buffer;
    b->up[0].size = UP_SIZE;
    b->up[0].write = 0;
    b->up[0].read = 0;
    b->up[0].flags = MODE_SKIP;
    for (int i = 15; i >= 0; i--) {
        ((volatile char *)b->id)[i] = id_reversed[15 - i];
    }
}

/* Writes all of bytes, or none when the ring lacks room: a frame is never cut. */
static void rtt_write(const uint8_t *bytes, uint32_t length)
{
    struct rtt_ring *r = &_SEGGER_RTT.up[0];
    uint32_t write = r->write;
    uint32_t read = r->read;
    uint32_t space = read <= write ? r->size - 1 - write + read : read - write - 1;
    if (length > space) {
        return;
    }
    for (uint32_t i = 0; i < length; i++) {
        r->buffer[write] = bytes[i];
        write = write + 1 == r->size ? 0 : write + 1;
    }
    r->write = write;
}

static void put(uint8_t byte)
{
    if (frame_length < FRAME_MAX) {
        frame[frame_length++] = byte;
    }
}

void defmt_u8(uint8_t value)
{
    put(value);
}

void defmt_u16(uint16_t value)
{
    put(value & 0xFF);
    put(value >> 8);
}

void defmt_u32(uint32_t value)
{
    defmt_u16(value & 0xFFFF);
    defmt_u16(value >> 16);
}

void defmt_i16(int16_t value)
{
    defmt_u16((uint16_t)value);
}

void defmt_bool(int value)
{
    put(value ? 1 : 0);
}

void defmt_f32(float value)
{
    union { float f; uint32_t bits; } u = {value};
    defmt_u32(u.bits);
}

void defmt_bytes(const uint8_t *bytes, uint32_t length)
{
    defmt_u32(length);
    for (uint32_t i = 0; i < length; i++) {
        put(bytes[i]);
    }
}

void defmt_str(const char *text)
{
    uint32_t length = 0;
    while (text[length] != '\0') {
        length++;
    }
    defmt_bytes((const uint8_t *)text, length);
}

void defmt_begin(uint16_t index)
{
    frame_length = 0;
    defmt_u16(index);
    defmt_u32(uptime_us);
}

/* rzCOBS: groups of seven bytes whose zeros a mask byte records, long runs of non-zero bytes with a
 * run-length byte, then 0x00 to end the frame; one more 0x00 before the first frame after a reset. */
void defmt_end(void)
{
    static uint8_t out[FRAME_MAX + FRAME_MAX / 7 + 3];
    uint32_t n = 0;
    uint32_t run = 0;
    uint8_t zeros = 0;
    if (first_frame) {
        out[n++] = 0;
        first_frame = 0;
    }
    for (uint32_t i = 0; i < frame_length; i++) {
        uint8_t byte = frame[i];
        if (run < 7) {
            if (byte == 0) {
                zeros |= (uint8_t)(1u << run);
            } else {
                out[n++] = byte;
            }
            run++;
            if (run == 7 && zeros != 0) {
                out[n++] = zeros;
                run = 0;
                zeros = 0;
            }
        } else if (byte == 0) {
            out[n++] = (uint8_t)(0x80 | (run - 7));
            run = 0;
        } else {
            out[n++] = byte;
            if (++run == 134) {
                out[n++] = 0xFF;
                run = 0;
            }
        }
    }
    if (run >= 7) {
        out[n++] = (uint8_t)(0x80 | (run - 7));
    } else if (run > 0) {
        out[n++] = (uint8_t)((zeros | (0xFFu << run)) & 0x7F);
    }
    out[n++] = 0;
    rtt_write(out, n);
}

int main(void)
{
    static const uint8_t raw[4] = {0x12, 0x00, 0xAB, 0x7F};
    uint32_t tick = 0;
    rtt_init();
    defmt_println("defmt-log started on {=str}", defmt_str(BOARD));
    for (;;) {
        for (volatile uint32_t turn = 0; turn < TURNS_PER_TICK; turn++) {
        }
        uptime_us += TICK_US;
        int16_t temperature = (int16_t)(19 + (tick & 3));
        defmt_trace("idle for {=u32} turns", defmt_u32(TURNS_PER_TICK));
        defmt_info("tick {=u32}: temperature = {=i16} C", defmt_u32(tick), defmt_i16(temperature));
        defmt_debug("sensor {=u8} read {=[u8]}, valid: {=bool}, mode {=istr}", defmt_u8((uint8_t)(tick & 7)),
                defmt_bytes(raw, sizeof raw), defmt_bool(tick & 1), defmt_tag(mode_fast));
        defmt_warn("supply {=f32} V, status {:x}", defmt_f32(3.25f), defmt_tag(prim_u32), defmt_u32(0xBEEF0000u + tick));
        if ((tick & 3) == 3) {
            defmt_error("out of range: {=?}", defmt_tag(reading_format), defmt_u8(2), defmt_i16(-40));
        }
        tick++;
    }
}
