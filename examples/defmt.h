/* defmt.h: defmt logging from C, with the ELF metadata defmt's Rust macros emit (wire format 4, rzCOBS).
 * Each interned string is a 1-byte static whose symbol name is defmt's JSON object
 *   {"package":"defmt-log","tag":"defmt_info","data":"<format>","disambiguator":"<n>","crate_name":"defmt_log"}
 * and whose address (in the non-allocated output section .defmt at address 1, defmt.ld) is its index.
 * A log statement's static is named DEFMT_LOG_STATEMENT, so the debug information gives its file and line.
 * Arguments are written by the defmt_<type>() writers, in the order of the format string's parameters:
 *   defmt_info("tick {=u32}: temperature = {=i16} C", defmt_u32(tick), defmt_i16(t));
 * Format strings must not hold '"' or '\' (they go into the symbol name unescaped). */
#ifndef DEFMT_H
#define DEFMT_H

#include <stdint.h>

/* The JSON's last field: crate_name, new in wire format 4 (a version-3 program defines this as "}") */
#ifndef DEFMT_JSON_END
#define DEFMT_JSON_END ",\\\"crate_name\\\":\\\"defmt_log\\\"}"
#endif

#define DEFMT_STR_(x) #x
#define DEFMT_STR(x) DEFMT_STR_(x)
/* The symbol name, quoted for the assembler ("..." with \" inside) */
#define DEFMT_SYMBOL(tag, data) "\"{\\\"package\\\":\\\"defmt-log\\\",\\\"tag\\\":\\\"" tag "\\\",\\\"data\\\":\\\"" \
    data "\\\",\\\"disambiguator\\\":\\\"" DEFMT_STR(__COUNTER__) "\\\"" DEFMT_JSON_END "\""
#define DEFMT_INTERN(name, prefix, tag, data) \
    __attribute__((section(prefix "." DEFMT_STR(__COUNTER__)), used)) \
    static const uint8_t name __asm__(DEFMT_SYMBOL(tag, data)) = 0
/* A level-less string at file scope: kind is prim, derived, str, write or timestamp. */
#define DEFMT_DEFINE(name, kind, data) DEFMT_INTERN(name, ".defmt." kind, "defmt_" kind, data)
#define DEFMT_INDEX(name) ((uint16_t)(uintptr_t)&(name))

void defmt_begin(uint16_t index);
void defmt_end(void);
void defmt_u8(uint8_t value);
void defmt_u16(uint16_t value);
void defmt_u32(uint32_t value);
void defmt_i16(int16_t value);
void defmt_bool(int value);
void defmt_f32(float value);
void defmt_str(const char *text);
void defmt_bytes(const uint8_t *bytes, uint32_t length);
/* The index of a level-less string, for {=istr} and ahead of a Format value ({} {:x} {=?}) */
#define defmt_tag(name) defmt_u16(DEFMT_INDEX(name))

#define defmt_log(level, fmt, ...) do { \
        DEFMT_INTERN(DEFMT_LOG_STATEMENT, ".defmt.log." level, "defmt_" level, fmt); \
        defmt_begin(DEFMT_INDEX(DEFMT_LOG_STATEMENT)); \
        __VA_ARGS__; \
        defmt_end(); \
    } while (0)
#define defmt_trace(fmt, ...) defmt_log("trace", fmt, __VA_ARGS__)
#define defmt_debug(fmt, ...) defmt_log("debug", fmt, __VA_ARGS__)
#define defmt_info(fmt, ...)  defmt_log("info", fmt, __VA_ARGS__)
#define defmt_warn(fmt, ...)  defmt_log("warn", fmt, __VA_ARGS__)
#define defmt_error(fmt, ...) defmt_log("error", fmt, __VA_ARGS__)
#define defmt_println(fmt, ...) defmt_log("println", fmt, __VA_ARGS__)

#endif
