#!/usr/bin/env python3
"""Interleaved timing of whole commands: run each command once per round, N rounds, and print the median, min and
quartiles of each. On a noisy shared machine this compares two binaries fairly (hyperfine runs all of one, then all of
the other, so a slow minute lands on one side). Usage: ab.py N 'cmd one' 'cmd two' ..."""
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
commands = sys.argv[2:]
times = [[] for _ in commands]
for _ in range(rounds):
    for j, c in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(c.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[j].append((time.perf_counter() - start) * 1000)
for c, t in zip(commands, times):
    t.sort()
    q = len(t) // 4
    print(f"median {statistics.median(t):7.1f} ms  min {t[0]:7.1f}  p25 {t[q]:7.1f}  p75 {t[-q - 1]:7.1f}  {c}")
