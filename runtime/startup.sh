#!/usr/bin/env bash
# Start-up time of a one-shot command: runs `./probehost probe:list` (or the command given) once to
# warm the caches, then N more times, and prints the fastest, median and slowest wall times.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
command=("$@")
[[ ${#command[@]} -eq 0 ]] && command=(probe:list)
./probehost "${command[@]}" >/dev/null
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  ./probehost "${command[@]}" >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "./probehost ${command[*]}: ${runs} runs, fastest ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, slowest ${sorted[$((runs - 1))]} ms"
