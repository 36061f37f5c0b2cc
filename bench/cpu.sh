#!/usr/bin/env bash
# The lab CPU's speed: instructions per CPU second of the virtual ARMv6-M and ARMv7-M cores, unthrottled,
# on the CoreMark-like workload of sim.mcu/src/main/c/bench (see sim.mcu/README.md "Speed").
# Usage: bench/cpu.sh   (JAVA=/path/to/java bench/cpu.sh to measure another JVM)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
mvn -B -q -pl sim.mcu compile
"${JAVA:-java}" -cp sim.mcu/target/classes io.probehost.sim.mcu.bench.ThumbBenchmark "$@"
