/* Vector table, reset handler and the result-block helpers shared by all test programs. */
#include <stdint.h>
#include "cm0.h"
#include "result.h"

extern uint32_t __stack_top, __data_start, __data_end, __data_load, __bss_start, __bss_end;

void reset_handler(void);
void default_handler(void);
void nmi_handler(void) __attribute__((weak, alias("default_handler")));
void hardfault_handler(void) __attribute__((weak, alias("default_handler")));
void svc_handler(void) __attribute__((weak, alias("default_handler")));
void pendsv_handler(void) __attribute__((weak, alias("default_handler")));
void systick_handler(void) __attribute__((weak, alias("default_handler")));
/* SWI0..SWI5 (IRQ 20..25) are the nRF51 software interrupts the tests pend. */
void swi_handler(void) __attribute__((weak, alias("default_handler")));
#ifdef __ARM_ARCH_7M__
/* ARMv7-M's configurable faults, in vector slots 4-6 (reserved on the Cortex-M0 images). */
void memmanage_handler(void) __attribute__((weak, alias("default_handler")));
void busfault_handler(void) __attribute__((weak, alias("default_handler")));
void usagefault_handler(void) __attribute__((weak, alias("default_handler")));
#define CONFIGURABLE_FAULTS memmanage_handler, busfault_handler, usagefault_handler
#else
#define CONFIGURABLE_FAULTS 0, 0, 0
#endif

#define IRQ_COUNT 32

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used))
const vector_t vector_table[16 + IRQ_COUNT] = {
    (vector_t)&__stack_top, reset_handler, nmi_handler, hardfault_handler,
    CONFIGURABLE_FAULTS, 0, 0, 0, 0, svc_handler, 0, 0, pendsv_handler, systick_handler,
    default_handler, default_handler, default_handler, default_handler,
    default_handler, default_handler, default_handler, default_handler,
    default_handler, default_handler, default_handler, default_handler,
    default_handler, default_handler, default_handler, default_handler,
    default_handler, default_handler, default_handler, default_handler,
    swi_handler, swi_handler, swi_handler, swi_handler, swi_handler, swi_handler,
    default_handler, default_handler, default_handler, default_handler, default_handler, default_handler,
};

void *memcpy(void *dst, const void *src, unsigned n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, unsigned n)
{
    uint8_t *d = dst;
    while (n--) *d++ = (uint8_t)c;
    return dst;
}

void reset_handler(void)
{
    uint32_t *src = &__data_load;
    for (uint32_t *dst = &__data_start; dst < &__data_end; ) *dst++ = *src++;
    for (uint32_t *dst = &__bss_start; dst < &__bss_end; ) *dst++ = 0;
    main();
    result_finish();
}

void default_handler(void)
{
    RESULT->fault = read_ipsr();
    barrier();
    RESULT->status = RESULT_STATUS_FAIL;
    for (;;) { }
}

void result_begin(uint32_t program)
{
    volatile uint32_t *block = (volatile uint32_t *)RESULT_BASE;
    for (uint32_t i = 0; i < 4 + RESULT_MAX_WORDS; i++) block[i] = 0;
    RESULT->program = program;
}

void result_put(uint32_t index, uint32_t value)
{
    if (index < RESULT_MAX_WORDS) {
        RESULT->values[index] = value;
        if (index + 1 > RESULT->count) RESULT->count = index + 1;
    }
}

void result_finish(void)
{
    barrier();
    RESULT->status = RESULT_STATUS_DONE;
    barrier();
    for (;;) { }
}
