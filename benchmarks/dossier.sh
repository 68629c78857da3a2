#!/usr/bin/env bash
# Issue 11: the dossier page's cost against the portfolio's, in one run (national data set, 16 clients each).
# Usage: bash benchmarks/dossier.sh [jeunes] [seconds] [rounds]   BENCH_REUSE=1 reuses the data set of run.sh / this script.
set -euo pipefail
cd "$(dirname "$0")/.."
JEUNES=${1:-1000000}
SECONDES=${2:-20}
TOURS=${3:-2}
DATA=${BENCH_DATA_DIR:-/tmp/ml-bench}
PORT=5099
URL=http://127.0.0.1:$PORT
[ "${BENCH_REUSE:-0}" = 1 ] && [ -d "$DATA/pgdata" ] || { rm -rf "$DATA"; BENCH_REUSE=0; }
dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks
demarrer() {
  MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=20 Serilog__MinimumLevel__Default=Warning \
    dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-app.log 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf $URL/health >/dev/null && break; sleep 1; done
  PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
}
arreter() { kill $APP; wait $APP 2>/dev/null || true; for _ in $(seq 1 180); do [ -f "$DATA/pgdata/postmaster.pid" ] || break; sleep 1; done; }
demarrer
trap 'kill $APP 2>/dev/null || true' EXIT
PGPASS=$(cat "$DATA/password")
if [ "$BENCH_REUSE" = 0 ]; then
  /usr/bin/time -f "generation: elapsed %e s, max RSS %M KB" $GEN generate "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=missionlocale;Command Timeout=0" "$JEUNES" 440 20 9 2 30000
  arreter; demarrer
fi
PGPASSWORD=$PGPASS psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d missionlocale -X -q -At -c "SELECT j.id FROM jeunes j JOIN structures s ON s.id = j.structure_id WHERE s.code = 'BENCH-000'" > /tmp/ml-bench-ids.txt
echo "| round | scenario | clients | requests | req/s | p50 | p95 | p99 | max | errors |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for t in $(seq 1 "$TOURS"); do
  echo "| $t $($GEN load $URL portfolio 16 "$SECONDES")"
  echo "| $t $($GEN load $URL dossier 16 "$SECONDES" /tmp/ml-bench-ids.txt)"
done
