/*
 * A tiny Cortex-M program for the image tests: a vector table, code, initialised data (stored in
 * flash at its load address, run in RAM) and zero-initialised data (never stored).
 */
extern unsigned long _stack_top;
extern unsigned long _data_load, _data_start, _data_end, _bss_start, _bss_end;

unsigned long counters[4] = {0x11111111u, 0x22222222u, 0x33333333u, 0x44444444u};
unsigned long scratch[64];

void Reset_Handler(void);

__attribute__((section(".isr_vector"), used))
const void *const vectors[2] = {&_stack_top, (const void *) Reset_Handler};

void Reset_Handler(void) {
    unsigned long *from = &_data_load;
    for (unsigned long *to = &_data_start; to < &_data_end;) {
        *to++ = *from++;
    }
    for (unsigned long *to = &_bss_start; to < &_bss_end;) {
        *to++ = 0;
    }
    for (;;) {
        counters[0]++;
        scratch[counters[0] & 63] = counters[1];
    }
}
