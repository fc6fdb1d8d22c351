#include "parlsearch/corpus/parlamint_reader.h"

#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "parlamint_meta.h"
#include "parlamint_people.h"
#include "parlamint_speaker_note.h"
#include "parlsearch/error.h"
#include "text_util.h"
#include "xml_reader.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;

using Event = XmlReader::Event;

// Elements that record what was not said, or not in words: a gap in the transcript (material
// left out, "SAMPLING"), incidents, gestures, sounds. Dropped with their descriptions: a search
// for words should find words said or written in the record.
bool IsDropped(std::string_view element) {
  return element == "gap" || element == "incident" || element == "kinesic" || element == "vocal";
}

// "nl", "fr-BE" -> the analysed language; kUnknown for any other.
Language LanguageOf(std::string_view code) {
  return ParseLanguage(code.substr(0, code.find('-'))).value_or(Language::kUnknown);
}

// The role an utterance's `ana` gives its speaker: "#chair", "#regular", "#guest".
std::string RoleOf(std::string_view ana) {
  for (std::string_view token : SplitWords(ana)) {
    if (token == "#chair") return std::string(kRoleChair);
    if (token == "#regular") return std::string(kRoleMember);
    if (token == "#guest") return "guest";
  }
  return "";
}

// "Belgisch parlementair corpus ParlaMint-BE, … van 17-06-2020 [ParlaMint SAMPLE]" loses the
// corpus's edition marker, which names the release, not the sitting.
std::string WithoutEditionMarker(std::string title) {
  const std::size_t open = title.rfind(" [ParlaMint");
  if (open != std::string::npos && title.back() == ']') title.erase(open);
  return title;
}

// The files ParlaMint publishes beside a sitting.
struct Companions {
  ParlaMintPeople people;
  ParlaMintMeta meta;
};

Companions ReadCompanions(const std::string& path) {
  Companions companions;
  const fs::path file(path);
  std::string stem = file.stem().string();
  std::vector<fs::path> metas = {file.parent_path() / (stem + "-meta.tsv")};
  // A linguistically annotated sitting ("X.ana.xml") shares the metadata of "X.xml".
  if (stem.ends_with(".ana")) {
    metas.push_back(file.parent_path() / (stem.substr(0, stem.size() - 4) + "-meta.tsv"));
  }
  for (const fs::path& meta : metas) {
    std::error_code error;
    if (fs::is_regular_file(meta, error)) {
      companions.meta = ParlaMintMeta::Load(meta.string());
      break;
    }
  }
  const std::size_t underscore = stem.find('_');
  if (underscore == std::string::npos) return companions;
  const std::string corpus = stem.substr(0, underscore);
  // Component files sit in year folders below the corpus's lists, or beside them.
  for (const fs::path& folder : {file.parent_path(), file.parent_path().parent_path()}) {
    for (const char* list : {"-listOrg.xml", "-listPerson.xml"}) {
      const fs::path candidate = folder / (corpus + list);
      std::error_code error;
      if (fs::is_regular_file(candidate, error)) companions.people.ReadFile(candidate.string());
    }
  }
  return companions;
}

struct Speaker {
  std::string name;
  std::string role;
  std::string party;
  std::optional<PartySource> party_source;
};

// One pass over a sitting's TEI, turning utterances and notes into paragraphs as they come.
class SittingReader {
 public:
  SittingReader(XmlReader* xml, Companions* companions) : xml_(*xml), companions_(*companions) {}

  Document Read();

 private:
  void ReadHeader();
  void ReadBody();
  void ReadUtterance();
  // Adds text of the open segment.
  void AppendSpokenText(std::string_view text);
  // Reads the element whose start is current if it is not the speaker's words (a note, a gap,
  // an incident) and returns true; false for any other element.
  bool ReadAside();
  Speaker ResolveSpeaker(std::string_view who, std::string_view ana, const std::string& id);

  // Adds the open paragraph, if it has text, then the notes it held.
  void Flush();
  void Add(const std::string& text, Language language, const Speaker& speaker,
           ParagraphKind kind = ParagraphKind::kParagraph);

  XmlReader& xml_;
  Companions& companions_;
  Document document_;
  std::string language_;                     // the TEI's xml:lang
  std::string section_;                      // the last <head> of the body
  std::optional<std::string> speaker_note_;  // the note introducing the next utterance
  int utterances_ = 0;

  // The paragraph being read, its language and speaker, and the notes found inside it.
  std::string open_text_;
  Language open_language_ = Language::kUnknown;
  Speaker open_speaker_;
  std::vector<std::pair<std::string, Language>> open_notes_;
  bool join_after_token_ = false;  // the last <w> or <pc> opened has join="right"
  bool join_next_ = false;         // no space before the next word
};

Document SittingReader::Read() {
  Event event = xml_.Next();
  while (event == Event::kText) event = xml_.Next();
  if (event != Event::kStart || xml_.name() != "TEI") {
    const std::string root = event == Event::kStart ? std::string(xml_.name()) : "";
    throw InputError(xml_.path(),
                     "not a ParlaMint sitting: the root element is <" + root + ">, not <TEI>",
                     xml_.line());
  }
  document_.id = xml_.Attribute("xml:id");
  if (document_.id.empty()) document_.id = fs::path(xml_.path()).stem().string();
  document_.source = xml_.path();
  language_ = xml_.Language();
  for (event = xml_.Next(); event != Event::kEnd && event != Event::kDone; event = xml_.Next()) {
    if (event != Event::kStart) continue;
    if (xml_.name() == "teiHeader") {
      ReadHeader();
    } else if (xml_.name() == "text") {
      ReadBody();
    } else {
      xml_.SkipElement();  // facsimiles, stand-off annotation
    }
  }
  if (utterances_ == 0) {
    throw InputError(xml_.path(), "not a ParlaMint sitting: it has no utterance (<u>)");
  }

  std::map<Language, int> counts;
  const std::string slug = DocumentSlug(document_.id);
  for (Paragraph& paragraph : document_.paragraphs) {
    paragraph.doc = document_.id;
    paragraph.title = document_.title;
    paragraph.date = document_.date;
    paragraph.seq = ++counts[paragraph.lang];
    paragraph.id = ParagraphId(slug, paragraph.lang, paragraph.seq);
  }
  return std::move(document_);
}

void SittingReader::ReadHeader() {
  // The main title in the sitting's language (else the first main title), and the date of the
  // setting: <titleStmt><title type="main"> and <settingDesc><setting><date when>.
  std::vector<std::string> path = {"teiHeader"};
  std::string first_title;
  std::string title;
  while (!path.empty()) {
    const Event event = xml_.Next();
    if (event == Event::kDone) break;
    if (event == Event::kEnd) {
      path.pop_back();
      continue;
    }
    if (event != Event::kStart) continue;
    const std::string_view name = xml_.name();
    const std::string_view parent = path.back();
    if (name == "title" && parent == "titleStmt") {
      const bool main = xml_.Attribute("type") == "main";
      const bool in_language = xml_.Language() == language_;
      const std::string text = xml_.ReadText();
      if (main && first_title.empty()) first_title = text;
      if (main && in_language && title.empty()) title = text;
    } else if (name == "date" && parent == "setting") {
      std::string when = xml_.Attribute("when");
      if (when.empty()) when = xml_.Attribute("from");
      if (document_.date.empty() && IsCalendarDate(std::string_view(when).substr(0, 10))) {
        document_.date = when.substr(0, 10);
      }
      xml_.SkipElement();
    } else if (name == "listPerson" || name == "listOrg") {
      companions_.people.ReadList(xml_);
    } else {
      path.emplace_back(name);
    }
  }
  document_.title = WithoutEditionMarker(title.empty() ? first_title : title);
}

void SittingReader::ReadBody() {
  for (int depth = 1; depth > 0;) {
    const Event event = xml_.Next();
    if (event == Event::kDone) return;
    if (event == Event::kEnd) --depth;
    if (event != Event::kStart) continue;
    const std::string_view name = xml_.name();
    if (name == "u") {
      ReadUtterance();
    } else if (name == "note") {
      const bool speaker = xml_.Attribute("type") == "speaker";
      const Language language = LanguageOf(xml_.Language());
      const std::string text = xml_.ReadText();
      if (speaker) {
        speaker_note_ = text;
      } else {
        Add(text, language, Speaker{});
      }
    } else if (name == "head") {
      const Language language = LanguageOf(xml_.Language());
      section_ = xml_.ReadText();
      Add(section_, language, Speaker{}, ParagraphKind::kHeading);
    } else if (IsDropped(name)) {
      xml_.SkipElement();
    } else {
      ++depth;  // <body>, <div>, and whatever else holds utterances
    }
  }
}

void SittingReader::ReadUtterance() {
  ++utterances_;
  open_speaker_ =
      ResolveSpeaker(xml_.Attribute("who"), xml_.Attribute("ana"), xml_.Attribute("xml:id"));
  // Text directly in the <u>, outside any <seg>, reads as one more segment.
  const Language utterance_language = LanguageOf(xml_.Language());
  open_language_ = utterance_language;
  for (int depth = 1; depth > 0;) {
    const Event event = xml_.Next();
    if (event == Event::kDone) break;
    if (event == Event::kText) {
      AppendSpokenText(xml_.text());
    } else if (event == Event::kEnd) {
      --depth;
      if (xml_.name() == "seg") {
        Flush();
        open_language_ = utterance_language;
      } else if (xml_.name() == "w" || xml_.name() == "pc") {
        join_next_ = join_after_token_;
      }
    } else if (xml_.name() == "seg") {
      Flush();
      open_language_ = LanguageOf(xml_.Language());
      ++depth;
    } else if (!ReadAside()) {
      if (xml_.name() == "w" || xml_.name() == "pc") {
        join_after_token_ = xml_.Attribute("join") == "right";
      }
      ++depth;  // <name>, <ref>, <time>, <s>, <w>: their text is the segment's
    }
  }
  Flush();
  open_speaker_ = Speaker{};
}

void SittingReader::AppendSpokenText(std::string_view text) {
  // In linguistically annotated files, a token marked join="right" has no space after it.
  if (join_next_ && NormalizeSpace(text).empty()) return;
  join_next_ = false;
  open_text_ += text;
}

bool SittingReader::ReadAside() {
  const std::string_view name = xml_.name();
  if (name == "note") {
    // A note in the speech ("Nee", an answer from the benches) is not the speaker's: it
    // follows the segment as a paragraph of its own.
    const Language language = LanguageOf(xml_.Language());
    open_notes_.emplace_back(xml_.ReadText(), language);
  } else if (IsDropped(name)) {
    xml_.SkipElement();
  } else {
    return false;
  }
  open_text_ += ' ';  // what stood on either side does not run together
  return true;
}

Speaker SittingReader::ResolveSpeaker(std::string_view who, std::string_view ana,
                                      const std::string& id) {
  // "#PonthierAnnick", or a reference into the person list's file.
  const std::size_t hash = who.find('#');
  const std::string person_id(hash == std::string_view::npos ? who : who.substr(hash + 1));
  std::optional<ParlaMintPerson> person;
  std::optional<SpeakerNote> note;
  if (!person_id.empty()) {
    person = companions_.people.Find(person_id, document_.date);
    if (speaker_note_) note = ReadSpeakerNote(*speaker_note_, person_id);
  }
  speaker_note_.reset();
  const ParlaMintMetaRow* row = companions_.meta.Find(id);

  Speaker speaker;
  if (person && !person->name.empty()) {
    speaker.name = person->name;
  } else if (note) {
    speaker.name = note->name;
  } else if (row != nullptr) {
    speaker.name = row->speaker;
  }
  if (person && !person->party.empty()) {
    speaker.party = person->party;
    speaker.party_source = PartySource::kMetadata;
  } else if (row != nullptr && !row->party.empty()) {
    speaker.party = row->party;
    speaker.party_source = PartySource::kMetadata;
  } else if (note && !note->party.empty()) {
    speaker.party = note->party;
    speaker.party_source = PartySource::kText;
  }
  speaker.role = RoleOf(ana);
  const bool minister = (person && person->minister) || (row != nullptr && row->minister);
  if (minister && speaker.role != kRoleChair) speaker.role = kRoleMinister;
  return speaker;
}

void SittingReader::Flush() {
  Add(NormalizeSpace(open_text_), open_language_, open_speaker_);
  open_text_.clear();
  for (const auto& [text, language] : open_notes_) Add(text, language, Speaker{});
  open_notes_.clear();
}

void SittingReader::Add(const std::string& text, Language language, const Speaker& speaker,
                        ParagraphKind kind) {
  if (text.empty()) return;
  Paragraph paragraph;
  paragraph.lang = language;
  paragraph.kind = kind;
  paragraph.section = section_;
  paragraph.speaker = speaker.name;
  paragraph.role = speaker.role;
  paragraph.party = speaker.party;
  paragraph.party_source = speaker.party_source;
  paragraph.text = text;
  document_.paragraphs.push_back(std::move(paragraph));
}

}  // namespace

Document ReadParlaMintSitting(const std::string& path) {
  XmlReader xml(path);
  Companions companions = ReadCompanions(path);
  return SittingReader(&xml, &companions).Read();
}

}  // namespace parlsearch
