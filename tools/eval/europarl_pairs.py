#!/usr/bin/env python3
"""Translation pairs from European Parliament sittings in Dutch and French, as paragraph records.

The sittings of ../shared/data/europarl-dev (its SOURCE.md) come as one XML file per language,
`DATE.NL.xml` and `DATE.FR.xml`, whose <intervention id> elements align one to one and whose <p>
paragraphs align by position (a few interventions differ by a paragraph). Each sitting becomes a
document (`EP YYYY-MM-DD`); the paragraphs of an intervention that both versions give as many of
become translation pairs, the others paragraphs of their own (docs/formats.md, paragraph
records). For tools/eval's leave-one-sitting-out measure; not a format of the product.

Usage: tools/eval/europarl_pairs.py FOLDER > pairs.jsonl
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET


def read_version(path):
    """The sitting's date, and {intervention id: (speaker, [paragraph texts])} in order."""
    root = ET.parse(path).getroot()
    interventions = {}
    for intervention in root.iter('intervention'):
        texts = [' '.join(''.join(p.itertext()).split()) for p in intervention.iter('p')]
        name, old = interventions.get(intervention.get('id'), (intervention.get('name'), []))
        interventions[intervention.get('id')] = (name, old + [t for t in texts if t])
    return root.get('date'), interventions


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    paths = sorted(glob.glob(os.path.join(sys.argv[1], '*.NL.xml')))
    if not paths:
        sys.exit(f'europarl_pairs: no *.NL.xml in {sys.argv[1]}')
    out = sys.stdout
    for nl_path in paths:
        date, dutch = read_version(nl_path)
        _, french = read_version(nl_path[:-len('.NL.xml')] + '.FR.xml')
        doc = f'EP {date}'
        slug = f'ep-{date}'
        counter = {'nl': 0, 'fr': 0}
        pairs = 0

        def record(lang, text, speaker, pair):
            counter[lang] += 1
            out.write(json.dumps({
                'id': f'{slug}-{lang}-{counter[lang]:05d}', 'doc': doc, 'lang': lang,
                'date': date, 'speaker': speaker or None, 'pair': pair, 'text': text,
            }, ensure_ascii=False) + '\n')

        for intervention in list(dutch) + [i for i in french if i not in dutch]:
            nl_name, nl_texts = dutch.get(intervention, (None, []))
            fr_name, fr_texts = french.get(intervention, (None, []))
            speaker = nl_name or fr_name
            if len(nl_texts) == len(fr_texts):
                for nl_text, fr_text in zip(nl_texts, fr_texts):
                    pairs += 1
                    pair = f'{slug}-p{pairs:05d}'
                    record('nl', nl_text, speaker, pair)
                    record('fr', fr_text, speaker, pair)
            else:
                for text in nl_texts:
                    record('nl', text, speaker, None)
                for text in fr_texts:
                    record('fr', text, speaker, None)


if __name__ == '__main__':
    main()
