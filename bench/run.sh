#!/usr/bin/env bash
# Builds and runs the JMH benchmarks; prints every figure with its target at the end.
#   bench/run.sh                 all benchmarks
#   bench/run.sh RouterBench     only those matching the regex
#   BENCH_QUICK=1 bench/run.sh   a short smoke run (rough figures)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/jdk.sh"
"$root/mvnw" -q -DskipTests package -pl bench -am
exec java -jar "$root/bench/target/benchmarks.jar" "$@"
