/* Firmware self-test for the virtual nRF51822: exercises compiler-generated Thumb code (libgcc
 * division, 64-bit arithmetic, switch tables), exceptions (SVC, PendSV, SysTick) and the UART.
 * Built with build-selftest.sh; the same image runs on qemu-system-arm -M microbit. */
#include <stdint.h>
#include <string.h>

#define REG(a) (*(volatile uint32_t *)(a))
#define UART_STARTTX REG(0x40002008)
#define UART_TXDRDY REG(0x4000211C)
#define UART_ENABLE REG(0x40002500)
#define UART_TXD REG(0x4000251C)
#define SYST_CSR REG(0xE000E010)
#define SYST_RVR REG(0xE000E014)
#define SYST_CVR REG(0xE000E018)
#define ICSR REG(0xE000ED04)
#define NVIC_ISER REG(0xE000E100)
#define TIMER0_START REG(0x40008000)
#define TIMER0_STOP REG(0x40008004)
#define TIMER0_COMPARE0 REG(0x40008140)
#define TIMER0_SHORTS REG(0x40008200)
#define TIMER0_INTENSET REG(0x40008304)
#define TIMER0_BITMODE REG(0x40008508)
#define TIMER0_PRESCALER REG(0x40008510)
#define TIMER0_CC0 REG(0x40008540)

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
int main(void);

static volatile uint32_t ticks;
static volatile uint32_t svc_calls;
static volatile uint32_t pendsv_calls;
static volatile uint32_t timer_irqs;
static uint32_t table[16] = {1, 2, 3};
static uint8_t scratch[64];

void Reset_Handler(void)
{
    uint32_t *src = &_sidata;
    for (uint32_t *dst = &_sdata; dst < &_edata;)
        *dst++ = *src++;
    for (uint32_t *dst = &_sbss; dst < &_ebss;)
        *dst++ = 0;
    main();
    for (;;)
        __asm volatile("wfi");
}

void Default_Handler(void) { for (;;) ; }
void SysTick_Handler(void) { ticks++; }
void SVC_Handler(void) { svc_calls++; }
void PendSV_Handler(void) { pendsv_calls++; }
void TIMER0_IRQHandler(void)
{
    TIMER0_COMPARE0 = 0;
    timer_irqs++;
}

__attribute__((section(".isr_vector"), used)) void (*const vectors[32])(void) = {
    (void (*)(void))&_estack, Reset_Handler, Default_Handler, Default_Handler,
    0, 0, 0, 0, 0, 0, 0, SVC_Handler, 0, 0, PendSV_Handler, SysTick_Handler,
    [16 + 8] = TIMER0_IRQHandler,
};

static void put(char c)
{
    UART_TXDRDY = 0;
    UART_TXD = (uint8_t)c;
    while (!UART_TXDRDY)
        ;
}

static void puts_(const char *s) { while (*s) put(*s++); }

static void hex(uint32_t v)
{
    for (int i = 28; i >= 0; i -= 4)
        put("0123456789abcdef"[(v >> i) & 15]);
}

static void report(const char *name, uint32_t v)
{
    puts_(name);
    put('=');
    hex(v);
    put('\n');
}

__attribute__((noinline)) static uint32_t classify(uint32_t x)
{
    switch (x % 9) {
    case 0: return 17;
    case 1: return x * 3;
    case 2: return x ^ 0x55;
    case 3: return x >> 2;
    case 4: return ~x;
    case 5: return x + 1000;
    case 6: return x << 5;
    case 7: return x - 7;
    default: return 0;
    }
}

__attribute__((noinline)) static int32_t fib(int32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void)
{
    UART_ENABLE = 4;
    UART_STARTTX = 1;
    puts_("selftest\n");

    uint32_t crc = 0xFFFFFFFF;
    for (uint32_t i = 0; i < 200; i++) {
        crc ^= classify(i * 2654435761u);
        for (int b = 0; b < 8; b++)
            crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    report("crc", crc);

    int32_t sdiv = 0;
    uint32_t udiv = 0;
    for (int32_t i = 1; i < 300; i++) {
        sdiv += (-123456789 + i * 7919) / (i * 3 - 450);
        udiv += (0xFFFFFFF0u - (uint32_t)i * 12345u) % (uint32_t)(i + 13);
    }
    report("sdiv", (uint32_t)sdiv);
    report("udiv", udiv);

    uint64_t acc = 0x0123456789ABCDEFull;
    for (int i = 0; i < 50; i++)
        acc = acc * 6364136223846793005ull + (acc >> 17) / (uint64_t)(i + 3);
    report("u64hi", (uint32_t)(acc >> 32));
    report("u64lo", (uint32_t)acc);
    int64_t s64 = -987654321012345ll / 1234567;
    report("s64", (uint32_t)s64);

    memset(scratch, 0xA5, sizeof scratch);
    memcpy(scratch + 3, table, 12);
    uint32_t sum = 0;
    for (unsigned i = 0; i < sizeof scratch; i++)
        sum = sum * 31 + scratch[i];
    report("mem", sum);
    report("fib", (uint32_t)fib(20));

    __asm volatile("svc #7");
    __asm volatile("svc #8");
    ICSR = 1u << 28;
    __asm volatile("isb");
    report("svc", svc_calls);
    report("pendsv", pendsv_calls);

    SYST_RVR = 15999;
    SYST_CVR = 0;
    SYST_CSR = 7;
    while (ticks < 5)
        __asm volatile("wfi");
    SYST_CSR = 0;
    report("ticks", ticks);

    TIMER0_BITMODE = 3;
    TIMER0_PRESCALER = 4;
    TIMER0_CC0 = 1000;
    TIMER0_SHORTS = 1;
    TIMER0_INTENSET = 1u << 16;
    NVIC_ISER = 1u << 8;
    TIMER0_START = 1;
    while (timer_irqs < 3)
        __asm volatile("wfi");
    TIMER0_STOP = 1;
    report("timer", timer_irqs);
    puts_("done\n");
    return 0;
}
