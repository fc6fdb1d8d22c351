// The speaker notes of ParlaMint transcripts: the line that introduces an utterance as the
// printed record has it, "01.01 Annick Ponthier (VB):", "De voorzitter:". Internal to the corpus
// module.
#ifndef PARLSEARCH_CORPUS_PARLAMINT_SPEAKER_NOTE_H_
#define PARLSEARCH_CORPUS_PARLAMINT_SPEAKER_NOTE_H_

#include <optional>
#include <string>
#include <string_view>

namespace parlsearch {

struct SpeakerNote {
  std::string name;   // as the note writes it: "Annick Ponthier"
  std::string party;  // the parenthesis right after the name: "VB"; "" if none
};

// What `note` says of the person whose ParlaMint id is `person_id` ("PonthierAnnick": surnames
// then forenames, letters only). The note must name that very person: some of its words, in
// some rotation, must spell the id ("Annick Ponthier" -> "PonthierAnnick"), accents, case,
// spaces and apostrophes aside. nullopt if it does not ("De voorzitter:"), so that a note never
// lends its name or party to anyone else.
std::optional<SpeakerNote> ReadSpeakerNote(std::string_view note, std::string_view person_id);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARLAMINT_SPEAKER_NOTE_H_
