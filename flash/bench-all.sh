#!/bin/sh
# Prints figures for many probes flashing at once (the lab's link model and this machine's clock; not a test):
# for N = 1, 4, 8, 16, 24 virtual DAPLinks, each before its own nRF51822, one 16 KiB random image
# flashed into all N at once (flash:program --all, SWD at 1 MHz, no reset after), then the 24-probe
# example lab (examples/lab-24.json) flashed at once, and the CPU an idle 24-board lab uses over 10 s.
# Columns: wall time and the process's CPU time of the flashing (from flash:program --all's last
# line), aggregate KB/s by the wall clock and by the link model (N x 16 KiB over the slowest probe's
# modelled time, from lab:list), each against N x the N = 1 figure.
set -e
cd "$(dirname "$0")/.."
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
head -c 16384 /dev/urandom >"$state/image.bin"

lab() { # N: a lab of N DAPLinks, each before its own nRF51822
  awk -v n="$1" 'BEGIN {
    printf "{ \"targets\": ["; for (i = 1; i <= n; i++) printf "%s{ \"name\": \"microbit-%02d\", \"part\": \"nrf51822\" }", (i > 1 ? ", " : ""), i
    printf "],\n  \"probes\": ["; for (i = 1; i <= n; i++) printf "%s{ \"kind\": \"daplink\", \"serial\": \"99000000370240000000%04d0000000000000000000000\", \"target\": \"microbit-%02d\" }", (i > 1 ? ", " : ""), i, i
    printf "] }\n" }'
}

run() { # LABFILE LOG COMMANDS...: one ./probehost --sim session on a fresh lab state
  labfile=$1 log=$2; shift 2
  rm -rf "$state/probehost"
  printf '%s\n' "$@" | PROBEHOST_STATE="$state/probehost" PROBEHOST_LAB="$labfile" ./probehost --sim >"$log" 2>&1 || true
}

printf '%4s %9s %9s %9s %12s %7s %14s %7s\n' N "wall s" "CPU s" "CPU %" "wall KB/s" ratio "modelled KB/s" ratio
for n in 1 4 8 16 24; do
  lab "$n" >"$state/lab-$n.json"
  run "$state/lab-$n.json" "$state/run-$n.txt" "flash:program --all --no-reset $state/image.bin" "lab:list"
  awk -v n="$n" -v one="$state/one-probe" '
    /^Programmed [0-9]+ of [0-9]+ probes in/ { wall = $7; cpu = $14; pct = $16; sub(/%/, "", pct) }
    $2 == "daplink" && $9 + 0 > modelled { modelled = $9 + 0 }
    END {
      if (wall == "") { print "  N=" n ": no result (see the log)"; exit }
      wallkb = n * 16 / wall; modkb = n * 16 / (modelled / 1000)
      if (n == 1) { print wallkb > one; print modkb > one; close(one) }
      getline onewall < one; getline onemod < one
      printf "%4d %9.2f %9.2f %9s %12.1f %7.2f %14.1f %7.2f\n", n, wall, cpu, pct, wallkb, wallkb / (n * onewall), modkb, modkb / (n * onemod)
    }' "$state/run-$n.txt"
done

echo
echo "examples/lab-24.json (8 DAPLinks and 10 CMSIS-DAP probes before nRF51822s, 6 ST-Link/V2-1s before STM32F103RBs):"
run examples/lab-24.json "$state/lab-24.txt" "flash:program --all --no-reset $state/image.bin" "lab:idle --for 10"
grep -E '^(Programmed [0-9]+ of|Error|Idle lab|Busiest)' "$state/lab-24.txt" | sed 's/^/  /'
awk '$1 ~ /^(9900|PH|0670)/ && $3 != "ok" && NF > 4 { print "  failed: " $0 }' "$state/lab-24.txt"
