#!/usr/bin/env bash
# The GDB server's figures on the virtual lab, from the lab's link model (lab:list "Modelled ms"):
#  1. GDB `load` of a 64 KiB image against flash:program of the same image, both on erased flash;
#  2. a GDB `stepi` (with everything gdb reads after it) against `target:step` from the shell, which
#     steps and reads the PC: the least a step costs on this probe's link.
# Usage: gdbserver/bench/gdb-figures.sh [UID]   (default 9900, the micro:bit's CMSIS-DAP; 0670 the Nucleo's ST-Link)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
uid="${1:-9900}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT

# 64 KiB of random bytes with a vector table (SP, reset handler 0x41) and a counting loop at 0x40,
# as an ELF at the start of flash (0x0 on the nRF51, 0x08000000 on the STM32F103).
base=0x0
[[ "$uid" == 0670* ]] && base=0x08000000
head -c 65536 /dev/urandom >"$work/image.bin"
printf '\x00\x40\x00\x20\x41\x00\x00\x00' | dd of="$work/image.bin" conv=notrunc status=none
[[ "$base" != 0x0 ]] && printf '\x00\x40\x00\x20\x41\x00\x00\x08' | dd of="$work/image.bin" conv=notrunc status=none
printf '\x00\x20\x01\x30\xfd\xe7' | dd of="$work/image.bin" bs=1 seek=64 conv=notrunc status=none
arm-none-eabi-objcopy -I binary -O elf32-littlearm -B arm --change-addresses "$base" \
  --rename-section .data=.text,alloc,load,readonly,code,contents "$work/image.bin" "$work/image.elf"

PROBEHOST_STATE="$work/state" "$top/probehost" --sim gdb:serve -u "$uid" --port 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 600); do grep -q '127.0.0.1:' "$work/server.log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/server.log" | head -1 | cut -d: -f2)
steps=50
stepi=()
steps_shell=()
for _ in $(seq $steps); do stepi+=(-ex stepi); steps_shell+=(-ex 'monitor target:step'); done
gdb-multiarch -q -batch -nx "$work/image.elf" -ex "target extended-remote :$port" \
  -ex 'monitor flash:erase --chip' -ex 'monitor lab:list' -ex load -ex 'monitor lab:list' \
  -ex 'monitor flash:erase --chip' -ex 'monitor lab:list' -ex "monitor flash:program --no-reset -b $base $work/image.bin" \
  -ex 'monitor lab:list' -ex 'monitor reset halt' -ex 'monitor lab:list' "${stepi[@]}" -ex 'monitor lab:list' \
  "${steps_shell[@]}" -ex 'monitor lab:list' \
  -ex detach >"$work/gdb.log" 2>&1

# The probe's row of each lab:list: round trips and modelled ms.
mapfile -t rows < <(grep -E "^\s*${uid}[0-9A-Fa-f]*\s" "$work/gdb.log" | awk '{print $(NF-4), $NF}')
if (( ${#rows[@]} < 7 )); then
  cat "$work/gdb.log" >&2
  echo "Error: the GDB session did not list the lab seven times" >&2
  exit 1
fi
read -r trips0 ms0 <<<"${rows[0]}"; read -r trips1 ms1 <<<"${rows[1]}"
read -r trips2 ms2 <<<"${rows[2]}"; read -r trips3 ms3 <<<"${rows[3]}"
read -r trips4 ms4 <<<"${rows[4]}"; read -r trips5 ms5 <<<"${rows[5]}"; read -r trips6 ms6 <<<"${rows[6]}"
awk -v l="$(echo "$ms1 - $ms0" | bc)" -v p="$(echo "$ms3 - $ms2" | bc)" -v lt=$((trips1 - trips0)) \
    -v pt=$((trips3 - trips2)) -v s="$(echo "$ms5 - $ms4" | bc)" -v st=$((trips5 - trips4)) -v n=$steps \
    -v t="$(echo "$ms6 - $ms5" | bc)" -v tt=$((trips6 - trips5)) \
    -v uid="$uid" 'BEGIN {
  printf "probe %s, 64 KiB image\n", uid
  printf "GDB load:       %8.1f ms modelled, %6d round trips\n", l, lt
  printf "flash:program:  %8.1f ms modelled, %6d round trips\n", p, pt
  printf "load / program: %8.3f\n", l / p
  printf "stepi:          %8.3f ms modelled, %6.1f round trips each (%d steps)\n", s / n, st / n, n
  printf "target:step:    %8.3f ms modelled, %6.1f round trips each (the same step and PC reads from the shell)\n", t / n, tt / n
  printf "stepi / target:step: %6.3f\n", s / t
}'
grep "gdb: load" "$work/server.log" || true
[[ -n "${KEEP:-}" ]] && echo "logs in $work"
