#!/usr/bin/env python3
"""Build the Swedish word-frequency lexicon used by `protokoll::analysis`.

The analyzer needs to know which Swedish words exist and how common they are:
the stemmer only strips an ambiguous ending when another form of the same word
is attested, and the compound splitter only splits a word into parts that are
frequent words in their own right (Koehn & Knight 2003). This script counts
every word form in a corpus of real Swedish text (by default the Riksdag
interpellations in ../shared/corpus) and writes the forms seen at least
MIN_FREQ times, one `form<TAB>count` line each, sorted by form.

The output is committed (crates/protokoll/data/lexicon.tsv) and compiled into
the library with include_str!, so building or testing the project never needs
the corpus. Run it again only to rebuild the lexicon:

    python3 scripts/build_lexicon.py [CORPUS.jsonl.gz] [OUT.tsv]
"""

import collections
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the checkout (or next to the folder of worktrees).
CANDIDATES = [
    base / "shared" / "corpus" / "interpellations.jsonl.gz" for base in (ROOT.parent, ROOT.parent.parent)
]
DEFAULT_OUT = ROOT / "crates" / "protokoll" / "data" / "lexicon.tsv"

# A form must occur this often to be trusted: below it, OCR slips and one-off
# misspellings would let the splitter invent parts.
MIN_FREQ = 3
# Longer "words" are URLs, run-together PDF text and the like.
MAX_LEN = 40

# Letters only: digits and punctuation split words, as in the analyzer. The
# soft hyphen (U+00AD) sits inside words in PDF text and is dropped first.
# The group captures a directly following full stop, to spot abbreviations.
WORD = re.compile(r"([^\W\d_]+)(\.?)")
# A form written with a full stop after it this often ("Prot.", "kl.", "bl.")
# is an abbreviation, not a word: kept, it would let the splitter cut
# "protokoll" into "prot" + "koll".
ABBREVIATION_SHARE = 0.5


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else next((c for c in CANDIDATES if c.exists()), CANDIDATES[0])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUT
    counts: collections.Counter[str] = collections.Counter()
    dotted: collections.Counter[str] = collections.Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = unicodedata.normalize("NFC", doc.get("text", "").replace("\u00ad", ""))
            for w, dot in WORD.findall(text.lower()):
                if len(w) <= MAX_LEN:
                    counts[w] += 1
                    if dot:
                        dotted[w] += 1
    kept = sorted(
        (w, n) for w, n in counts.items() if n >= MIN_FREQ and dotted[w] < ABBREVIATION_SHARE * n
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# Swedish word forms with counts >= {MIN_FREQ} from {corpus.name}; built by scripts/build_lexicon.py\n")
        for w, n in kept:
            f.write(f"{w}\t{n}\n")
    print(f"{len(kept)} forms written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
