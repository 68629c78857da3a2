#!/usr/bin/env bash
# Re-measures the architecture figures of docs/architecture.md ("Before and after") on the current tree.
# Usage: bash benchmarks/architecture.sh   (from the repository root; read-only)
set -euo pipefail
cd "$(dirname "$0")/.."
src() { find src -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' "$@"; }
compte() { "$@" | wc -l | tr -d ' '; }

echo "Rule classes (BusinessRule subclasses): $(src | xargs grep -hE 'class \w+.*: BusinessRule\b' | wc -l | tr -d ' ')"
echo "Named rule methods (Regles* classes): $(src -name 'Regles*.cs' | xargs grep -hE '^    public static ' | wc -l | tr -d ' ')"
echo "Dispositif policies: $(src -path '*Politiques*' -name 'Politique*.cs' | wc -l | tr -d ' ')"
echo "Workflow tables: $(src | xargs grep -lE 'public static Workflow<' | wc -l | tr -d ' ')"
echo "Inline 'throw new BusinessRuleException' (all src): $(src | xargs grep -h 'throw new BusinessRuleException' | wc -l | tr -d ' ')"
echo "  of which in Application handlers: $(find src/MissionLocale.Application -name '*.cs' -not -path '*/obj/*' | xargs grep -h 'throw new BusinessRuleException' | wc -l | tr -d ' ')"
echo "Dispositif codes as string literals outside CodeDispositif: $( (src; find src -name '*.cshtml') | grep -v '/Migrations/' | grep -v 'CodeDispositif.cs' | xargs grep -hE '"(PACEA|CEJ|RE|DIAG|PARR|QPV|PAO|AVP)"' | grep -v 'const string' | wc -l | tr -d ' ')"
echo "Switches on a dispositif code: $(src | xargs grep -hE 'switch \{ *"(PACEA|CEJ|RE|DIAG|PARR|QPV|PAO|AVP)"' | wc -l | tr -d ' ')"
echo "Ordinal comparisons on workflow states: $(src | xargs grep -hE '(Etat|Statut) *(<|>|<=|>=) *(EtatDemande|EtatCerfa|EtatLot|StatutRendezVous)' | wc -l | tr -d ' ')"
echo "Page models using the DbContext: $(find src/MissionLocale.Web/Pages -name '*.cs' | xargs grep -lE 'IAppDbContext|AppDbContext' | wc -l | tr -d ' ')"
echo "References outside the repository: $(git grep -lE '\.\./shared|RULES\.md|STACK\.md' -- . ':!benchmarks/architecture.sh' ':!tests/MissionLocale.Web.Tests/CatalogueReglesTests.cs' | wc -l | tr -d ' ')"
echo "Analyzer rules switched off (.editorconfig): $(grep -c 'severity = none' .editorconfig)"
echo "Migrations: $(find src -path '*/Migrations/*' -name '*.cs' -not -name '*.Designer.cs' -not -name '*Snapshot.cs' | wc -l | tr -d ' ')"
gen=$(find src -path '*/Migrations/*' -name '*.cs' | xargs cat | wc -l)
all=$( { git ls-files | grep -vE '\.(png|ico|ttf|woff2?|pdf|svg)$' | xargs cat 2>/dev/null || true; } | wc -l)
echo "Generated migration lines: $gen of $all lines in the repository ($(( 100 * gen / all )) %)"
echo "Use-case folders holding 3 or more requests: $(for d in $(find src/MissionLocale.Application -mindepth 2 -maxdepth 2 -type d -not -name obj -not -name bin -not -name Common); do n=$(cat "$d"/*.cs 2>/dev/null | grep -cE 'public sealed record \w+(Command|Query)\b' || true); [ "$n" -ge 3 ] && echo "$d"; done | wc -l | tr -d ' ')"
