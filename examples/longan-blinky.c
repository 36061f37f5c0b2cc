/* longan-blinky: blinky for the Sipeed Longan Nano (GD32VF103CB, RV32IMAC), flashed through a
 * CMSIS-DAP probe in JTAG mode. It counts the turns of its main loop in RAM and blinks the board's
 * red LED (PC13, lit while the pin is low) every 256 turns:
 *   0x20000000  turns:   turns of the main loop
 *   0x20000004  toggles: LED changes, one every TURNS_PER_TOGGLE turns
 *   0x4001100C  GPIOC_OCTL: bit 13 clear while the red LED is lit */
#include <stdint.h>

#define RCU_APB2EN  (*(volatile uint32_t *)0x40021018u)
#define GPIOC_CTL1  (*(volatile uint32_t *)0x40011004u)
#define GPIOC_OCTL  (*(volatile uint32_t *)0x4001100Cu)

#define RCU_APB2EN_PCEN (1u << 4)
#define LED_RED_PIN 13u
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
    GPIOC_OCTL ^= 1u << LED_RED_PIN;
    watched.toggles++;
}

int main(void)
{
    RCU_APB2EN |= RCU_APB2EN_PCEN;
    GPIOC_OCTL |= 1u << LED_RED_PIN; /* off: the LED is lit while the pin is low */
    /* PC13: push-pull output, 2 MHz (CTL13 = 00, MD13 = 10), in CTL1 (pins 8 to 15) */
    GPIOC_CTL1 = (GPIOC_CTL1 & ~(0xFu << ((LED_RED_PIN - 8u) * 4u))) | (0x2u << ((LED_RED_PIN - 8u) * 4u));
    for (;;) {
        uint32_t turns = watched.turns + 1;
        watched.turns = turns;
        if (turns % TURNS_PER_TOGGLE == 0) {
            led_toggle();
        }
    }
}
