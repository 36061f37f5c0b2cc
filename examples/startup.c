/* Vector table and reset handler for the examples: RAM set up, then main(). No vendor SDK, no libc. */
#include <stdint.h>

extern uint32_t __stack_top, __data_start, __data_end, __data_load, __bss_start, __bss_end;

int main(void);
void reset_handler(void);
void fault_handler(void);

typedef void (*vector_t)(void);

/* The Cortex-M0 system exceptions; the examples enable no interrupt, so the nRF51 IRQs are left out. */
__attribute__((section(".vectors"), used))
const vector_t vector_table[16] = {
    (vector_t)&__stack_top, reset_handler, fault_handler, fault_handler,
    0, 0, 0, 0, 0, 0, 0, fault_handler, 0, 0, fault_handler, fault_handler,
};

void reset_handler(void)
{
    uint32_t *load = &__data_load;
    for (uint32_t *word = &__data_start; word < &__data_end; ) *word++ = *load++;
    for (uint32_t *word = &__bss_start; word < &__bss_end; ) *word++ = 0;
    main();
    for (;;) { }
}

/* An unexpected exception stops here, where reg and target:halt show it. */
void fault_handler(void)
{
    for (;;) { }
}
