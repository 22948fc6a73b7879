#!/usr/bin/env python3
"""Threadline's file exports in a notebook: tidy CSV tables into pandas, the full graph into networkx.

Every export takes the API's case filter as query parameters (lists comma-separated; exclusions as
not.<field>; unknownYear=INCLUDE|EXCLUDE|ONLY), for example:

    http://127.0.0.1:4000/export/reviews.csv?harmTypes=neglect&not.reviewTypes=NATIONAL&unknownYear=EXCLUDE

In a notebook:

    from exports import export_url, read_table, read_graph
    base = "http://127.0.0.1:4000"
    query = {"harmTypes": ["neglect"], "not.themes": ["housing"]}
    reviews = read_table(export_url(base, "reviews.csv", query))        # pandas.DataFrame if pandas is there
    links = read_table(export_url(base, "links.csv", query))
    statements = read_table(export_url(base, "statements.csv", query))
    graph = read_graph(export_url(base, "full-graph.graphml", query))   # a networkx.DiGraph

    reviews["themes"].str.split(";")                                    # ids are joined with ';'
    links.groupby(["kind", "target"]).review.nunique()                  # reviews per harm type, agency, theme
    themes = [n for n, d in graph.nodes(data=True) if d["kind"] == "theme"]
    sorted(themes, key=lambda n: -graph.nodes[n].get("pagerank", 0))[:10]

Without pandas, read_table gives a list of dicts (csv module); without networkx, read_graph gives
{"nodes": [...], "edges": [...]} read with xml.etree. From a shell, a summary of one filter:

    python3 exports.py --url http://127.0.0.1:4000 --harm-type neglect --not-theme housing
"""

import argparse
import csv
import io
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
NUMERIC = {"int": int, "long": int, "double": float, "float": float}


class ExportError(Exception):
    """The server refused the export (bad filter, missing token) or could not be reached."""


def export_url(base, name, query=None):
    """The URL of one export: query maps parameter names (harmTypes, not.themes, ...) to a value or a list."""
    pairs = []
    for key, value in (query or {}).items():
        values = value if isinstance(value, (list, tuple)) else [value]
        # A comma inside a value (a partnership's name) is escaped with a backslash.
        pairs.append((key, ",".join(str(v).replace(",", "\\,") for v in values)))
    suffix = "?" + urllib.parse.urlencode(pairs) if pairs else ""
    return base.rstrip("/") + "/export/" + name + suffix


def fetch(url, token=None, timeout=120):
    """The body of an export as text, raising ExportError with the server's reason."""
    headers = {"Authorization": "Bearer " + token} if token else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace")
        try:
            detail = json.loads(detail).get("message", detail)
        except (ValueError, AttributeError):
            pass
        raise ExportError("HTTP %d from %s: %s" % (error.code, url, detail)) from None
    except urllib.error.URLError as error:
        raise ExportError("cannot reach %s: %s (is `npm start` running?)" % (url, error.reason)) from None


def read_table(url, token=None):
    """A CSV export: a pandas DataFrame when pandas is installed, else a list of dicts (all values text)."""
    text = fetch(url, token)
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError:
        return list(csv.DictReader(io.StringIO(text, newline="")))
    # keep_default_na=False: an empty cell is "" (unknown), and ids such as "NA" stay text.
    return pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)


def read_graph(url, token=None):
    """A GraphML export: a networkx graph when networkx is installed, else {"nodes": [...], "edges": [...]}."""
    text = fetch(url, token)
    try:
        import networkx as nx  # noqa: PLC0415 - optional dependency
    except ImportError:
        return parse_graphml(text)
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")))


def parse_graphml(text):
    """GraphML read with the standard library: each node and edge a dict of its typed attributes."""
    root = ElementTree.fromstring(text)
    keys = {}
    for key in root.iter(GRAPHML + "key"):
        keys[key.get("id")] = (key.get("attr.name"), NUMERIC.get(key.get("attr.type"), str))

    def attributes(element):
        values = {}
        for data in element.findall(GRAPHML + "data"):
            name, kind = keys.get(data.get("key"), (data.get("key"), str))
            values[name] = kind(data.text or "")
        return values

    nodes = [dict(attributes(n), id=n.get("id")) for n in root.iter(GRAPHML + "node")]
    edges = [dict(attributes(e), source=e.get("source"), target=e.get("target")) for e in root.iter(GRAPHML + "edge")]
    return {"nodes": nodes, "edges": edges}


def column(table, name):
    """One column of a table as a list, whichever form read_table returned."""
    return list(table[name]) if hasattr(table, "columns") else [row[name] for row in table]


def graph_parts(graph):
    """(nodes, edges) as lists of attribute dicts with ids, whichever form read_graph returned."""
    if isinstance(graph, dict):
        return graph["nodes"], graph["edges"]
    nodes = [dict(data, id=node) for node, data in graph.nodes(data=True)]
    edges = [dict(data, source=s, target=t) for s, t, data in graph.edges(data=True)]
    return nodes, edges


def tally(values):
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


def summary(base, query, token=None, top=5):
    """What a filter chooses, read from the four exports."""
    reviews = read_table(export_url(base, "reviews.csv", query), token)
    links = read_table(export_url(base, "links.csv", query), token)
    statements = read_table(export_url(base, "statements.csv", query), token)
    graph = read_graph(export_url(base, "full-graph.graphml", query), token)
    nodes, edges = graph_parts(graph)
    themes = [n for n in nodes if n.get("kind") == "theme" and n.get("reviews", 0) > 0]
    themes.sort(key=lambda n: (-n.get("pagerank", 0.0), n["id"]))
    return {
        "reviews": len(column(reviews, "id")),
        "links": tally(column(links, "kind")),
        "statements": tally(column(statements, "kind")),
        "nodes": tally(n.get("kind") for n in nodes),
        "edges": tally(e.get("type") for e in edges),
        "central_themes": [
            {"id": n["id"], "label": n.get("label"), "pagerank": n.get("pagerank"), "community": n.get("community")}
            for n in themes[:top]
        ],
        "readers": {
            "table": "pandas" if hasattr(reviews, "columns") else "csv",
            "graph": "dict" if isinstance(graph, dict) else "networkx",
        },
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Summarise Threadline's exports under one filter.")
    parser.add_argument("--url", default="http://127.0.0.1:4000", help="the server (not /graphql)")
    parser.add_argument("--harm-type", action="append", dest="harmTypes", help="harm type id (repeatable)")
    parser.add_argument("--theme", action="append", dest="themes", help="theme id (repeatable)")
    parser.add_argument("--not-harm-type", action="append", dest="not.harmTypes", help="leave out this harm type")
    parser.add_argument("--not-theme", action="append", dest="not.themes", help="leave out this theme")
    parser.add_argument("--not-agency", action="append", dest="not.agencies", help="leave out this agency")
    parser.add_argument("--review-type", action="append", dest="reviewTypes", help="SCR, LCSPR, CSPR, NATIONAL, OTHER")
    parser.add_argument("--unknown-year", dest="unknownYear", choices=["INCLUDE", "EXCLUDE", "ONLY"])
    parser.add_argument("--top", type=int, default=5, help="how many central themes to list")
    args = vars(parser.parse_args(argv))
    top = args.pop("top")
    base = args.pop("url")
    query = {k: v for k, v in args.items() if v}
    try:
        result = summary(base, query, os.environ.get("THREADLINE_API_TOKEN"), top)
    except ExportError as error:
        print("error: %s" % error, file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
