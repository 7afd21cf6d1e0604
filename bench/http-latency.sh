#!/usr/bin/env bash
# Sequential latency of Haven's main reads and the crisis check, against a running Haven
# (start it first, e.g. HAVEN_DEMO=true mvn liberty:run). Prints p50/p99 per address.
# Usage: bench/http-latency.sh [base-url] [requests-per-address]
set -euo pipefail
BASE=${1:-http://localhost:9080}
N=${2:-300}

measure() {
  for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w "%{time_total}\n" "$@"; done | sort -n |
    awk '{a[NR]=$1} END {printf "p50 %6.1f ms   p99 %6.1f ms   (n=%d)\n", a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000, NR}'
}

thread=$(curl -sf "$BASE/api/v1/topics/cravings-and-triggers/threads" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 || true)
paths=(/ /api/v1/topics /api/v1/topics/cravings-and-triggers/threads)
if [ -n "$thread" ]; then paths+=("/threads/$thread" "/api/v1/threads/$thread"); fi
for path in "${paths[@]}"; do
  curl -s -o /dev/null "$BASE$path"   # warm up
  printf '%-50s' "GET $path"
  measure "$BASE$path"
done
printf '%-50s' "POST /api/v1/crisis/check"
measure -X POST "$BASE/api/v1/crisis/check" -H 'Content-Type: application/json' \
  -d '{"text":"i took all my pills and i am scared"}'
