#!/usr/bin/env bash
# Start-up benchmark (issue 14, item 2): `./probehost probe:list` attached to a station against
# pyOCD's probe listing, in paired runs on the same machine. Starts its own station (with the
# virtual lab unless BENCH_SIM=0) on a temporary state folder, warms both up, then runs ROUNDS
# rounds of one run each, alternating which goes first, and prints each side's median and the
# ratio. pyOCD is `pyocd list` where installed, else Debian's python3-pyocd `pyocd-gdbserver -l`.
#
# usage: bench/startup.sh [ROUNDS]        (default 20; the runtime must be built: ./probehost --help)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-20}"
if command -v pyocd >/dev/null; then
  pyocd_list=(pyocd list)
elif command -v pyocd-gdbserver >/dev/null; then
  pyocd_list=(pyocd-gdbserver -l)
else
  echo "Error: neither pyocd nor pyocd-gdbserver is installed (apt-get install python3-pyocd)" >&2
  exit 2
fi
serve_args=(serve)
[[ "${BENCH_SIM:-1}" == 1 ]] && serve_args+=(--sim)

export PROBEHOST_STATE
PROBEHOST_STATE="$(mktemp -d "${TMPDIR:-/tmp}/probehost-bench.XXXXXX")"
station_pid=
stop_station() {
  if [[ -n "$station_pid" ]]; then
    kill -TERM "$station_pid" 2>/dev/null || true
    wait "$station_pid" 2>/dev/null || true
  fi
  rm -rf "$PROBEHOST_STATE"
}
trap stop_station EXIT

"$top/probehost" "${serve_args[@]}" >"$PROBEHOST_STATE/serve.out" 2>&1 </dev/null &
station_pid=$!
for _ in $(seq 1 600); do
  [[ -S "$PROBEHOST_STATE/station/station.sock" ]] && break
  if ! kill -0 "$station_pid" 2>/dev/null; then
    echo "Error: the station did not start:" "$(tail -1 "$PROBEHOST_STATE/serve.out")" >&2
    exit 1
  fi
  sleep 0.1
done

# Milliseconds one run of the command takes, wall clock; its output is dropped, a failure ends the benchmark.
elapsed_ms() {
  local began=$EPOCHREALTIME ended
  if ! "$@" >/dev/null 2>&1 </dev/null; then
    echo "Error: '$*' failed" >&2
    exit 1
  fi
  ended=$EPOCHREALTIME
  echo $(( (${ended/./} - ${began/./}) / 1000 ))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Warm-up: the client's class data sharing archive is recorded on its first run; the disk cache fills.
for _ in 1 2 3; do
  elapsed_ms "$top/probehost" probe:list >/dev/null
  elapsed_ms "${pyocd_list[@]}" >/dev/null
done
if ! grep -q "probe:list" "$PROBEHOST_STATE/station/station.0.log"; then
  echo "Error: probe:list did not reach the station (see $PROBEHOST_STATE/station/)" >&2
  exit 1
fi

probehost_ms=()
pyocd_ms=()
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then
    probehost_ms+=("$(elapsed_ms "$top/probehost" probe:list)")
    pyocd_ms+=("$(elapsed_ms "${pyocd_list[@]}")")
  else
    pyocd_ms+=("$(elapsed_ms "${pyocd_list[@]}")")
    probehost_ms+=("$(elapsed_ms "$top/probehost" probe:list)")
  fi
done
probehost_median=$(printf '%s\n' "${probehost_ms[@]}" | median)
pyocd_median=$(printf '%s\n' "${pyocd_ms[@]}" | median)
wins=0
for i in "${!probehost_ms[@]}"; do
  (( probehost_ms[i] < pyocd_ms[i] )) && wins=$((wins + 1))
done
printf '%-44s %8s\n' "command ($rounds paired rounds, load $(cut -d' ' -f1 /proc/loadavg))" "median"
printf '%-44s %6d ms\n' "./probehost probe:list (attached to a station)" "$probehost_median"
printf '%-44s %6d ms\n' "${pyocd_list[*]}" "$pyocd_median"
awk -v a="$probehost_median" -v b="$pyocd_median" -v w="$wins" -v n="$rounds" \
  'BEGIN { printf "ratio probehost/pyocd: %.2f; probehost faster in %d of %d rounds\n", a / b, w, n }'
