#!/usr/bin/env bash
# Run a command next to a throwaway PostgreSQL server, then throw the server away.
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# The server lives in a fresh temporary folder, listens on 127.0.0.1 and a free port only, trusts
# every local connection (role `arena`, no password) and skips fsync: it is for tests, never for
# data anyone wants to keep. CMD sees ARENA_TEST_POSTGRES_URL, a URL to the `postgres` maintenance
# database (tests/conftest.py creates its own databases from there). The server is stopped and the
# folder removed however CMD ends, and this script exits with CMD's exit code.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

# The newest installed server version, found by glob so another Debian release's version works too.
shopt -s nullglob
initdbs=(/usr/lib/postgresql/*/bin/initdb)
shopt -u nullglob
if [[ ${#initdbs[@]} -eq 0 ]]; then
    echo "with-postgres: no PostgreSQL server found (/usr/lib/postgresql/*/bin/initdb);" \
        "run scripts/system-deps.sh" >&2
    exit 1
fi
pg_bin=$(printf '%s\n' "${initdbs[@]}" | sort -V | tail -n1)
pg_bin=${pg_bin%/initdb}

# PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user (created by
# Debian's postgresql-common); as anyone else, run them as ourselves.
if [[ $EUID -eq 0 ]]; then
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

free_port() {
    "${PYTHON:-python3}" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/arena-pg.XXXXXX")
started=0

# shellcheck disable=SC2317  # invoked by the EXIT trap, not unreachable
cleanup() {
    local rc=$?
    if [[ $started -eq 1 ]]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -t 30 stop >/dev/null 2>&1 ||
            as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
    exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if [[ $EUID -eq 0 ]]; then
    chown postgres "$pg_dir"
fi

# The server's tools run from /, not from the caller's folder the `postgres` user may not read.
(
    cd /
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U arena --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$pg_dir/initdb.log" 2>&1
) || {
    echo "with-postgres: initdb failed:" >&2
    cat "$pg_dir/initdb.log" >&2
    exit 1
}

# The port is free when Python asks but may be taken before the server binds it: retry a few times.
port=""
for _attempt in 1 2 3 4 5; do
    port=$(free_port)
    if (
        cd /
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
            -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
            start >/dev/null
    ); then
        started=1
        break
    fi
    # A failed start may leave a half-started server behind; make sure it is gone before retrying.
    (cd / && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1) || true
done
if [[ $started -ne 1 ]]; then
    echo "with-postgres: the server did not start; its log:" >&2
    tail -n 40 "$pg_dir/server.log" >&2 || true
    exit 1
fi

# `pg_ctl -w` waits for the postmaster; also wait until it accepts connections on TCP.
for _ in $(seq 1 100); do
    if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U arena -d postgres; then
        break
    fi
    sleep 0.1
done
if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U arena -d postgres; then
    echo "with-postgres: the server does not accept connections; its log:" >&2
    tail -n 40 "$pg_dir/server.log" >&2 || true
    exit 1
fi

export ARENA_TEST_POSTGRES_URL="postgresql+psycopg://arena@127.0.0.1:$port/postgres"

# Not `exec`: the EXIT trap must run after CMD to stop the server. `|| rc=$?` keeps `set -e` from
# ending the script before we know CMD's exit code.
rc=0
"$@" || rc=$?
exit "$rc"
