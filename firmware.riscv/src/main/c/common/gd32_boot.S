/* The GD32VF103 boots from flash through its alias at 0: jump to the link address (0x08000000
   onwards) before start.S forms any PC-relative address. Linked ahead of start.S, in the same
   section, so that it sits at the very start of flash. */
    .section .text.start, "ax"
    lui     t0, %hi(_start)
    jalr    zero, %lo(_start)(t0)
