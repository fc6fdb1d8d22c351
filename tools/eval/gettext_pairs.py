#!/usr/bin/env python3
"""Aligned Dutch-French pairs from the machine's gettext catalogs, as paragraph records.

Programs translated into both Dutch and French install /usr/share/locale/nl/LC_MESSAGES/X.mo
and /usr/share/locale/fr/LC_MESSAGES/X.mo; their messages with the same English original
(msgid) translate each other. Each such message of three words or more becomes a translation
pair: a Dutch and a French paragraph record (docs/formats.md) sharing a `pair`, one document per
catalog. A second aligned corpus for tools/eval (software messages, not debates).

Usage: tools/eval/gettext_pairs.py [LOCALE_DIR] > pairs.jsonl
"""
import gettext
import json
import os
import re
import sys

MIN_WORDS = 3


def catalog(path):
    with open(path, "rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def clean(text):
    text = re.sub(r"%(\d+\$)?[-#0 +']*\d*(\.\d+)?(hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspnm%]", " ", text)
    text = re.sub(r"\{[^}]*\}|<[^>]*>|\\[nt]", " ", text)
    text = text.replace("_", "").replace("&", "")
    return " ".join(text.split())


def words(text):
    return len(re.findall(r"[^\W\d_]{2,}", text))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/locale"
    dutch_dir = os.path.join(root, "nl", "LC_MESSAGES")
    french_dir = os.path.join(root, "fr", "LC_MESSAGES")
    if not os.path.isdir(dutch_dir) or not os.path.isdir(french_dir):
        sys.exit(f"gettext_pairs: no nl and fr catalogs under {root}")
    for name in sorted(set(os.listdir(dutch_dir)) & set(os.listdir(french_dir))):
        if not name.endswith(".mo"):
            continue
        domain = name[:-3]
        dutch = catalog(os.path.join(dutch_dir, name))
        french = catalog(os.path.join(french_dir, name))
        doc = f"gettext {domain}"
        slug = re.sub(r"[^A-Za-z0-9]+", "-", doc).strip("-")
        seen = set()
        seq = 0
        for msgid in sorted(k for k in dutch if isinstance(k, str) and k and k in french):
            nl, fr = clean(dutch[msgid]), clean(french[msgid])
            if words(nl) < MIN_WORDS or words(fr) < MIN_WORDS or nl == fr or (nl, fr) in seen:
                continue
            seen.add((nl, fr))
            seq += 1
            for lang, text in (("nl", nl), ("fr", fr)):
                print(json.dumps({
                    "id": f"{slug}-{lang}-{seq:05d}", "doc": doc, "title": None, "lang": lang,
                    "seq": seq, "page": None, "section": None, "kind": "paragraph",
                    "speaker": None, "role": None, "party": None, "party_source": None,
                    "pair": f"{slug}-p{seq:05d}", "date": None, "text": text,
                }, ensure_ascii=False))


if __name__ == "__main__":
    main()
