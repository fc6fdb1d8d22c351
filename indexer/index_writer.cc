#include "parlsearch/indexer/index_writer.h"

#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "paragraph_document.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/schema/paragraph_record.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/schema/shards.h"
#include "parlsearch/stemming/normalizer.h"
#include "task_thread.h"

namespace parlsearch {
namespace {

std::string DocumentKey(std::string_view document_id) {
  return std::string(schema::kDocumentKeyPrefix) + DocumentSlug(document_id);
}

std::string DocumentRecord(const Document& document) {
  nlohmann::json record = {{"id", document.id},
                           {"title", document.title},
                           {"date", document.date},
                           {"source", document.source},
                           {"paragraphs", document.paragraphs.size()}};
  return record.dump();
}

}  // namespace

struct PreparedDocument::Parts {
  std::string id;
  std::string record;  // DocumentRecord
  std::vector<Xapian::Document> paragraphs;
  std::map<std::string, Xapian::termcount> spelling;
};

PreparedDocument::PreparedDocument() : parts_(std::make_unique<Parts>()) {}
PreparedDocument::~PreparedDocument() = default;
PreparedDocument::PreparedDocument(PreparedDocument&&) noexcept = default;
PreparedDocument& PreparedDocument::operator=(PreparedDocument&&) noexcept = default;
std::size_t PreparedDocument::paragraphs() const { return parts_->paragraphs.size(); }

DocumentPreparer::DocumentPreparer() : builder_(std::make_unique<ParagraphDocumentBuilder>()) {}
DocumentPreparer::~DocumentPreparer() = default;
DocumentPreparer::DocumentPreparer(DocumentPreparer&&) noexcept = default;
DocumentPreparer& DocumentPreparer::operator=(DocumentPreparer&&) noexcept = default;

PreparedDocument DocumentPreparer::Prepare(const Document& document) {
  PreparedDocument prepared;
  PreparedDocument::Parts& parts = *prepared.parts_;
  parts.id = document.id;
  parts.record = DocumentRecord(document);
  parts.paragraphs.reserve(document.paragraphs.size());
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    parts.paragraphs.push_back(builder_->Build(document.paragraphs[i], i, &parts.spelling));
  }
  return prepared;
}

// One database the writer writes: the index, or one shard of a sharded index.
struct IndexWriter::Shard {
  std::string path;
  Xapian::WritableDatabase database;
  bool in_transaction = false;

  void Begin() {
    if (in_transaction) return;
    database.begin_transaction(/*flushed=*/true);
    in_transaction = true;
  }

  // Deletes the paragraphs indexed by `term`, withdrawing their words from the spelling
  // dictionary so that suggestions only offer words the index still holds.
  void DeleteParagraphs(const std::string& term) {
    std::map<std::string, Xapian::termcount> spelling;
    for (auto posting = database.postlist_begin(term); posting != database.postlist_end(term);
         ++posting) {
      const Xapian::Document document = database.get_document(*posting);
      for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
        if (IsSpellingWord(*it)) spelling[*it] += it.get_wdf();
      }
    }
    for (const auto& [word, count] : spelling) database.remove_spelling(word, count);
    database.delete_document(term);
  }

  void Commit() {
    if (!in_transaction) return;
    database.set_metadata(std::string(schema::kVersionKey), std::to_string(schema::kVersion));
    database.commit_transaction();
    in_transaction = false;
  }

  void Cancel() {
    if (!in_transaction) return;
    try {
      database.cancel_transaction();
    } catch (const Xapian::Error&) {
      // Nothing to do: the uncommitted changes are lost either way.
    }
    in_transaction = false;
  }
};

struct IndexWriter::State {
  std::string path;
  std::vector<Shard> shards;  // one: the index is a database folder
  // With several shards, one thread each writes them in parallel; threads[i] writes shards[i].
  std::vector<std::unique_ptr<TaskThread>> threads;
  DocumentPreparer preparer;
  std::size_t pending = 0;
  // The lexicon was rebuilt: the next commit also rebuilds the spelling database (shards.h).
  bool spelling_stale = false;

  // Rewrites the spelling database of a sharded index from the shards' committed dictionaries,
  // changing only the words whose frequencies differ.
  void RebuildSpelling() {
    std::map<std::string, Xapian::termcount> merged;
    for (const Shard& shard : shards) {
      for (auto it = shard.database.spellings_begin(); it != shard.database.spellings_end(); ++it) {
        merged[*it] += it.get_termfreq();
      }
    }
    const std::string folder = (std::filesystem::path(path) / kSpellingFolderName).string();
    Xapian::WritableDatabase spelling(folder, Xapian::DB_CREATE_OR_OPEN);
    std::map<std::string, Xapian::termcount> stored;
    for (auto it = spelling.spellings_begin(); it != spelling.spellings_end(); ++it) {
      stored.emplace(*it, it.get_termfreq());
    }
    spelling.begin_transaction();
    for (const auto& [word, count] : stored) {
      const auto found = merged.find(word);
      const Xapian::termcount now = found == merged.end() ? 0 : found->second;
      if (now < count) spelling.remove_spelling(word, count - now);
    }
    for (const auto& [word, count] : merged) {
      const auto found = stored.find(word);
      const Xapian::termcount before = found == stored.end() ? 0 : found->second;
      if (count > before) spelling.add_spelling(word, count - before);
    }
    spelling.set_metadata(std::string(kSpellingOnlyKey), "1");
    spelling.set_metadata(std::string(schema::kVersionKey), std::to_string(schema::kVersion));
    spelling.commit_transaction();
  }

  std::size_t ShardFor(std::string_view document_id) const {
    return shards.size() == 1 ? 0 : ShardOf(document_id, shards.size());
  }

  // Waits until each shard's thread has done what it was given; rethrows a failure.
  void Drain() {
    for (auto& thread : threads) thread->Drain();
  }

  // Every shard's database as one, pending changes included.
  Xapian::Database Combined() const {
    Xapian::Database combined;
    for (const Shard& shard : shards) combined.add_database(shard.database);
    return combined;
  }
};

namespace {

// The database folders of the index at `path`, creating a sharded index of `shards` shards if
// there is no index there and `shards` is 2 or more.
std::vector<std::string> ShardPaths(const std::string& path, std::size_t shards) {
  namespace fs = std::filesystem;
  std::error_code error;
  const bool exists = fs::exists(path, error) && !fs::is_empty(path, error);
  if (!exists) {
    if (shards <= 1) return {path};
    fs::create_directories(path, error);
    std::vector<std::string> paths;
    for (std::size_t shard = 0; shard < shards; ++shard) {
      paths.push_back((fs::path(path) / ShardFolderName(shard)).string());
    }
    return paths;
  }
  if (!fs::is_directory(path, error)) {
    throw IndexError(path +
                     ": parlsearch writes a database folder or a sharded index folder, "
                     "not a stub file; write each shard on its machine");
  }
  const bool sharded = IsShardedIndex(path);
  std::vector<std::string> paths;
  if (sharded) {
    for (const ShardLocation& shard : ReadShardLocations(path)) {
      if (shard.remote()) {
        throw IndexError(path + ": shard " + shard.name() +
                         " is remote; write each shard on its machine");
      }
      paths.push_back(shard.path);
    }
  } else {
    paths.push_back(path);
  }
  if (shards != 0 && shards != paths.size()) {
    throw IndexError(path + ": the index has " + std::to_string(paths.size()) +
                     (paths.size() == 1 ? " shard" : " shards") + ", not " +
                     std::to_string(shards) +
                     "; to shard it differently, index its sources into a new folder "
                     "(docs/sharding.md)");
  }
  return paths;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, std::size_t shards)
    : state_(std::make_unique<State>()) {
  state_->path = path;
  std::error_code error;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  const std::vector<std::string> paths = ShardPaths(path, shards);
  for (const std::string& shard_path : paths) {
    Shard shard;
    shard.path = shard_path;
    try {
      shard.database = Xapian::WritableDatabase(shard_path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& error) {
      schema::ThrowIndexError(shard_path, "cannot open index for writing", error);
    }
    schema::CheckVersion(shard.database, shard_path);
    state_->shards.push_back(std::move(shard));
  }
  // The stub goes last: until it is there, the folder is no index to readers.
  if (paths.size() > 1 && !IsShardedIndex(path)) WriteShardStub(path, paths.size());
  if (paths.size() > 1) {
    // Enough prepared documents waiting per shard to keep its thread busy, few enough to keep
    // memory small beside a batch.
    constexpr std::size_t kMaxWaitingDocuments = 64;
    for (std::size_t shard = 0; shard < paths.size(); ++shard) {
      state_->threads.push_back(std::make_unique<TaskThread>(kMaxWaitingDocuments));
    }
  }
}

IndexWriter::~IndexWriter() {
  if (!state_) return;
  state_->threads.clear();  // each finishes what it was given
  for (Shard& shard : state_->shards) shard.Cancel();
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

void IndexWriter::Replace(const Document& document) { Replace(state_->preparer.Prepare(document)); }

void IndexWriter::Replace(PreparedDocument document) {
  const std::size_t number = state_->ShardFor(document.parts_->id);
  state_->pending += document.paragraphs();
  if (state_->threads.empty()) return Store(*state_, number, document);
  // std::function is copyable: the document travels in a shared pointer.
  auto shared = std::make_shared<PreparedDocument>(std::move(document));
  // The state, not the writer, which may be moved meanwhile.
  state_->threads[number]->Post(
      [state = state_.get(), number, shared] { Store(*state, number, *shared); });
}

void IndexWriter::Store(State& state, std::size_t number, PreparedDocument& document) {
  PreparedDocument::Parts& parts = *document.parts_;
  Shard& shard = state.shards[number];
  try {
    shard.Begin();
    Xapian::WritableDatabase& database = shard.database;
    // A new document has nothing to delete; looking costs one term lookup.
    const std::string term = schema::BooleanTerm(schema::kDocumentPrefix, parts.id);
    if (database.term_exists(term)) shard.DeleteParagraphs(term);
    for (Xapian::Document& paragraph : parts.paragraphs) database.add_document(paragraph);
    for (const auto& [word, count] : parts.spelling) database.add_spelling(word, count);
    database.set_metadata(DocumentKey(parts.id), parts.record);
  } catch (const Xapian::Error& error) {
    schema::ThrowIndexError(shard.path, "cannot write document " + parts.id, error);
  }
}

std::size_t IndexWriter::Remove(std::string_view document_id) {
  state_->Drain();
  // The document is in the shard its id hashes to; given by its slug, it may be in any.
  for (Shard& shard : state_->shards) {
    try {
      Xapian::WritableDatabase& database = shard.database;
      std::string term = schema::BooleanTerm(schema::kDocumentPrefix, document_id);
      if (database.get_termfreq(term) == 0) {
        // Not an id: maybe a slug. Find the document whose id has it.
        for (auto it = database.allterms_begin(std::string(schema::kDocumentPrefix));
             it != database.allterms_end(std::string(schema::kDocumentPrefix)); ++it) {
          const std::string id = (*it).substr(schema::kDocumentPrefix.size());
          if (FoldCase(DocumentSlug(id)) == FoldCase(DocumentSlug(document_id))) {
            term = *it;
            break;
          }
        }
      }
      const std::size_t count = database.get_termfreq(term);
      if (count == 0) continue;
      // The metadata record is keyed by the slug of the original id.
      const Xapian::PostingIterator first = database.postlist_begin(term);
      const std::string doc = schema::DecodeParagraph(database.get_document(*first).get_data()).doc;
      shard.Begin();
      shard.DeleteParagraphs(term);
      database.set_metadata(DocumentKey(doc), "");
      return count;
    } catch (const Xapian::Error& error) {
      schema::ThrowIndexError(shard.path, "cannot remove document", error);
    }
  }
  return 0;
}

LexiconReport IndexWriter::RebuildLexicon(const LexiconOptions& options) {
  state_->Drain();
  try {
    // Learned from every shard, and stored in each, so that whichever shard a reader sees first
    // gives it the whole index's lexicon.
    LexiconReport report;
    const Lexicon lexicon = BuildLexicon(state_->Combined(), options, &report);
    state_->spelling_stale = state_->shards.size() > 1;
    const std::string text = lexicon.Serialize();
    for (Shard& shard : state_->shards) {
      // A shard that has this lexicon already is left alone: changing one document then
      // writes only its shard, unless what the index learned changed.
      if (shard.database.get_metadata(std::string(schema::kLexiconKey)) == text) continue;
      shard.Begin();
      WriteLexicon(shard.database, lexicon);
    }
    return report;
  } catch (const Xapian::Error& error) {
    schema::ThrowIndexError(state_->path, "cannot rebuild the lexicon", error);
  }
}

void IndexWriter::Commit() {
  const auto commit = [state = state_.get()](std::size_t number) {
    Shard& shard = state->shards[number];
    try {
      shard.Commit();
    } catch (const Xapian::Error& error) {
      schema::ThrowIndexError(shard.path, "cannot commit", error);
    }
  };
  if (state_->threads.empty()) {
    commit(0);
  } else {
    // Committing writes out what Xapian buffered: the shards do that in parallel too.
    for (std::size_t number = 0; number < state_->threads.size(); ++number) {
      state_->threads[number]->Post([commit, number] { commit(number); });
    }
    state_->Drain();
  }
  state_->pending = 0;
  if (state_->spelling_stale) {
    try {
      state_->RebuildSpelling();
    } catch (const Xapian::Error& error) {
      schema::ThrowIndexError(state_->path, "cannot write the spelling database", error);
    }
    state_->spelling_stale = false;
  }
}

std::size_t IndexWriter::pending_paragraphs() const { return state_->pending; }

const std::string& IndexWriter::path() const { return state_->path; }

std::size_t IndexWriter::shards() const { return state_->shards.size(); }

namespace {

// Compacts one database folder (CompactIndex).
void CompactDatabase(const std::string& path) {
  namespace fs = std::filesystem;
  const std::string suffix = ".compacting-" + std::to_string(::getpid());
  const std::string compacted = path + suffix;
  const std::string old = path + ".old-" + std::to_string(::getpid());
  std::error_code error;
  try {
    // Holding the write lock keeps other writers out while the copy is made and swapped in.
    Xapian::WritableDatabase lock(path, Xapian::DB_OPEN);
    Xapian::Database(path).compact(compacted, Xapian::Compactor::FULL);
    lock.close();
  } catch (const Xapian::Error& exception) {
    fs::remove_all(compacted, error);
    schema::ThrowIndexError(path, "cannot compact index", exception);
  }
  // Two renames: a folder cannot replace a folder that holds files in one step.
  fs::rename(path, old, error);
  if (error) {
    fs::remove_all(compacted, error);
    throw IndexError(path + ": cannot compact index: " + error.message());
  }
  fs::rename(compacted, path, error);
  if (error) {
    const std::string message = error.message();
    fs::rename(old, path, error);
    fs::remove_all(compacted, error);
    throw IndexError(path + ": cannot compact index: " + message);
  }
  fs::remove_all(old, error);
}

}  // namespace

void CompactIndex(const std::string& path) {
  if (!IsShardedIndex(path)) return CompactDatabase(path);
  for (const ShardLocation& shard : ReadShardLocations(path)) {
    if (!shard.remote()) CompactDatabase(shard.path);
  }
}

}  // namespace parlsearch
