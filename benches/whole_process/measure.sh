#!/usr/bin/env bash
# Whole-process figures of docs/performance.md in one run: BASE and NEW binaries (e.g. main's before a change, and
# after), each with its own HOME (the index cache is per binary), beside /bin/true. Needs hyperfine and the synthetic
# courses: cargo bench --bench gen_course -- /tmp/course-N N, for N = 10, 100, 1000.
#   benches/whole_process/measure.sh BASE NEW
set -euo pipefail
B=$1
N=$2
here=$(dirname "$0")
for h in hb hn; do rm -rf "/tmp/$h"; mkdir -p "/tmp/$h"; done
for c in 10 100 1000; do
  touch -d '1 hour ago' /tmp/course-$c/lessons/* /tmp/course-$c/quizzes/*
  env HOME=/tmp/hb XDG_DATA_HOME=/tmp/hb "$B" topics --content /tmp/course-$c >/dev/null
  env HOME=/tmp/hn XDG_DATA_HOME=/tmp/hn "$N" topics --content /tmp/course-$c >/dev/null
done
export HOME=/tmp/hn XDG_DATA_HOME=/tmp/hn
hyperfine -N --warmup 20 --runs 200 /bin/true "$N topics" "$N --plain --topic 11 --step 1" "$N check"
for c in 10 100 1000; do
  hyperfine -N --warmup 3 --runs 30 /bin/true "$N topics --content /tmp/course-$c" \
    "$N --plain --content /tmp/course-$c --topic 1 --step 1"
done
for c in 10 100; do
  hyperfine -N --warmup 3 --runs 30 "$B check /tmp/course-$c" "$N check /tmp/course-$c"
done
python3 "$here/ab.py" 30 "$B check /tmp/course-1000" "$N check /tmp/course-1000"
