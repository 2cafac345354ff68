#!/usr/bin/env bash
# Measures the CPU a kiosk uses while it waits: at the welcome screen and mid-question.
# Usage: bench/idle-cpu.sh [SECONDS]   (default 30 s for each wait; needs tmux)
# Runs the release build in a tmux pane, leaves it idle, and reads utime+stime from /proc.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
swift build -c release --product kiosk >/dev/null
binary=$(swift build -c release --show-bin-path)/kiosk
work=$(mktemp -d)
trap 'tmux kill-session -t kiosk-idle 2>/dev/null || true; rm -rf "$work"' EXIT

hash=$(printf '2468\n2468\n' | "$binary" pin)
tmux new-session -d -s kiosk-idle -x 80 -y 24 \
    "KIOSK_ADMIN_PIN_HASH='$hash' $binary run staff-pulse --loop --idle-timeout 3600 --journal $work/journal.jsonl"
sleep 1
pid=$(pgrep -n -f "kiosk run staff-pulse --loop")
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
measure() {
    local before after
    before=$(cpu_ticks)
    sleep "$seconds"
    after=$(cpu_ticks)
    awk -v t=$((after - before)) -v hz="$ticks_per_second" -v s="$seconds" \
        'BEGIN { printf "%.3f s of CPU in %d s idle (%.3f %%)\n", t / hz, s, 100 * t / hz / s }'
}

echo -n "welcome screen: "; measure
tmux send-keys -t kiosk-idle Enter
sleep 0.5
echo -n "mid-question:   "; measure
kill -TERM "$pid"
