#!/usr/bin/env bash
# The BankID polling benchmark (README "Benchmark: BankID polling"): builds, starts the product on
# its own port and database with a heap cap, points its RP API client at a stub of BankID that the
# benchmark client runs, lets N browsers poll their pending logins once a second, and stops it all.
# Settings (environment):
#   BENCH_LOGINS=10000 BENCH_RAMP=60 BENCH_WARMUP=15 BENCH_DURATION=60 (seconds)
#   BENCH_DB=h2file|postgres (h2file)   postgres: database sus_bench_bankid on 127.0.0.1:5432, made anew
#   BENCH_PORT=18191 BENCH_STUB_PORT=18192 BENCH_HEAP=512m BENCH_BUILD=1 (0 reuses target/)
#   BENCH_SERVER_OPTS="" BENCH_CLIENT_OPTS=""
# The report is printed and kept in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | sort -V | while read -r d; do [ -x "${d}bin/javac" ] && echo "${d%/}"; done | tail -n 1)
  export JAVA_HOME
fi
JAVA="$JAVA_HOME/bin/java"

logins=${BENCH_LOGINS:-10000}
port=${BENCH_PORT:-18191}
stub_port=${BENCH_STUB_PORT:-18192}
db=${BENCH_DB:-h2file}
out=target/bench
stamp=$(date -u +%Y%m%dT%H%M%SZ)

if [ "${BENCH_BUILD:-1}" = 1 ]; then
  ./mvnw -B -q -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
fi
jar=$(ls target/sus-inloggning-*.jar | grep -v original | head -n 1)
mkdir -p "$out"

profiles=demo
case "$db" in
  h2file)
    rm -rf "$out/bankid-db"
    url="jdbc:h2:file:./$out/bankid-db/sus;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" ;;
  postgres)
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS sus_bench_bankid" \
      -c "CREATE DATABASE sus_bench_bankid"
    profiles=demo,postgres
    url="jdbc:postgresql://127.0.0.1:5432/sus_bench_bankid" ;;
  *) echo "BENCH_DB must be h2file or postgres" >&2; exit 64 ;;
esac

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
  --server.tomcat.max-connections=20000 \
  --server.tomcat.accept-count=2000 --spring.datasource.hikari.maximum-pool-size=16 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "The server stopped while starting; its log ($log) ends:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "Server not ready after 180 s" >&2; exit 1; }
echo "Server ready on port $port (profiles $profiles, database $db, heap ${BENCH_HEAP:-512m}); log: $log"

# shellcheck disable=SC2086
timeout $(( ${BENCH_RAMP:-60} + ${BENCH_WARMUP:-15} + ${BENCH_DURATION:-60} + 180 )) "$JAVA" ${BENCH_CLIENT_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  se.susam.inloggning.bench.bankid.BankIdPollBenchmark url="http://127.0.0.1:$port" stub-port="$stub_port" \
  logins="$logins" ramp="${BENCH_RAMP:-60}" warmup="${BENCH_WARMUP:-15}" duration="${BENCH_DURATION:-60}" \
  report="$out/bankid-report-$stamp.txt"
