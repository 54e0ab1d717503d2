#!/usr/bin/env bash
# Runs every sample scenario (fig3 only its first scenario: the whole file takes minutes) with the Release build of
# `steer` and writes one JSON file per sample into OUT. Used to show that a change keeps every number:
#   scripts/run-samples.sh /tmp/before [--parallel 1]   (on the old commit; extra arguments go to every `steer run`)
#   scripts/run-samples.sh /tmp/after       (on the new one)
#   dotnet fsi scripts/compare-runs.fsx /tmp/before /tmp/after
set -euo pipefail
out=${1:?usage: scripts/run-samples.sh OUT_DIR [STEER_RUN_ARGS...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
dotnet build -c Release "$root/src/SteeringRng.Cli" -v q -nologo > /dev/null
steer="$root/src/SteeringRng.Cli/bin/Release/net10.0/steer"
for f in chsh fig2-benchmark ghz3-fig2a-joint ghz3-fig2b-bob i3322 w-state-table1; do
  echo "run-samples: $f" >&2
  "$steer" run "$root/samples/$f.scn" --json "$out/$f.json" --no-scenario-outputs "$@" > "$out/$f.txt" 2> "$out/$f.err" || true
done
"$steer" run "$root/samples/fig3-thresholds.scn" --scenario 1 --json "$out/fig3-s1.json" --no-scenario-outputs "$@" > "$out/fig3.txt" 2> "$out/fig3.err" || true
ls "$out"/*.json
