#!/usr/bin/env bash
# Runs a single-node Apache Kafka broker (combined broker + controller, KRaft) from the jars on Maven Central.
#
#   kafka.sh start    fetch the jars once, format storage once, start the broker unless one answers, wait for it
#   kafka.sh stop     stop the broker this script started, cleanly
#   kafka.sh status   exit 0 when a broker answers on the port
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT + 1), KAFKA_HOME (infra/kafka/.run/<port>),
# KAFKA_HEAP (512m), KAFKA_FRESH=1 wipes the storage first (used by the test suite for a clean log).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
home="${KAFKA_HOME:-$here/.run/$port}"
libs="$here/.lib"
heap="${KAFKA_HEAP:-512m}"
pidfile="$home/kafka.pid"
config="$home/server.properties"

log() { printf '[kafka:%s] %s\n' "$port" "$*" >&2; }

answers() {
  # A TCP connect is not enough: wait for the broker to answer a metadata request.
  node "$here/wait-for-kafka.mjs" "127.0.0.1:$port" "${1:-1}" >/dev/null 2>&1
}

fetch_jars() {
  if [[ -f "$libs/.complete" ]]; then return; fi
  log "fetching the Kafka broker from Maven Central"
  rm -rf "$libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime >&2
  touch "$libs/.complete"
}

write_config() {
  mkdir -p "$home/data"
  cat > "$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$home/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  cat > "$home/log4j2.properties" <<PROPS
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $home/broker.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
PROPS
}

java_cp() { printf '%s/*' "$libs"; }

format_storage() {
  if [[ -f "$home/data/meta.properties" ]]; then return; fi
  local cluster_id
  cluster_id="$(java -cp "$(java_cp)" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  log "formatting storage (cluster $cluster_id)"
  java -cp "$(java_cp)" -Dlog4j2.configurationFile="$home/log4j2.properties" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >/dev/null
}

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  if answers; then log "a broker already answers on 127.0.0.1:$port; reusing it"; return; fi
  if running_pid >/dev/null; then
    log "broker process is up, waiting for it to answer"
  else
    fetch_jars
    if [[ "${KAFKA_FRESH:-0}" == "1" ]]; then rm -rf "$home"; fi
    write_config
    format_storage
    log "starting broker on 127.0.0.1:$port"
    nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true -Dlog4j2.configurationFile="$home/log4j2.properties" \
      -cp "$(java_cp)" kafka.Kafka "$config" > "$home/stdout.log" 2>&1 &
    echo $! > "$pidfile"
  fi
  if ! answers 60; then
    log "broker did not answer within 60 s; see $home/broker.log and $home/stdout.log"
    tail -n 30 "$home/stdout.log" >&2 || true
    exit 1
  fi
  log "broker ready on 127.0.0.1:$port"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "no broker started by this script is running"; rm -f "$pidfile"; return; fi
  log "stopping broker (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "stopped"; return; }
    sleep 0.5
  done
  log "broker did not stop in 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
