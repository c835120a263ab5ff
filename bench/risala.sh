# Sourced by the benchmarks. start_risala <database> <results dir> [more Risala arguments…]: recreates the
# PostgreSQL database, starts Risala from target/risala.jar on it with the built-in simulator (receipts on, no
# artificial delay) and a JFR recording, and waits for the bind. Sets PID, PORT, KEY (a live API key with every
# scope) and SQL (psql on the database); RISALA_BENCH_WINDOW and RISALA_BENCH_TPS set the simulator bind's window
# (default 100, Risala's own default: 600 cost single sends a third and pull latency most, as each outstanding
# submit holds a thread queueing on the bind's socket) and throughput limit (default 20,000/s); RISALA_BENCH_ARGS
# adds Risala arguments to any benchmark; RISALA_BENCH_JFR names the JFR settings (default profile; off records nothing).
# stop_risala <results dir> stops it and prints the hottest methods.
PORT=${RISALA_BENCH_PORT:-18080}
KEY=rsl_live_bench_key_0123456789

start_risala() {
  local db=$1 out=$2
  shift 2
  mkdir -p "$out"
  pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  [ -f target/risala.jar ] || ./mvnw -q -B package -DskipTests
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  SQL="psql -h 127.0.0.1 -U postgres -d $db -qAt"
  local recording=()
  [ "${RISALA_BENCH_JFR:-profile}" = off ] ||
    recording=(-XX:StartFlightRecording=filename="$out/risala.jfr",settings="${RISALA_BENCH_JFR:-profile}",dumponexit=true)
  java -Xms2g -Xmx2g "${recording[@]}" \
    -jar target/risala.jar \
    --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" \
    --spring.datasource.username=postgres --spring.datasource.password= \
    --spring.datasource.hikari.maximum-pool-size=24 \
    --risala.data-dir="$out/data" \
    --risala.api.bootstrap-key="$KEY" \
    --risala.platform.bootstrap-admin-password=bench-admin-password \
    --risala.simulator.port=0 --risala.simulator.receipt-delay=0ms --risala.simulator.receipt-senders=64 \
    --risala.smpp.simulator-link.tps="${RISALA_BENCH_TPS:-20000}" --risala.smpp.simulator-link.window="${RISALA_BENCH_WINDOW:-100}" \
    --logging.level.root=WARN "$@" ${RISALA_BENCH_ARGS:-} > "$out/risala.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q BOUND && break
    kill -0 $PID 2>/dev/null || { echo "Risala did not start: see $out/risala.log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q BOUND || { echo "no bind to the simulator" >&2; exit 1; }
  echo "Risala is up (pid $PID); results in $out"
}

stop_risala() {
  local out=$1
  kill $PID; wait $PID 2>/dev/null || true
  trap - EXIT
  # 'jfr view' needs JDK 21 or later
  local jfr=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr
  if [ ! -f "$out/risala.jfr" ]; then
    return
  elif [ -x "$jfr" ]; then
    echo "== where the time goes (JFR hot methods over the whole run)"
    "$jfr" view --width 160 hot-methods "$out/risala.jfr" | head -40 | tee "$out/profile.txt"
  else
    echo "JFR recording: $out/risala.jfr"
  fi
}
