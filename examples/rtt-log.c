/* rtt-log: the RTT example for the virtual micro:bit (nRF51822). A small SEGGER-RTT-compatible
 * control block, written from the layout in the reference note, with one up channel ("Terminal",
 * 256 bytes, mode skip) and one down channel ("Terminal", 16 bytes). It logs "tick N" lines and
 * echoes each line it receives on the down channel as "got: TEXT".
 *   rtt:attach --elf examples/rtt-log.elf --for 2      the ticks
 *   rtt:write 0 hello                                   then rtt:read shows "got: hello" */
#include <stdint.h>

#define UP_SIZE   256u
#define DOWN_SIZE 16u
#define MODE_SKIP 0u
#define TURNS_PER_TICK 20000u

#include "rtt-block.h"

struct rtt_block _SEGGER_RTT;
static char up_buffer[UP_SIZE];
static char down_buffer[DOWN_SIZE];
static const char terminal[] = "Terminal";

static void rtt_init(void)
{
    struct rtt_block *b = &_SEGGER_RTT;
    b->up_count = 1;
    b->down_count = 1;
    b->up[0] = (struct rtt_ring){terminal, up_buffer, UP_SIZE, 0, 0, MODE_SKIP};
    b->down[0] = (struct rtt_ring){terminal, down_buffer, DOWN_SIZE, 0, 0, MODE_SKIP};
    for (int i = 15; i >= 0; i--) {
        ((volatile char *)b->id)[i] = id_reversed[15 - i];
    }
}

/* Writes all of text or, in skip mode, none of it when the ring lacks room. */
static void rtt_write(const char *text, uint32_t length)
{
    struct rtt_ring *r = &_SEGGER_RTT.up[0];
    uint32_t write = r->write;
    uint32_t read = r->read;
    uint32_t space = read <= write ? r->size - 1 - write + read : read - write - 1;
    if (length > space) {
        return;
    }
    for (uint32_t i = 0; i < length; i++) {
        r->buffer[write] = text[i];
        write = write + 1 == r->size ? 0 : write + 1;
    }
    r->write = write;
}

static uint32_t rtt_read(char *into, uint32_t room)
{
    struct rtt_ring *r = &_SEGGER_RTT.down[0];
    uint32_t read = r->read;
    uint32_t count = 0;
    while (read != r->write && count < room) {
        into[count++] = r->buffer[read];
        read = read + 1 == r->size ? 0 : read + 1;
    }
    r->read = read;
    return count;
}

/* The Cortex-M0 has no divide instruction and the examples link no libgcc: count in decimal text. */
static uint32_t count_up(char *digits, uint32_t length)
{
    for (uint32_t i = length; i-- > 0; ) {
        if (digits[i] != '9') {
            digits[i]++;
            return length;
        }
        digits[i] = '0';
    }
    for (uint32_t i = length; i > 0; i--) {
        digits[i] = digits[i - 1];
    }
    digits[0] = '1';
    return length + 1;
}

int main(void)
{
    static char line[24] = "tick 0";
    static char got[DOWN_SIZE + 8] = "got: ";
    uint32_t digits = 1;
    rtt_init();
    rtt_write("rtt-log started\n", 16);
    for (;;) {
        for (volatile uint32_t turn = 0; turn < TURNS_PER_TICK; turn++) {
        }
        line[5 + digits] = '\n';
        rtt_write(line, 6 + digits);
        digits = count_up(line + 5, digits);
        uint32_t received = rtt_read(got + 5, DOWN_SIZE);
        if (received != 0) {
            rtt_write(got, 5 + received);
        }
    }
}
