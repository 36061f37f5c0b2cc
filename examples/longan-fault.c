/* longan-fault: a program that traps on purpose, for target:backtrace on the Longan Nano (GD32VF103CB,
 * RV32IMAC): main -> check_sensors -> read_sensor -> decode, which runs an illegal instruction
 * (unimp) on the third channel. The trap enters fault_trap, a machine-mode trap handler
 * (__attribute__((interrupt)): it saves what it uses and returns with mret to mepc), which mtvec
 * points at; it counts the trap and stops in fault_stop, a loop a debugger halts in. The backtrace
 * runs from fault_stop through fault_trap and the trap back into decode, at mepc. */
#include <stdint.h>

volatile uint32_t sensor_reads;
volatile uint32_t sensor_sum;
volatile uint32_t traps;

__attribute__((noinline)) void fault_stop(void)
{
    for (;;) {
        __asm volatile("" ::: "memory");
    }
}

__attribute__((interrupt("machine"), aligned(64), noinline)) void fault_trap(void)
{
    traps++;
    fault_stop();
}

__attribute__((noinline)) static uint32_t decode(uint32_t raw)
{
    sensor_reads++;
    if (raw > 2) {
        __asm volatile("unimp");
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
    __asm volatile("csrw mtvec, %0" :: "r"(fault_trap));
    for (;;) {
        sensor_sum = check_sensors(4);
    }
}
