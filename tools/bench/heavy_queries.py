#!/usr/bin/env python3
"""Write a fixed set of about 60 "heavy" queries drawn from a benchmark corpus, one a line.

usage: heavy_queries.py CORPUS.jsonl > QUERIES.txt

The peer benchmark (tools/bench/peers.sh) draws one- and two-word queries from random
paragraphs, so most of its words are rare and its queries are cheap. This set is the other end:
the corpus's most frequent words and the query forms of docs/search.md that cost the most
(wildcards, phrases, unions, exclusions, field filters), all in parlsearch's query language:

  word      20  the 10 most frequent words of each language
  wildcard   8  `begro*`: 4- and 5-letter prefixes of frequent words
  phrase     8  `"digitale kloof"`: frequent bigrams and trigrams, in quotes
  or2        8  `A OR B` of frequent words
  or4        4  `A OR B OR C OR D` of frequent words
  field      8  `party:"X" word`, `speaker:"Y" word`, `lang:nl word`, with the most frequent
                parties and speakers of the corpus and a word they use
  not        4  `A NOT B` of frequent words

Words are lowercase, alphabetic, of 4 letters or more, not on the stopword lists below. A word or
phrase belongs to a language when it is at least twice as frequent there as in the other: names,
and make_corpus.py's synthetic words (a word replaced in one side of a pair is replaced by the
same made-up word in the other), occur about as often in both and would otherwise fill both
lists with the same words.

The file has queries only, no comment (the runners read every non-empty line as a query), in a
fixed order; the same corpus always gives the same file. A summary goes to stderr.
"""
import collections
import functools
import json
import re
import sys
import unicodedata

MIN_LETTERS = 4
TOP_WORDS = 10  # single-word queries per language
# A word or phrase of a language is at least this many times as frequent there as in the other.
LANGUAGE_RATIO = 2.0
FIELD_PARTIES = 3
FIELD_SPEAKERS = 3

# Function words, built in rather than read from PostgreSQL's tsearch_data so that the query set
# does not depend on what the machine has installed: PostgreSQL's Snowball lists, parlsearch's
# own (stemming/stopwords.cc; a query of only parlsearch stopwords matches nothing) and the
# commonest remaining function words of the corpus. Compared accent-folded.
DUTCH_STOP = """
aan al alle alleen alles als altijd andere ben bij binnen daar daarom daarvan daarvoor dan dat
de der deze die dit doch doen door dus echter een eens en er eraan ermee erop ervan ge geen
geweest haar had heb hebben heeft hem hen het hier hierbij hij hoe hun iemand iets ik in is ja
je jullie kan kon kunnen kunt maar me meer men met mij mijn moet moeten na naar niet niets nog
nu of om omdat onder ons onze ook op over reeds sinds te tegen terwijl toch toen tot tussen u
uit uw van veel voor waar waarin waarom waarvan wanneer want waren was wat we wel welk welke
werd wezen wie wij wil willen worden wordt zal ze zeer zelf zich zij zijn zo zoals zonder zou
zouden zullen
"""
FRENCH_STOP = """
a à afin ai aie aient aies ainsi ait alors as au aupres auprès aura aurai auraient aurais
aurait auras aurez auriez aurions aurons auront aussi autre autres aux avaient avais avait avec
avez aviez avions avoir avons ayant ayante ayantes ayants ayez ayons c ça car ce ceci cela celle
celles celui cependant ces cet cette ceux chez comme d dans de deja déjà des donc dont du elle
elles en entre es est et étaient étais était étant étante étantes étants été étée étées étés
êtes étiez étions être eu eue eues eûmes eurent eus eusse eussent eusses eussiez eussions eut
eût eûtes eux fûmes furent fus fusse fussent fusses fussiez fussions fut fût fûtes il ils j je
jusqu l la le les leur leurs lors lorsqu lorsque lui m ma mais me même mes moi mon n ne ni nos
notre nous on ont ou où par pas peut plus pour puisqu puisque qu quand que quel quelle quelles
quels qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons
seront ses si soient sois soit sommes son sont sous soyez soyons suis sur t ta te tes toi ton
tous tout toute toutes tres très tu un une vers vos votre vous y
"""

# As ../shared/bench/peers.py cuts words (\w+(?:['’]\w+)*): "l’ordonnance" is one token,
# "ordonnance" once the elided article is removed.
ELIDED = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=\w)",
                    re.IGNORECASE)
# A token with the characters since the previous one: one findall is much faster than matching
# tokens and slicing the gaps.
GAP_TOKEN = re.compile(r"(\W*)(\w+(?:['’]\w+)*)")
LANGS = ('nl', 'fr')


def fold(word):
    """The word without accents, as parlsearch compares words."""
    return ''.join(c for c in unicodedata.normalize('NFD', word)
                   if not unicodedata.combining(c))


STOP = {fold(w) for w in (DUTCH_STOP + FRENCH_STOP).split()}


@functools.lru_cache(maxsize=1 << 16)
def word_of(token):
    """The token as a word (lowercase, elided article removed), whether it is a content word,
    whether it was written in lowercase, and whether it is letters only (a word that a phrase
    can take inside as written: not "l’état", whose word is "état"). Cached: a corpus says its frequent
    words many times, and folding is slow."""
    word = ELIDED.sub('', token).lower() if "'" in token or '’' in token else token.lower()
    content = len(word) >= MIN_LETTERS and word.isalpha() and fold(word) not in STOP
    return word, content, token.islower(), token.isalpha()


def words_of(text):
    """The text's words as word_of gives them, each with whether it follows the previous token
    after blanks only (so that a run of such words is a phrase as written, not
    one across punctuation)."""
    return [(*word_of(token), gap.isspace()) for gap, token in GAP_TOKEN.findall(text)]


class Counts:
    """Word, bigram and trigram counts per language, and paragraphs per party and speaker."""

    def __init__(self):
        self.words = {lang: collections.Counter() for lang in LANGS}
        self.ngrams = {lang: collections.Counter() for lang in LANGS}
        self.lowercase = {lang: collections.Counter() for lang in LANGS}  # content words
        self.parties = collections.Counter()
        self.speakers = collections.Counter()

    def add(self, record):
        lang = record.get('lang')
        if lang not in LANGS:
            return
        if record.get('party'):
            self.parties[record['party']] += 1
        if record.get('speaker'):
            self.speakers[record['speaker']] += 1
        tokens = words_of(record.get('text', ''))
        self.words[lang].update(t[0] for t in tokens if t[1])
        self.lowercase[lang].update(t[0] for t in tokens if t[1] and t[2])
        # phrases start and end with a content word; the word between (if any) may be a
        # function word, as in "protection des données". The first word may have lost an
        # elided article ("l’union européenne" gives "union européenne"); the others are as
        # written ("de l’état" is not "de état"), after the previous one with blanks only.
        ngrams = self.ngrams[lang]
        n = len(tokens)
        for i in range(n - 1):
            w, content = tokens[i][:2]
            w2, content2, _, plain2, joined2 = tokens[i + 1]
            if not (content and plain2 and joined2):
                continue
            if content2:
                ngrams[(w, w2)] += 1
            if i + 2 < n:
                w3, content3, _, plain3, joined3 = tokens[i + 2]
                if content3 and plain3 and joined3:
                    ngrams[(w, w2, w3)] += 1


def of_language(counters, lang):
    """The keys of counters[lang], most frequent first (ties alphabetically, for a fixed order),
    that are clearly of that language."""
    other = counters['fr' if lang == 'nl' else 'nl']
    ranked = sorted(counters[lang].items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, c in ranked if c >= LANGUAGE_RATIO * other.get(k, 0)]


def read_corpus(path, counts, want=None):
    """Feeds every record to counts.add, or, with want, to want(record)."""
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                (want or counts.add)(record)


def main():
    if len(sys.argv) != 2:
        print('usage: heavy_queries.py CORPUS.jsonl > QUERIES.txt', file=sys.stderr)
        return 2
    corpus = sys.argv[1]
    counts = Counts()
    read_corpus(corpus, counts)
    top = {lang: of_language(counts.words, lang) for lang in LANGS}
    for lang in LANGS:
        if len(top[lang]) < 2 * TOP_WORDS:
            print(f'heavy_queries.py: {corpus}: too few {lang} words', file=sys.stderr)
            return 1
    queries = []  # (category, query)
    taken = set()

    def add(category, query):
        if query not in taken:
            taken.add(query)
            queries.append((category, query))

    # word: the heaviest single terms
    for lang in LANGS:
        for w in top[lang][:TOP_WORDS]:
            add('word', w)

    # wildcard: a prefix expands to up to 200 terms; two of 5 letters then two of 4 per
    # language, none a prefix of another (that would expand to the same terms)
    prefixes = []
    for length in (5, 4):
        for lang in LANGS:
            chosen = 0
            for w in top[lang]:
                p = w[:length]
                # the word must be longer than the prefix, or the wildcard is the word itself
                if chosen == 2 or len(w) < length + 2:
                    continue
                if fold(p) in STOP or any(p.startswith(q) or q.startswith(p) for q in prefixes):
                    continue
                prefixes.append(p)
                add('wildcard', p + '*')
                chosen += 1

    # phrase: per language two bigrams and two trigrams, no word in two of them
    for lang in LANGS:
        used = set()
        ranked = of_language(counts.ngrams, lang)  # sorts a million n-grams: once
        for n in (2, 3):
            chosen = 0
            for gram in ranked:
                if chosen == 2:
                    break
                if len(gram) != n or used & set(gram):
                    continue
                used.update(gram)
                add('phrase', '"' + ' '.join(gram) + '"')
                chosen += 1

    # or2, or4: unions of the most frequent words of a language
    for lang in LANGS:
        for i in range(0, 8, 2):
            add('or2', f'{top[lang][i]} OR {top[lang][i + 1]}')
    for lang in LANGS:
        for start in (0, 1):
            add('or4', ' OR '.join(top[lang][start:8:2]))

    # field: the most frequent parties and speakers (values with a quote would not survive
    # the quotes), each with the frequent word it uses most, so that the query has hits
    parties = [p for p, _ in sorted(counts.parties.items(), key=lambda kv: (-kv[1], kv[0]))
               if '"' not in p][:FIELD_PARTIES]
    speakers = [s for s, _ in sorted(counts.speakers.items(), key=lambda kv: (-kv[1], kv[0]))
                if '"' not in s][:FIELD_SPEAKERS]
    # frequent words beyond the single-word queries, alternately Dutch and French; only words
    # mostly written in lowercase: a name ("peter", "benoît") would make the field query a
    # query for the speaker's name, not for a subject
    def ordinary(lang, w):
        return 2 * counts.lowercase[lang][w] > counts.words[lang][w]

    ordinary_top = {lang: [w for w in top[lang][TOP_WORDS:] if ordinary(lang, w)]
                    for lang in LANGS}
    candidates = [ordinary_top[lang][i] for i in range(TOP_WORDS) for lang in LANGS
                  if i < len(ordinary_top[lang])]
    candidate_set = set(candidates)
    by_value = {('party', p): collections.Counter() for p in parties}
    by_value.update({('speaker', s): collections.Counter() for s in speakers})

    def count_fields(record):
        keys = [k for k in (('party', record.get('party')), ('speaker', record.get('speaker')))
                if k in by_value]
        if keys:
            found = [t[0] for t in words_of(record.get('text', '')) if t[0] in candidate_set]
            for k in keys:
                by_value[k].update(found)

    read_corpus(corpus, counts, count_fields)
    field_words = set()
    for (field, value), counter in by_value.items():
        # not the value's own name ("peter" for Peter Buysrogge): the filter would do the work
        own = {fold(w) for w in value.lower().split()}
        ranked = [w for w in candidates
                  if counter[w] > 0 and w not in field_words and fold(w) not in own]
        if ranked:
            word = max(ranked, key=lambda w: (counter[w], -candidates.index(w)))
            field_words.add(word)
            add('field', f'{field}:"{value}" {word}')
    for lang in LANGS:
        word = next((w for w in ordinary_top[lang] if w not in field_words), None)
        if word:
            field_words.add(word)
            add('field', f'lang:{lang} {word}')

    # not: a frequent word without another frequent word of its language
    for lang in LANGS:
        for i in (0, 2):
            add('not', f'{top[lang][i]} NOT {top[lang][i + 1]}')

    # UTF-8 whatever the locale: the runners read the file as UTF-8
    out = sys.stdout
    out.reconfigure(encoding="utf-8")
    for _, q in queries:
        out.write(q + '\n')
    by_category = collections.defaultdict(list)
    for category, q in queries:
        by_category[category].append(q)
    print(f'heavy_queries.py: {len(queries)} queries from {corpus}:', file=sys.stderr)
    for category, qs in by_category.items():
        print(f'  {category:<9}{len(qs):3}  {" | ".join(qs[:3])}{" | …" if len(qs) > 3 else ""}',
              file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
