/* The RTT control block of the RTT examples (rtt-log, rtt-bench), written from the block layout in the
 * reference note: a 16-byte ID, the channel counts, then one up and one down ring descriptor. */
#include <stdint.h>

struct rtt_ring {
    const char *name;
    char *buffer;
    uint32_t size;
    volatile uint32_t write;
    volatile uint32_t read;
    uint32_t flags;
};

struct rtt_block {
    char id[16];
    int32_t up_count;
    int32_t down_count;
    struct rtt_ring up[1];
    struct rtt_ring down[1];
};

/* The ID backwards, so "SEGGER RTT" appears in RAM only once the block is whole. */
static const char id_reversed[16] = "\0\0\0\0\0\0TTR REGGES";
