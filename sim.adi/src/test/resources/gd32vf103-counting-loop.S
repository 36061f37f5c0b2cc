/*
 * The GD32VF103 judge's test program, linked at 0x08000000 and run from the boot alias at 0:
 * a0 counts the turns of the loop and each turn stores it at the start of SRAM (0x20000000).
 * Built by the test: riscv64-unknown-elf-gcc -march=rv32imac -mabi=ilp32 -nostdlib -Ttext=0x08000000
 */
    .section .text
    .globl _start
_start:
    li      sp, 0x20008000
    li      a0, 0
    li      t0, 0x20000000
loop:
    addi    a0, a0, 1
    sw      a0, 0(t0)
    j       loop
