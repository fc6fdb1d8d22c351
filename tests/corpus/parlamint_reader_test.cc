#include "parlsearch/corpus/parlamint_reader.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;

const char* const kSittings[] = {
    "ParlaMint-BE_2017-04-27-54-plenair-ip165x",
    "ParlaMint-BE_2020-06-17-55-commissie-ic210x",
    "ParlaMint-BE_2022-07-13-voorlopig-55-commissie-ic862x",
};

std::string SamplePath(const std::string& name) {
  return testing::SourcePath("corpus/samples/parlamint-be/" + name);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string CollapseWhiteSpace(const std::string& text) {
  std::istringstream words(text);
  std::string collapsed;
  for (std::string word; words >> word;) collapsed += (collapsed.empty() ? "" : " ") + word;
  return collapsed;
}

// "Ponthier, Annick" and "Annick Ponthier" give the same key: the words, sorted.
std::string NameKey(std::string name) {
  std::replace(name.begin(), name.end(), ',', ' ');
  std::istringstream in(name);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  std::sort(words.begin(), words.end());
  std::string key;
  for (const std::string& word : words) key += word + " ";
  return key;
}

// One utterance as libxml2's tree API reads it, independently of the reader under test.
struct Utterance {
  std::string id;
  std::string speaker_note;  // the speaker note right before it, if any
  std::vector<std::pair<std::string, std::string>> segments;  // xml:lang, text without notes
};

std::string Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string Attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string result = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return result;
}

// The text in `node`, leaving out notes.
void AppendText(const xmlNode* node, std::string* text) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE) *text += reinterpret_cast<const char*>(child->content);
    if (child->type == XML_ELEMENT_NODE && Name(child) != "note") AppendText(child, text);
  }
}

void CollectUtterances(xmlNode* node, std::string* speaker_note, std::vector<Utterance>* out) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (Name(child) == "note" && Attribute(child, "type") == "speaker") {
      std::string text;
      AppendText(child, &text);
      *speaker_note = CollapseWhiteSpace(text);
    } else if (Name(child) == "u") {
      Utterance utterance;
      utterance.id = Attribute(child, "id");
      utterance.speaker_note = *speaker_note;
      speaker_note->clear();
      for (xmlNode* seg = child->children; seg != nullptr; seg = seg->next) {
        if (seg->type != XML_ELEMENT_NODE || Name(seg) != "seg") continue;
        xmlChar* language = xmlNodeGetLang(seg);
        std::string text;
        AppendText(seg, &text);
        utterance.segments.emplace_back(reinterpret_cast<const char*>(language),
                                        CollapseWhiteSpace(text));
        xmlFree(language);
      }
      out->push_back(std::move(utterance));
    } else {
      CollectUtterances(child, speaker_note, out);
    }
  }
}

std::vector<Utterance> Utterances(const std::string& path) {
  xmlDoc* document = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  EXPECT_NE(document, nullptr) << path;
  std::vector<Utterance> utterances;
  std::string speaker_note;
  if (document != nullptr)
    CollectUtterances(xmlDocGetRootElement(document), &speaker_note, &utterances);
  xmlFreeDoc(document);
  return utterances;
}

// The -meta.tsv rows by utterance id: column name -> value.
std::map<std::string, std::map<std::string, std::string>> MetaRows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::istringstream header_fields(line);
  for (std::string field; std::getline(header_fields, field, '\t');) header.push_back(field);
  std::map<std::string, std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::map<std::string, std::string> row;
    std::size_t column = 0;
    for (std::string field; std::getline(fields, field, '\t') && column < header.size();) {
      row[header[column++]] = field;
    }
    rows[row["ID"]] = row;
  }
  return rows;
}

const Paragraph* Find(const Document& document, const std::string& text) {
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.text == text) return &paragraph;
  }
  return nullptr;
}

TEST(ParlaMintReader, EveryUtteranceAgreesWithItsMetadataRow) {
  int utterances_checked = 0;
  int speakers_equal = 0;
  int parties_equal = 0;
  for (const std::string sitting : kSittings) {
    const Document document = ReadParlaMintSitting(SamplePath(sitting + ".xml"));
    const auto meta = MetaRows(SamplePath(sitting + "-meta.tsv"));
    const std::vector<Utterance> utterances = Utterances(SamplePath(sitting + ".xml"));
    ASSERT_EQ(utterances.size(), meta.size()) << sitting;
    std::size_t next = 0;  // paragraphs come in reading order
    for (const Utterance& utterance : utterances) {
      SCOPED_TRACE(utterance.id);
      ASSERT_TRUE(meta.count(utterance.id));
      const auto& row = meta.at(utterance.id);
      // Party: the metadata's, else, where it says "-", the speaker note's parenthesis.
      std::string party = row.at("Speaker_party");
      std::optional<PartySource> source = PartySource::kMetadata;
      if (party == "-") {
        std::smatch match;
        const bool in_note =
            std::regex_search(utterance.speaker_note, match, std::regex(R"(\(([^()]+)\)\s*:\s*$)"));
        party = in_note ? match[1].str() : "";
        source = in_note ? std::optional(PartySource::kText) : std::nullopt;
      }
      ++utterances_checked;
      bool speaker_ok = true;
      bool party_ok = true;
      for (const auto& [language, text] : utterance.segments) {
        while (next < document.paragraphs.size() && document.paragraphs[next].text != text) ++next;
        ASSERT_LT(next, document.paragraphs.size()) << "no paragraph for segment: " << text;
        const Paragraph& paragraph = document.paragraphs[next];
        EXPECT_EQ(LanguageCode(paragraph.lang), language) << text;
        speaker_ok &= NameKey(paragraph.speaker) == NameKey(row.at("Speaker_name"));
        party_ok &= paragraph.party == party && paragraph.party_source == source;
        EXPECT_EQ(NameKey(paragraph.speaker), NameKey(row.at("Speaker_name"))) << text;
        EXPECT_EQ(paragraph.party, party) << text;
        EXPECT_EQ(paragraph.party_source, source) << text;
      }
      speakers_equal += speaker_ok;
      parties_equal += party_ok;
    }
  }
  EXPECT_EQ(utterances_checked, 12);
  EXPECT_EQ(speakers_equal, utterances_checked);
  EXPECT_EQ(parties_equal, utterances_checked);
  std::cout << "utterances checked " << utterances_checked << ", speakers equal " << speakers_equal
            << ", parties equal " << parties_equal << '\n';
}

TEST(ParlaMintReader, SegmentsKeepTheirOwnLanguageWithinAnUtterance) {
  const Document plenary = ReadParlaMintSitting(SamplePath(std::string(kSittings[0]) + ".xml"));
  const Paragraph* dutch = Find(plenary, "De vergadering is geopend.");
  const Paragraph* french = Find(plenary, "La séance est ouverte.");
  ASSERT_NE(dutch, nullptr);
  ASSERT_NE(french, nullptr);
  EXPECT_EQ(dutch->lang, Language::kDutch);
  EXPECT_EQ(french->lang, Language::kFrench);
  for (const Paragraph* paragraph : {dutch, french}) {
    EXPECT_EQ(paragraph->speaker, "Siegfried Bracke");
    EXPECT_EQ(paragraph->role, "chair");
    EXPECT_EQ(paragraph->party, "N-VA");
    EXPECT_TRUE(paragraph->pair.empty());
  }
  // The utterance says Dutch, its segment French: the segment wins.
  const Document committee = ReadParlaMintSitting(SamplePath(std::string(kSittings[2]) + ".xml"));
  const Paragraph* chair = Find(
      committee, "Les questions n° 55028132C et n° 55029370C de M. Erik Gilissen sont reportées.");
  ASSERT_NE(chair, nullptr);
  EXPECT_EQ(chair->lang, Language::kFrench);
  EXPECT_EQ(chair->speaker, "Kristien Van Vaerenbergh");
}

TEST(ParlaMintReader, DatesTitlesAndIdsComeFromTheHeader) {
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {kSittings[0],
       {"2017-04-27",
        "Belgisch parlementair corpus ParlaMint-BE, plenaire zitting van 27-04-2017"}},
      {kSittings[1],
       {"2020-06-17",
        "Belgisch parlementair corpus ParlaMint-BE, commissievergadering van 17-06-2020"}},
      {kSittings[2],
       {"2022-07-13",
        "Belgisch parlementair corpus ParlaMint-BE, commissievergadering van 13-07-2022"}},
  };
  for (const auto& [sitting, date_and_title] : expected) {
    const Document document = ReadParlaMintSitting(SamplePath(sitting + ".xml"));
    EXPECT_EQ(document.id, sitting);
    EXPECT_EQ(document.date, date_and_title.first);
    EXPECT_EQ(document.title, date_and_title.second);
    // The metadata's Title column is the same title.
    for (const auto& [id, row] : MetaRows(SamplePath(sitting + "-meta.tsv"))) {
      EXPECT_EQ(row.at("Title"), document.title);
    }
    std::map<Language, int> seq;
    for (const Paragraph& paragraph : document.paragraphs) {
      EXPECT_EQ(paragraph.doc, sitting);
      EXPECT_EQ(paragraph.date, date_and_title.first);
      EXPECT_EQ(paragraph.title, date_and_title.second);
      EXPECT_EQ(paragraph.seq, ++seq[paragraph.lang]);
    }
  }
  const Document committee = ReadParlaMintSitting(SamplePath(std::string(kSittings[1]) + ".xml"));
  EXPECT_EQ(committee.paragraphs.front().id, "ParlaMint-BE-2020-06-17-55-commissie-ic210x-nl-0001");
  EXPECT_EQ(committee.paragraphs[1].id, "ParlaMint-BE-2020-06-17-55-commissie-ic210x-fr-0001");
}

TEST(ParlaMintReader, NotesBelongToNoOneAndGapsAndSpeakerNotesAreNoParagraphs) {
  const Document committee = ReadParlaMintSitting(SamplePath(std::string(kSittings[1]) + ".xml"));
  const Paragraph* opening = Find(committee,
                                  "De behandeling van de vragen vangt aan om 10.14 uur. De "
                                  "vergadering wordt voorgezeten door Peter Buysrogge.");
  ASSERT_NE(opening, nullptr);
  EXPECT_EQ(opening->lang, Language::kDutch);
  EXPECT_EQ(opening->speaker, "");
  EXPECT_EQ(opening->party, "");
  EXPECT_EQ(opening->role, "");
  EXPECT_EQ(Find(committee, "01.01 Annick Ponthier (VB):"), nullptr);
  EXPECT_EQ(Find(committee, "De voorzitter:"), nullptr);
  EXPECT_EQ(Find(committee, "SAMPLING"), nullptr);
  const Paragraph* closing =
      Find(committee, "La réunion publique de commission est levée à 12 h 35.");
  ASSERT_NE(closing, nullptr);
  EXPECT_EQ(closing->lang, Language::kFrench);
  EXPECT_EQ(closing->speaker, "");
}

TEST(ParlaMintReader, AnswerInsideASegmentFollowsItUnattributed) {
  const Document plenary = ReadParlaMintSitting(SamplePath(std::string(kSittings[0]) + ".xml"));
  for (std::size_t i = 0; i + 1 < plenary.paragraphs.size(); ++i) {
    if (plenary.paragraphs[i].text != "Geen bezwaar? De gewijzigde agenda is goedgekeurd.")
      continue;
    EXPECT_EQ(plenary.paragraphs[i].speaker, "Siegfried Bracke");
    EXPECT_EQ(plenary.paragraphs[i + 1].text, "Nee");
    EXPECT_EQ(plenary.paragraphs[i + 1].lang, Language::kDutch);
    EXPECT_EQ(plenary.paragraphs[i + 1].speaker, "");
    return;
  }
  ADD_FAILURE() << "segment with the answer not found";
}

TEST(ParlaMintReader, RolesComeFromAnaAndTheMinisterColumn) {
  testing::TempDir dir;
  const std::string sitting = kSittings[2];
  dir.Write(sitting + ".xml", ReadFile(SamplePath(sitting + ".xml")));
  // Mark the state secretary a minister in the metadata; the chair stays chair.
  std::string meta = ReadFile(SamplePath(sitting + "-meta.tsv"));
  meta = std::regex_replace(meta, std::regex("notMinister"), "minister");
  dir.Write(sitting + "-meta.tsv", meta);
  const Document document = ReadParlaMintSitting(dir.path() + "/" + sitting + ".xml");
  std::map<std::string, std::string> roles;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (!paragraph.speaker.empty()) roles[paragraph.speaker] = paragraph.role;
  }
  EXPECT_EQ(roles["Kristien Van Vaerenbergh"], "chair");
  EXPECT_EQ(roles["Mathieu Michel"], "minister");

  const Document original = ReadParlaMintSitting(SamplePath(sitting + ".xml"));
  for (const Paragraph& paragraph : original.paragraphs) {
    if (paragraph.speaker == "Mathieu Michel") {
      EXPECT_EQ(paragraph.role, "member");
    }
  }
}

TEST(ParlaMintReader, WithoutFilesBesideItSpeakerNotesGiveNamesAndParties) {
  testing::TempDir dir;
  const std::string sitting = kSittings[1];
  const std::string path = dir.Write(sitting + ".xml", ReadFile(SamplePath(sitting + ".xml")));
  const Document document = ReadParlaMintSitting(path);
  const Paragraph* ponthier =
      Find(document, "Waar ligt momenteel het probleem volgens uw gegevens?");
  ASSERT_NE(ponthier, nullptr);
  EXPECT_EQ(ponthier->speaker, "Annick Ponthier");
  EXPECT_EQ(ponthier->party, "VB");
  EXPECT_EQ(ponthier->party_source, PartySource::kText);
  // "De voorzitter:" names no one, and the utterance after the gap has no note: no guess.
  const Paragraph* chair = Find(document,
                                "De volgende vergadering beginnen we met de samengevoegde vragen "
                                "nrs. 55006961C, 55007156C, 55007209C en 55007235C van de heer "
                                "Steven Creyelman, mevrouw Julie Chanson, de heer Sammy Mahdi en "
                                "mevrouw Julie Chanson.");
  ASSERT_NE(chair, nullptr);
  EXPECT_EQ(chair->speaker, "");
  EXPECT_EQ(chair->party, "");
  EXPECT_EQ(chair->role, "chair");
  const Paragraph* bombled =
      Find(document, "Je vous remercie pour vos réponses, je n'ai pas d'autre remarque.");
  ASSERT_NE(bombled, nullptr);
  EXPECT_EQ(bombled->speaker, "");
  EXPECT_EQ(bombled->party, "");
}

TEST(ParlaMintReader, PersonListGivesNamesAndThePartyOnTheSittingDate) {
  testing::TempDir dir;
  const std::string sitting = kSittings[1];
  // The corpus's lists one folder up, as ParlaMint lays them out (sittings in year folders).
  const std::string path =
      dir.Write("corpus/2020/" + sitting + ".xml", ReadFile(SamplePath(sitting + ".xml")));
  dir.Write("corpus/2020/" + sitting + "-meta.tsv", ReadFile(SamplePath(sitting + "-meta.tsv")));
  dir.Write("corpus/ParlaMint-BE-listOrg.xml", ReadFile(SamplePath("ParlaMint-BE-listOrg.xml")));
  dir.Write("corpus/ParlaMint-BE-listPerson.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<listPerson xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-BE-listPerson">
  <person xml:id="MahdiSammy">
    <persName><forename>Sammy</forename><surname>Mahdi</surname></persName>
    <affiliation from="2019-06-20" ref="#CD_en_V" role="member"/>
    <affiliation from="2019-06-20" ref="#be_federal_parliament" role="member"/>
  </person>
  <person xml:id="BuysroggePeter">
    <persName><forename>Peter</forename><surname>Buysrogge</surname></persName>
    <affiliation from="2010-07-06" to="2014-04-28" ref="#OpenVld" role="member"/>
    <affiliation from="2014-06-19" ref="#N-VA" role="member"/>
  </person>
  <person xml:id="PonthierAnnick">
    <persName from="2019-06-20"><forename>Annick</forename><surname>Ponthier</surname></persName>
  </person>
</listPerson>
)");
  const Document document = ReadParlaMintSitting(path);
  std::map<std::string, std::pair<std::string, std::optional<PartySource>>> parties;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (!paragraph.speaker.empty()) {
      parties[paragraph.speaker] = {paragraph.party, paragraph.party_source};
    }
  }
  // From the lists, where the meta file says "-" and the note "(CD&V)".
  EXPECT_EQ(parties["Sammy Mahdi"].first, "CD&V");
  EXPECT_EQ(parties["Sammy Mahdi"].second, PartySource::kMetadata);
  EXPECT_EQ(parties["Peter Buysrogge"].first, "N-VA");
  // The list names her but gives no party: the meta file's.
  EXPECT_EQ(parties["Annick Ponthier"].first, "VB");
  EXPECT_EQ(parties["Annick Ponthier"].second, PartySource::kMetadata);
}

TEST(ParlaMintReader, InnerElementsGiveTheirTextAndAnnotatedTokensJoin) {
  testing::TempDir dir;
  const std::string path = dir.Write("ParlaMint-XX_2021-01-01.xml", R"(<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX_2021-01-01" xml:lang="nl">
  <teiHeader><fileDesc><titleStmt>
    <title type="main" xml:lang="en">Sitting of 1 January 2021 [ParlaMint.ana]</title>
  </titleStmt></fileDesc>
  <profileDesc><settingDesc><setting><date when="2021-01-01"/></setting></settingDesc></profileDesc>
  </teiHeader>
  <text><body><div>
    <head>Vragen</head>
    <u who="#X" ana="#guest" xml:id="u1">
      <seg>Mijnheer <name>Peter
        Buysrogge</name>, om <time when="10:14">10.14 uur</time> <gap><desc>onverstaanbaar</desc></gap>begint <ref target="#a">het debat</ref>.</seg>
      <seg xml:lang="fr">
        <s><w>Merci</w> <w join="right">beaucoup</w> <pc>!</pc></s>
        <s><w join="right">Non</w>
           <pc>.</pc></s>
      </seg>
    </u>
  </div></body></text>
</TEI>
)");
  const Document document = ReadParlaMintSitting(path);
  EXPECT_EQ(document.title, "Sitting of 1 January 2021");  // the only main title
  EXPECT_EQ(document.date, "2021-01-01");
  ASSERT_EQ(document.paragraphs.size(), 3u);
  EXPECT_EQ(document.paragraphs[0].text, "Vragen");
  EXPECT_EQ(document.paragraphs[0].kind, ParagraphKind::kHeading);
  EXPECT_EQ(document.paragraphs[1].text,
            "Mijnheer Peter Buysrogge, om 10.14 uur begint het debat.");
  EXPECT_EQ(document.paragraphs[1].lang, Language::kDutch);
  EXPECT_EQ(document.paragraphs[1].role, "guest");
  EXPECT_EQ(document.paragraphs[1].section, "Vragen");
  EXPECT_EQ(document.paragraphs[1].speaker, "");  // nothing names #X
  EXPECT_EQ(document.paragraphs[2].text, "Merci beaucoup! Non.");
  EXPECT_EQ(document.paragraphs[2].lang, Language::kFrench);
}

TEST(ParlaMintReader, MalformedXmlIsAnInputErrorWithTheLine) {
  testing::TempDir dir;
  const std::string sitting = kSittings[1];
  std::vector<std::string> lines = testing::Lines(ReadFile(SamplePath(sitting + ".xml")));
  // Break the end tag of the first segment.
  std::size_t broken = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find("</seg>") != std::string::npos) {
      lines[i].replace(lines[i].find("</seg>"), 6, "</sag>");
      broken = i + 1;
      break;
    }
  }
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  const std::string path = dir.Write(sitting + ".xml", text);
  try {
    ReadParlaMintSitting(path);
    FAIL() << "malformed XML was read";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), path);
    EXPECT_EQ(error.line(), static_cast<int>(broken));
    EXPECT_NE(std::string(error.what()).find(path + ":" + std::to_string(broken) + ":"),
              std::string::npos)
        << error.what();
  }
}

TEST(ParlaMintReader, NonUtf8AndTruncatedFilesAreInputErrors) {
  testing::TempDir dir;
  const std::string sitting = kSittings[1];
  const std::string original = ReadFile(SamplePath(sitting + ".xml"));
  const std::string latin1 = dir.Write(
      "latin1.xml", std::regex_replace(original, std::regex("Mijnheer de minister"), "Caf\xe9"));
  EXPECT_THROW(ReadParlaMintSitting(latin1), InputError);
  const std::string truncated = dir.Write("truncated.xml", original.substr(0, original.size() / 2));
  EXPECT_THROW(ReadParlaMintSitting(truncated), InputError);
}

TEST(ParlaMintReader, AListOfOrganisationsIsNotASitting) {
  try {
    ReadParlaMintSitting(SamplePath("ParlaMint-BE-listOrg.xml"));
    FAIL() << "listOrg read as a sitting";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("not a ParlaMint sitting"), std::string::npos)
        << error.what();
    EXPECT_GT(error.line(), 0);
  }
}

}  // namespace
}  // namespace parlsearch
