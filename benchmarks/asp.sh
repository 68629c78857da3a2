#!/usr/bin/env bash
# Issue 5: ASP batch build (10k and 130k validated CEJ requests) and return import (same sizes), through the API.
# Usage: bash benchmarks/asp.sh [jeunes of the big structure=131000] [sizes="10000 130000"]
# Writes benchmarks/results/asp-<date>.md; docs/performance.md quotes it.
set -euo pipefail
cd "$(dirname "$0")/.."
GRANDE=${1:-131000}
TAILLES=${2:-"10000 130000"}
DATA=${BENCH_DATA_DIR:-/tmp/ml-bench-asp}
PORT=5098
URL=http://127.0.0.1:$PORT
OUT=benchmarks/results/asp-$(date +%Y%m%d-%H%M).md
mkdir -p benchmarks/results
rm -rf "$DATA"

dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
demarrer() {
  MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=20 Serilog__MinimumLevel__Default=Warning Jobs__Actifs=false \
    dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-asp-app.log 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf $URL/health >/dev/null && break; sleep 1; done
  PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
  CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$(cat "$DATA/password");Database=missionlocale;Command Timeout=0"
}
demarrer
trap 'kill $APP 2>/dev/null || true' EXIT
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks

{
echo "# ASP batches and returns, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; PostgreSQL $(ls /usr/lib/postgresql | sort -V | tail -1) (embedded cluster); app in Release."
echo
echo '```'
/usr/bin/time -f "data set: elapsed %e s, max RSS %M KB" $GEN generate "$CS" "$((GRANDE + 1000))" 2 20 0 0 "$GRANDE" 2>&1
echo '```'
# Restart on the new data (indexes rebuilt by the generator, cold caches).
kill $APP; wait $APP 2>/dev/null || true
for _ in $(seq 1 180); do [ -f "$DATA/pgdata/postmaster.pid" ] || break; sleep 1; done
demarrer
echo
echo "Through the API as a validator of BENCH-001: propose (reserve the validated requests), send (Envoyée ASP, history,"
echo "file written and stored), then import the return file (every line VERSEE) and import it again (all skipped)."
echo
echo "| requests | in the batch | propose (s) | send (s) | batch build (s) | file | import (s) | import again (s) | siège queues |"
echo "|---|---|---|---|---|---|---|---|---|"
for N in $TAILLES; do
  $GEN asp "$CS" $URL BENCH-001 "$N"
done
echo
echo "App peak memory (VmHWM): $(awk '/VmHWM/{print $2, $3}' /proc/$APP/status)"
# This group runs in a subshell (the pipe): stop the app it started here, the EXIT trap only knows the first one.
kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
} | tee "$OUT"
