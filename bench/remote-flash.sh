#!/usr/bin/env bash
# Remote-access benchmark (issue 14, item 6): the same flash:program on the virtual lab's nRF51
# probe, once on the station itself and once from a second runtime over remote: on loopback, so
# the difference is the cost of one TCP round trip per USB transfer. Starts its own station
# (serve --sim --remote PORT) on a temporary state folder; the client gets another state folder
# with a copy of the station's token. Prints the flash time each side reports (programming,
# erase and verify only: runtime start-up excluded), the median over ROUNDS runs, and the ratio.
#
# usage: bench/remote-flash.sh [ROUNDS] [KIB]   (defaults 5 and 32: an image of KIB KiB of random
#        bytes at 0x0; the runtime must be built: ./probehost --help)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
kib="${2:-32}"
port="${BENCH_PORT:-17451}"
work="$(mktemp -d "${TMPDIR:-/tmp}/probehost-remote-bench.XXXXXX")"
station_pid=
cleanup() {
  if [[ -n "$station_pid" ]]; then
    kill -TERM "$station_pid" 2>/dev/null || true
    wait "$station_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/station" "$work/client/remote/stations"
head -c $((kib * 1024)) /dev/urandom > "$work/image.bin"

PROBEHOST_STATE="$work/station" "$top/probehost" serve --sim --remote "$port" > "$work/serve.out" 2>&1 &
station_pid=$!
for _ in $(seq 1 600); do
  grep -q "ready: clients attach" "$work/serve.out" && break
  kill -0 "$station_pid" 2>/dev/null || { cat "$work/serve.out" >&2; echo "Error: the station did not start" >&2; exit 1; }
  sleep 0.2
done
cp "$work/station/remote/token" "$work/client/remote/stations/127.0.0.1_${port}.token"

# flash:program prints "... verified in 1.23 s (...)": the figure after "in".
seconds() { sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' | tail -1; }
local_run() {
  PROBEHOST_STATE="$work/station" "$top/probehost" flash:program -u PHLAB0001 --no-skip --base 0 "$work/image.bin" | seconds
  # The station keeps its session (and the probe's USB interface) open: give the probe back.
  PROBEHOST_STATE="$work/station" "$top/probehost" target:disconnect > /dev/null
}
remote_run() {
  PROBEHOST_STATE="$work/client" PROBEHOST_REMOTE="127.0.0.1:$port" "$top/probehost" flash:program \
    -u "remote:127.0.0.1:$port/PHLAB0001" --no-skip --base 0 "$work/image.bin" | seconds
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

local_run > /dev/null; remote_run > /dev/null   # warm-up
: > "$work/local"; : > "$work/remote"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then local_run >> "$work/local"; remote_run >> "$work/remote"
  else remote_run >> "$work/remote"; local_run >> "$work/local"; fi
done
l="$(median < "$work/local")"; r="$(median < "$work/remote")"
echo "flash:program of ${kib} KiB on the lab's nRF51 (median of $rounds; programming time as reported):"
echo "  on the station:          ${l} s   (runs: $(tr '\n' ' ' < "$work/local"))"
echo "  over remote (loopback):  ${r} s   (runs: $(tr '\n' ' ' < "$work/remote"))"
awk -v l="$l" -v r="$r" 'BEGIN { if (l > 0) printf "  remote / local:          %.2f\n", r / l }'
# The station logs "remote: client ... left after N requests" per client run: one round trip each.
echo "  requests (round trips) per remote command: $(sed -n 's/.*left after \([0-9]*\) requests.*/\1/p' "$work/serve.out" | sort -n | uniq -c | awk '{ printf "%s (x%s) ", $2, $1 }')"
