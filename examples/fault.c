/* A program that faults on purpose, for target:backtrace on the micro:bit (nRF51822, Cortex-M0; fault.elf)
 * and the Nucleo-F103RB (STM32F103RB, Cortex-M3; nucleo-fault.elf, where the UDF is a UsageFault that,
 * disabled, escalates to HardFault):
 * main -> check_sensors -> read_sensor -> decode, which runs an undefined instruction (UDF) on the
 * third channel and so enters HardFault (startup.c's fault_handler, a loop a debugger halts in). */
#include <stdint.h>

volatile uint32_t sensor_reads;
volatile uint32_t sensor_sum;

__attribute__((noinline)) static uint32_t decode(uint32_t raw)
{
    sensor_reads++;
    if (raw > 2) {
        __asm volatile("udf #0");
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
