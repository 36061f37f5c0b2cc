/* void run_block(const uint32_t in[27], void (*code)(void), uint32_t out[27]):
   loads x5-x31 from in, calls code (which returns with c.jr ra), stores x5-x31 to out.
   sp, ra, gp and tp are not touched by the generated code. */
    .text
    .globl run_block
run_block:
    addi    sp, sp, -128
    sw      ra, 0(sp)
    .irp    n, 8,9,18,19,20,21,22,23,24,25,26,27
    sw      x\n, (4*\n)(sp)
    .endr
    sw      a2, 4(sp)
    mv      ra, a1
    .irp    n, 5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    lw      x\n, (4*(\n-5))(a0)
    .endr
    lw      x10, (4*(10-5))(a0)
    jalr    ra, 0(ra)
    lw      ra, 4(sp)
    .irp    n, 5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sw      x\n, (4*(\n-5))(ra)
    .endr
    .irp    n, 8,9,18,19,20,21,22,23,24,25,26,27
    lw      x\n, (4*\n)(sp)
    .endr
    lw      ra, 0(sp)
    addi    sp, sp, 128
    ret
