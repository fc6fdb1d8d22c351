#include "speaker_tracker.h"

#include <gtest/gtest.h>

#include "speaker_reference.h"

namespace parlsearch {
namespace {

LaidOutParagraph Text(const std::string& text, ParagraphKind kind = ParagraphKind::kParagraph) {
  LaidOutParagraph paragraph;
  paragraph.text = text;
  paragraph.kind = kind;
  if (kind == ParagraphKind::kHeading) paragraph.heading_level = 1;
  return paragraph;
}

std::vector<std::string> Speakers(const std::vector<Turn>& turns) {
  std::vector<std::string> speakers;
  for (const Turn& turn : turns) speakers.push_back(turn.speaker);
  return speakers;
}

Roster TestRoster() {
  return Roster({{"Bernard Clerfayt", "DéFI", "minister", 2019, 2024},
                 {"Cieltje Van Achter", "N-VA", "member", 2019, 2024},
                 {"Hasan Koyuncu", "PS", "member", 2019, 2024},
                 {"Michaël Vossaert", "DéFI", "member", 2019, 2024}});
}

std::vector<Turn> Follow(const std::vector<LaidOutParagraph>& paragraphs,
                         const Roster* roster = nullptr) {
  SpeakerTracker tracker(roster, 2023, 2024);
  tracker.Learn(paragraphs);
  std::vector<Turn> turns = tracker.Follow(paragraphs);
  tracker.AssignParties(&turns);
  return turns;
}

TEST(SpeakerTracker, IntroductionOpensATurnAndRoleWordsContinueIt) {
  const std::vector<Turn> turns = Follow({
      Text("De heer Hasan Koyuncu is van mening dat de hervorming een noodzakelijk initiatief "
           "is."),
      Text("De volksvertegenwoordiger vraagt waarom het Plan meer gericht is op Paradigm."),
      Text("Wat het labelen betreft van OCR's, vraagt de volksvertegenwoordiger zich af of "
           "sommige criteria wel relevant zijn."),
      Text("Mevrouw Cieltje Van Achter verwijst naar de memorie van toelichting."),
      Text("Met betrekking tot artikel 12 vraagt de volksvertegenwoordigster naar de inkomsten."),
  });
  EXPECT_EQ(Speakers(turns),
            (std::vector<std::string>{"Hasan Koyuncu", "Hasan Koyuncu", "Hasan Koyuncu",
                                      "Cieltje Van Achter", "Cieltje Van Achter"}));
  EXPECT_EQ(turns[0].role, "member");
}

TEST(SpeakerTracker, MentionOfSomeoneElseDoesNotTakeTheFloor) {
  const std::vector<Turn> turns = Follow({
      Text("Minister Bernard Clerfayt antwoordt allereerst dat het parlement vrij is."),
      Text("In antwoord op de vraag van mevrouw Cieltje Van Achter over de verwachte "
           "schaalvoordelen, wijst de minister erop dat elke organisatie haar eigen strategie "
           "bepaalde."),
      Text(
          "Tot slot, en als antwoord op de vragen van mevrouw Soetkin Hoessen en mevrouw "
          "Margaux De Ré over gegevensbeveiliging, wijst de minister erop dat die geregeld wordt."),
      Text("In dit verband deelt de minister mevrouw De Ré mee dat er een plan komt."),
  });
  for (const Turn& turn : turns) {
    EXPECT_EQ(turn.speaker, "Bernard Clerfayt");
    EXPECT_EQ(turn.role, "minister");
  }
}

TEST(SpeakerTracker, FrenchIntroductionsAndResponses) {
  const std::vector<Turn> turns = Follow({
      Text("M. Hasan Koyuncu considère que la réforme du CIRB est une initiative nécessaire."),
      Text("Le député s’enquiert des raisons pour lesquelles le Plan est orienté vers Paradigm."),
      Text("Le ministre Bernard Clerfayt répond d’emblée qu’il n’entre nullement dans les "
           "intentions du gouvernement de limiter le Parlement."),
      Text("En réponse à Mme Cieltje Van Achter, le ministre précise que les communes n’ont pas "
           "l’obligation de recourir à Paradigm."),
      Text(
          "En réponse de M. Hasan Koyuncu, le ministre précise que Paradigm ne va pas tout faire."),
  });
  EXPECT_EQ(Speakers(turns),
            (std::vector<std::string>{"Hasan Koyuncu", "Hasan Koyuncu", "Bernard Clerfayt",
                                      "Bernard Clerfayt", "Bernard Clerfayt"}));
}

TEST(SpeakerTracker, ChairIntroducedWithHisOffice) {
  const std::vector<Turn> turns = Follow(
      {Text("Le président de la commission des Affaires économiques et de l’Emploi, M. Michaël "
            "Vossaert, demande au ministre de confirmer que le Parlement est inclus.")},
      nullptr);
  ASSERT_EQ(turns.size(), 1u);
  EXPECT_EQ(turns[0].speaker, "Michaël Vossaert");
  EXPECT_EQ(turns[0].role, "chair");
}

TEST(SpeakerTracker, OfficeWithoutANameIsItsHolder) {
  const Roster roster = TestRoster();
  const std::vector<Turn> turns =
      Follow({Text("De minister is tevreden dat alle commissieleden hebben aangedrongen op deze "
                   "hervorming.")},
             &roster);
  EXPECT_EQ(turns[0].speaker, "Bernard Clerfayt");
  EXPECT_EQ(turns[0].role, "minister");
}

TEST(SpeakerTracker, AQuestionToTheMinisterIsNotTheMinisterSpeaking) {
  const std::vector<Turn> turns = Follow({
      Text("Mevrouw Cieltje Van Achter verwijst naar de memorie van toelichting."),
      Text("Kan de minister bevestigen dat de gemeenten niet verplicht zijn?"),
  });
  EXPECT_EQ(turns[1].speaker, "Cieltje Van Achter");
}

TEST(SpeakerTracker, HeadingsEndTurns) {
  const std::vector<Turn> turns = Follow({
      Text("Mevrouw Cieltje Van Achter verwijst naar de memorie van toelichting."),
      Text("III. Artikelsgewijze bespreking en stemmingen", ParagraphKind::kHeading),
      Text("Artikel 1 wordt aangenomen bij eenparigheid van de 14 aanwezige leden."),
  });
  EXPECT_EQ(turns[1].speaker, "");
  EXPECT_EQ(turns[2].speaker, "");
}

TEST(SpeakerTracker, PartyFromTheRosterWins) {
  const Roster roster = TestRoster();
  const std::vector<Turn> turns = Follow(
      {Text("De heer Hasan Koyuncu is van mening dat de hervorming noodzakelijk is."),
       Text("Voor de Groenfractie was het ook cruciaal dat de bepalingen worden nageleefd.")},
      &roster);
  EXPECT_EQ(turns[1].party, "PS");
  EXPECT_EQ(turns[1].party_source, PartySource::kRoster);
}

TEST(SpeakerTracker, PartyFromTheSpeakersOwnWordsWhenTheRosterIsSilent) {
  const std::vector<Turn> turns = Follow({
      Text("Mevrouw Els Peeters is verheugd dat het centrum wordt hervormd."),
      Text("Voor de Groenfractie was het ook cruciaal dat de bepalingen worden nageleefd."),
      Text("De heer Jan Janssens wijst erop dat de hervorming door de PTB-fractie werd "
           "bekritiseerd."),
  });
  EXPECT_EQ(turns[0].party, "Groen");
  EXPECT_EQ(turns[0].party_source, PartySource::kText);
  // Naming a group is not speaking for it: unknown stays unknown.
  EXPECT_EQ(turns[2].party, "");
  EXPECT_FALSE(turns[2].party_source.has_value());
}

TEST(SpeakerTracker, SurnameAloneResolvesToTheFullName) {
  const std::vector<Turn> turns = Follow({
      Text("Mevrouw Els Peeters is verheugd dat het centrum wordt hervormd."),
      Text("Minister Jan Janssens antwoordt dat het parlement vrij is."),
      Text("Mevrouw Peeters verwelkomt het antwoord."),
  });
  EXPECT_EQ(turns[2].speaker, "Els Peeters");
}

TEST(SpeakerTracker, SignatureNamesTheChairAndTheRapporteur) {
  const std::vector<Turn> turns = Follow({
      Text("De voorzitter stelt vast dat er geen vragen meer zijn."),
      Text("De rapporteur De voorzitter Jan JANSSENS Els PEETERS", ParagraphKind::kSignature),
  });
  EXPECT_EQ(turns[0].speaker, "Els Peeters");
  EXPECT_EQ(turns[0].role, "chair");
}

TEST(SpeakerReference, FindsSubjectsAndMentions) {
  const std::vector<SpeakerReference> references = FindSpeakerReferences(
      "In antwoord op de vraag van de heer Hasan Koyuncu licht de minister toe dat Paradigm een "
      "orkestrerende rol zal spelen.");
  ASSERT_EQ(references.size(), 2u);
  EXPECT_EQ(references[0].name, "Hasan Koyuncu");
  EXPECT_TRUE(references[0].mentioned);
  EXPECT_EQ(references[1].kind, SpeakerReference::Kind::kOffice);
  EXPECT_FALSE(references[1].mentioned);
}

TEST(SpeakerReference, NamesWithAnElidedParticle) {
  for (const char* name : {"Luc d'Ursel", "Anne d’Hoop"}) {
    const std::vector<SpeakerReference> references =
        FindSpeakerReferences(std::string("De heer ") + name + " wijst erop dat het ontwerp past.");
    ASSERT_EQ(references.size(), 1u) << name;
    EXPECT_EQ(references[0].name, name);
  }
}

TEST(SpeakerReference, NameLines) {
  for (const char* name : {"Laurent Dupont", "Pieter Vandamme", "Ahmed El Ktibi", "Karim el Amrani",
                           "Jan van der Berghe", "Sophie Dupuis-Leclercq", "Mehmet Yılmaz",
                           "Wouter D'Hondt", "Luc d'Ursel", "Els PEETERS"}) {
    EXPECT_TRUE(IsNameLine(name)) << name;
  }
  for (const char* line :
       {"Dupont", "Minister Laurent Dupont", "Le Rapporteur", "I. Exposé introductif", "Artikel 12",
        "Pieter Vandamme heeft", "Laurent Dupont,", "van der Berghe"}) {
    EXPECT_FALSE(IsNameLine(line)) << line;
  }
}

TEST(SpeakerReference, FirstSentenceIgnoresTitleAbbreviations) {
  EXPECT_EQ(FirstSentence("En réponse à M. Alain Vander Elst sur les missions, le ministre "
                          "précise. Ensuite il ajoute."),
            "En réponse à M. Alain Vander Elst sur les missions, le ministre précise.");
}

}  // namespace
}  // namespace parlsearch
