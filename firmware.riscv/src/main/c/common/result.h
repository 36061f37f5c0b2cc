/* The result block every program fills (see the module README). */
#ifndef RESULT_H
#define RESULT_H
#include <stdint.h>

#define STATUS_DONE 0x454E4F44u /* "DONE" */
#define STATUS_FAIL 0x4C494146u /* "FAIL": a trap nobody expected */
#define MAX_VALUES 124
#define MAX_TRAPS 96

struct trap_record {
    uint32_t mcause;
    uint32_t mepc;   /* position-independent, see position() */
    uint32_t mtval;  /* position-independent, see position() */
    uint32_t mstatus;
};

struct result_block {
    volatile uint32_t status;
    uint32_t program;
    uint32_t value_count;
    uint32_t trap_count;
    uint32_t values[MAX_VALUES];
    struct trap_record traps[MAX_TRAPS];
};

extern struct result_block result;

/* Addresses made link-independent: code as 0xC0000000 + offset, RAM as 0xD0000000 + offset. */
uint32_t position(uint32_t address);

#define CSR_READ(name) ({ uint32_t v_; __asm__ volatile ("csrr %0, " #name : "=r"(v_)); v_; })
#define CSR_WRITE(name, value) __asm__ volatile ("csrw " #name ", %0" :: "r"((uint32_t)(value)))

#endif
