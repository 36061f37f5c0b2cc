/* raw-v3: a defmt table with wire format version 3 (no crate_name in the symbol JSON) and the raw
 * encoding, no timestamp, for the unit tests. Its code is never run: the tests build frames by hand. */
#include <stdint.h>

#define DEFMT_JSON_END "}"
#include "defmt.h"

__attribute__((section(".defmt.end"), used)) static const uint8_t defmt_version __asm__("\"_defmt_version_ = 3\"") = 0;
__attribute__((section(".defmt.end"), used)) static const uint8_t defmt_encoding __asm__("\"_defmt_encoding_ = raw\"") = 0;
DEFMT_DEFINE(prim_u8, "prim", "{=u8}");

void defmt_begin(uint16_t index) { (void)index; }
void defmt_end(void) { }
void defmt_u8(uint8_t value) { (void)value; }
void defmt_u16(uint16_t value) { (void)value; }

void reset_handler(void)
{
    defmt_info("answer={=u8}", defmt_u8(42));
    defmt_error("count {}", defmt_tag(prim_u8), defmt_u8(7));
    defmt_println("plain");
}
