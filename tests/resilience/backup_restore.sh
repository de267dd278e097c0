#!/usr/bin/env bash
# `make backup` / `make restore` against PostgreSQL: seed the demo into a fresh database, back it
# up with an uploaded file, restore into another fresh database and media folder, then log in
# and read a team page from the copy. Run by .ci/run after the PostgreSQL pass.
# Needs PostgreSQL at PGURL (default postgres://postgres@127.0.0.1:5432) and pg_dump/pg_restore.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-.venv/bin/python}"
PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
SRC="cohort_backup_src_$$"
DST="cohort_backup_dst_$$"
WORK="$(mktemp -d)"
MARKER="uploaded before the backup $$"

cleanup() {
  for db in "$SRC" "$DST"; do
    psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

psql "$PGURL/postgres" -qc "CREATE DATABASE $SRC"
psql "$PGURL/postgres" -qc "CREATE DATABASE $DST"
export DJANGO_SETTINGS_MODULE=cohort_site.settings.test

echo "== seeding the demo into $SRC"
DATABASE_URL="$PGURL/$SRC" "$PYTHON" manage.py migrate --noinput -v 0
DATABASE_URL="$PGURL/$SRC" "$PYTHON" manage.py seed_demo >/dev/null
mkdir -p "$WORK/media-src/backup-check"
printf '%s' "$MARKER" > "$WORK/media-src/backup-check/marker.txt"

echo "== make backup"
make --no-print-directory backup BACKUP_DIR="$WORK/backup" DATABASE_URL="$PGURL/$SRC" \
  MEDIA_ROOT="$WORK/media-src"

echo "== make restore into $DST"
make --no-print-directory restore BACKUP_DIR="$WORK/backup" DATABASE_URL="$PGURL/$DST" \
  MEDIA_ROOT="$WORK/media-dst"

echo "== logging in to the restored copy"
DATABASE_URL="$PGURL/$DST" MEDIA_ROOT="$WORK/media-dst" "$PYTHON" tests/resilience/check_restored.py "$MARKER"
echo "== backup and restore: OK"
