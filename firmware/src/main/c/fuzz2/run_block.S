/* The Cortex-M0 fuzz runner serves the Thumb-2 blocks unchanged. */
#include "../fuzz/run_block.S"
