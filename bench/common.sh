# Shared by the benchmark scripts (sourced, not run): the JDK, the build, a fresh database, and
# waiting for the started server. Expects the caller to be in the repository root with `set -euo pipefail`.

# JAVA: the newest JDK under /usr/lib/jvm unless JAVA_HOME is set.
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | sort -V | while read -r d; do [ -x "${d}bin/javac" ] && echo "${d%/}"; done | tail -n 1)
  export JAVA_HOME
fi
JAVA="$JAVA_HOME/bin/java"
out=target/bench
stamp=$(date -u +%Y%m%dT%H%M%SZ)

# bench_build: the jar and the test classpath (skipped with BENCH_BUILD=0); sets `jar`.
bench_build() {
  if [ "${BENCH_BUILD:-1}" = 1 ]; then
    ./mvnw -B -q -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
  fi
  jar=$(ls target/sus-inloggning-*.jar | grep -v original | head -n 1)
  mkdir -p "$out"
}

# bench_database KIND NAME PROFILE: a fresh database of KIND (h2file, h2mem, postgres) named NAME for
# the server's profile PROFILE; sets `url` and `profiles`. The H2 URLs carry the options of the
# product's embedded default (application.yml).
bench_database() {
  local kind=$1 name=$2
  profiles=$3
  case "$kind" in
    h2mem) url="jdbc:h2:mem:$name;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;DB_CLOSE_DELAY=-1" ;;
    h2file)
      rm -rf "${out:?}/$name"
      url="jdbc:h2:file:./$out/$name/sus;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128" ;;
    postgres)
      psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
      profiles="$profiles,postgres"
      url="jdbc:postgresql://127.0.0.1:5432/$name" ;;
    *) echo "BENCH_DB must be h2file, h2mem or postgres" >&2; exit 64 ;;
  esac
}

# bench_wait_ready PORT PID LOG: waits up to 180 s for the server's readiness; stops the script
# with the log's end if the server dies first.
bench_wait_ready() {
  local port=$1 pid=$2 log=$3
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The server stopped while starting; its log ($log) ends:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "Server not ready after 180 s" >&2
  exit 1
}
