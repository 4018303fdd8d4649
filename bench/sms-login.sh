#!/usr/bin/env bash
# The SMS login load benchmark (README "Benchmark"): builds, starts the product with the bench
# profile on its own port and database, runs the benchmark client against it and stops it again.
# Settings (environment):
#   BENCH_USERS=1000 BENCH_CONCURRENCY=32 BENCH_WARMUP=180 (seconds)
#   BENCH_ROUNDS=6 BENCH_DURATION=20                       measured load windows of that many seconds, each
#                                                           followed by the server's raw hash rate again
#   BENCH_ARGON2_M=7168 BENCH_ARGON2_T=5 BENCH_ARGON2_P=1   Argon2id of the server and the raw hash rate
#   BENCH_HASH_WARMUP=30 BENCH_HASH_SECONDS=10              the raw hash rate measurement: warm-up, measured
#   BENCH_HASH_THREADS=<cores>
#   BENCH_DB=h2file|h2mem|postgres (h2file)                 postgres: database sus_bench on 127.0.0.1:5432,
#                                                           dropped and created anew (user postgres)
#   BENCH_PORT=18080 BENCH_BUILD=1 (0 reuses target/)
#   BENCH_JVM="-XX:+UseParallelGC -Xmx1g -XX:+UseTransparentHugePages"  the server's JVM options (README "Running in
#                                                           production"); the client, which measures the
#                                                           raw hash rate, runs with the same
#   BENCH_SERVER_OPTS="" BENCH_CLIENT_OPTS=""               extra JVM options (e.g. a JFR recording)
# The report is printed and kept in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/common.sh

users=${BENCH_USERS:-1000}
port=${BENCH_PORT:-18080}
m=${BENCH_ARGON2_M:-7168} t=${BENCH_ARGON2_T:-5} p=${BENCH_ARGON2_P:-1}
db=${BENCH_DB:-h2file}
jvm=${BENCH_JVM:--XX:+UseParallelGC -Xmx1g -XX:+UseTransparentHugePages}

bench_build

bench_database "$db" sus_bench bench

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "Port $port is in use; set BENCH_PORT" >&2
  exit 1
fi

log="$out/server-$stamp.log"
# shellcheck disable=SC2086
"$JAVA" $jvm ${BENCH_SERVER_OPTS:-} -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
  --spring.profiles.active="$profiles" --spring.datasource.url="$url" --sus.bench.users="$users" \
  --sus.credentials.argon2.memory-kib="$m" --sus.credentials.argon2.iterations="$t" \
  --sus.credentials.argon2.parallelism="$p" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

bench_wait_ready "$port" "$server" "$log"
echo "Server ready on port $port (profiles $profiles, database $db, $users persons); log: $log"

# shellcheck disable=SC2086
"$JAVA" $jvm ${BENCH_CLIENT_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  se.susam.inloggning.bench.SmsLoginBenchmark url="http://127.0.0.1:$port" users="$users" \
  concurrency="${BENCH_CONCURRENCY:-32}" warmup="${BENCH_WARMUP:-180}" duration="${BENCH_DURATION:-20}" rounds="${BENCH_ROUNDS:-6}" \
  m="$m" t="$t" p="$p" hash-warmup="${BENCH_HASH_WARMUP:-30}" hash-seconds="${BENCH_HASH_SECONDS:-10}" hash-threads="${BENCH_HASH_THREADS:-$(nproc)}" \
  report="$out/report-$stamp.txt"
