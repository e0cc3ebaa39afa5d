#!/usr/bin/env bash
# Packaging step: extracts the server jar into target/app (the layout the JVM's AOT cache needs:
# plain jars on a class path) and records an AOT cache (JEP 483/514) with one training start on
# the embedded defaults that exits as soon as the context is refreshed. server/bin/agentcoach-server
# uses the cache when it matches the JDK; a stale or missing cache only costs start-up time.
set -euo pipefail
target=${1:?usage: aot-cache.sh TARGET_DIR}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
rm -rf "$target/app"
"$java" -Djarmode=tools -jar "$target/agentcoach.jar" extract --destination "$target/app" >/dev/null
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
if "$java" -XX:AOTCacheOutput="$target/app/agentcoach.aot" -Xlog:aot=error -Dspring.context.exit=onRefresh \
    -jar "$target/app/agentcoach.jar" --server.port=0 --agentcoach.data-dir="$train" \
    --logging.level.root=WARN >"$train/training.log" 2>&1; then
  echo "AOT cache written to $target/app/agentcoach.aot"
else
  echo "AOT cache training failed (the server still runs, only slower to start):" >&2
  tail -n 20 "$train/training.log" >&2
  rm -f "$target/app/agentcoach.aot"
fi
