#!/usr/bin/env bash
# Issue 13 on the national data set (1,000,000 jeunes over 440 structures, the last one holding 30,000, 3 événements
# each): saved-search counts with 4 criteria (target p95 <= 200 ms), the structure's dashboard over a year uncached
# (p95 <= 300 ms), national indicators (<= 2 s), export of the 30,000 dossiers to XLSX (<= 10 s, < 200 MB) and CSV
# (<= 5 s), the retention job over every dossier (<= 5 min, resumable).
# Usage: bash benchmarks/pilotage.sh [jeunes] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
JEUNES=${1:-1000000}
N=${2:-100}
DATA=/tmp/ml-bench-pilotage
PORT=5099
URL=http://127.0.0.1:$PORT
rm -rf "$DATA"
dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=5 Securite__DeuxFacteursObligatoires=false Serilog__MinimumLevel__Default=Warning \
  TableauDeBord__CacheMinutes=0 Jobs__Actifs=false \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-pilotage.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf $URL/health >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
PGPASS=$(cat "$DATA/password")
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=missionlocale;Command Timeout=0"
T0=$(date +%s)
$GEN generate "$CS" "$JEUNES" 440 20 3 0 30000 | tail -2
echo "data set generated in $(( $(date +%s) - T0 )) s"
sql() { PGPASSWORD=$PGPASS psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d missionlocale -X -q -At -c "$1"; }
GRANDE=$(sql "SELECT structure_id FROM jeunes GROUP BY structure_id ORDER BY count(*) DESC LIMIT 1")
CONS=$(sql "SELECT user_name FROM asp_net_users WHERE structure_id = '$GRANDE' AND profil = 'Conseiller' ORDER BY user_name LIMIT 1")
echo "largest structure: $(sql "SELECT count(*) FROM jeunes WHERE structure_id = '$GRANDE'") jeunes; conseiller $CONS"
jeton() { curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"MissionLocale2026!\"}" $URL/api/v1/auth/token | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
TOK=$(jeton "$CONS")
p() { awk -v q="$2" '{a[NR]=$1} END {i=int(NR*q); if (i<1) i=1; printf "%.1f", a[i]*1000}' "$1"; }
mesurer() { # name, count, curl args...
  local nom=$1 n=$2; shift 2
  for _ in $(seq 1 5); do curl -sf -o /dev/null "$@"; done
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n > /tmp/ml-bench-p.txt
  echo "$nom ($n requests): p50 $(p /tmp/ml-bench-p.txt 0.5) ms, p95 $(p /tmp/ml-bench-p.txt 0.95) ms, max $(p /tmp/ml-bench-p.txt 1) ms"
}
UN_AN=$(date -d '-1 year' +%F)
ID=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' \
  -d "{\"nom\":\"Bench 4 critères\",\"partagee\":true,\"criteres\":{\"ageMin\":18,\"civilite\":\"Madame\",\"rsa\":false,\"dernierContactApres\":\"$UN_AN\"}}" \
  $URL/api/v1/pilotage/recherches | grep -i '^location' | sed -E 's#.*/##' | tr -d '\r')
echo "saved search: $(curl -sf -H "Authorization: Bearer $TOK" $URL/api/v1/pilotage/recherches/$ID | grep -oE '"ma(Structure|Dossiers|esDossiers)":[0-9]+|"mesDossiers":[0-9]+' | tr '\n' ' ')"
mesurer "saved-search counts, 4 criteria" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/pilotage/recherches/$ID"
DU=$(date -d '-1 year' +%F); AU=$(date +%F)
mesurer "dashboard over a year, uncached" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/pilotage/tableau-de-bord?du=$DU&au=$AU"
NAT=$(jeton c.lambert)
# The first request finds no reporting rows (rapport_jeunes, refreshed by the 30-minute job, off here) and refreshes them.
echo "national reporting rows refreshed by the first request (no job ran): $(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $NAT" "$URL/api/v1/pilotage/indicateurs-nationaux?du=$(date -d '-2 year' +%F)&au=$AU") s"
# Computed live: a new period each time (each is then stored); then the stored figure of one period.
for i in 1 2 3 4 5 6; do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $NAT" "$URL/api/v1/pilotage/indicateurs-nationaux?du=$(date -d "-1 year +$i day" +%F)&au=$AU"; done > /tmp/ml-bench-nat.txt
echo "national indicators over $JEUNES jeunes computed live, 6 new periods: $(tr '\n' ' ' < /tmp/ml-bench-nat.txt) s"
mesurer "national indicators, stored figure of the period" "$N" -H "Authorization: Bearer $NAT" "$URL/api/v1/pilotage/indicateurs-nationaux?du=$DU&au=$AU"
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$APP/status; }
hwm() { awk '/VmHWM/ {print int($2/1024)}' /proc/$APP/status; }
for f in Csv Xlsx; do
  AVANT=$(rss)
  R=$(curl -sf -o /tmp/ml-bench-export.$f -w '%{time_total}' -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' -d '{}' "$URL/api/v1/pilotage/dossiers/export?format=$f")
  echo "export $f: $(stat -c %s /tmp/ml-bench-export.$f) bytes in $(awk -v s="$R" 'BEGIN {printf "%.2f", s}') s; process RSS $AVANT MB before, $(rss) MB after, peak so far $(hwm) MB"
done
echo "CSV lines: $(wc -l < /tmp/ml-bench-export.Csv)"
sql "UPDATE parametres_regle SET valeur = '0' WHERE code = 'RGPD-03.PreavisJours'"
$GEN conservation "$CS"
echo "anonymised dossiers: $(sql 'SELECT count(*) FROM jeunes WHERE anonymise_le IS NOT NULL') of $(sql 'SELECT count(*) FROM jeunes')"
$GEN conservation "$CS"
