#!/usr/bin/env python3
"""Generate a bilingual benchmark corpus of about SIZE MB as JSON Lines.

usage: make_corpus.py --size-mb N --out FILE.jsonl [--parlsearch build/parlsearch]
                      [--europarl ../shared/data/europarl-dev]

One paragraph a line: id, doc, lang ("nl"/"fr"), seq, speaker, party, date, pair (absent when the
paragraph has no translation), text. The file is both the corpus of ../shared/bench/peers.py
and a valid input of `parlsearch index --format jsonl` (docs/formats.md).

Sources, read once: the bundled committee report and ParlaMint sittings (through `parlsearch
parse`, which gives paragraphs with pairs, speakers and parties) and the four Europarl sittings
(Dutch and French versions aligned by intervention id, then paragraph by paragraph).

The corpus is replicas 0, 1, 2, ... of these source documents, each under new document,
paragraph and pair ids, with dates spread over 2019-2024 and speakers redrawn. A search
engine's cost depends on its vocabulary, so copies alone would flatter it: in every replica
about 8% of the word tokens are replaced by synthetic words drawn, Zipf-like, from a pool that
grows with the replica number, so the vocabulary grows with the corpus as Heaps' law says real
text does. A word replaced in one side of a translation pair is replaced by the same synthetic
word where it occurs in the other side (names, numbers and loanwords are shared by both).

Everything is seeded: the same size gives the same file byte for byte (with the same sources and
Python), and a smaller corpus is a prefix of a larger one. MB here is 2^20 bytes of file, as peers.py reports it.
"""
import argparse
import collections
import datetime
import glob
import json
import math
import os
import random
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MIB = 1024 * 1024
SEED = 805_2024
REPLACED_FRACTION = 0.08  # of all word tokens
# Synthetic vocabulary of replica k: POOL_BASE * (k + 1) ** POOL_GROWTH words (Heaps' law,
# with the exponent of typical English and Dutch text).
POOL_BASE = 4000
POOL_GROWTH = 0.65
FIRST_DAY = datetime.date(2019, 1, 1).toordinal()
DAYS = datetime.date(2024, 12, 31).toordinal() - FIRST_DAY + 1
# Parties for speakers whose source names none (Europarl gives none): Belgian parties and
# European Parliament groups, drawn by a hash of the name so a speaker keeps one party.
PARTIES = ['PS', 'MR', 'Ecolo', 'DéFI', 'PTB', 'Les Engagés', 'N-VA', 'Vooruit', 'Groen',
           'Open Vld', 'CD&V', 'Vlaams Belang', 'PVDA', 'EPP', 'S&D', 'Renew Europe',
           'Greens/EFA', 'ECR', 'The Left']
REPORT = 'corpus/samples/A-805-2_2023-2024_paradigm.txt'
ROSTER = 'corpus/rosters/brussels-parliament-2019-2024.tsv'
PARLAMINT = 'corpus/samples/parlamint-be/ParlaMint-BE_*.xml'

WORDS = re.compile(r'(\w+)')  # split() with the group keeps the separators between words
ONSETS = ['b', 'br', 'bl', 'd', 'dr', 'f', 'fl', 'fr', 'g', 'gr', 'gl', 'k', 'kr', 'l', 'm', 'n',
          'p', 'pr', 'pl', 'r', 's', 'st', 'sp', 't', 'tr', 'v', 'w', 'z', 'ch']
VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oo', 'oe', 'ou', 'ie', 'ei', 'au']
CODAS = ['', '', '', 'n', 'r', 's', 'l', 't', 'm', 'k', 'nd', 'rt']


def stable_hash(text):
    # Python's hash() of a str changes with every process; the corpus must not.
    return zlib.crc32(text.encode('utf-8'))


# ---------------------------------------------------------------------------------------------
# sources

class Paragraph:
    """A source paragraph, cut into tokens once so a replica only touches the replaced words."""

    __slots__ = ('lang', 'seq', 'speaker_key', 'tokens', 'eligible', 'positions')

    def __init__(self, lang, text, speaker_key):
        self.lang = lang
        self.seq = 0
        self.speaker_key = speaker_key
        # words at odd indices, separators (possibly empty) at even ones
        self.tokens = WORDS.split(' '.join(text.split()))
        # replaceable: words of 3+ letters; digits and short function words stay
        self.eligible = [i for i in range(1, len(self.tokens), 2)
                         if len(self.tokens[i]) >= 3 and self.tokens[i].isalpha()]
        self.positions = collections.defaultdict(list)  # word -> where it occurs
        for i in self.eligible:
            self.positions[self.tokens[i]].append(i)


class Document:
    """A source document: its paragraphs in order and its translation pairs as groups."""

    def __init__(self, doc):
        self.doc = doc
        self.slug = re.sub(r'[^A-Za-z0-9]+', '-', doc).strip('-')
        self.paragraphs = []
        # lists of paragraph indices: a pair's paragraphs (Dutch first), or one unpaired one
        self.groups = []
        self.vocabulary = collections.Counter()
        self.count = collections.Counter()  # paragraphs per language, for seq

    def add(self, paragraphs):
        """Adds one group: the paragraphs of a pair, or a single unpaired paragraph."""
        group = []
        for p in paragraphs:
            self.count[p.lang] += 1
            p.seq = self.count[p.lang]
            group.append(len(self.paragraphs))
            self.paragraphs.append(p)
            self.vocabulary.update(w.lower() for w in p.tokens[1::2])
        if group:
            self.groups.append(group)


def parse_with_parlsearch(parlsearch, args):
    out = subprocess.run([parlsearch, 'parse', *args], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def read_parsed(records, known_parties):
    """Documents from `parlsearch parse` records, keeping their pairs; nl and fr only."""
    groups = {}  # (doc, pair), or (doc, id) of an unpaired paragraph -> records, in order
    for r in records:
        if r['lang'] not in ('nl', 'fr') or not r['text'].strip():
            continue
        if r['speaker'] and r['party']:
            known_parties.setdefault(r['speaker'], r['party'])
        key = (r['doc'], 'pair', r['pair']) if r['pair'] else (r['doc'], 'id', r['id'])
        groups.setdefault(key, []).append(r)
    docs = {}
    for (doc, _, _), group in groups.items():
        if doc not in docs:
            docs[doc] = Document(doc)
        group.sort(key=lambda r: r['lang'] != 'nl')  # Dutch first, as in the Europarl groups
        docs[doc].add(Paragraph(r['lang'], r['text'], r['speaker']) for r in group)
    return list(docs.values())


def read_europarl_version(path):
    """date and {intervention id: (name, [paragraph texts])} of one language version."""
    root = ET.parse(path).getroot()
    interventions = {}
    for intervention in root.iter('intervention'):
        texts = [' '.join(''.join(p.itertext()).split()) for p in intervention.iter('p')]
        name, old = interventions.get(intervention.get('id'), (intervention.get('name'), []))
        interventions[intervention.get('id')] = (name, old + [t for t in texts if t])
    return root.get('date'), interventions


def read_europarl(folder):
    """One document per sitting, both languages; paragraphs of an intervention paired by index
    when both versions have as many."""
    docs = []
    for nl_path in sorted(glob.glob(os.path.join(folder, '*.NL.xml'))):
        date, nl = read_europarl_version(nl_path)
        _, fr = read_europarl_version(nl_path[:-len('.NL.xml')] + '.FR.xml')
        doc = Document(f'EP {date}')
        for intervention in list(nl) + [i for i in fr if i not in nl]:
            nl_name, nl_texts = nl.get(intervention, (None, []))
            fr_name, fr_texts = fr.get(intervention, (None, []))
            # one speaker for both versions ("De Voorzitter" is "La Présidente" in French)
            key = nl_name or fr_name
            if len(nl_texts) == len(fr_texts):
                for nl_text, fr_text in zip(nl_texts, fr_texts):
                    doc.add([Paragraph('nl', nl_text, key), Paragraph('fr', fr_text, key)])
            else:
                for lang, texts in (('nl', nl_texts), ('fr', fr_texts)):
                    for text in texts:
                        doc.add([Paragraph(lang, text, key)])
        docs.append(doc)
    return docs


def read_sources(parlsearch, europarl):
    known_parties = {}
    report = parse_with_parlsearch(parlsearch, [os.path.join(ROOT, REPORT), '--roster',
                                                os.path.join(ROOT, ROSTER)])
    parlamint = parse_with_parlsearch(parlsearch, sorted(glob.glob(os.path.join(ROOT, PARLAMINT))))
    docs = read_parsed(report, known_parties) + read_parsed(parlamint, known_parties)
    docs += read_europarl(europarl)
    speakers = sorted({p.speaker_key for d in docs for p in d.paragraphs if p.speaker_key})
    parties = {s: known_parties.get(s, PARTIES[stable_hash(s) % len(PARTIES)]) for s in speakers}
    return docs, speakers, parties


# ---------------------------------------------------------------------------------------------
# synthetic vocabulary

class SyntheticPool:
    """Pronounceable made-up words, always generated in the same order, so word i is the same
    whatever the corpus size."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words = []
        self.seen = set()

    def grow(self, size):
        while len(self.words) < size:
            word = ''
            while len(word) < 5:
                syllable = (self.rng.choice(ONSETS) + self.rng.choice(VOWELS) +
                            self.rng.choice(CODAS))
                if len(word) + len(syllable) > 12:
                    break
                word += syllable
            if 5 <= len(word) <= 12 and word not in self.seen:
                self.seen.add(word)
                self.words.append(word)

    def draw(self, rng, size):
        """A word of the first `size`, rank r with probability about 1 / r (Zipf, s = 1): the
        rank is log-uniform."""
        return self.words[int(size ** rng.random()) - 1]


def same_case(word, like):
    """`word` in the case of `like` (lower, Capitalized or UPPER), as it takes its place."""
    if like[0].isupper():
        return word.upper() if len(like) > 1 and like.isupper() else word.capitalize()
    return word


# ---------------------------------------------------------------------------------------------
# replicas

class Generator:
    """Writes replicas of the source documents and counts what it wrote, for the summary."""

    def __init__(self, docs, speakers, parties, rate):
        self.docs = docs
        self.speakers = speakers
        self.parties = parties
        self.log_keep = math.log(1 - rate)  # rate: fraction of eligible words replaced
        self.pool = SyntheticPool(SEED)
        self.encoder = json.JSONEncoder(ensure_ascii=False, separators=(',', ':'))
        # for the summary
        self.paragraphs = self.pairs = self.text_bytes = 0
        self.emitted = collections.Counter()  # source document index -> times written
        self.replaced = collections.Counter()  # source word (lowercase) -> occurrences replaced
        self.synthetic = set()

    def replace_group(self, doc, group, rng, pool_size):
        """The replica texts of one group: random eligible words replaced, and a word replaced in
        one paragraph replaced by the same synthetic word in the others of its pair."""
        mapping = {}
        texts = []
        for index in group:
            p = doc.paragraphs[index]
            tokens = p.tokens.copy()
            for word, synthetic in mapping.items():
                for i in p.positions.get(word, ()):
                    tokens[i] = synthetic
                    self.replaced[word.lower()] += 1
            # geometric gaps between replaced words: the cost follows the replaced words, not
            # all the words
            k = -1
            while True:
                k += 1 + int(math.log(1.0 - rng.random()) / self.log_keep)
                if k >= len(p.eligible):
                    break
                i = p.eligible[k]
                word = p.tokens[i]
                if tokens[i] != word:
                    continue
                synthetic = mapping.get(word)
                if synthetic is None:
                    synthetic = same_case(self.pool.draw(rng, pool_size), word)
                    mapping[word] = synthetic
                    self.synthetic.add(synthetic.lower())
                tokens[i] = synthetic
                self.replaced[word.lower()] += 1
            texts.append(''.join(tokens))
        return texts

    def speaker(self, key, replica):
        name = self.speakers[stable_hash(f'{key}|{replica}') % len(self.speakers)]
        return name, self.parties[name]

    def write_document(self, out, replica, number, rng, pool_size):
        """Writes replica `replica` of source document `number`; returns the bytes written."""
        doc = self.docs[number]
        name = f'{doc.doc} r{replica}'
        slug = f'{doc.slug}-r{replica}'
        date = datetime.date.fromordinal(FIRST_DAY + (replica * 97 + number * 31) % DAYS)
        date = date.isoformat()
        texts = [None] * len(doc.paragraphs)
        pair_of = [None] * len(doc.paragraphs)
        for g, group in enumerate(doc.groups):
            for index, text in zip(group, self.replace_group(doc, group, rng, pool_size)):
                texts[index] = text
                if len(group) > 1:
                    pair_of[index] = f'{slug}-p{g + 1:04d}'
            self.pairs += len(group) > 1
        written = 0
        for index, p in enumerate(doc.paragraphs):
            # a paragraph with no speaker (a heading, a note) is the sitting's chair's
            speaker, party = self.speaker(p.speaker_key or f'doc:{doc.doc}', replica)
            record = {'id': f'{slug}-{p.lang}-{p.seq:04d}', 'doc': name, 'lang': p.lang,
                      'seq': p.seq, 'speaker': speaker, 'party': party, 'date': date}
            if pair_of[index]:
                record['pair'] = pair_of[index]
            record['text'] = texts[index]
            line = (self.encoder.encode(record) + '\n').encode('utf-8')
            out.write(line)
            written += len(line)
            self.text_bytes += len(texts[index].encode('utf-8'))
        self.paragraphs += len(doc.paragraphs)
        self.emitted[number] += 1
        return written

    def write(self, path, target_bytes):
        """Writes whole documents, replica after replica, until the file reaches target_bytes."""
        size = 0
        replica = 0
        with open(path, 'wb') as out:
            while size < target_bytes:
                rng = random.Random(SEED * 1_000_003 + replica)
                pool_size = int(POOL_BASE * (replica + 1) ** POOL_GROWTH)
                self.pool.grow(pool_size)
                for number in range(len(self.docs)):
                    size += self.write_document(out, replica, number, rng, pool_size)
                    if size >= target_bytes:
                        break
                replica += 1
        return replica, size

    def distinct_words(self):
        """Distinct word forms (lowercase) in the corpus: the source words not replaced at
        every occurrence, and the synthetic words."""
        occurrences = collections.Counter()
        for number, times in self.emitted.items():
            for word, count in self.docs[number].vocabulary.items():
                occurrences[word] += count * times
        words = {w for w, c in occurrences.items() if c > self.replaced[w]}
        return len(words | self.synthetic)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--size-mb', type=float, required=True, help='file size in MB (2^20 bytes)')
    ap.add_argument('--out', required=True, help='the JSON Lines file to write')
    ap.add_argument('--parlsearch', default=os.path.join(ROOT, 'build', 'parlsearch'),
                    help='the parlsearch binary that parses the bundled samples')
    ap.add_argument('--europarl',
                    default=os.path.join(ROOT, '..', 'shared', 'data', 'europarl-dev'),
                    help='folder of the Europarl sittings (*.NL.xml, *.FR.xml)')
    args = ap.parse_args()
    if args.size_mb <= 0:
        ap.error('--size-mb must be positive')
    if not os.access(args.parlsearch, os.X_OK):
        ap.error(f'{args.parlsearch}: no parlsearch binary (build it, or give --parlsearch)')
    if not glob.glob(os.path.join(args.europarl, '*.NL.xml')):
        ap.error(f'{args.europarl}: no Europarl sittings (*.NL.xml)')

    start = time.perf_counter()
    docs, speakers, parties = read_sources(args.parlsearch, args.europarl)
    words = sum(len(p.tokens) // 2 for d in docs for p in d.paragraphs)
    eligible = sum(len(p.eligible) for d in docs for p in d.paragraphs)
    generator = Generator(docs, speakers, parties, min(0.9, REPLACED_FRACTION * words / eligible))
    replicas, size = generator.write(args.out, int(args.size_mb * MIB))
    total_words = sum(len(d.paragraphs[i].tokens) // 2 * generator.emitted[n]
                      for n, d in enumerate(docs) for i in range(len(d.paragraphs)))
    print(f'{args.out}: {size:,} bytes ({size / MIB:.1f} MB), {replicas} replicas of '
          f'{len(docs)} source documents, in {time.perf_counter() - start:.1f} s\n'
          f'paragraphs {generator.paragraphs:,}, pairs {generator.pairs:,}, '
          f'text bytes {generator.text_bytes:,}, distinct words {generator.distinct_words():,} '
          f'({len(generator.synthetic):,} synthetic), words replaced '
          f'{sum(generator.replaced.values()) / max(total_words, 1):.1%}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
