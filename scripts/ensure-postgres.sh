#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth and a database "test",
# so the server tests run for real. Installs Debian's postgresql when it is missing (needs root).
set -u
ok() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
as_postgres() { if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -c "$*"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "ensure-postgres: PostgreSQL is not installed and we are not root; server tests will skip" >&2
    exit 0
  fi
fi
if ! ok; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || { echo "ensure-postgres: no cluster found" >&2; exit 0; }
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if [ -w "$hba" ] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start || true
  for _ in $(seq 1 30); do ok && break; sleep 1; done
fi
if ok; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" >/dev/null 2>&1 \
    || as_postgres createdb test 2>/dev/null || true
  echo "ensure-postgres: PostgreSQL ready on 127.0.0.1:5432"
else
  echo "ensure-postgres: PostgreSQL did not start; server tests will skip" >&2
fi
exit 0
