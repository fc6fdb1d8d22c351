// The metadata file ParlaMint publishes beside each sitting ("<sitting>-meta.tsv"): one row per
// utterance, giving its speaker, party and whether they speak as a minister. Internal to the
// corpus module.
#ifndef PARLSEARCH_CORPUS_PARLAMINT_META_H_
#define PARLSEARCH_CORPUS_PARLAMINT_META_H_

#include <map>
#include <string>
#include <string_view>

namespace parlsearch {

struct ParlaMintMetaRow {
  std::string speaker;    // natural order: "Annick Ponthier"; "" if the row gives none
  std::string party;      // Speaker_party; "" where the row says "-"
  bool minister = false;  // Speaker_minister is "minister"
};

class ParlaMintMeta {
 public:
  // Reads the tab-separated file at `path`, whose header names the columns (`ID` required;
  // `Speaker_name`, `Speaker_party`, `Speaker_minister` used when present). Throws InputError
  // naming the file and line if it cannot be read or has no `ID` column.
  static ParlaMintMeta Load(const std::string& path);

  // The row of the utterance whose xml:id is `utterance_id`, or nullptr.
  const ParlaMintMetaRow* Find(std::string_view utterance_id) const;

  bool empty() const { return rows_.empty(); }

 private:
  std::map<std::string, ParlaMintMetaRow, std::less<>> rows_;
};

// "Ponthier, Annick" -> "Annick Ponthier"; a name without a comma is returned as it is.
std::string NaturalOrderName(std::string_view surname_first);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARLAMINT_META_H_
