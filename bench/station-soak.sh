#!/usr/bin/env bash
# Station soak (issue 14, item 7): starts `./probehost serve --sim` on the 8-probe lab in
# bench/station-soak-lab.json and drives it through the attach client with N random commands
# (default 10000) from concurrent clients at random probes, with random faults injected and
# cleared; prints per-kind wall times against their bounds, errors by kind, the station's threads,
# heap after GC and open files every 1000 commands, and a verdict. Exits non-zero on any command
# that is late, hangs, or ends with anything but a result or one `Error:` line, and on resources
# that grow. The suite runs the same test with 300 commands (itest StationSoakIT).
#
# usage: bench/station-soak.sh [--commands N] [--clients C] [--seed S]
#        (needs the runtime built: ./probehost --help; MAVEN_OPTS is passed on to Maven)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
properties=(-Dsoak.commands=10000)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --commands) properties+=(-Dsoak.commands="$2"); shift 2 ;;
    --clients) properties+=(-Dsoak.clients="$2"); shift 2 ;;
    --seed) properties+=(-Dsoak.seed="$2"); shift 2 ;;
    *) echo "Error: unknown argument '$1'; usage: bench/station-soak.sh [--commands N] [--clients C] [--seed S]" >&2
       exit 2 ;;
  esac
done
cd "$top"
mkdir -p itest/target
rm -f itest/target/station-soak.txt
status=0
mvn -B -o -pl itest verify -Dit.test=StationSoakIT -Dsurefire.failIfNoSpecifiedTests=false "${properties[@]}" \
  >itest/target/station-soak-mvn.log 2>&1 || status=$?
if [[ -f itest/target/station-soak.txt ]]; then
  cat itest/target/station-soak.txt
fi
if [[ $status -ne 0 ]]; then
  echo "Error: the soak failed (status $status); see itest/target/station-soak-mvn.log" >&2
fi
exit $status
