#!/usr/bin/env python3
"""Build the text pool the corpus synthesizer draws from.

The synthesizer (crates/protokoll/src/synth.rs) fills minutes skeletons shaped
like the seeds with real Swedish paragraphs and titles. This script extracts
them from the Riksdag interpellations corpus
(../shared/corpus/interpellations.jsonl.gz, one {"id", "title", "text"} per
line) and writes two plain UTF-8 files, one entry per line:

    testdata/pool/paragraphs.txt   body paragraphs (120..700 characters)
    testdata/pool/titles.txt       short agenda-item titles (12..90 characters)

The selection is deterministic (documents ordered by a hash of their id), so
running it again gives the same files. The committed pool is capped at a few
MB so the repository stays small; `--max-bytes 0` keeps everything, which is
how to build a full-size pool for the synthesizer's `--pool DIR` flag.

Usage:
    python3 scripts/build_pool.py [--corpus PATH] [--out DIR] [--max-bytes N]
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import sys

# The shared folder sits next to the main checkout (../shared); worktrees live
# one level deeper, so look in both places.
HERE = os.path.dirname(os.path.abspath(__file__))
CANDIDATES = [
    os.path.join(HERE, "..", "..", "shared", "corpus", "interpellations.jsonl.gz"),
    os.path.join(HERE, "..", "..", "..", "shared", "corpus", "interpellations.jsonl.gz"),
]
DEFAULT_CORPUS = next((c for c in CANDIDATES if os.path.exists(c)), CANDIDATES[0])

# Lines that are document furniture, not prose.
FURNITURE = re.compile(
    r"^(Inkom den|Interpellation|SVERIGES RIKSDAG|Riksdagen|Stockholm den|Prot\.|"
    r"Besvarad|Till |Av |Svar på)",
)
# Two title shapes:
#   "... 1994/95:1 av Per Gahrton (mp) till statsministern om en rättvis ..." -> "en rättvis ..."
#   "Interpellation 2013/14:328 Jernhusen och de transportpolitiska målen av Lars ..." -> "Jernhusen ..."
TITLE_OLD = re.compile(r"\d{4}/\d{2}:\d+ av .*? till .*? om (.+)$")
TITLE_NEW = re.compile(r"\d{4}/\d{2}:\d+ (.+?) av [A-ZÅÄÖÉ][^()]* \([A-Za-z]+\) till ")


def clean(line):
    line = line.replace("\xad", "").replace("\u00a0", " ")
    # A word broken across a PDF line ("lydstatsav- tal") is left as it is:
    # joining "X- Y" would also destroy suspended hyphens ("hälso- och
    # sjukvård"), which the Swedish analysis must see.
    return " ".join(line.split())


def good_paragraph(p):
    if not 120 <= len(p) <= 700:
        return False
    if FURNITURE.match(p) or not p[0].isupper() or p[-1] not in ".!?":
        return False
    letters = sum(c.isalpha() for c in p)
    return letters / len(p) > 0.75


def title_of(raw):
    raw = clean(raw)
    m = TITLE_OLD.search(raw) or TITLE_NEW.search(raw)
    if not m:
        return None
    t = m.group(1).strip().rstrip(".")
    if not 12 <= len(t) <= 90:
        return None
    return t[0].upper() + t[1:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "testdata", "pool"))
    ap.add_argument("--max-bytes", type=int, default=2_500_000,
                    help="cap on paragraphs.txt (titles get a tenth); 0 = no cap")
    args = ap.parse_args()

    docs = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            key = hashlib.blake2b(d["id"].encode(), digest_size=8).hexdigest()
            docs.append((key, d["title"], d["text"]))
    docs.sort()

    cap = args.max_bytes or sys.maxsize
    title_cap = max(cap // 10, 1) if args.max_bytes else sys.maxsize
    paragraphs, titles = [], []
    seen = set()
    pbytes = tbytes = 0
    for _, raw_title, text in docs:
        t = title_of(raw_title)
        if t and t not in seen and tbytes < title_cap:
            seen.add(t)
            titles.append(t)
            tbytes += len(t.encode()) + 1
        if pbytes >= cap:
            continue
        for line in text.split("\n"):
            p = clean(line)
            if good_paragraph(p) and p not in seen:
                seen.add(p)
                paragraphs.append(p)
                pbytes += len(p.encode()) + 1
                if pbytes >= cap:
                    break

    os.makedirs(args.out, exist_ok=True)
    for name, rows in (("paragraphs.txt", paragraphs), ("titles.txt", titles)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(r + "\n")
    print(f"{len(paragraphs)} paragraphs ({pbytes} bytes), {len(titles)} titles ({tbytes} bytes) "
          f"-> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
