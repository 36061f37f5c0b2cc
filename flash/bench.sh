#!/bin/sh
# Prints modelled flashing figures (the lab's link model; not a test):
# 1. FlashBench: pyOCD's nRF51 algorithm behind the virtual DAPLink, single and double buffering,
#    unchanged re-flash. Needs the flash module's dependencies in ~/.m2 (mvn -B -o -q -f flash/pom.xml install).
# 2. The same 64 KiB image flashed through each driver in the virtual lab, in one ./probehost --sim
#    session: CMSIS-DAP (DAPLink), ST-Link/V2-1, J-Link, Picoprobe and, installed as an extra, PE Micro;
#    the round trips and modelled time each probe's link counted (connect, erase, program, verify).
set -e
cd "$(dirname "$0")"
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.probehost.flash.internal.FlashBench

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
head -c 65536 /dev/urandom >"$state/random-64k.bin"
image="$state/random-64k.bin"
echo
echo "64 KiB random image through each driver (./probehost --sim, SWD at the drivers' default clock):"
PROBEHOST_STATE="$state/probehost" ../probehost --sim >"$state/session.txt" 2>&1 <<COMMANDS
flash:program -u cmsisdap:9900 -t nrf51822_xxaa -b 0 $image
flash:program -u stlink:0670 -t stm32f103rb -b 0x08000000 $image
flash:program -u jlink: -t nrf51822_xxaa -b 0 $image
flash:program -u picoprobe: -t nrf51822_xxaa -b 0 $image
driver:install pemicro
flash:program -u pemicro: -t nrf51822_xxaa -b 0 $image
driver:uninstall pemicro
lab:list
COMMANDS
grep -E '^(Programmed|Error)' "$state/session.txt" | sed -e 's# in [0-9.]* s ([0-9.]* KB/s)$##' -e 's/^/  /'
printf '\n  %-12s %-26s %12s %10s %10s %12s %8s\n' Driver Probe "Round trips" "Bytes out" "Bytes in" "Modelled ms" "KB/s"
awk '$2 ~ /^(daplink|stlink-v2-1|jlink|picoprobe|pemicro)$/ && $5 > 0 {
  driver = $2 == "daplink" ? "cmsisdap" : ($2 == "stlink-v2-1" ? "stlink" : $2)
  printf "  %-12s %-26s %12d %10d %10d %12.1f %8.1f\n", driver, substr($1, 1, 24), $5, $6, $7, $9, 64 / ($9 / 1000)
}' "$state/session.txt"
