#include "parlsearch/searcher/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "facet_counter.h"
#include "facet_table.h"
#include "highlighter.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/schema/paragraph_record.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/schema/shards.h"
#include "query_builder.h"

namespace parlsearch {
namespace {

// BM25 for paragraphs (docs/search.md gives the reasons): k1 = 1.2, the usual saturation of
// term frequency; b = 0.5, half the usual length normalisation, because paragraphs are all
// short and a heading or a one-line bullet should not outrank the paragraph that discusses the
// topic just by being short; min_normlen = 0.5 caps that boost further.
Xapian::BM25Weight ParagraphWeight() { return Xapian::BM25Weight(1.2, 0, 1, 0.5, 0.5); }

// Spelling suggestions: for words of at least this many letters, two edits away for words of
// kTwoEditsLength or more, one otherwise.
constexpr std::size_t kMinimumSpellingLength = 4;
// Unknown words of at least this many letters are corrected at once when the query finds
// nothing (SearchRequest::exact); shorter ones are only suggested.
constexpr std::size_t kMinimumCorrectionLength = 5;
constexpr std::size_t kTwoEditsLength = 8;

Paragraph Load(const Xapian::Document& document) {
  return schema::DecodeParagraph(document.get_data());
}

// Of `sides`, the paragraphs of a pair in reading order, those in languages other than
// `language` joined into one.
std::optional<Paragraph> JoinOtherSides(const std::vector<Paragraph>& sides, Language language) {
  std::vector<const Paragraph*> others;
  for (const Paragraph& side : sides) {
    if (side.lang != language) others.push_back(&side);
  }
  if (others.empty()) return std::nullopt;
  std::stable_sort(others.begin(), others.end(),
                   [](const Paragraph* a, const Paragraph* b) { return a->seq < b->seq; });
  Paragraph joined = *others.front();
  for (std::size_t i = 1; i < others.size(); ++i) joined.text += " " + others[i]->text;
  return joined;
}

// The paragraphs of `pair` in languages other than `language`, in order, joined into one.
std::optional<Paragraph> OtherSide(const Xapian::Database& database, const std::string& pair,
                                   Language language) {
  if (pair.empty()) return std::nullopt;
  const std::string term = std::string(schema::kPairPrefix) + pair;
  std::vector<Paragraph> sides;
  for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
    sides.push_back(Load(database.get_document(*it)));
  }
  return JoinOtherSides(sides, language);
}

// OtherSide() of each of `paragraphs`, found by one match over all their pairs and read in one
// batch: over remote shards each lookup waits for an answer, and a page's pairs looked up one
// by one cost most of a search's round trips.
std::vector<std::optional<Paragraph>> OtherSides(const Xapian::Database& database,
                                                 const std::vector<Paragraph>& paragraphs) {
  std::vector<Xapian::Query> pairs;
  for (const Paragraph& paragraph : paragraphs) {
    if (!paragraph.pair.empty())
      pairs.emplace_back(std::string(schema::kPairPrefix) + paragraph.pair);
  }
  std::map<std::string, std::vector<Paragraph>> sides;  // by pair
  if (!pairs.empty()) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
    matches.fetch();  // asks for every document before waiting for the first
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      Paragraph side = Load(it.get_document());
      std::string pair = side.pair;
      sides[pair].push_back(std::move(side));
    }
  }
  std::vector<std::optional<Paragraph>> others;
  for (const Paragraph& paragraph : paragraphs) {
    const auto found = paragraph.pair.empty() ? sides.end() : sides.find(paragraph.pair);
    others.push_back(found == sides.end() ? std::nullopt
                                          : JoinOtherSides(found->second, paragraph.lang));
  }
  return others;
}

// Replaces the whole word `word` in `text` by `replacement`, once.
bool ReplaceWord(std::string& text, const std::string& word, const std::string& replacement) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + word.size();
    const bool ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (starts && ends) {
      text.replace(at, word.size(), replacement);
      return true;
    }
  }
  return false;
}

// A paragraph of the ranked page.
struct Ranked {
  Xapian::Document document;
  double weight = 0;
};

// The hits `offset` to `offset + limit` of `enquire`'s ranking, the two sides of a translation
// pair being one hit: the first of the pair's paragraphs in the ranking stands for it. Xapian's
// collapsing does the same, but it reads the pair of every paragraph that might enter the top
// and prunes less; taking a few more paragraphs than the page and dropping second sides costs a
// fraction of that. The ranking is a total order (ties go by reading order), so the page is the
// one collapsing gives. A paragraph's hit (its pair) comes from `table`, as for counting.
// `seconds_left` (none if it returns 0 or less) bounds each fetch: a retry gets what is left.
template <typename SecondsLeft>
std::vector<Ranked> RankedPage(Xapian::Enquire& enquire, FacetTable& table, int offset, int limit,
                               SecondsLeft seconds_left) {
  const auto wanted = static_cast<Xapian::doccount>(offset + limit);
  std::vector<Ranked> page;
  if (limit <= 0) return page;
  for (Xapian::doccount fetch = std::max<Xapian::doccount>(2 * wanted, 20);; fetch *= 4) {
    if (const double left = seconds_left(); left > 0) enquire.set_time_limit(left);
    const Xapian::MSet matches = enquire.get_mset(0, fetch);
    // Each document is read below: asked for all at once, remote shards answer without a round
    // trip each.
    matches.fetch();
    const std::uint32_t search = table.StartSearch();
    Xapian::doccount kept = 0;
    page.clear();
    for (auto it = matches.begin(); it != matches.end() && kept < wanted; ++it) {
      Xapian::Document document = it.get_document();
      Xapian::docid first = 0;
      if (!table.Visit(table.RowOf(*it, document).hit, *it, search, &first)) continue;
      if (kept++ >= static_cast<Xapian::doccount>(offset)) {
        page.push_back({std::move(document), it.get_weight()});
      }
    }
    if (kept >= wanted || matches.size() < fetch) return page;
  }
}

}  // namespace

struct Searcher::State {
  State(const std::string& path, const RemoteTimeouts& timeouts)
      : path(path),
        database(schema::OpenForReading(path, timeouts, &spelling, &parts)),
        all_local(AllLocal(path)),
        single(all_local && parts.size() == 1),
        local_shards(all_local && parts.size() > 1),
        lexicon(ReadLexicon(database)),
        builder(database, lexicon) {}

  // Whether every shard of the index at `path` is on this machine.
  static bool AllLocal(const std::string& path) {
    const std::vector<ShardLocation> shards = ReadShardLocations(path);
    return std::none_of(shards.begin(), shards.end(),
                        [](const ShardLocation& shard) { return shard.remote(); });
  }

  std::string path;
  // Where spelling suggestions come from: the index, or the spelling database a stub of remote
  // shards lists (shards.h). Declared first: opening `database` sets it.
  Xapian::Database spelling;
  // The databases `database` combines, in order (declared before it: opening it sets them).
  std::vector<Xapian::Database> parts;
  Xapian::Database database;
  // How facets are counted. One database on this machine: by the counter, as a match spy.
  // Several, all on this machine: the same, shard after shard, each matched on its own (a match
  // spy over the combined databases sees each document by its id in its shard, and could not
  // tell which). With a remote shard: by Xapian's own match spy, the only one xapian-tcpsrv runs.
  bool all_local;  // no shard is remote
  bool single;
  bool local_shards;
  Lexicon lexicon;  // the builder reads it: replaced in place when the index changes
  QueryBuilder builder;
  Highlighter highlighter;
  FacetTable facet_table;              // of the revision `database` reads
  std::vector<VisitLog> shard_visits;  // CountShardsAtOnce()'s, one per local shard

  // Reads the index's latest revision; false if there was none newer.
  bool Reopen() {
    const bool changed = database.reopen();
    spelling.reopen();  // may share `database`'s state: after it
    if (!changed) return false;
    lexicon = ReadLexicon(database);
    builder.Forget();
    facet_table.Clear();
    return true;
  }

  SearchResult Run(const SearchRequest& request);
  void Export(const SearchRequest& request, const std::function<void(const Hit&)>& each);
  // With `correction`, sets it to the query with its unknown words of kMinimumCorrectionLength
  // letters or more corrected (whatever the hits: such a word matched nothing itself), or "".
  SearchResult Run(const SearchRequest& request, bool any_word, std::string* correction = nullptr);
  // Counts the matches of `query` in every local shard at once, one thread each, into
  // `counter`; the facet table must be filled. `seconds_left` (none if 0) bounds each match.
  template <typename SecondsLeft>
  void CountShardsAtOnce(const Xapian::Query& query, const std::vector<std::string>& facets,
                         FacetCounter* counter, SecondsLeft seconds_left);
  std::string Suggest(const BuiltQuery& built, std::size_t minimum_length) const;
  // `paragraph` with its snippet: an excerpt of at most `snippet_bytes`, or (0) the whole text.
  HitSide Side(Paragraph paragraph, const BuiltQuery& built, std::size_t snippet_bytes);
};

template <typename SecondsLeft>
void Searcher::State::CountShardsAtOnce(const Xapian::Query& query,
                                        const std::vector<std::string>& facets,
                                        FacetCounter* counter, SecondsLeft seconds_left) {
  const auto shards = static_cast<Xapian::doccount>(parts.size());
  shard_visits.resize(shards);
  // Everything a thread touches is its own: a copy of the query (Xapian's reference counts are
  // not atomic), its shard's database, counter and visit log; the table it only reads.
  const std::string serialised = query.serialise();
  std::vector<std::unique_ptr<FacetCounter>> counters;
  std::vector<Xapian::Enquire> matches;
  for (Xapian::doccount shard = 0; shard < shards; ++shard) {
    counters.push_back(
        std::make_unique<FacetCounter>(facets, &facet_table, &shard_visits[shard], shard, shards));
    Xapian::Enquire& match = matches.emplace_back(parts[shard]);
    match.set_query(Xapian::Query::unserialise(serialised));
    match.set_weighting_scheme(Xapian::BoolWeight());
    match.set_docid_order(Xapian::Enquire::DONT_CARE);
    match.add_matchspy(counters.back().get());
    if (const double left = seconds_left(); left > 0) match.set_time_limit(left);
  }
  std::vector<std::exception_ptr> errors(shards);
  const auto count = [&](Xapian::doccount shard) {
    try {
      matches[shard].get_mset(0, 0, parts[shard].get_doccount());
    } catch (...) {
      errors[shard] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (Xapian::doccount shard = 1; shard < shards; ++shard) {
    try {
      threads.emplace_back(count, shard);
    } catch (const std::system_error&) {
      count(shard);  // no thread to be had: here, then
    }
  }
  count(0);
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  for (const auto& shard_counter : counters) {
    counter->Add(*shard_counter);
    for (const Xapian::docid id : shard_counter->deferred()) counter->CountParagraph(id);
  }
}

HitSide Searcher::State::Side(Paragraph paragraph, const BuiltQuery& built,
                              std::size_t snippet_bytes) {
  HitSide side;
  const auto terms = built.terms.find(paragraph.lang);
  const std::size_t max_bytes = snippet_bytes == 0 ? paragraph.text.size() : snippet_bytes;
  side.snippet =
      highlighter.Highlight(paragraph.text, paragraph.lang,
                            terms != built.terms.end() ? terms->second : QueryTerms(), max_bytes);
  side.paragraph = std::move(paragraph);
  return side;
}

std::string Searcher::State::Suggest(const BuiltQuery& built, std::size_t minimum_length) const {
  std::string suggestion = built.analysed;
  bool changed = false;
  for (const std::string& word : built.words) {
    // Short words are too often someone's abbreviation to correct.
    if (word.size() < minimum_length || database.term_exists(word)) continue;
    // A word of the other language is not misspelt because its translations are what was found.
    if (built.translated.count(word)) continue;
    const unsigned distance = word.size() >= kTwoEditsLength ? 2 : 1;
    const std::string correction = spelling.get_spelling_suggestion(word, distance);
    if (!correction.empty() && correction != word) {
      changed |= ReplaceWord(suggestion, word, correction);
    }
  }
  return changed ? suggestion : "";
}

SearchResult Searcher::State::Run(const SearchRequest& request) {
  ValidateRequest(request);
  const auto start = std::chrono::steady_clock::now();
  std::string correction;
  SearchResult result = Run(request, /*any_word=*/false, &correction);
  const auto spent = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const auto time_left = [&] {
    return request.time_limit_seconds <= 0 || spent() < request.time_limit_seconds;
  };
  // Typo tolerance: when a word of the query is not in the index (it matched nothing itself; what
  // was found, if anything, are its other words or a relative's translations) and has a
  // correction in the index's vocabulary, the corrected query's hits are shown at once. Words the
  // index has are never corrected, so a correction never hides a hit of the word as typed.
  if (!request.exact && !correction.empty() && time_left()) {
    SearchRequest corrected = request;
    corrected.query = correction;
    if (corrected.time_limit_seconds > 0) corrected.time_limit_seconds -= spent();
    SearchResult found = Run(corrected, /*any_word=*/false);
    if (found.total > 0) {
      found.query = result.query;
      found.corrected = correction;
      return found;
    }
  }
  // Forgiving: when no paragraph has every word, show those with the most of them, in the time
  // that is left.
  if (result.total == 0 && time_left()) {
    SearchRequest rest = request;
    if (rest.time_limit_seconds > 0) rest.time_limit_seconds -= spent();
    SearchResult relaxed = Run(rest, /*any_word=*/true);
    if (relaxed.total > 0) {
      relaxed.match = "any";
      if (relaxed.suggestion.empty()) relaxed.suggestion = result.suggestion;
      return relaxed;
    }
  }
  return result;
}

SearchResult Searcher::State::Run(const SearchRequest& request, bool any_word,
                                  std::string* correction) {
  // The time limit counts from here: building a query reads the index too.
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const BuiltQuery built = builder.Build(request, any_word);

  // Counting: the counter sees every matching paragraph, so totals and facet counts are exact
  // (unless the time limit stops the match early). Unweighted and uncollapsed, this pass only
  // walks the posting lists; ranking every match too, with collapsing, cost several times more.
  FacetCounter counter(request.facets, &facet_table);
  {
    Xapian::Enquire counting(database);
    counting.set_query(built.query);
    // Every call is bounded, the estimate's too: expanding wildcards can take long.
    if (request.time_limit_seconds > 0) {
      counting.set_time_limit(std::max(0.001, request.time_limit_seconds - elapsed()));
    }
    const bool by_counter = single || local_shards;
    if (by_counter && !facet_table.all_filled()) {
      // Xapian's quick estimate of the matches says whether this match visits enough
      // paragraphs for reading the whole table in one sequential pass to be cheaper.
      constexpr Xapian::doccount kShareForFillingAll = 16;
      const Xapian::doccount estimate = counting.get_mset(0, 0).get_matches_estimated();
      if (estimate * kShareForFillingAll > database.get_doccount()) {
        facet_table.FillAll(database, static_cast<Xapian::doccount>(parts.size()));
      }
    }
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::DONT_CARE);
    if (local_shards && facet_table.all_filled()) {
      // A match over a large share of the index: the shards at once, each on a thread.
      CountShardsAtOnce(built.query, request.facets, &counter, [&] {
        return request.time_limit_seconds > 0
                   ? std::max(0.001, request.time_limit_seconds - elapsed())
                   : 0.0;
      });
    } else if (local_shards) {
      // Unweighted, a shard's matches are the same alone as among the others.
      const auto shards = static_cast<Xapian::doccount>(parts.size());
      for (Xapian::doccount shard = 0; shard < shards; ++shard) {
        Xapian::Enquire part(parts[shard]);
        part.set_query(built.query);
        part.set_weighting_scheme(Xapian::BoolWeight());
        part.set_docid_order(Xapian::Enquire::DONT_CARE);
        part.add_matchspy(&counter);
        if (request.time_limit_seconds > 0) {
          part.set_time_limit(std::max(0.001, request.time_limit_seconds - elapsed()));
        }
        counter.SetShard(shard, shards);
        part.get_mset(0, 0, parts[shard].get_doccount());
      }
    } else {
      // Remote shards count with Xapian's own spy, whose records the counter then reads.
      Xapian::ValueCountMatchSpy records(schema::kFacetSlot);
      if (single) {
        counting.add_matchspy(&counter);
      } else {
        counting.add_matchspy(&records);
      }
      if (request.time_limit_seconds > 0) {
        counting.set_time_limit(std::max(0.001, request.time_limit_seconds - elapsed()));
      }
      counting.get_mset(0, 0, database.get_doccount());
      if (!single) counter.CountRecords(records);
    }
  }

  // Ranking: only the page asked for, which lets Xapian skip paragraphs that cannot reach it.
  Xapian::Enquire enquire(database);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(ParagraphWeight());
  if (request.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::kOrderSlot, false);
  } else if (request.sort == SortOrder::kNewest) {
    // Unweighted, ties of date go by document id, descending: the last indexed first.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kDateSlot, true);
    enquire.set_docid_order(Xapian::Enquire::DESCENDING);
  } else {
    enquire.set_sort_by_relevance_then_value(schema::kOrderSlot, false);
  }
  const std::vector<Ranked> page =
      RankedPage(enquire, facet_table, request.offset, request.limit, [&] {
        return request.time_limit_seconds > 0
                   ? std::max(0.001, request.time_limit_seconds - elapsed())
                   : 0.0;
      });
  const double seconds = elapsed();

  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  result.total = counter.total();
  result.total_exact = request.time_limit_seconds <= 0 || seconds < request.time_limit_seconds;
  std::vector<Paragraph> paragraphs;
  for (const Ranked& ranked : page) paragraphs.push_back(Load(ranked.document));
  std::vector<std::optional<Paragraph>> others = OtherSides(database, paragraphs);
  for (std::size_t i = 0; i < page.size(); ++i) {
    Hit hit;
    hit.score = page[i].weight;
    if (others[i]) {
      hit.translation = Side(std::move(*others[i]), built, request.snippet_bytes);
    }
    hit.matched = Side(std::move(paragraphs[i]), built, request.snippet_bytes);
    result.hits.push_back(std::move(hit));
  }
  if (!request.facets.empty()) {
    result.facets = counter.Counts();
    result.crossed_facets = counter.CrossedCounts();
  }
  result.expanded = built.expanded;
  result.expansion_weights = built.expansion_weights;
  result.related = built.related;
  result.suggestion = Suggest(built, kMinimumSpellingLength);
  if (correction != nullptr) *correction = Suggest(built, kMinimumCorrectionLength);
  return result;
}

void Searcher::State::Export(const SearchRequest& request,
                             const std::function<void(const Hit&)>& each) {
  const BuiltQuery built = builder.Build(request);
  // Unweighted in index order, a batch costs the match up to its end only: Xapian stops there.
  Xapian::Enquire enquire(database);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  constexpr Xapian::doccount kBatch = 1000;
  const std::uint32_t search = facet_table.StartSearch();
  for (Xapian::doccount offset = 0;; offset += kBatch) {
    const Xapian::MSet matches = enquire.get_mset(offset, kBatch);
    // Xapian 1.4.22's MSet::fetch() reads out of bounds on an MSet that does not start at the
    // first match (it crashed here), so only the first batch is fetched at once.
    if (offset == 0) matches.fetch();
    std::vector<Paragraph> paragraphs;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      const Xapian::Document document = it.get_document();
      Xapian::docid first = 0;
      // A pair is one hit, as in searches: its first paragraph in index order stands for it.
      if (!facet_table.Visit(facet_table.RowOf(*it, document).hit, *it, search, &first)) continue;
      paragraphs.push_back(Load(document));
    }
    std::vector<std::optional<Paragraph>> others = OtherSides(database, paragraphs);
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      Hit hit;
      hit.matched.paragraph = std::move(paragraphs[i]);
      if (others[i]) hit.translation = HitSide{std::move(*others[i]), {}};
      each(hit);
    }
    if (matches.size() < kBatch) return;
  }
}

void Searcher::Export(const SearchRequest& request, const std::function<void(const Hit&)>& each) {
  Recover();
  try {
    state_->Export(request, each);
  } catch (const Xapian::QueryParserError& error) {
    throw QueryError("cannot parse query: " + error.get_msg());
  } catch (const Xapian::Error& error) {
    broken_ = true;
    schema::ThrowIndexError(path_, "export failed", error);
  }
}

Searcher::Searcher(const std::string& path, const RemoteTimeouts& timeouts)
    : path_(path), timeouts_(timeouts), broken_(true) {
  Recover();
}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::Search(const SearchRequest& request) {
  Recover();
  try {
    try {
      return state_->Run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed while we read: look again at the new state.
      state_->Reopen();
      return state_->Run(request);
    }
  } catch (const Xapian::QueryParserError& error) {
    throw QueryError("cannot parse query: " + error.get_msg());
  } catch (const Xapian::Error& error) {
    broken_ = true;
    schema::ThrowIndexError(path_, "search failed", error);
  }
}

void Searcher::Recover() {
  if (!broken_) return;
  try {
    state_ = std::make_unique<State>(path_, timeouts_);
  } catch (const Xapian::Error& error) {
    schema::ThrowIndexError(path_, "cannot read index", error);
  }
  broken_ = false;
}

std::optional<ParagraphView> Searcher::Find(const std::string& id) {
  Recover();
  try {
    const Xapian::Database& database = state_->database;
    const std::string term = std::string(schema::kIdPrefix) + id;
    auto posting = database.postlist_begin(term);
    if (posting == database.postlist_end(term)) return std::nullopt;
    ParagraphView view;
    view.paragraph = Load(database.get_document(*posting));
    view.translation = OtherSide(database, view.paragraph.pair, view.paragraph.lang);

    // Neighbours: the paragraphs of the same document and language, in reading order.
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_AND,
        Xapian::Query(schema::BooleanTerm(schema::kDocumentPrefix, view.paragraph.doc)),
        Xapian::Query(schema::BooleanTerm(schema::kLanguagePrefix,
                                          std::string(LanguageCode(view.paragraph.lang))))));
    enquire.set_sort_by_value(schema::kOrderSlot, false);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet all = enquire.get_mset(0, database.get_doccount());
    for (auto it = all.begin(); it != all.end(); ++it) {
      if (*it != *posting) continue;
      if (it != all.begin()) {
        auto previous = it;
        --previous;
        view.previous = Load(previous.get_document());
      }
      auto next = it;
      ++next;
      if (next != all.end()) view.next = Load(next.get_document());
      break;
    }
    return view;
  } catch (const Xapian::Error& error) {
    broken_ = true;
    schema::ThrowIndexError(path_, "cannot read paragraph " + id, error);
  }
}

bool Searcher::Reopen() {
  if (broken_) {
    Recover();
    return true;
  }
  try {
    return state_->Reopen();
  } catch (const Xapian::Error& error) {
    broken_ = true;
    schema::ThrowIndexError(path_, "cannot reopen", error);
  }
}

const std::string& Searcher::path() const { return path_; }

}  // namespace parlsearch
