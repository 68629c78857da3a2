#!/usr/bin/env bash
# National-size benchmark: 1M jeunes over 440 Missions Locales, then load runs against the running app.
# Usage: bash benchmarks/run.sh [jeunes=1000000] [seconds per run=20]
# Writes benchmarks/results/<date>.md (figures + query plans); docs/performance.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."
JEUNES=${1:-1000000}
SECONDES=${2:-20}
DATA=${BENCH_DATA_DIR:-/tmp/ml-bench}
PORT=5099
URL=http://127.0.0.1:$PORT
OUT=benchmarks/results/$(date +%Y%m%d-%H%M).md
mkdir -p benchmarks/results
rm -rf "$DATA"

dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
MISSIONLOCALE_DATA_DIR=$DATA Demo__Jeunes=20 Serilog__MinimumLevel__Default=Warning \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf $URL/health >/dev/null && break; sleep 1; done

PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
PGPASS=$(cat "$DATA/password")
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=missionlocale;Command Timeout=0"
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks

{
echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; PostgreSQL $(ls /usr/lib/postgresql | sort -V | tail -1) (embedded cluster, fsync off); app in Release."
echo
echo "## Data set generation ($JEUNES jeunes)"
echo
echo '```'
/usr/bin/time -f "elapsed %e s, max RSS %M KB" $GEN generate "$CS" "$JEUNES" 440 20 2>&1
echo '```'
echo
echo "## Load runs ($SECONDES s each, closed loop, latencies in ms)"
echo
echo "| scenario | clients | requests | req/s | p50 | p95 | p99 | max | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
$GEN load $URL search-page 1 "$SECONDES"
$GEN load $URL search-page 4 "$SECONDES"
$GEN load $URL search-api 1 "$SECONDES"
$GEN load $URL search-api 4 "$SECONDES"
$GEN load $URL portfolio 16 "$SECONDES"
echo
echo "## Query plans"
export PGPASSWORD=$PGPASS
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -d missionlocale -X -q"
S=$($PSQL -At -c "SELECT structure_id FROM asp_net_users WHERE user_name = 'bench.s0.c0'")
C=$($PSQL -At -c "SELECT id FROM asp_net_users WHERE user_name = 'bench.s0.c0'")
echo
echo "### Search \"emma dub\" in one structure (the SQL EF sends, simplified)"
echo '```'
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT j.id, j.numero, j.nom_usage, j.prenom, j.date_naissance FROM jeunes j WHERE j.structure_id = '$S' AND j.recherche LIKE '%emma%' AND j.recherche LIKE '%dub%' ORDER BY j.nom_usage, j.prenom, j.numero LIMIT 21"
echo '```'
echo
echo "### Search \"mar\" (a short, frequent fragment)"
echo '```'
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT j.id, j.numero, j.nom_usage, j.prenom, j.date_naissance FROM jeunes j WHERE j.structure_id = '$S' AND j.recherche LIKE '%mar%' ORDER BY j.nom_usage, j.prenom, j.numero LIMIT 21"
echo '```'
echo
echo "### Portfolio of a conseiller (50 lines)"
echo '```'
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT j.id, j.numero, j.nom_usage, j.prenom, j.date_naissance, (SELECT a.commune_nom FROM adresses a WHERE a.jeune_id = j.id AND a.date_fin IS NULL LIMIT 1) FROM jeunes j WHERE j.structure_id = '$S' AND j.conseiller_referent_id = '$C' ORDER BY j.nom_usage, j.prenom, j.numero LIMIT 51"
echo '```'
} | tee "$OUT"
echo "Results written to $OUT"
