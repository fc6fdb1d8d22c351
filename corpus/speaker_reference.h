// Finding the people a paragraph of a report refers to: "De heer Alain Vander Elst",
// "Mme Margaux De Ré", "de minister", "Le président de la commission ..., M. Michaël Vossaert,",
// "de volksvertegenwoordigster", and whether each is the subject of the sentence or only
// mentioned ("In antwoord op de vraag van mevrouw X", "En réponse à M. Y").
#ifndef PARLSEARCH_CORPUS_SPEAKER_REFERENCE_H_
#define PARLSEARCH_CORPUS_SPEAKER_REFERENCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

struct SpeakerReference {
  enum class Kind {
    kPerson,   // a title and a name: "De heer X", "Mme X", "Minister X"
    kOffice,   // an office without a name: "de minister", "Le président"
    kGeneric,  // a word for whoever is speaking: "de spreker", "la députée"
  };
  Kind kind = Kind::kPerson;
  std::string role;          // kRoleMinister, kRoleChair, kRoleRapporteur, kRoleMember
  std::string name;          // as written, for kPerson
  std::size_t word = 0;      // index of the reference's first word in the sentence
  bool at_start = false;     // opens the paragraph
  bool mentioned = false;    // governed by a preposition or a subordinating conjunction
  bool after_comma = false;  // stands right after a comma (an apposition or a new clause)
};

// The references in the first sentence of `paragraph`, in order.
std::vector<SpeakerReference> FindSpeakerReferences(std::string_view paragraph);

// The first sentence of `paragraph` (not cut at "M.", "Mme.", "nr." and other abbreviations).
std::string_view FirstSentence(std::string_view paragraph);

// True if the first sentence of `paragraph` is a question.
bool StartsWithQuestion(std::string_view paragraph);

// True if `word` (lower case) is a particle of names: "van" of "Jan van Dijk", "de" of "Charles
// de Gaulle", "el" of "Ahmed el Ktibi".
bool IsNameParticle(std::string_view word);

// True if `line` holds a person's name and nothing else: two to five words, each capitalised or
// a particle ("Laurent Dupont", "Jan van der Berghe", "Ahmed El Ktibi", "Els PEETERS"),
// without a title, digits or punctuation. Such a line says nothing of its language, whatever
// word lists know of the name.
bool IsNameLine(std::string_view line);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_SPEAKER_REFERENCE_H_
