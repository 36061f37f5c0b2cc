/* blinky: the program the README's first session flashes onto the virtual micro:bit.
 * It counts the turns of its main loop in RAM and blinks the top-left LED of the micro:bit's
 * 5x5 matrix (row 1 is P0.13, driven high; column 1 is P0.4, driven low), so a debugger sees it run:
 *   0x20000000  turns:   turns of the main loop
 *   0x20000004  toggles: LED changes, one every TURNS_PER_TOGGLE turns
 *   0x50000504  the GPIO OUT register: bit 13 set while the LED is lit */
#include <stdint.h>

#define GPIO_OUT    (*(volatile uint32_t *)0x50000504u)
#define GPIO_OUTCLR (*(volatile uint32_t *)0x5000050Cu)
#define GPIO_DIRSET (*(volatile uint32_t *)0x50000518u)

#define LED_ROW1 (1u << 13)
#define LED_COL1 (1u << 4)
#define TURNS_PER_TOGGLE 256u

struct watched {
    uint32_t turns;
    uint32_t toggles;
};

__attribute__((section(".watch"), used))
volatile struct watched watched;

/* Kept out of line, so the README can set a breakpoint on it. */
__attribute__((noinline)) void led_toggle(void)
{
    GPIO_OUT ^= LED_ROW1;
    watched.toggles++;
}

int main(void)
{
    GPIO_DIRSET = LED_ROW1 | LED_COL1;
    GPIO_OUTCLR = LED_COL1;
    for (;;) {
        uint32_t turns = watched.turns + 1;
        watched.turns = turns;
        if (turns % TURNS_PER_TOGGLE == 0) {
            led_toggle();
        }
    }
}
