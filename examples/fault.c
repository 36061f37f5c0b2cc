/* Faults on purpose three calls deep, for target:backtrace: main -> check_sensors -> read_sensor -> decode,
 * whose third channel runs UDF (micro:bit fault.elf, Nucleo nucleo-fault.elf: HardFault) or unimp (Longan
 * Nano longan-fault.elf: an illegal-instruction trap to trap_handler, below). */
#include <stdint.h>
#if defined(__riscv)
#define RAISE_FAULT() __asm volatile("unimp")
#else
#define RAISE_FAULT() __asm volatile("udf #0")
#endif
volatile uint32_t sensor_reads, sensor_sum;
__attribute__((noinline)) static uint32_t decode(uint32_t raw)
{
    sensor_reads++;
    if (raw > 2) {
        RAISE_FAULT();
    }
    return raw * 3;
}

__attribute__((noinline)) static uint32_t read_sensor(uint32_t channel)
{
    uint32_t value = decode(channel + 1);
    return value + 1;
}

__attribute__((noinline)) static uint32_t check_sensors(uint32_t channels)
{
    uint32_t sum = 0;
    for (uint32_t channel = 0; channel < channels; channel++) {
        sum += read_sensor(channel);
    }
    return sum;
}

int main(void)
{
    for (;;) {
        sensor_sum = check_sensors(4);
    }
}

#if defined(__riscv)
/* The Longan Nano's trap: start-riscv.S points mtvec at trap_handler, a machine-mode interrupt handler
 * (it saves what it uses and would return with mret to mepc) that counts the trap and stops in
 * fault_stop, a loop a debugger halts in; the backtrace runs from there through the trap to decode. */
volatile uint32_t traps;

__attribute__((noinline)) void fault_stop(void)
{
    for (;;) {
        __asm volatile("" ::: "memory");
    }
}

__attribute__((interrupt("machine"), aligned(4))) void trap_handler(void)
{
    traps++;
    fault_stop();
}
#endif
