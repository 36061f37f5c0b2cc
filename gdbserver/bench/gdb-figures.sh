#!/usr/bin/env bash
# The GDB server's figures on the virtual lab, from the lab's link model (lab:list "Modelled ms"):
#  1. GDB `load` of a 64 KiB image against flash:program of the same image, both on erased flash;
#  2. a GDB `stepi` (with everything gdb reads after it) against the least a step costs on this probe's
#     link: `target:step` from the shell, which steps, checks the halt and reads the PC, plus the other
#     registers GDB reads at every stop (the stop reply's), each at what one more register adds to a
#     batch (`reg` of all registers against `reg pc`, from the shell).
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
reads=10
reg_pc=()
reg_all=()
for _ in $(seq $steps); do stepi+=(-ex stepi); steps_shell+=(-ex 'monitor target:step'); done
for _ in $(seq $reads); do reg_pc+=(-ex 'monitor reg pc'); reg_all+=(-ex 'monitor reg'); done
gdb-multiarch -q -batch -nx "$work/image.elf" -ex "target extended-remote :$port" \
  -ex 'monitor flash:erase --chip' -ex 'monitor lab:list' -ex load -ex 'monitor lab:list' \
  -ex 'monitor flash:erase --chip' -ex 'monitor lab:list' -ex "monitor flash:program --no-reset -b $base $work/image.bin" \
  -ex 'monitor lab:list' -ex 'monitor reset halt' -ex 'monitor lab:list' "${stepi[@]}" -ex 'monitor lab:list' \
  "${steps_shell[@]}" -ex 'monitor lab:list' "${reg_pc[@]}" -ex 'monitor lab:list' "${reg_all[@]}" \
  -ex 'monitor lab:list' -ex 'set debug remote 1' -ex stepi -ex 'set debug remote 0' -ex detach >"$work/gdb.log" 2>&1

# The probe's row of each lab:list: round trips and modelled ms.
mapfile -t rows < <(grep -E "^\s*${uid}[0-9A-Fa-f]*\s" "$work/gdb.log" | awk '{print $(NF-4), $NF}')
if (( ${#rows[@]} < 9 )); then
  cat "$work/gdb.log" >&2
  echo "Error: the GDB session did not list the lab nine times" >&2
  exit 1
fi
read -r trips0 ms0 <<<"${rows[0]}"; read -r trips1 ms1 <<<"${rows[1]}"
read -r trips2 ms2 <<<"${rows[2]}"; read -r trips3 ms3 <<<"${rows[3]}"
read -r trips4 ms4 <<<"${rows[4]}"; read -r trips5 ms5 <<<"${rows[5]}"; read -r trips6 ms6 <<<"${rows[6]}"
read -r trips7 ms7 <<<"${rows[7]}"; read -r trips8 ms8 <<<"${rows[8]}"
# Registers `reg` lists, and those the stop reply of the last stepi carried (T05 then n:value; pairs).
all_regs=$(awk '/Register +Value/ {n = 0; on = 1; next} on && /^  [a-z]/ {n++; next} on && n {print n; exit}' "$work/gdb.log")
stop_regs=$(grep -o 'Packet received: T05[^ ]*' "$work/gdb.log" | tail -1 | sed 's/thread:.*//' | grep -o '[0-9a-f]*:[0-9a-f]*;' | grep -c . || true)
awk -v l="$(echo "$ms1 - $ms0" | bc)" -v p="$(echo "$ms3 - $ms2" | bc)" -v lt=$((trips1 - trips0)) \
    -v pt=$((trips3 - trips2)) -v s="$(echo "$ms5 - $ms4" | bc)" -v st=$((trips5 - trips4)) -v n=$steps \
    -v t="$(echo "$ms6 - $ms5" | bc)" -v tt=$((trips6 - trips5)) \
    -v rp="$(echo "$ms7 - $ms6" | bc)" -v ra="$(echo "$ms8 - $ms7" | bc)" -v r=$reads \
    -v all="$all_regs" -v stop="$stop_regs" -v uid="$uid" 'BEGIN {
  per = (ra - rp) / r / (all - 1)
  least = t / n + (stop - 1) * per
  printf "probe %s, 64 KiB image\n", uid
  printf "GDB load:       %8.1f ms modelled, %6d round trips\n", l, lt
  printf "flash:program:  %8.1f ms modelled, %6d round trips\n", p, pt
  printf "load / program: %8.3f\n", l / p
  printf "stepi:          %8.3f ms modelled, %6.1f round trips each (%d steps)\n", s / n, st / n, n
  printf "target:step:    %8.3f ms modelled, %6.1f round trips each (the same step and PC reads from the shell)\n", t / n, tt / n
  printf "stepi / target:step: %6.3f\n", s / t
  printf "one more register:  %8.3f ms modelled (reg of %d registers against reg pc)\n", per, all
  printf "least for a stepi:  %8.3f ms modelled (target:step and %d more registers GDB reads at a stop)\n", least, stop - 1
  printf "stepi / least:  %8.3f\n", s / n / least
}'
grep "gdb: load" "$work/server.log" || true
[[ -n "${KEEP:-}" ]] && echo "logs in $work"
