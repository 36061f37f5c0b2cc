#!/bin/sh
# Prints the lab RV32IMAC hart's unthrottled speed (instructions per second) on the torture program.
# Usage: firmware.riscv/benchmark.sh [seconds]   (after mvn -pl firmware.riscv -am install)
set -e
cd "$(dirname "$0")/.."
exec mvn -B -o -q -pl firmware.riscv exec:java -Dexec.mainClass=io.probehost.firmware.riscv.HartBenchmark \
    -Dexec.classpathScope=test -Dexec.args="${1:-10}"
