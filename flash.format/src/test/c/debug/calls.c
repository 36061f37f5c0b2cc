/*
 * Call chains for the debug-information tests: Reset_Handler -> main -> outer -> middle -> inner
 * (into which -O2 inlines twice and scale), and inner raises an SVC whose handler calls in_handler, so a stack trace taken in in_handler
 * crosses an exception frame. With -DUSE_PSP the thread runs on the process stack (PSP); with
 * -DRAISE_HARDFAULT inner executes an undefined instruction instead, and the same handler runs as
 * the HardFault handler.
 * Runs on QEMU's microbit (Cortex-M0) and stm32vldiscovery (Cortex-M3): flash at 0, RAM at
 * 0x20000000 (calls.ld). Built for RV32 (calls-riscv.ld, QEMU virt at 0x80000000) inner calls
 * in_handler directly: there is no exception frame to cross; with -DRAISE_TRAP inner executes an
 * illegal instruction instead, and Trap_Handler, a machine-mode interrupt handler mtvec points at,
 * calls in_handler.
 */
extern unsigned long _stack_top;

volatile unsigned long sink;
volatile unsigned long handler_psp;
unsigned long process_stack[128];

void Reset_Handler(void);
void SVC_Handler(void);
void Default_Handler(void);

#if defined(__arm__) && defined(RAISE_HARDFAULT)
#define RAISE() __asm volatile("udf #0" ::: "memory")
#define HARDFAULT_HANDLER SVC_Handler
#elif defined(__arm__)
#define RAISE() __asm volatile("svc #0" ::: "memory")
#define HARDFAULT_HANDLER Default_Handler
#endif
#if defined(__arm__)
__attribute__((section(".isr_vector"), used))
void (*const vectors[16])(void) = {
    (void (*)(void)) &_stack_top, Reset_Handler, Default_Handler, HARDFAULT_HANDLER,
    Default_Handler, Default_Handler, Default_Handler, 0, 0, 0, 0,
    SVC_Handler, Default_Handler, 0, Default_Handler, Default_Handler,
};
#elif defined(RAISE_TRAP)
#define RAISE() __asm volatile("unimp" ::: "memory")
__asm__(".section .text.start, \"ax\"\n.globl _start\n_start:\n la sp, _stack_top\n la t0, Trap_Handler\n"
        " csrw mtvec, t0\n call Reset_Handler\n1: j 1b\n");
#else
#define RAISE() in_handler(7)
__asm__(".section .text.start, \"ax\"\n.globl _start\n_start:\n la sp, _stack_top\n call Reset_Handler\n1: j 1b\n");
#endif

__attribute__((noinline)) void in_handler(unsigned long code) {
    sink = code * 3u;
    sink += 1;
}

void SVC_Handler(void) {
#if defined(__arm__)
    __asm volatile("mrs %0, psp" : "=r"(handler_psp));
#endif
    in_handler(7);
    sink += 2;
}

#if defined(RAISE_TRAP)
__attribute__((interrupt("machine"), aligned(4))) void Trap_Handler(void) {
    in_handler(7);
    sink += 2;
}
#endif

static inline int scale(int v, int k) {
    return v * k + (int) (sink & 1u);
}

static inline int twice(int v) {
    return scale(v, 2);
}

__attribute__((noinline)) int inner(int x) {
    int doubled = twice(x);
    sink = (unsigned long) doubled;
    RAISE();
    return doubled + (int) sink;
}

__attribute__((noinline)) int middle(int a, int b) {
    int sum = a + b;
    int result = inner(sum) + 1;
    sink = (unsigned long) result;
    return result;
}

__attribute__((noinline)) int outer(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
        total += middle(i, n);
    }
    return total;
}

int main(void) {
    int value = outer(2);
    sink = (unsigned long) value;
    for (;;) {
    }
}

void Default_Handler(void) {
    for (;;) {
    }
}

void Reset_Handler(void) {
#ifdef USE_PSP
    __asm volatile("msr psp, %0\n\tmovs r0, #2\n\tmsr control, r0\n\tisb"
                   :: "r"(&process_stack[128]) : "r0", "memory");
#endif
    main();
}
