#!/usr/bin/env python3
"""Top co-occurring learning themes from a Threadline server.

Standard library only (urllib + json). In a notebook, import it and use pandas if you have it:

    from theme_network import fetch_network, pairs_frame
    network = fetch_network("http://127.0.0.1:4000/graphql", harm_types=["neglect"], min_shared=2)
    pairs_frame(network).head(20)          # a pandas DataFrame (needs pandas)

From a shell:

    python3 theme_network.py --url http://127.0.0.1:4000/graphql --harm-type neglect --top 15
"""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request

QUERY = """
query ThemePairs($filter: CaseFilter, $minShared: Int) {
  themeNetwork(filter: $filter, minShared: $minShared) {
    reviewCount
    nodes { id label group reviewCount }
    edges { source target reviewCount lift }
  }
}
"""


class ThreadlineError(Exception):
    """The server refused the request or answered with GraphQL errors."""


def graphql(url, query, variables=None, token=None, timeout=30):
    """POSTs one GraphQL operation and returns its data, raising ThreadlineError on errors."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode("utf-8")
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace")
        try:
            parsed = json.loads(detail)
            detail = parsed.get("message") or "; ".join(e["message"] for e in parsed.get("errors", []))
        except (ValueError, AttributeError, KeyError, TypeError):
            pass
        raise ThreadlineError("HTTP %d from %s: %s" % (error.code, url, detail)) from None
    except urllib.error.URLError as error:
        raise ThreadlineError("cannot reach %s: %s (is `npm start` running?)" % (url, error.reason)) from None
    if payload.get("errors"):
        raise ThreadlineError("; ".join(e.get("message", "?") for e in payload["errors"]))
    return payload["data"]


def fetch_network(url, harm_types=None, themes=None, agencies=None, year_from=None, year_to=None,
                  min_shared=None, token=None):
    """The theme co-occurrence network under a filter: {reviewCount, nodes, edges}."""
    case_filter = {}
    if harm_types:
        case_filter["harmTypes"] = list(harm_types)
    if themes:
        case_filter["themes"] = list(themes)
    if agencies:
        case_filter["agencies"] = list(agencies)
    if year_from is not None:
        case_filter["yearFrom"] = year_from
    if year_to is not None:
        case_filter["yearTo"] = year_to
    variables = {"filter": case_filter or None}
    if min_shared is not None:
        variables["minShared"] = min_shared
    return graphql(url, QUERY, variables, token=token)["themeNetwork"]


def top_pairs(network, top=20):
    """Theme pairs, most shared reviews first (then highest lift), with readable labels."""
    label = {node["id"]: node["label"] for node in network["nodes"]}
    pairs = [
        {
            "theme_a": label.get(edge["source"], edge["source"]),
            "theme_b": label.get(edge["target"], edge["target"]),
            "shared": edge["reviewCount"],
            "lift": edge["lift"],
        }
        for edge in network["edges"]
    ]
    pairs.sort(key=lambda p: (-p["shared"], -p["lift"], p["theme_a"], p["theme_b"]))
    return pairs[:top]


def pairs_frame(network, top=None):
    """top_pairs as a pandas DataFrame (imports pandas only when called)."""
    import pandas as pd  # noqa: PLC0415 - optional dependency

    return pd.DataFrame(top_pairs(network, top or len(network["edges"])))


def format_table(pairs):
    headers = ["theme A", "theme B", "shared", "lift"]
    rows = [[p["theme_a"], p["theme_b"], str(p["shared"]), "%.2f" % p["lift"]] for p in pairs]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    numeric = [False, False, True, True]

    def line(cells):
        return "  ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Print the most co-occurring learning themes.")
    parser.add_argument("--url", default="http://127.0.0.1:4000/graphql", help="the GraphQL endpoint")
    parser.add_argument("--harm-type", action="append", dest="harm_types", help="harm type id (repeatable)")
    parser.add_argument("--theme", action="append", dest="themes", help="theme id (repeatable)")
    parser.add_argument("--agency", action="append", dest="agencies", help="agency id (repeatable)")
    parser.add_argument("--year-from", type=int)
    parser.add_argument("--year-to", type=int)
    parser.add_argument("--min-shared", type=int, help="only pairs shared by this many reviews (server default 2)")
    parser.add_argument("--top", type=int, default=20, help="how many pairs to print")
    parser.add_argument("--json", action="store_true", help="print the pairs as JSON instead of a table")
    args = parser.parse_args(argv)
    token = os.environ.get("THREADLINE_API_TOKEN")
    try:
        network = fetch_network(args.url, args.harm_types, args.themes, args.agencies, args.year_from,
                                args.year_to, args.min_shared, token)
    except ThreadlineError as error:
        print("error: %s" % error, file=sys.stderr)
        return 1
    pairs = top_pairs(network, args.top)
    if args.json:
        print(json.dumps({"reviewCount": network["reviewCount"], "pairs": pairs}, indent=2))
        return 0
    print("%d reviews, %d themes, %d co-occurring pairs" % (
        network["reviewCount"], len(network["nodes"]), len(network["edges"])))
    print()
    print(format_table(pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
