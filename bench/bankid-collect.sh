#!/usr/bin/env bash
# The BankID collect-rate benchmark (README "Benchmark: BankID polling"): how many /collect calls a
# second the product's RP API client makes on this machine, each order collected every 2 s, against a
# stub of BankID in its own JVM. No server, no browsers: the floor under the polling benchmark.
# Settings (environment):
#   BENCH_ORDERS=10000 BENCH_WARMUP=15 BENCH_DURATION=30 (seconds)
#   BENCH_STUB_PORT=18193 BENCH_BUILD=1 (0 reuses target/) BENCH_CLIENT_OPTS=""
# The report is printed and kept in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/common.sh

stub_port=${BENCH_STUB_PORT:-18193}
bench_build
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"

if ss -ltn "sport = :$stub_port" | grep -q LISTEN; then
  echo "Port $stub_port is in use; set BENCH_STUB_PORT" >&2
  exit 1
fi
"$JAVA" -Xmx512m -cp "$cp" se.susam.inloggning.bench.bankid.BankIdCollectBenchmark stub="$stub_port" \
  >"$out/bankid-stub-$stamp.log" 2>&1 &
stub=$!
trap 'kill "$stub" 2>/dev/null || true; wait "$stub" 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do
  if ss -ltn "sport = :$stub_port" | grep -q LISTEN; then break; fi
  sleep 1
done

# shellcheck disable=SC2086
"$JAVA" -Xmx512m ${BENCH_CLIENT_OPTS:-} -cp "$cp" se.susam.inloggning.bench.bankid.BankIdCollectBenchmark \
  orders="${BENCH_ORDERS:-10000}" warmup="${BENCH_WARMUP:-15}" duration="${BENCH_DURATION:-30}" \
  stub-url="http://127.0.0.1:$stub_port/rp/v6.0/" stub-pid="$stub" report="$out/bankid-collect-$stamp.txt"
