#!/bin/sh
# Rebuilds ../resources/selftest.bin from selftest.c (Debian gcc-arm-none-eabi 12.2 + newlib).
set -e
cd "$(dirname "$0")"
arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -O2 -g -ffreestanding -nostartfiles -specs=nano.specs \
    -T selftest.ld -o /tmp/selftest.elf selftest.c -lgcc
arm-none-eabi-objcopy -O binary /tmp/selftest.elf ../resources/selftest.bin
