#include "parlsearch/corpus/paragraph.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <utility>

#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

constexpr std::array<std::pair<ParagraphKind, std::string_view>, 4> kKinds = {{
    {ParagraphKind::kParagraph, "paragraph"},
    {ParagraphKind::kHeading, "heading"},
    {ParagraphKind::kBullet, "bullet"},
    {ParagraphKind::kSignature, "signature"},
}};

constexpr std::array<std::pair<PartySource, std::string_view>, 3> kPartySources = {{
    {PartySource::kRoster, "roster"},
    {PartySource::kText, "text"},
    {PartySource::kMetadata, "metadata"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "";
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view name) {
  for (const auto& [value, candidate] : names) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view KindName(ParagraphKind kind) { return NameOf(kKinds, kind); }
std::optional<ParagraphKind> ParseKind(std::string_view name) { return ValueOf(kKinds, name); }
std::string_view PartySourceName(PartySource source) { return NameOf(kPartySources, source); }
std::optional<PartySource> ParsePartySource(std::string_view name) {
  return ValueOf(kPartySources, name);
}

std::string DocumentSlug(std::string_view document_id) {
  const std::string folded = FoldAccents(NormalizeNfkc(document_id));
  std::string slug;
  for (unsigned char c : folded) {
    if (std::isalnum(c)) {
      slug.push_back(static_cast<char>(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "doc" : slug;
}

std::string ParagraphId(std::string_view document_slug, Language language, int seq) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", seq);
  const std::string_view code = LanguageCode(language);
  return std::string(document_slug) + "-" + std::string(code.empty() ? "und" : code) + "-" + number;
}

}  // namespace parlsearch
