#include "parlsearch/indexer/index_writer.h"

#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "paragraph_document.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/lexicon.h"
#include "parlsearch/indexer/paragraph_record.h"
#include "parlsearch/indexer/schema.h"
#include "parlsearch/stemming/normalizer.h"

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

struct IndexWriter::State {
  std::string path;
  Xapian::WritableDatabase database;
  DocumentPreparer preparer;
  bool in_transaction = false;
  std::size_t pending = 0;

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
};

IndexWriter::IndexWriter(const std::string& path) : state_(std::make_unique<State>()) {
  state_->path = path;
  std::error_code error;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  try {
    state_->database = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& error) {
    throw schema::IndexErrorFor(path, "cannot open index for writing", error);
  }
  schema::CheckVersion(state_->database, path);
}

IndexWriter::~IndexWriter() {
  if (state_ && state_->in_transaction) {
    try {
      state_->database.cancel_transaction();
    } catch (const Xapian::Error&) {
      // Nothing to do: the uncommitted changes are lost either way.
    }
  }
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

void IndexWriter::Replace(const Document& document) { Replace(state_->preparer.Prepare(document)); }

void IndexWriter::Replace(PreparedDocument document) {
  PreparedDocument::Parts& parts = *document.parts_;
  try {
    state_->Begin();
    Xapian::WritableDatabase& database = state_->database;
    // A new document has nothing to delete; looking costs one term lookup.
    const std::string term = schema::BooleanTerm(schema::kDocumentPrefix, parts.id);
    if (database.term_exists(term)) state_->DeleteParagraphs(term);
    for (Xapian::Document& paragraph : parts.paragraphs) database.add_document(paragraph);
    for (const auto& [word, count] : parts.spelling) database.add_spelling(word, count);
    database.set_metadata(DocumentKey(parts.id), parts.record);
    state_->pending += parts.paragraphs.size();
  } catch (const Xapian::Error& error) {
    throw schema::IndexErrorFor(state_->path, "cannot write document " + parts.id, error);
  }
}

std::size_t IndexWriter::Remove(std::string_view document_id) {
  try {
    Xapian::WritableDatabase& database = state_->database;
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
    if (count == 0) return 0;
    // The metadata record is keyed by the slug of the original id.
    const Xapian::PostingIterator first = database.postlist_begin(term);
    const std::string doc = schema::DecodeParagraph(database.get_document(*first).get_data()).doc;
    state_->Begin();
    state_->DeleteParagraphs(term);
    database.set_metadata(DocumentKey(doc), "");
    return count;
  } catch (const Xapian::Error& error) {
    throw schema::IndexErrorFor(state_->path, "cannot remove document", error);
  }
}

LexiconReport IndexWriter::RebuildLexicon(const LexiconOptions& options) {
  try {
    state_->Begin();
    LexiconReport report;
    WriteLexicon(state_->database, BuildLexicon(state_->database, options, &report));
    return report;
  } catch (const Xapian::Error& error) {
    throw schema::IndexErrorFor(state_->path, "cannot rebuild the lexicon", error);
  }
}

void IndexWriter::Commit() {
  try {
    if (!state_->in_transaction) return;
    state_->database.set_metadata(std::string(schema::kVersionKey),
                                  std::to_string(schema::kVersion));
    state_->database.commit_transaction();
    state_->in_transaction = false;
    state_->pending = 0;
  } catch (const Xapian::Error& error) {
    throw schema::IndexErrorFor(state_->path, "cannot commit", error);
  }
}

std::size_t IndexWriter::pending_paragraphs() const { return state_->pending; }

const std::string& IndexWriter::path() const { return state_->path; }

void CompactIndex(const std::string& path) {
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
    throw schema::IndexErrorFor(path, "cannot compact index", exception);
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

}  // namespace parlsearch
