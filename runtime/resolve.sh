#!/usr/bin/env bash
# Re-resolves runtime/*.bndrun after a change to the bundle set (bnd keeps the old order and
# appends, so the lists are dropped first), then rebuilds the runtime. Review and commit the result.
set -euo pipefail
cd "$(dirname "$0")"
for bndrun in *.bndrun; do
  sed -i '/^-runbundles:/,$d' "$bndrun"
done
cd ..
mvn -B -q -o -pl runtime package -Dprobehost.resolve.failOnChanges=false
git --no-pager diff --stat -- runtime/*.bndrun
