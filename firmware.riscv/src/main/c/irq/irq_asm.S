/* Interrupt helpers. QEMU takes an interrupt raised by an MMIO store only at the end of its
   translation block, the lab hart right after the store; a FENCE.I ends QEMU's block, and the
   handler moves an mepc between the store and the end of the window to the window's end. */
    .text
    .option norvc

/* void raise_msip(uint32_t value): writes the CLINT's MSIP register (0x02000000). */
    .globl raise_msip, raise_msip_done
raise_msip:
    li      t0, 0x02000000
    sw      a0, 0(t0)
    fence.i
raise_msip_done:
    ret

/* void enable_interrupts(void): sets mstatus.MIE. */
    .globl enable_interrupts, enable_interrupts_done
enable_interrupts:
    csrsi   mstatus, 8
    fence.i
enable_interrupts_done:
    ret

/* Vectored mode table: exceptions at entry 0, the machine software interrupt at entry 3, which
   counts its uses before joining the common entry. Any other entry is a failure. */
    .balign 64
    .globl vector_table
vector_table:
    j       trap_entry
    j       bad_vector
    j       bad_vector
    j       software_vector
    .rept   8
    j       bad_vector
    .endr
software_vector:
    addi    sp, sp, -16
    sw      t0, 0(sp)
    sw      t1, 4(sp)
    la      t0, vector3_entries
    lw      t1, 0(t0)
    addi    t1, t1, 1
    sw      t1, 0(t0)
    lw      t1, 4(sp)
    lw      t0, 0(sp)
    addi    sp, sp, 16
    j       trap_entry
bad_vector:
    la      t0, result
    li      t1, 0x4C494146
    sw      t1, 0(t0)
1:  j       1b
