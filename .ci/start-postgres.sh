#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-54329} for the tests (installing it
# from Debian's packages if needed) and prints the TEST_DATABASE_URL to use.
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGDATA_DIR="${PGDATA_DIR:-/tmp/doorstep-pg}"
URL="postgresql://doorstep:doorstep@127.0.0.1:${PGPORT}/postgres"

if pg_isready -h 127.0.0.1 -p "$PGPORT" -q 2>/dev/null; then echo "$URL"; exit 0; fi

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
# PostgreSQL refuses to run as root: run it as the postgres user the package created.
RUN=()
if [ "$(id -u)" = "0" ]; then RUN=(runuser -u postgres --); fi

rm -rf "$PGDATA_DIR"
mkdir -p "$PGDATA_DIR"
chown postgres:postgres "$PGDATA_DIR" 2>/dev/null || true
PWFILE="$(mktemp)"; echo doorstep > "$PWFILE"; chmod 644 "$PWFILE"
"${RUN[@]}" "$BIN/initdb" -D "$PGDATA_DIR" -U doorstep --pwfile="$PWFILE" -A scram-sha-256 >/dev/null
rm -f "$PWFILE"
"${RUN[@]}" "$BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c max_connections=200" start >&2
echo "$URL"
