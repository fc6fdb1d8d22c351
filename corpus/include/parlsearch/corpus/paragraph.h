// The document model: a source document is a sequence of paragraphs, each with its language,
// place, speaker, party and translation pair. Every reader produces it; the indexer stores it.
#ifndef PARLSEARCH_CORPUS_PARAGRAPH_H_
#define PARLSEARCH_CORPUS_PARAGRAPH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

enum class ParagraphKind { kParagraph, kHeading, kBullet, kSignature };

// Where a paragraph's party came from: the roster given to the reader, the speaker's own words
// ("Voor de Groenfractie ..."), or the source's metadata (ParlaMint, JSON Lines).
enum class PartySource { kRoster, kText, kMetadata };

// "paragraph", "heading", "bullet", "signature".
std::string_view KindName(ParagraphKind kind);
std::optional<ParagraphKind> ParseKind(std::string_view name);

// "roster", "text", "metadata".
std::string_view PartySourceName(PartySource source);
std::optional<PartySource> ParsePartySource(std::string_view name);

// The speaker roles parlsearch records.
inline constexpr std::string_view kRoleMinister = "minister";
inline constexpr std::string_view kRoleChair = "chair";
inline constexpr std::string_view kRoleRapporteur = "rapporteur";
inline constexpr std::string_view kRoleMember = "member";

// One paragraph of a debate. Empty strings stand for "unknown" (null in JSON).
struct Paragraph {
  std::string id;     // unique in the corpus: document slug, language, seq
  std::string doc;    // document id, e.g. "A-805/2 – 2023/2024"
  std::string title;  // document title, when the source gives one
  Language lang = Language::kUnknown;
  int seq = 0;          // 1-based order among the document's paragraphs of the same language
  int page = 0;         // 1-based page of the paragraph's first line; 0 if the source has none
  std::string section;  // the heading the paragraph stands under
  ParagraphKind kind = ParagraphKind::kParagraph;
  std::string speaker;  // who says it, as the roster or the source names them
  std::string role;     // kRoleMinister, kRoleChair, ... or a source's own role name
  std::string party;
  std::optional<PartySource> party_source;  // set exactly when party is
  std::string pair;  // shared with the paragraph's translation; empty if it has none
  std::string date;  // sitting date, YYYY-MM-DD
  std::string text;
};

// A source document after reading.
struct Document {
  std::string id;
  std::string title;
  std::string date;    // YYYY-MM-DD, when known
  std::string source;  // the path it was read from
  std::vector<Paragraph> paragraphs;
};

// A form of a document id usable in paragraph and pair ids and URLs: ASCII letters, digits and
// '-', e.g. "A-805-2-2023-2024".
std::string DocumentSlug(std::string_view document_id);

// A paragraph id: the document slug, the language code ("und" when unknown) and the 4-digit
// sequence number among the document's paragraphs of that language: "A-805-2-2023-2024-nl-0012".
std::string ParagraphId(std::string_view document_slug, Language language, int seq);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARAGRAPH_H_
