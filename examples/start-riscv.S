/* Reset entry for the RISC-V example: the GD32VF103 starts at 0, the flash alias, so the first
 * instruction jumps to the link address (0x08000000 onwards) before any PC-relative address is
 * formed; then stack, trap vector, RAM set up and main(). No vendor SDK, no libc. */
    .file   "start-riscv.S"
    .section .text.start, "ax"
    .globl reset_handler
reset_handler:
    lui     t0, %hi(linked)
    jalr    zero, %lo(linked)(t0)
linked:
    la      sp, __stack_top
    la      t0, trap_handler
    csrw    mtvec, t0
    la      a0, __data_start
    la      a1, __data_end
    la      a2, __data_load
1:  bgeu    a0, a1, 2f
    lw      t0, 0(a2)
    sw      t0, 0(a0)
    addi    a0, a0, 4
    addi    a2, a2, 4
    j       1b
2:  la      a0, __bss_start
    la      a1, __bss_end
3:  bgeu    a0, a1, 4f
    sw      zero, 0(a0)
    addi    a0, a0, 4
    j       3b
4:  call    main
5:  j       5b

/* An unexpected trap stops here, where reg (mcause, mepc) and target:halt show it; a program may
 * bring its own trap_handler. */
    .balign 4
    .weak trap_handler
trap_handler:
6:  j       6b
