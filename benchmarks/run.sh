#!/usr/bin/env bash
# National-size benchmark: 1M jeunes over 440 Missions Locales, then load runs against the running app.
# Usage: bash benchmarks/run.sh [jeunes=1000000] [seconds per run=20] [événements par jeune=9] [rendez-vous par jeune=2] [jeunes of the big structure=30000]
# Writes benchmarks/results/<date>.md (figures + query plans); docs/performance.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."
JEUNES=${1:-1000000}
SECONDES=${2:-20}
EVTS=${3:-9}
RDVS=${4:-2}
# Jeunes of the last structure (BENCH-439): the 30k-jeune Mission Locale of the alerts target (issue 4).
GRANDE=${5:-30000}
DATA=${BENCH_DATA_DIR:-/tmp/ml-bench}
PORT=5099
URL=http://127.0.0.1:$PORT
OUT=benchmarks/results/$(date +%Y%m%d-%H%M).md
mkdir -p benchmarks/results
# BENCH_REUSE=1 keeps an existing data set (generation skipped).
[ "${BENCH_REUSE:-0}" = 1 ] && [ -d "$DATA/pgdata" ] || { rm -rf "$DATA"; BENCH_REUSE=0; }

dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=20 Serilog__MinimumLevel__Default=Warning \
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
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; PostgreSQL $(ls /usr/lib/postgresql | sort -V | tail -1) (embedded cluster, durable: fsync, synchronous_commit and full_page_writes on); app in Release."
echo
echo "## Data set generation ($JEUNES jeunes, $EVTS événements and $RDVS rendez-vous each)"
echo
echo '```'
if [ "$BENCH_REUSE" = 1 ]; then echo "(data set of a previous run reused)"; else
/usr/bin/time -f "elapsed %e s, max RSS %M KB" $GEN generate "$CS" "$JEUNES" 440 20 "$EVTS" "$RDVS" "$GRANDE" 2>&1
fi
echo '```'
echo
echo "(app restarted after the generation: reference data of the new structures, cold caches)"
kill $APP; wait $APP 2>/dev/null || true
# The embedded cluster's shutdown checkpoint can outlast the app after a bulk load: wait for it before restarting.
for _ in $(seq 1 180); do [ -f "$DATA/pgdata/postmaster.pid" ] || break; sleep 1; done
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Serilog__MinimumLevel__Default=Warning \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-app.log 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -sf $URL/health >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
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
export PGPASSWORD=$PGPASS
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d missionlocale -X -q -At -c "SELECT j.id FROM jeunes j JOIN structures s ON s.id = j.structure_id WHERE s.code = 'BENCH-000'" > /tmp/ml-bench-ids.txt
$GEN load $URL dossier 16 "$SECONDES" /tmp/ml-bench-ids.txt
$GEN load $URL portail 16 "$SECONDES"
echo
echo "Issue 4: CEJ weekly hours of a 50-CEJ portfolio (8 conseillers of 8 structures), and the portal's alerts of the $GRANDE-jeune structure BENCH-439."
echo
echo "| scenario | clients | requests | req/s | p50 | p95 | p99 | max | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
$GEN load $URL cej-heures 8 "$SECONDES"
$GEN load $URL cej-heures-api 8 "$SECONDES"
$GEN load $URL alertes-api 1 "$SECONDES"
$GEN load $URL alertes-api 4 "$SECONDES"
$GEN load $URL portail-grande 4 "$SECONDES"
$GEN load $URL alertes-fragment 4 "$SECONDES"
# The same alerts computed at every request (no cache): the cold cost of a 30k-jeune structure.
kill $APP; wait $APP 2>/dev/null || true
for _ in $(seq 1 180); do [ -f "$DATA/pgdata/postmaster.pid" ] || break; sleep 1; done
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Alertes__CacheSecondes=0 Serilog__MinimumLevel__Default=Warning \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-app.log 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -sf $URL/health >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
echo
echo "Without the alerts cache (Alertes__CacheSecondes=0): every portal computes the structure's alerts."
echo
echo "| scenario | clients | requests | req/s | p50 | p95 | p99 | max | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
$GEN load $URL alertes-api 1 "$SECONDES"
$GEN load $URL alertes-api 4 "$SECONDES"
$GEN load $URL alertes-fragment 4 "$SECONDES"
echo
echo "## The day's convocations as one PDF (sequential, after one warm-up)"
echo
echo "| request | times | median | max | size |"
echo "|---|---|---|---|---|"
JOUR=$(date -u -d "+30 days" +%Y-%m-%d)
$GEN once $URL "/RendezVous/Convocations?jour=$JOUR" 5 bench.s0.c0
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
J=$(head -1 /tmp/ml-bench-ids.txt)
echo "### Timeline of a dossier: événements and rendez-vous"
echo '```'
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM evenements e WHERE e.structure_id = '$S' AND e.jeune_id = '$J'"
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rendez_vous r WHERE r.structure_id = '$S' AND r.jeune_id = '$J'"
echo '```'
echo
echo "### Portal: my rendez-vous not yet handled"
echo '```'
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM rendez_vous r JOIN jeunes j ON j.id = r.jeune_id WHERE r.structure_id = '$S' AND r.intervenant_id = '$C' AND r.statut = 1 AND r.fin < now()"
echo '```'
echo
echo "### Portfolio of a conseiller (50 lines)"
echo '```'
$PSQL -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT j.id, j.numero, j.nom_usage, j.prenom, j.date_naissance, (SELECT a.commune_nom FROM adresses a WHERE a.jeune_id = j.id AND a.date_fin IS NULL LIMIT 1) FROM jeunes j WHERE j.structure_id = '$S' AND j.conseiller_referent_id = '$C' ORDER BY j.nom_usage, j.prenom, j.numero LIMIT 51"
echo '```'
# This group runs in a subshell (the pipe): stop the app restarted here, the EXIT trap only knows the first one.
kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
} | tee "$OUT"
echo "Results written to $OUT"
