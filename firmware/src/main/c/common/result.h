/* Result block shared by every test program: fixed address, fixed header, written once. */
#ifndef RESULT_H
#define RESULT_H
#include <stdint.h>

#ifndef RESULT_BASE
#define RESULT_BASE        0x20003F00u /* nRF51822; the Cortex-M3 programs pass 0x20001F00u (8 KiB of SRAM) */
#endif
#define RESULT_MAX_WORDS   60u
#define RESULT_STATUS_DONE 0x454E4F44u /* "DONE" as little-endian bytes */
#define RESULT_STATUS_FAIL 0x4C494146u /* "FAIL": an exception nobody expected */

#define PROGRAM_TORTURE    0x54524F54u /* "TORT" */
#define PROGRAM_EXCEPTIONS 0x50435845u /* "EXCP" */
#define PROGRAM_RTT        0x5F545452u /* "RTT_" */
#define PROGRAM_FUZZ       0x5A5A5546u /* "FUZZ" */
#define PROGRAM_FUZZ_MEMORY 0x4D5A5546u /* "FUZM" */

struct result_block {
    volatile uint32_t status;      /* 0x00: written last */
    volatile uint32_t program;     /* 0x04 */
    volatile uint32_t count;       /* 0x08: words used in values[] */
    volatile uint32_t fault;       /* 0x0C: IPSR of an unexpected exception, else 0 */
    volatile uint32_t values[RESULT_MAX_WORDS]; /* 0x10 */
};

#define RESULT ((struct result_block *)RESULT_BASE)

void result_begin(uint32_t program);
void result_put(uint32_t index, uint32_t value);
void result_finish(void) __attribute__((noreturn));

/* Provided by each program. */
int main(void);

#endif
