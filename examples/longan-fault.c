/* longan-fault: fault.c on the Longan Nano (GD32VF103CB, RV32IMAC): the same calls, main -> check_sensors ->
 * read_sensor -> decode, whose "udf #0" becomes, through this assembler macro ('#' starts a comment for
 * the RISC-V assembler), the defined illegal instruction 0x0000: an illegal-instruction trap (mcause 2)
 * into start-riscv.S's trap_handler. */
__asm__(".macro udf\n\t.2byte 0\n\t.endm");

#include "fault.c"
