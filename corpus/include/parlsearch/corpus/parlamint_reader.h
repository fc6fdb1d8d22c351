// Reading ParlaMint sittings: the TEI XML in which the ParlaMint corpora publish parliamentary
// debates (https://github.com/clarin-eric/ParlaMint), one file per sitting.
//
// Every segment (<seg>) of an utterance (<u>) becomes a paragraph in the language it carries,
// with the utterance's speaker, party and role and the sitting's date and title. The speaker and
// party come from the corpus's person and organisation lists when they are at hand, else from
// the metadata file published beside the sitting (<sitting>-meta.tsv), else from the speaker note
// that introduces the utterance; docs/formats.md gives the rules.
#ifndef PARLSEARCH_CORPUS_PARLAMINT_READER_H_
#define PARLSEARCH_CORPUS_PARLAMINT_READER_H_

#include <string>

#include "parlsearch/corpus/paragraph.h"

namespace parlsearch {

// Reads the sitting at `path`, with the files ParlaMint publishes beside it: "<sitting>-meta.tsv"
// and, in the same folder or the one above, "<corpus>-listPerson.xml" and "<corpus>-listOrg.xml"
// (<corpus> being the file name up to its first '_', e.g. "ParlaMint-BE"). Throws InputError
// naming the file and line if it, or a file beside it, is malformed, or if it is not a sitting
// (its root is not <TEI>, or it has no utterance).
Document ReadParlaMintSitting(const std::string& path);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARLAMINT_READER_H_
