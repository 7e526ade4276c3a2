#!/usr/bin/env bash
# Start-up time and resident memory of the two Spring Boot samples, side by side, same machine, same run:
# samples/spring-boot (servlet, Tomcat) and samples/spring-webflux (reactive, Netty). Alternates the two, RUNS times
# each, with the same JVM options, and prints one line per start plus the medians.
#
#   ./mvnw -q -pl samples/spring-boot,samples/spring-webflux -am -DskipTests package
#   samples/spring-webflux/measure-startup.sh            # RUNS=5 JAVA_OPTS="-Xmx256m" by default
#
# "ready" is the wall time from launching java to the first answer on /cams/intents (an unsigned POST, answered
# 401 MissingSignature by the endpoint); "boot" is what Spring Boot logs as "Started ... in"; RSS is VmRSS right
# after the first answer and again after WARMUP more calls.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-200}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
declare -A JARS=([mvc]=samples/spring-boot/target/cams-sample-spring-boot-exec.jar
                 [webflux]=samples/spring-webflux/target/cams-sample-spring-webflux-exec.jar)
for jar in "${JARS[@]}"; do [[ -f $jar ]] || { echo "missing $jar: build the samples first" >&2; exit 1; }; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
probe() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$1/cams/intents" 2>/dev/null || true; }

declare -A READY BOOT RSS0 RSS1
for run in $(seq 1 "$RUNS"); do
  for stack in mvc webflux; do
    port=$(free_port); log=$(mktemp)
    start=$(now_ms)
    # shellcheck disable=SC2086
    PORT=$port CAMS_SIGNATURE_TOKENS=measure-token java $JAVA_OPTS -jar "${JARS[$stack]}" \
      --server.address=127.0.0.1 >"$log" 2>&1 &
    pid=$!
    until [[ $(probe "$port") == 401 ]]; do
      kill -0 "$pid" 2>/dev/null || { echo "$stack did not start:"; cat "$log"; exit 1; }
      sleep 0.02
    done
    ready=$(( $(now_ms) - start ))
    rss0=$(rss_kb "$pid")
    for _ in $(seq 1 "$WARMUP"); do probe "$port" >/dev/null; done
    rss1=$(rss_kb "$pid")
    boot=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$log" | awk '{print $4}')
    kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$log"
    printf '%-8s run %d: ready %5d ms, boot %5s s, RSS %4d MiB after start, %4d MiB after %d calls\n' \
      "$stack" "$run" "$ready" "$boot" $((rss0 / 1024)) $((rss1 / 1024)) "$WARMUP"
    READY[$stack]+="$ready "; BOOT[$stack]+="$boot "; RSS0[$stack]+="$((rss0 / 1024)) "; RSS1[$stack]+="$((rss1 / 1024)) "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median over $RUNS runs (JAVA_OPTS=$JAVA_OPTS, $(nproc) cores, $(java -version 2>&1 | head -1)):"
for stack in mvc webflux; do
  printf '%-8s ready %5s ms, boot %5s s, RSS %4s MiB after start, %4s MiB after %d calls\n' "$stack" \
    "$(median <<<"${READY[$stack]}")" "$(median <<<"${BOOT[$stack]}")" "$(median <<<"${RSS0[$stack]}")" \
    "$(median <<<"${RSS1[$stack]}")" "$WARMUP"
done
