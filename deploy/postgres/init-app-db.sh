#!/bin/bash
# Creates Dandang's own role and database, separate from Temporal's `temporal`
# and `temporal_visibility` (which temporal-schema creates). The postgres image
# runs this from /docker-entrypoint-initdb.d only when the data volume is
# empty; every statement is guarded, so running it again by hand is harmless.
# Values come from the postgres service environment (see docker-compose.yml).
set -euo pipefail

: "${APP_DB_NAME:?APP_DB_NAME must be set}"
: "${APP_DB_USER:?APP_DB_USER must be set}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"

# psql variables (:'x' literal, :"x" identifier) quote the values, so a password
# with quotes cannot break or inject SQL.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_db="$APP_DB_NAME" -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" <<'EOSQL'
-- A plain login role: no superuser, no CREATEDB, no access to Temporal's data.
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'app_db', :'app_user')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_db') \gexec
-- Only the owner (and superusers) may connect to the application database.
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
EOSQL
