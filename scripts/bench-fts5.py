#!/usr/bin/env python3
"""SQLite FTS5 as the benchmark's anchor (issue 22), in a process of its own, as `npm run bench` runs it:

    python3 scripts/bench-fts5.py --mode build --dir CORPUS --db FILE
    python3 scripts/bench-fts5.py --mode open --db FILE --queries FILE [--reps N]

build: reads every .txt of CORPUS (title = first line, text = the whole file, as the other peers
get them) into a contentless FTS5 table (porter stemming over unicode61, diacritics removed: the
nearest to Casefile's English pipeline), then merges its b-trees ('optimize', as Casefile's index
is one compact segment per shard). Contentless: the file holds the index only, not the text, as
Casefile's index does. FTS5's porter tokenizer stems a prefix query too ("dis"* is asked as "di"*),
where Casefile matches the prefix as written against its index terms, so prefixes are asked of a
second table without stemming (FILE.prefix, built and sized apart).
open: a fresh process opens the file, answers the first query, then the query set (one untimed
pass, then N timed ones) and each keystroke of search as you type, with and without a prefix on
the last word (with a prefix, of the unstemmed table). Each query fetches the 100 best by bm25
(title weighted 10, as Casefile's) and the count of all matches in one statement. Prints one JSON line; times in ms, sizes in bytes.
"""
import argparse
import json
import os
import resource
import sqlite3
import time
import unicodedata

# bm25() may not stand beside a window function: the matches are scored first, then counted and cut.
SQL = (
    "WITH m AS (SELECT rowid AS id, bm25(docs, 10.0, 1.0) AS score FROM docs WHERE docs MATCH ?) "
    "SELECT id, count(*) OVER () FROM m ORDER BY score LIMIT 100"
)


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def ms_since(start):
    return (time.perf_counter() - start) * 1000


def read_docs(folder):
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = unicodedata.normalize("NFC", f.read().replace("\r\n", "\n").replace("\r", "\n"))
        yield text.split("\n", 1)[0], text


def prefix_db(db):
    return db + ".prefix"


def build_table(db, tokenize, docs):
    """Builds one contentless table into its own file; returns wall-clock and CPU ms."""
    if os.path.exists(db):
        os.remove(db)
    cpu = time.process_time()
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, text, content='', tokenize='{tokenize}')")
    con.executemany("INSERT INTO docs(rowid, title, text) VALUES (?, ?, ?)", ((i + 1, t, x) for i, (t, x) in enumerate(docs)))
    con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.commit()
    con.close()
    return ms_since(start), (time.process_time() - cpu) * 1000


def build(args):
    start = time.perf_counter()
    docs = list(read_docs(args.dir))
    read_ms = ms_since(start)
    build_ms, cpu_ms = build_table(args.db, "porter unicode61 remove_diacritics 2", docs)
    prefix_ms, prefix_cpu_ms = build_table(prefix_db(args.db), "unicode61 remove_diacritics 2", docs)
    return {
        "mode": "sqlite-build",
        "docs": len(docs),
        "readMs": read_ms,
        "buildMs": build_ms,
        "cpuMs": cpu_ms,
        "indexBytes": os.path.getsize(args.db),
        "prefixBuildMs": prefix_ms,
        "prefixCpuMs": prefix_cpu_ms,
        "prefixIndexBytes": os.path.getsize(prefix_db(args.db)),
        "rssPeakBytes": peak_rss_bytes(),
    }


def open_and_query(args):
    with open(args.queries, encoding="utf-8") as f:
        spec = json.load(f)
    queries = spec["queries"]  # [{index, kind, match}]
    start = time.perf_counter()
    stemmed = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    unstemmed = sqlite3.connect(f"file:{prefix_db(args.db)}?mode=ro", uri=True)
    for con in (stemmed, unstemmed):
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the schema is read here, not at connect
    open_ms = ms_since(start)

    def search(match, prefix=False):
        rows = (unstemmed if prefix else stemmed).execute(SQL, (match,)).fetchall()
        return rows[0][1] if rows else 0

    search(queries[0]["match"], queries[0]["kind"] == "prefix")
    first_query_ms = ms_since(start)
    rss = rss_bytes()
    for q in queries:
        search(q["match"], q["kind"] == "prefix")
    samples = []
    for _ in range(args.reps):
        for q in queries:
            t = time.perf_counter()
            hits = search(q["match"], q["kind"] == "prefix")
            samples.append({"index": q["index"], "kind": q["kind"], "ms": ms_since(t), "hits": hits})

    def typeahead(key):
        out = []
        for k in spec["typeahead"]:
            t = time.perf_counter()
            search(k[key], key == "prefix")
            out.append(ms_since(t))
        return out

    plain = typeahead("plain")
    prefix = typeahead("prefix")
    return {
        "mode": "sqlite-open",
        "openMs": open_ms,
        "firstQueryMs": first_query_ms,
        "rssBytes": rss,
        "rssPeakBytes": peak_rss_bytes(),
        "rssAfterQueriesBytes": rss_bytes(),
        "queries": samples,
        "typeahead": plain,
        "typeaheadPrefix": prefix,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", required=True, choices=["build", "open", "check"])
    parser.add_argument("--dir")
    parser.add_argument("--db")
    parser.add_argument("--queries")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    if args.mode == "check":
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        report = {"mode": "sqlite-check", "version": sqlite3.sqlite_version, "idleRssBytes": rss_bytes()}
    elif args.mode == "build":
        report = build(args)
    else:
        report = open_and_query(args)
    print(json.dumps(report))


main()
