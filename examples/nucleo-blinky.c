/* nucleo-blinky: blinky for the Nucleo-F103RB (STM32F103RB, Cortex-M3), flashed through its ST-Link.
 * It counts the turns of its main loop in RAM and blinks the board's green LED LD2 (PA5) every 256
 * turns, through the Cortex-M3's peripheral bit-band alias of GPIOA_ODR bit 5:
 *   0x20000000  turns:   turns of the main loop
 *   0x20000004  toggles: LED changes, one every TURNS_PER_TOGGLE turns
 *   0x4001080C  GPIOA_ODR: bit 5 set while LD2 is lit */
#include <stdint.h>

#define RCC_APB2ENR (*(volatile uint32_t *)0x40021018u)
#define GPIOA_CRL   (*(volatile uint32_t *)0x40010800u)
#define GPIOA_ODR_ADDRESS 0x4001080Cu

#define RCC_APB2ENR_IOPAEN (1u << 2)
#define LD2_PIN 5u
/* Bit-band: a word in 0x42000000.. aliases one bit of the peripheral region 0x40000000.. */
#define BITBAND_PERIPHERAL(address, bit) \
    (*(volatile uint32_t *)(0x42000000u + ((address) - 0x40000000u) * 32u + (bit) * 4u))
#define LD2 BITBAND_PERIPHERAL(GPIOA_ODR_ADDRESS, LD2_PIN)
#define TURNS_PER_TOGGLE 256u

struct watched {
    uint32_t turns;
    uint32_t toggles;
};

__attribute__((section(".watch"), used))
volatile struct watched watched;

/* Kept out of line, so a breakpoint can stop where the LED changes. */
__attribute__((noinline)) void led_toggle(void)
{
    LD2 = !LD2;
    watched.toggles++;
}

int main(void)
{
    RCC_APB2ENR |= RCC_APB2ENR_IOPAEN;
    /* PA5: general-purpose push-pull output, 2 MHz (CNF5 = 00, MODE5 = 10) */
    GPIOA_CRL = (GPIOA_CRL & ~(0xFu << (LD2_PIN * 4))) | (0x2u << (LD2_PIN * 4));
    for (;;) {
        uint32_t turns = watched.turns + 1;
        watched.turns = turns;
        if (turns % TURNS_PER_TOGGLE == 0) {
            led_toggle();
        }
    }
}
