#!/usr/bin/env bash
# Imports every file of ../shared/oracles/import-corpus and runs the advisor on what it became: one line
# per file with both exit codes and the findings by rule and severity (issue 18's corpus check).
# Run from the repository root: bench/corpus-advise.sh
set -u
cd "$(dirname "$0")/.."
corpus=../shared/oracles/import-corpus
out=$(mktemp -d)
find "$corpus" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.tf' -o -name '*.tpl' \) \
    -not -path '*/expected/*' -not -path '*/golden/*' | sort | while read -r f; do
  name=$(basename "$f")
  ./portcullis import "$f" --out "$out/$name.pcws" >/dev/null 2>"$out/$name.import.err"; ie=$?
  if [ ! -f "$out/$name.pcws" ]; then
    echo "${f#$corpus/} | import exit $ie | not imported: $(head -c 120 "$out/$name.import.err" | tr '\n' ' ')"
    continue
  fi
  ./portcullis advise -w "$out/$name.pcws" --format json >"$out/$name.advise.json" 2>"$out/$name.advise.err"; ae=$?
  findings=$(python3 -c "import json,collections,sys; d=json.load(open(sys.argv[1])); c=collections.Counter(x['ruleId']+':'+x['severity'] for x in d.get('findings',[])); print(' '.join(f'{k}x{v}' for k,v in sorted(c.items())) or 'none')" "$out/$name.advise.json" 2>/dev/null || echo unreadable)
  traces=$(grep -c $'\tat \|Exception' "$out/$name.advise.err" "$out/$name.import.err" | awk -F: '{s+=$2} END {print s+0}')
  echo "${f#$corpus/} | import exit $ie | advise exit $ae | findings: $findings | stack traces: $traces"
done
rm -rf "$out"
