#!/bin/sh
# Time from starting `kiosk run` to the first question on screen: spawn on a pseudo-terminal,
# wait for "Press Enter to start.", press Enter, stop the clock at "Question 1 of". Prints the
# minimum and median of RUNS runs (release build). Not a test: run it on a quiet machine.
#
#   bench/startup.sh            # 20 runs
#   RUNS=50 bench/startup.sh
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
VENV=bench/.venv
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q duckdb pexpect; }
swift build -c release --product kiosk >/dev/null
KIOSK=$(swift build -c release --show-bin-path)/kiosk
"$VENV/bin/python" - "$KIOSK" "$RUNS" <<'PY'
import os, statistics, sys, tempfile, time
import pexpect
kiosk, runs = sys.argv[1], int(sys.argv[2])
spawn_ms, first_question_ms = [], []
with tempfile.TemporaryDirectory() as folder:
    env = dict(os.environ, KIOSK_JOURNAL=os.path.join(folder, "journal.jsonl"), TERM="xterm", NO_COLOR="1")
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(kiosk, ["run", "--questionnaires", "questionnaires", "staff-pulse"], env=env,
                              dimensions=(24, 80), timeout=10)
        child.delaybeforesend = None  # pexpect sleeps 50 ms before each send by default
        child.expect("Press Enter to start.")
        ready = time.perf_counter()
        child.send("\r")
        child.expect("Question 1 of")
        spawn_ms.append((ready - start) * 1000)
        first_question_ms.append((time.perf_counter() - start) * 1000)
        child.terminate(force=True)
print(f"spawn -> 'Press Enter to start.': min {min(spawn_ms):.1f} ms, median {statistics.median(spawn_ms):.1f} ms")
print(f"spawn -> Enter -> 'Question 1 of': min {min(first_question_ms):.1f} ms, "
      f"median {statistics.median(first_question_ms):.1f} ms ({runs} runs)")
PY
