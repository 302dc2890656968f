#!/usr/bin/env bash
# bench-lint.sh: crisis lint against yamllint on the same generated manual
# (1,000 playbooks, 4 locales), and the yaml.v3 parse alone as the floor.
#
#   scripts/bench-lint.sh [PLAYBOOKS] [LOCALES]
#
# Needs Go and yamllint (Debian: apt-get install yamllint). Wall time and
# peak memory come from GNU time; each tool runs RUNS times, best kept.
set -euo pipefail

playbooks=${1:-1000}
locales=${2:-4}
runs=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v yamllint >/dev/null || { echo "bench-lint: yamllint not found (apt-get install yamllint)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-lint: GNU time not found at /usr/bin/time" >&2; exit 2; }

cd "$root"
go build -o "$work/crisis" ./cmd/crisis
go run ./internal/cmd/genmanual -playbooks "$playbooks" -locales "$locales" -out "$work/manual" >/dev/null
files=$(find "$work/manual" -name '*.yaml' | wc -l)
bytes=$(find "$work/manual" -name '*.yaml' -exec cat {} + | wc -c)
echo "manual: $playbooks playbooks, $locales locales, $files files, $((bytes / 1024)) KiB"

# best prints the best wall time (s) and its peak RSS (KiB) of RUNS runs.
best() {
	local best_t="" best_m=""
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
		read -r t m < <(tail -n 1 "$work/time")
		if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN{exit !(a<b)}'; then
			best_t=$t best_m=$m
		fi
	done
	echo "$best_t $best_m"
}

read -r crisis_t crisis_m < <(best "$work/crisis" lint "$work/manual")
read -r yl_t yl_m < <(best yamllint -d relaxed "$work/manual")
floor=$(go test ./internal/lint -run '^$' -bench 'YAMLFloor1000x4' -benchtime 5x | awk '/^BenchmarkYAMLFloor/ {printf "%.3f", $3/1e9}')

printf '%-28s %8s s  %8s MiB\n' "crisis lint" "$crisis_t" "$((crisis_m / 1024))"
printf '%-28s %8s s  %8s MiB\n' "yamllint -d relaxed" "$yl_t" "$((yl_m / 1024))"
printf '%-28s %8s s  (in-process, 1000x4 only)\n' "yaml.v3 parse only (floor)" "$floor"
awk -v c="$crisis_t" -v y="$yl_t" 'BEGIN { printf "crisis lint is %.1fx faster than yamllint\n", y / c }'
