#!/usr/bin/env python3
"""What is over-represented in one cohort of case reviews against all the others.

Standard library only. From a shell:

    python3 compare_cohorts.py --url http://127.0.0.1:4000/graphql --age-band UNDER_1 --top 10

In a notebook: `rows = compare("http://127.0.0.1:4000/graphql", {"ageBands": ["UNDER_1"]})`, then
`pandas.DataFrame(rows)` if you have pandas.
"""

import argparse
import json
import os
import sys

from theme_network import ThreadlineError, graphql

QUERY = """
query Compare($a: CaseFilter!, $first: Int) {
  compareCohorts(a: $a, first: $first) {
    a { reviewCount } b { reviewCount excluded { national } }
    features { kind id label a { reviewCount share } b { reviewCount share }
               ratio ratioLow ratioHigh pValue smallCounts zeroCorrected }
  }
}
"""


def compare(url, cohort, first=50, token=None):
    """Rows for every theme, harm type and agency, strongest evidence (smallest p-value) first."""
    result = graphql(url, QUERY, {"a": cohort, "first": first}, token=token)["compareCohorts"]
    return [
        {
            "kind": f["kind"], "label": f["label"],
            "in_cohort": "%d/%d" % (f["a"]["reviewCount"], result["a"]["reviewCount"]),
            "others": "%d/%d" % (f["b"]["reviewCount"], result["b"]["reviewCount"]),
            "ratio": f["ratio"], "low": f["ratioLow"], "high": f["ratioHigh"], "p": f["pValue"],
            "note": "small counts" if f["smallCounts"] else "",
        }
        for f in result["features"]
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Compare a cohort of reviews with all the others.")
    parser.add_argument("--url", default="http://127.0.0.1:4000/graphql", help="the GraphQL endpoint")
    parser.add_argument("--age-band", action="append", dest="age_bands", help="UNDER_1, AGE_1_5, ...")
    parser.add_argument("--harm-type", action="append", dest="harm_types", help="harm type id (repeatable)")
    parser.add_argument("--top", type=int, default=10, help="how many rows to print")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    cohort = {}
    if args.age_bands:
        cohort["ageBands"] = args.age_bands
    if args.harm_types:
        cohort["harmTypes"] = args.harm_types
    try:
        rows = compare(args.url, cohort, args.top, os.environ.get("THREADLINE_API_TOKEN"))
    except ThreadlineError as error:
        print("error: %s" % error, file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        print("%-9s %-45s %7s %8s  ratio %6.2f (%.2f-%.2f)  p=%.3g %s" % (
            r["kind"], r["label"][:45], r["in_cohort"], r["others"], r["ratio"], r["low"], r["high"], r["p"],
            r["note"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
