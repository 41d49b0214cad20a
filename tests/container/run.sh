#!/usr/bin/env bash
# The container image, tested for real with Podman (see ../shared/container/README.md):
#  1. builds the image (SKIP_BUILD=1 reuses it) and reports its size;
#  2. SQLite in a /data volume: health, sign-up, one streamed answer from a fake backend, and the data still there
#     after the container is replaced;
#  3. two instances on the host's PostgreSQL and Redis behind a round-robin proxy: a reload on the other instance
#     follows a live answer, Stop from the other instance, SIGTERM during 20 running answers loses none, and
#     /api/metrics shows the answers.
# SKIP_BUILD=1 uses IMAGE as built; SKIP_SQLITE=1 runs only the cluster part.
# Ports: CONTAINER_TEST_PORT (default 5660) and the next ten. Needs PostgreSQL at 127.0.0.1:5432 and Redis at :6379.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/ensure-node.sh >/dev/null
started=$(date +%s)
step() { echo; echo "==> $* ($(( $(date +%s) - started )) s)"; }

PODMAN=${PODMAN:-}
if [ -z "$PODMAN" ]; then
  for candidate in ../shared/container/podman ../../shared/container/podman /work/shared/container/podman; do
    [ -x "$candidate" ] && PODMAN=$(cd "$(dirname "$candidate")" && pwd)/podman && break
  done
fi
[ -n "$PODMAN" ] || { echo "no podman wrapper (set PODMAN)" >&2; exit 1; }
IMAGE=${IMAGE:-enterprise-chat:container-test}
PORT=${CONTAINER_TEST_PORT:-5660}
SQLITE_PORT=$PORT; A_PORT=$((PORT + 1)); B_PORT=$((PORT + 2)); PROXY_PORT=$((PORT + 3)); FAKES_PORT=$((PORT + 4))
PG_ADMIN=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
PG_DB=chat_container_test_$PORT
PG_URL="${PG_ADMIN%/*}/$PG_DB"
REDIS=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
METRICS_TOKEN=container-test-metrics-token-0123
NAME=chat-ct-$PORT
WORK=$(mktemp -d)
export STATE_FILE=$WORK/state.json
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for container in "$NAME-sqlite" "$NAME-a" "$NAME-b"; do "$PODMAN" rm -f -t 0 "$container" >/dev/null 2>&1 || true; done
  "$PODMAN" volume rm -f "$NAME-data" >/dev/null 2>&1 || true
  [ -n "${PG_CREATED:-}" ] && pg "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_ready() { # URL [seconds]
  for _ in $(seq 1 "${2:-120}"); do
    curl -fsS -o /dev/null "$1/api/health/ready" 2>/dev/null && return 0
    sleep 1
  done
  echo "not ready: $1" >&2; return 1
}
drive() { npx tsx tests/container/drive.ts "$@"; }
pg() { node -e 'const pg=require("pg");const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})' "$PG_ADMIN" "$1"; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
  step "build $IMAGE"
  # Docker's image format keeps the HEALTHCHECK (OCI has no field for it).
  "$PODMAN" build --format docker -t "$IMAGE" .
fi
size=$("$PODMAN" image inspect --format '{{.Size}}' "$IMAGE")
echo "image size: $((size / 1000 / 1000)) MB"

step "fake backends (30 ms per token) on $FAKES_PORT"
FAKES_BASE_PORT=$FAKES_PORT FAKES_TOKEN_DELAY_MS=30 npx tsx tests/fakes/serve.ts >"$WORK/fakes.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$FAKES_PORT/" && break; sleep 0.5; done
cat >"$WORK/models.yaml" <<YAML
- id: fake-gpt
  name: Fake GPT
  provider: azure-openai
  endpoint: http://127.0.0.1:$FAKES_PORT
  deployment: gpt-4o
  apiKey: fake-azure-key
  default: true
YAML
chmod 644 "$WORK/models.yaml"; chmod 755 "$WORK"

run_sqlite() {
  "$PODMAN" run -d --name "$NAME-sqlite" --network host -e PORT=$SQLITE_PORT -e APP_URL=http://127.0.0.1:$SQLITE_PORT \
    -e MODELS_FILE=/config/models.yaml -v "$WORK/models.yaml:/config/models.yaml:ro" -v "$NAME-data:/data" "$IMAGE" >/dev/null
  wait_ready "http://127.0.0.1:$SQLITE_PORT"
}
if [ "${SKIP_SQLITE:-}" != 1 ]; then
step "SQLite: first container"
run_sqlite
curl -fsS "http://127.0.0.1:$SQLITE_PORT/api/health" && echo
curl -fsS "http://127.0.0.1:$SQLITE_PORT/api/health/live" && echo
drive sqlite-first "http://127.0.0.1:$SQLITE_PORT"
step "SQLite: the container replaced, same volume"
"$PODMAN" stop -t 35 "$NAME-sqlite" >/dev/null && "$PODMAN" rm "$NAME-sqlite" >/dev/null
run_sqlite
drive sqlite-again "http://127.0.0.1:$SQLITE_PORT"
"$PODMAN" rm -f -t 35 "$NAME-sqlite" >/dev/null
fi

step "two instances on PostgreSQL ($PG_DB) and Redis, behind a round-robin proxy"
pg "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
pg "CREATE DATABASE $PG_DB"
PG_CREATED=1
run_instance() { # name port
  "$PODMAN" run -d --name "$1" --network host --read-only --tmpfs /tmp --tmpfs /app/.next/cache:rw,mode=1777 \
    -e PORT="$2" -e APP_URL="http://127.0.0.1:$PROXY_PORT" -e DATABASE_URL="$PG_URL" -e REDIS_URL="$REDIS" \
    -e AUTH_SECRET=container-test-auth-secret-0123456789abcdef -e ENCRYPTION_KEY=q7Lr1mT9y2pXz0cVbN4sWd8fGh3jKl6oPe5uRi7tYa0= \
    -e METRICS_TOKEN=$METRICS_TOKEN -e SHUTDOWN_GRACE_SECONDS=3 -e MODELS_FILE=/config/models.yaml \
    -v "$WORK/models.yaml:/config/models.yaml:ro" "$IMAGE" >/dev/null
}
run_instance "$NAME-a" $A_PORT
run_instance "$NAME-b" $B_PORT
wait_ready "http://127.0.0.1:$A_PORT"; wait_ready "http://127.0.0.1:$B_PORT"
node tests/container/round-robin-proxy.mjs $PROXY_PORT "http://127.0.0.1:$A_PORT" "http://127.0.0.1:$B_PORT" &
pids+=($!)
A=http://127.0.0.1:$A_PORT; B=http://127.0.0.1:$B_PORT; PROXY=http://127.0.0.1:$PROXY_PORT
export APP_ORIGIN=$PROXY
drive cluster-sign-up "$PROXY"
drive cluster-follow "$A" "$B"
drive cluster-stop "$A" "$B"

step "SIGTERM to A during 20 running answers"
rm -f "$STATE_FILE.ready"
drive cluster-start-20 "$A" &
readers=$!
for _ in $(seq 1 120); do [ -f "$STATE_FILE.ready" ] && break; sleep 0.5; done
[ -f "$STATE_FILE.ready" ] || { echo "the 20 answers did not start" >&2; exit 1; }
"$PODMAN" stop -t 40 "$NAME-a" >/dev/null
wait "$readers" || true
drain=$("$PODMAN" logs "$NAME-a" 2>&1 | grep -E '"msg":"(shutting down|shutdown drained)' || true)
echo "$drain"
echo "$drain" | grep -q '"answers":20,' || { echo "FAILED: A was not writing the 20 answers when it got SIGTERM" >&2; exit 1; }
drive cluster-after-sigterm "$B" "$PROXY"
drive cluster-metrics "$B" "$METRICS_TOKEN"

step "container test passed"
