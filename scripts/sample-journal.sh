#!/usr/bin/env bash
# Writes a realistic staff-pulse journal for demonstrations and the HTML report check:
# 47 respondents in three workshop sessions and five teams (one too small to show), with
# comments, answered through `kiosk run` on a pipe exactly as a respondent would.
#
#   scripts/sample-journal.sh KIOSK_BINARY JOURNAL
#
# The answers are fixed; `kiosk run` stamps today's date, so the dates are then pinned per
# session to make the report the same on any day.
set -euo pipefail
kiosk=$1
journal=$2
cd "$(dirname "$0")/.."
rm -f "$journal"

sessions=(2026-q2-offsite 2026-q3-offsite 2026-q4-offsite)
dates=(2026-05-14 2026-08-20 2026-11-19)
# Team numbers as the questionnaire lists them: 1 Sales, 2 Service, 3 Operations,
# 4 Product & Engineering, 5 Support functions.
teams=(1 2 3 1 2 4 3 1 2 3 1 4 2 1 3 5 2 1 4 3 1 2 3 1 2 4 1 3 2 5 1 2 3 4 1 2 3 1 4 2 1 3 5 2 1 4 1)
# Scores get better from one session to the next.
scores=(3 6 8 9 5 7 2 10 6 4 8 7
        9 6 10 7 8 5 9 3 10 8 7 9 6 10 8
        9 10 7 9 10 8 6 9 10 9 7 10 9 8 10 5 9 10 9 8)
reasons=(
    "My manager listens and backs me up"
    "Good colleagues, but the pay is behind the market"
    "Too much overtime in the busy season"
    "I like the customers and the team spirit"
    "Decisions are made without asking the people who do the work"
    "Flexible hours make it work for my family"
    "The tools are outdated and slow"
    "Great training when I started"
    "Communication from head office is poor"
    "I get to learn something new every week"
    "Workload is too high since two people left"
    "Fair pay and a good manager")
improvements=(
    "Hire enough staff for the shifts"
    "Tell us about changes before they happen"
    "Replace the old laptops"
    "Fewer approvals for small purchases"
    "Proper onboarding for new people"
    "Share the plan for next year with everyone")
barriers=(
    "The CRM system is slow and crashes"
    "Not enough staff on the late shifts"
    "Too many meetings, not enough time to work"
    "Waiting for approvals from three managers"
    "Laptop is five years old"
    "We are not informed about changes in time"
    "No training on the new software"
    "Paperwork for every small refund"
    "Overtime every week in December"
    "Emails from head office contradict each other"
    "The stock system & the till don't talk to each other"
    "Nobody owns the process for returns")
ceo=(
    "Listen to the people on the floor"
    "Invest in decent tools and systems"
    "Hire more staff before the busy season"
    "Cut the approval chain in half"
    "Be honest about where the company is going"
    "Raise pay to the market rate"
    "Hold a monthly open Q&A with <b>everyone</b>")

for index in "${!teams[@]}"; do
    if (( index < 12 )); then session=0; elif (( index < 27 )); then session=1; else session=2; fi
    score=${scores[$index]}
    input=$'\n'"$score"$'\n'"${reasons[$((index % ${#reasons[@]}))]}"$'\n'
    if (( score <= 8 )); then input+="${improvements[$((index % ${#improvements[@]}))]}"$'\n'; fi
    input+="${barriers[$((index % ${#barriers[@]}))]}"$'\n'
    if (( index % 3 == 0 )); then input+="${barriers[$(((index * 5 + 3) % ${#barriers[@]}))]}"$'\n'; fi
    input+=$'\n'
    if (( index % 2 == 0 )); then input+="${ceo[$((index % ${#ceo[@]}))]}"; fi
    input+=$'\n'"${teams[$index]}"$'\n\n'
    printf '%s' "$input" | "$kiosk" run staff-pulse --journal "$journal" --session "${sessions[$session]}" >/dev/null
done

for session in 0 1 2; do
    sed -i -E "s/\"date\":\"[0-9-]+\",\"session\":\"${sessions[$session]}\"/\"date\":\"${dates[$session]}\",\"session\":\"${sessions[$session]}\"/" "$journal"
done
