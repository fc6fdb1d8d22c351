#!/usr/bin/env python3
"""Translation pairs from European Parliament sittings in Dutch and French, as paragraph records.

The sittings of ../shared/data/europarl-dev (its SOURCE.md), read as the benchmark corpus reads
them (tools/bench/make_corpus.py, read_europarl): a document per sitting (`EP YYYY-MM-DD`), the
paragraphs of an intervention that both versions give as many of paired by position, the others
paragraphs of their own. Written as paragraph records (docs/formats.md) for tools/eval's
leave-one-sitting-out measure; not a format of the product.

Usage: tools/eval/europarl_pairs.py FOLDER > pairs.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'bench'))
from make_corpus import read_europarl  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    documents = read_europarl(sys.argv[1])
    if not documents:
        sys.exit(f'europarl_pairs: no *.NL.xml in {sys.argv[1]}')
    for document in documents:
        date = document.doc[len('EP '):]
        pairs = 0
        for group in document.groups:
            paragraphs = [document.paragraphs[i] for i in group]
            pair = None
            if len(paragraphs) == 2:
                pairs += 1
                pair = f'ep-{date}-p{pairs:05d}'
            for p in paragraphs:
                sys.stdout.write(json.dumps({
                    'id': f'ep-{date}-{p.lang}-{p.seq:05d}', 'doc': document.doc, 'lang': p.lang,
                    'date': date, 'speaker': p.speaker_key or None, 'pair': pair,
                    'text': ''.join(p.tokens),
                }, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
