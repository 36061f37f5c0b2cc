/* An RTT control block in the SEGGER layout with one up and one down channel; the program writes
 * a known text into the up ring so that it wraps, plays the host once by consuming, and has one
 * write dropped because it does not fit (NO_BLOCK_SKIP). */
#include "../common/result.h"

enum {
    R_CONTROL_BLOCK, R_UP_BUFFER, R_UP_SIZE, R_UP_WR_OFF, R_UP_RD_OFF, R_BYTES_ACCEPTED,
    R_BYTES_DROPPED, R_UNREAD_CRC32, R_UP_FLAGS, R_COUNT
};

#define UP_SIZE 64u
#define DOWN_SIZE 16u

struct rtt_buffer {
    const char *name;
    char *buffer;
    uint32_t size;
    volatile uint32_t wr_off;
    volatile uint32_t rd_off;
    uint32_t flags;
};

struct rtt_control_block {
    volatile char id[16];
    int32_t max_up;
    int32_t max_down;
    struct rtt_buffer up[1];
    struct rtt_buffer down[1];
};

struct rtt_control_block _SEGGER_RTT __attribute__((aligned(4)));
static char up_ring[UP_SIZE] __attribute__((aligned(4)));
static char down_ring[DOWN_SIZE] __attribute__((aligned(4)));

static const char TEXT_GREETING[] = "probehost rtt: hello from the nRF51\n";
static const char TEXT_WRAPPING[] = "line 1: the ring wraps around here\n";
static const char TEXT_TOO_LONG[] = "this line is longer than the free space\n";
static const char TEXT_TAIL[] = "ok\n";

static void rtt_init(void)
{
    /* The id is stored reversed and written last, so a host never finds a half-built block. */
    static const char reversed_id[16] = "\0\0\0\0\0\0TTR REGGES";
    _SEGGER_RTT.max_up = 1;
    _SEGGER_RTT.max_down = 1;
    _SEGGER_RTT.up[0] = (struct rtt_buffer){ "Terminal", up_ring, UP_SIZE, 0, 0, 0 };
    _SEGGER_RTT.down[0] = (struct rtt_buffer){ "Terminal", down_ring, DOWN_SIZE, 0, 0, 0 };
    for (int i = 0; i < 16; i++) _SEGGER_RTT.id[i] = reversed_id[15 - i];
}

static uint32_t length_of(const char *text)
{
    uint32_t n = 0;
    while (text[n]) n++;
    return n;
}

/* Returns the bytes written: all of them, or none when they do not fit. */
static uint32_t rtt_write(const char *text)
{
    struct rtt_buffer *up = &_SEGGER_RTT.up[0];
    uint32_t n = length_of(text), wr = up->wr_off, rd = up->rd_off;
    uint32_t free = rd <= wr ? up->size - 1u - wr + rd : rd - wr - 1u;
    if (n > free) return 0;
    for (uint32_t i = 0; i < n; i++) {
        up->buffer[wr] = text[i];
        wr = wr + 1u == up->size ? 0u : wr + 1u;
    }
    up->wr_off = wr;
    return n;
}

static uint32_t crc32_unread(const struct rtt_buffer *up)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = up->rd_off; i != up->wr_off; i = i + 1u == up->size ? 0u : i + 1u) {
        crc ^= (uint8_t)up->buffer[i];
        for (int bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xEDB88320u & (uint32_t)-(int32_t)(crc & 1u));
    }
    return ~crc;
}

int main(void)
{
    result_begin(PROGRAM_RTT);
    rtt_init();
    struct rtt_buffer *up = &_SEGGER_RTT.up[0];
    uint32_t accepted = rtt_write(TEXT_GREETING);
    up->rd_off = up->wr_off; /* the host consumed the greeting */
    accepted += rtt_write(TEXT_WRAPPING);
    uint32_t dropped = length_of(TEXT_TOO_LONG) - rtt_write(TEXT_TOO_LONG);
    accepted += rtt_write(TEXT_TAIL);
    result_put(R_CONTROL_BLOCK, (uint32_t)&_SEGGER_RTT);
    result_put(R_UP_BUFFER, (uint32_t)up->buffer);
    result_put(R_UP_SIZE, up->size);
    result_put(R_UP_WR_OFF, up->wr_off);
    result_put(R_UP_RD_OFF, up->rd_off);
    result_put(R_BYTES_ACCEPTED, accepted);
    result_put(R_BYTES_DROPPED, dropped);
    result_put(R_UNREAD_CRC32, crc32_unread(up));
    result_put(R_UP_FLAGS, up->flags);
    result_finish();
}
