#!/bin/sh
# Builds the benchmark workload bench.c for the Cortex-M0 and the Cortex-M3 into the folder given
# (default: sim.mcu's src/main/resources/bench, where the committed images live); needs Debian's
# gcc-arm-none-eabi. The images are committed so that the benchmark runs without a cross compiler.
set -e
cd "$(dirname "$0")"
out=${1:-../../resources/io/probehost/sim/mcu/bench}
if ! command -v arm-none-eabi-gcc >/dev/null 2>&1; then
  echo "arm-none-eabi-gcc not found: install it (Debian: apt-get install gcc-arm-none-eabi)" >&2
  exit 1
fi
mkdir -p "$out"
for cpu in cortex-m0 cortex-m3; do
  arm-none-eabi-gcc -mcpu=$cpu -mthumb -O2 -ffreestanding -nostdlib -nostartfiles -fno-common -fno-tree-loop-distribute-patterns \
      -Wall -Wextra -Werror -T bench.ld -Wl,--no-warn-rwx-segments -o "$out/bench-$cpu.elf" bench.c -lgcc
  arm-none-eabi-objcopy -O binary "$out/bench-$cpu.elf" "$out/bench-$cpu.bin"
  rm "$out/bench-$cpu.elf"
done
