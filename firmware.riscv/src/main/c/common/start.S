/* Reset entry: stack, trap vector, .data copy, .bss clear, main, then a parking loop.
   Built with -mcmodel=medany -mno-relax: every address is formed PC-relative. */
    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, __stack_top
    la      t0, trap_entry
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

/* Saves x1-x31 in a 32-word frame (x2 as it was before the trap), calls
   trap_handler(frame), restores them (x2 last) and returns with MRET. */
    .text
    .balign 4
    .globl trap_entry
trap_entry:
    addi    sp, sp, -128
    .irp    n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sw      x\n, (4*\n)(sp)
    .endr
    addi    t0, sp, 128
    sw      t0, 8(sp)
    mv      a0, sp
    call    trap_handler
    .irp    n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    lw      x\n, (4*\n)(sp)
    .endr
    lw      sp, 8(sp)
    mret
