#!/usr/bin/env bash
# The BankID polling benchmark (README "Benchmark: BankID polling"): builds, starts the product on
# its own port and database with a heap cap, points its RP API client at a stub of BankID that the
# benchmark client runs, lets N browsers poll their pending logins once a second, and stops it all.
# Settings (environment):
#   BENCH_LOGINS=10000 BENCH_RAMP=60 BENCH_WARMUP=15 BENCH_DURATION=60 (seconds)
#   BENCH_CONNECTIONS=256 (keep-alive connections the polls share, as behind a load balancer)
#   BENCH_QR=false (true: each browser also reloads the QR image after each poll, as the QR page does)
#   BENCH_DB=h2file|postgres (h2file)   postgres: database sus_bench_bankid on 127.0.0.1:5432, made anew
#   BENCH_PORT=18191 BENCH_STUB_PORT=18192 BENCH_HEAP=512m BENCH_BUILD=1 (0 reuses target/)
#   BENCH_SERVER_OPTS="" BENCH_CLIENT_OPTS=""
# The report is printed and kept in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/common.sh

logins=${BENCH_LOGINS:-10000}
port=${BENCH_PORT:-18191}
stub_port=${BENCH_STUB_PORT:-18192}
db=${BENCH_DB:-h2file}

bench_build

bench_database "$db" sus_bench_bankid demo

for p in "$port" "$stub_port"; do
  if ss -ltn "sport = :$p" | grep -q LISTEN; then
    echo "Port $p is in use; set BENCH_PORT or BENCH_STUB_PORT" >&2
    exit 1
  fi
done

log="$out/bankid-server-$stamp.log"
# shellcheck disable=SC2086
"$JAVA" -Xmx"${BENCH_HEAP:-512m}" ${BENCH_SERVER_OPTS:-} -jar "$jar" --server.port="$port" \
  --server.address=127.0.0.1 --spring.profiles.active="$profiles" --spring.datasource.url="$url" \
  --sus.bankid.api-url="http://127.0.0.1:$stub_port/rp/v6.0/" --sus.certificate-login.enabled=false \
  --server.tomcat.max-connections=1024 --server.tomcat.max-keep-alive-requests=-1 \
  --server.tomcat.accept-count=2000 --spring.datasource.hikari.maximum-pool-size=16 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

bench_wait_ready "$port" "$server" "$log"
echo "Server ready on port $port (profiles $profiles, database $db, heap ${BENCH_HEAP:-512m}); log: $log"

# shellcheck disable=SC2086
timeout $(( ${BENCH_RAMP:-60} + ${BENCH_WARMUP:-15} + ${BENCH_DURATION:-60} + 420 )) "$JAVA" ${BENCH_CLIENT_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  se.susam.inloggning.bench.bankid.BankIdPollBenchmark url="http://127.0.0.1:$port" stub-port="$stub_port" \
  logins="$logins" ramp="${BENCH_RAMP:-60}" warmup="${BENCH_WARMUP:-15}" duration="${BENCH_DURATION:-60}" \
  connections="${BENCH_CONNECTIONS:-256}" qr="${BENCH_QR:-false}" report="$out/bankid-report-$stamp.txt"
