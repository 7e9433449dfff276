#!/bin/bash
# Creates the cluster's roles and Dandang's database. The postgres image runs
# this from /docker-entrypoint-initdb.d only when the data volume is empty, as
# the bootstrap superuser, which nothing else uses afterwards. Every statement
# is guarded, so running it again by hand is harmless:
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-init-app-db.sh
# Values come from the postgres service environment (see docker-compose.yml).
#
# Roles, none of them a superuser:
#   TEMPORAL_DB_USER  Temporal's: creates and owns its own two databases
#                     (temporal-schema runs `temporal-sql-tool create`), and
#                     may not connect to Dandang's.
#   APP_DB_OWNER      owns Dandang's database, tables and triggers; the
#                     migrations alone run as it (MIGRATION_DATABASE_URL).
#   APP_DB_USER       the API's and worker's (DATABASE_URL): owns nothing; the
#                     migrations grant it SELECT and INSERT only on the audit
#                     tables (libs/persistence/src/database-roles.ts), so it
#                     cannot rewrite them or switch their triggers off.
set -euo pipefail

: "${APP_DB_NAME:?APP_DB_NAME must be set}"
: "${APP_DB_OWNER:?APP_DB_OWNER must be set}"
: "${APP_DB_OWNER_PASSWORD:?APP_DB_OWNER_PASSWORD must be set}"
: "${APP_DB_USER:?APP_DB_USER must be set}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"
: "${TEMPORAL_DB_USER:?TEMPORAL_DB_USER must be set}"
: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"

# psql variables (:'x' literal, :"x" identifier) quote the values, so a password
# with quotes cannot break or inject SQL.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_db="$APP_DB_NAME" -v app_owner="$APP_DB_OWNER" -v app_owner_password="$APP_DB_OWNER_PASSWORD" \
  -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" \
  -v temporal_user="$TEMPORAL_DB_USER" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'EOSQL'
-- Plain login roles; only Temporal's may create databases (its own two).
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEROLE CREATEDB PASSWORD %L', :'temporal_user', :'temporal_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'temporal_user') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD %L', :'app_owner', :'app_owner_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_owner') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD %L', :'app_user', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'app_db', :'app_owner')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_db') \gexec
-- Only the two roles (and the superuser) may connect to Dandang's database; not Temporal's.
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"app_db" TO :"app_user";
EOSQL
