"""DuckDB's NPS over one journal: the reference kiosk summarize is compared with.

    bench/.venv/bin/python bench/nps_duckdb.py bench/data/journal-1000000.jsonl
"""
import sys

import duckdb

QUERY = """
SELECT 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*) AS nps
FROM (
    SELECT CASE WHEN TRY_CAST(answers.recommend AS INTEGER) BETWEEN 0 AND 10
                THEN TRY_CAST(answers.recommend AS INTEGER) END AS score
    FROM read_json_auto(?, format = 'newline_delimited', ignore_errors = true)
    WHERE questionnaire = 'staff-pulse'
) WHERE score IS NOT NULL
"""

print(duckdb.connect().execute(QUERY, [sys.argv[1]]).fetchone()[0])
