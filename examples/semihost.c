/* semihost: the example for `run`, the same source for the micro:bit (nRF51822, Cortex-M0; semihost.elf),
 * the Nucleo-F103RB (STM32F103RB, Cortex-M3; nucleo-semihost.elf) and the Longan Nano (GD32VF103CB,
 * RV32IMAC; longan-semihost.elf). It logs three lines on RTT up channel 0, prints through semihosting
 * (SYS_WRITE0, SYS_WRITEC, SYS_WRITE to the console SYS_OPEN gives for ":tt") and exits with code 3
 * through SYS_EXIT_EXTENDED, so `./probehost --sim run -u 9900 examples/semihost.elf` ends with status 3.
 * The semihosting trap is Thumb BKPT 0xAB on Arm, the sequence slli x0,x0,0x1f; ebreak; srai x0,x0,7 on
 * RISC-V; the operation goes in r0/a0, the parameter in r1/a1, the answer comes back in r0/a0. */
#include <stdint.h>

#define SYS_OPEN          0x01
#define SYS_WRITEC        0x03
#define SYS_WRITE0        0x04
#define SYS_WRITE         0x05
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define OPEN_MODE_WRITE   4
#define EXIT_CODE         3
#define UP_SIZE           64u

static int32_t semihost(int32_t operation, const void *parameter)
{
#ifdef __riscv
    register int32_t a0 __asm__("a0") = operation;
    register const void *a1 __asm__("a1") = parameter;
    __asm__ volatile(".option push\n\t.option norvc\n\t.balign 16\n\t"
                     "slli x0, x0, 0x1f\n\tebreak\n\tsrai x0, x0, 7\n\t.option pop"
                     : "+r"(a0) : "r"(a1) : "memory");
    return a0;
#else
    register int32_t r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = parameter;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
#endif
}

/* A call whose parameter is a block of three words (two for SYS_EXIT_EXTENDED, the third unread). */
static int32_t semihost_block(int32_t operation, uint32_t first, uint32_t second, uint32_t third)
{
    volatile uint32_t block[3];
    block[0] = first;
    block[1] = second;
    block[2] = third;
    return semihost(operation, (const void *)block);
}

/* An RTT control block with one up channel and no down channel (SEGGER's layout, see rtt-log.c). */
struct rtt_up {
    const char *name;
    char *buffer;
    uint32_t size;
    volatile uint32_t write;
    volatile uint32_t read;
    uint32_t flags;
};

struct {
    char id[16];
    int32_t up_count;
    int32_t down_count;
    struct rtt_up up[1];
} _SEGGER_RTT;

static char up_buffer[UP_SIZE];
static const char id_reversed[16] = "\0\0\0\0\0\0TTR REGGES";

static void rtt_log(const char *text)
{
    struct rtt_up *r = &_SEGGER_RTT.up[0];
    uint32_t write = r->write;
    for (; *text; text++) {
        r->buffer[write] = *text;
        write = write + 1 == r->size ? 0 : write + 1;
    }
    r->write = write;
}

static uint32_t length(const char *text)
{
    uint32_t n = 0;
    while (text[n]) {
        n++;
    }
    return n;
}

int main(void)
{
    _SEGGER_RTT.up_count = 1;
    _SEGGER_RTT.up[0].name = "Terminal";
    _SEGGER_RTT.up[0].buffer = up_buffer;
    _SEGGER_RTT.up[0].size = UP_SIZE;
    for (int i = 15; i >= 0; i--) {
        ((volatile char *)_SEGGER_RTT.id)[i] = id_reversed[15 - i];
    }
    rtt_log("rtt: starting\n");
    rtt_log("rtt: counting to 3\n");

    semihost(SYS_WRITE0, "semihosting: hello\n");
    semihost(SYS_WRITEC, "!");
    semihost(SYS_WRITEC, "\n");
    static const char console[] = ":tt";
    int32_t handle = semihost_block(SYS_OPEN, (uint32_t)console, OPEN_MODE_WRITE, length(console));
    const char *line = "semihosting: written to stdout\n";
    semihost_block(SYS_WRITE, (uint32_t)handle, (uint32_t)line, length(line));

    rtt_log("rtt: exiting with 3\n");
    semihost_block(SYS_EXIT_EXTENDED, ADP_STOPPED_APPLICATION_EXIT, EXIT_CODE, 0);
    for (;;) {
    }
}
