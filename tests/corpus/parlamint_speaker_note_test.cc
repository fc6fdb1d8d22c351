#include "parlamint_speaker_note.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

TEST(SpeakerNote, NumberedNoteGivesNameAndParty) {
  const auto note = ReadSpeakerNote("01.01 Annick Ponthier (VB):", "PonthierAnnick");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->name, "Annick Ponthier");
  EXPECT_EQ(note->party, "VB");
}

TEST(SpeakerNote, CompoundSurnamesApostrophesAndAmpersands) {
  const auto apostrophe = ReadSpeakerNote("01.01 Roberto D'Amico (PVDA-PTB):", "DAmicoRoberto");
  ASSERT_TRUE(apostrophe);
  EXPECT_EQ(apostrophe->name, "Roberto D'Amico");
  EXPECT_EQ(apostrophe->party, "PVDA-PTB");
  const auto compound =
      ReadSpeakerNote("Kristien Van Vaerenbergh (N-VA):", "VanVaerenberghKristien");
  ASSERT_TRUE(compound);
  EXPECT_EQ(compound->name, "Kristien Van Vaerenbergh");
  const auto ampersand = ReadSpeakerNote("01.02 Sammy Mahdi (CD&V):", "#MahdiSammy");
  ASSERT_TRUE(ampersand);
  EXPECT_EQ(ampersand->party, "CD&V");
}

TEST(SpeakerNote, AccentsAndCaseDoNotMatter) {
  const auto note = ReadSpeakerNote("Sophie Wilmès, première ministre:", "WilmesSophie");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->name, "Sophie Wilmès");
  EXPECT_EQ(note->party, "");
}

TEST(SpeakerNote, ParenthesisAfterAnOfficeIsNoParty) {
  const auto note = ReadSpeakerNote("Koen Geens, minister (Justitie):", "GeensKoen");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->name, "Koen Geens");
  EXPECT_EQ(note->party, "");
}

TEST(SpeakerNote, TitleBeforeTheNameIsLeftOut) {
  const auto note = ReadSpeakerNote("02.02 Staatssecretaris Mathieu Michel:", "MichelMathieu");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->name, "Mathieu Michel");
}

TEST(SpeakerNote, NoteNamingSomeoneElseOrNoOneGivesNothing) {
  EXPECT_FALSE(ReadSpeakerNote("De voorzitter:", "BrackeSiegfried"));
  EXPECT_FALSE(ReadSpeakerNote("La présidente:", "VanVaerenberghKristien"));
  EXPECT_FALSE(ReadSpeakerNote("01.01 Annick Ponthier (VB):", "MahdiSammy"));
  EXPECT_FALSE(ReadSpeakerNote("01.01 Annick Ponthier (VB):", ""));
}

}  // namespace
}  // namespace parlsearch
