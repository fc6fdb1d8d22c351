// Following who speaks, paragraph by paragraph, through one language's text of a report.
//
// A report introduces a speaker once ("De heer X geeft aan ...", "Mme Y considère ...",
// "Minister Z antwoordt ...") and then refers to them by role ("de volksvertegenwoordiger",
// "l'intervenante", "de minister"). An introduction opens a turn; a role word continues it; a
// person merely mentioned ("In antwoord op de vraag van mevrouw X licht de minister toe") does
// not take the floor. Headings and section breaks end turns.
#ifndef PARLSEARCH_CORPUS_SPEAKER_TRACKER_H_
#define PARLSEARCH_CORPUS_SPEAKER_TRACKER_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "paragraph_builder.h"
#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/corpus/roster.h"

namespace parlsearch {

// Who speaks a paragraph. Empty strings: unknown.
struct Turn {
  std::string speaker;
  std::string role;
  std::string party;
  std::optional<PartySource> party_source;
};

class SpeakerTracker {
 public:
  // `roster` may be null; it is consulted for entries in force during [from_year, to_year]
  // (0: any year).
  SpeakerTracker(const Roster* roster, int from_year, int to_year);

  // First pass, over both languages: learns the people the document names in full and who holds
  // which office (from introductions such as "Minister X" and from the signature block).
  void Learn(const std::vector<LaidOutParagraph>& paragraphs);

  // Second pass: the speaker of each paragraph of one language, in order. Also gathers what
  // each speaker says of their own group, for AssignParties().
  std::vector<Turn> Follow(const std::vector<LaidOutParagraph>& paragraphs);

  // Last: sets each turn's party, from the roster or else from what the speaker said of their
  // group in either language, when that is one group only.
  void AssignParties(std::vector<Turn>* turns) const;

 private:
  struct Speaker {
    std::string name;
    std::string role;
  };

  std::string Canonical(const std::string& written) const;
  std::string RosterRole(const std::string& name) const;
  std::string OfficeHolder(const std::string& role,
                           const std::map<std::string, std::string>& named_in_text) const;
  void LearnSignature(const std::string& text);

  const Roster* roster_;
  int from_year_;
  int to_year_;
  std::vector<std::string> people_;             // full names written in the document
  std::map<std::string, std::string> offices_;  // role -> first holder named in the document
  std::map<std::string, std::set<std::string>> own_groups_;  // speaker -> groups they speak for
  std::vector<std::string> known_parties_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_SPEAKER_TRACKER_H_
