#!/usr/bin/env bash
# Runs the benchmarks of Sockeye against a hand-written raw Jakarta WebSocket endpoint on the same
# embedded Tyrus server (see BENCHMARKS.md): builds sockeye-bench and the modules it needs, then runs
# every scenario with the server and the load generators in JVMs of their own, on 127.0.0.1, and
# writes bench/target/bench-results/results.md and results.json. The clustered scenario needs
# redis-server (scripts/setup.sh installs it). The full size takes about half an hour on 2 cores.
# Usage: scripts/bench.sh [--size full|smoke] [--only echo,fanout,throughput,memory,scale,cluster,micro]
#                         [--out DIR] [--jfr] [--client sockeye|jdk]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -pl bench -am package -Dmaven.test.skip=true
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" dev.sockeye.bench.BenchRunner "$@"
