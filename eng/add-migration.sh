#!/usr/bin/env bash
# Adds a migration for both providers (STYLE.md section 9): eng/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: eng/add-migration.sh <Name>}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Gatehouse.Server --context "${ctx}AppDb" \
    --output-dir "Storage/Migrations/$ctx"
done
