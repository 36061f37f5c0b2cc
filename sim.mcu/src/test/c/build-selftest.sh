#!/bin/sh
# Builds the self-test firmware from selftest.c into the folder given (Debian gcc-arm-none-eabi +
# newlib); the sim.mcu build runs it before its tests, which load <folder>/selftest.bin.
set -e
out=${1:?usage: build-selftest.sh OUTPUT_FOLDER}
cd "$(dirname "$0")"
if ! command -v arm-none-eabi-gcc >/dev/null 2>&1; then
  echo "arm-none-eabi-gcc not found: install it (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi)" >&2
  exit 1
fi
mkdir -p "$out"
arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -O2 -g -ffreestanding -nostartfiles -specs=nano.specs \
    -T selftest.ld -o "$out/selftest.elf" selftest.c -lgcc
arm-none-eabi-objcopy -O binary "$out/selftest.elf" "$out/selftest.bin"
