#include "request_parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

// The side a request searches and shows first: the field that one `lang` sets. Kept to this one
// place, as the field's name is the request's business.
std::optional<Language> SideShownFirst(const SearchRequest& request) { return request.side; }

SearchRequest Parse(const QueryParameters& parameters, const ServerOptions& options = {}) {
  return ParseSearchRequest(parameters, options);
}

// The message of the QueryError that parsing `parameters` throws; "" (and a failure) if none.
std::string ErrorOf(const QueryParameters& parameters, const ServerOptions& options = {}) {
  try {
    ParseSearchRequest(parameters, options);
  } catch (const QueryError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no QueryError";
  return "";
}

// The message of the QueryError that ValidateParameters throws; "" (and a failure) if none.
std::string ValidationErrorOf(const QueryParameters& parameters,
                              const ServerOptions& options = {}) {
  try {
    ValidateParameters(parameters, options);
  } catch (const QueryError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no QueryError";
  return "";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ParseSearchRequest, OnlyTheQueryGivesTheDefaults) {
  ServerOptions options;
  options.time_limit = std::chrono::milliseconds(1500);
  options.max_query_bytes = 600;
  options.query_limits.max_words = 12;
  const SearchRequest request = Parse({{"q", "begroting"}}, options);
  EXPECT_EQ(request.query, "begroting");
  EXPECT_FALSE(SideShownFirst(request).has_value());
  EXPECT_TRUE(request.languages.empty());
  EXPECT_TRUE(request.parties.empty());
  EXPECT_TRUE(request.speakers.empty());
  EXPECT_TRUE(request.documents.empty());
  EXPECT_TRUE(request.sections.empty());
  EXPECT_EQ(request.from_date, "");
  EXPECT_EQ(request.to_date, "");
  EXPECT_TRUE(request.facets.empty());
  EXPECT_EQ(request.sort, SortOrder::kRelevance);
  EXPECT_EQ(request.offset, 0);
  EXPECT_EQ(request.limit, 10);
  EXPECT_TRUE(request.translate);
  // The server's bounds: its time limit, its query limits, and its bound on a query's bytes.
  EXPECT_DOUBLE_EQ(request.time_limit_seconds, 1.5);
  EXPECT_EQ(request.limits.max_words, 12u);
  EXPECT_EQ(request.limits.max_bytes, 600u);
}

TEST(ParseSearchRequest, AMissingOrEmptyQueryIsAnErrorNamingQ) {
  EXPECT_TRUE(ErrorOf({}).starts_with("q:"));
  EXPECT_TRUE(ErrorOf({{"q", ""}}).starts_with("q:"));
  EXPECT_TRUE(ErrorOf({{"party", "MR"}}).starts_with("q:"));
}

TEST(ParseSearchRequest, TheLastNonEmptyQueryCounts) {
  EXPECT_EQ(Parse({{"q", "budget"}, {"q", "begroting"}}).query, "begroting");
  EXPECT_EQ(Parse({{"q", "budget"}, {"q", ""}}).query, "budget");
}

TEST(ParseSearchRequest, OneLanguageChoosesTheSideShownFirst) {
  const SearchRequest dutch = Parse({{"q", "x"}, {"lang", "nl"}});
  EXPECT_EQ(SideShownFirst(dutch), Language::kDutch);
  EXPECT_TRUE(dutch.languages.empty());
  // Codes are case-insensitive.
  EXPECT_EQ(SideShownFirst(Parse({{"q", "x"}, {"lang", "FR"}})), Language::kFrench);
}

TEST(ParseSearchRequest, SeveralLanguagesFilterWithoutChoosingASide) {
  const SearchRequest request = Parse({{"q", "x"}, {"lang", "nl"}, {"lang", "fr"}});
  EXPECT_FALSE(SideShownFirst(request).has_value());
  EXPECT_EQ(request.languages, (std::vector<std::string>{"nl", "fr"}));
}

TEST(ParseSearchRequest, AnUnknownLanguageIsAnErrorNamingLangAndTheCode) {
  const std::string message = ErrorOf({{"q", "x"}, {"lang", "xx"}});
  EXPECT_TRUE(message.starts_with("lang:")) << message;
  EXPECT_TRUE(Contains(message, "'xx'")) << message;
  // Among known ones too.
  EXPECT_TRUE(ErrorOf({{"q", "x"}, {"lang", "nl"}, {"lang", "klingon"}}).starts_with("lang:"));
}

TEST(ParseSearchRequest, FiltersRepeatInTheirOrderAndSkipEmptyValues) {
  const SearchRequest request = Parse({{"q", "x"},
                                       {"party", "MR"},
                                       {"party", ""},
                                       {"party", "Vooruit"},
                                       {"speaker", "Jan Janssens"},
                                       {"doc", "A-805/2"},
                                       {"doc", "B-1/1"},
                                       {"section", "Begroting"}});
  // Every filter of the field table but lang goes into SearchRequest::filters by field name.
  EXPECT_EQ(request.filters.at("party"), (std::vector<std::string>{"MR", "Vooruit"}));
  EXPECT_EQ(request.filters.at("speaker"), (std::vector<std::string>{"Jan Janssens"}));
  EXPECT_EQ(request.filters.at("doc"), (std::vector<std::string>{"A-805/2", "B-1/1"}));
  EXPECT_EQ(request.filters.at("section"), (std::vector<std::string>{"Begroting"}));
}

TEST(ParseSearchRequest, DatesAreTakenAsGivenTheLastOneCounting) {
  const SearchRequest request =
      Parse({{"q", "x"}, {"from", "2020-01-01"}, {"from", "2023-05-10"}, {"to", "2024-03-21"}});
  EXPECT_EQ(request.from_date, "2023-05-10");
  EXPECT_EQ(request.to_date, "2024-03-21");
}

TEST(ParseSearchRequest, FacetsAreCommaSeparatedOrRepeated) {
  EXPECT_EQ(Parse({{"q", "x"}, {"facets", "party,lang"}}).facets,
            (std::vector<std::string>{"party", "lang"}));
  EXPECT_EQ(Parse({{"q", "x"}, {"facets", "party"}, {"facets", "year"}}).facets,
            (std::vector<std::string>{"party", "year"}));
  EXPECT_EQ(Parse({{"q", "x"}, {"facets", ",speaker,,month,"}, {"facets", "doc"}}).facets,
            (std::vector<std::string>{"speaker", "month", "doc"}));
}

TEST(ParseSearchRequest, SortIsRelevanceOrDate) {
  EXPECT_EQ(Parse({{"q", "x"}, {"sort", "date"}}).sort, SortOrder::kDate);
  EXPECT_EQ(Parse({{"q", "x"}, {"sort", "relevance"}}).sort, SortOrder::kRelevance);
  const std::string message = ErrorOf({{"q", "x"}, {"sort", "random"}});
  EXPECT_TRUE(message.starts_with("sort:")) << message;
}

TEST(ParseSearchRequest, OffsetAndLimitAreWholeNumbersWithinTheServersBounds) {
  ServerOptions options;
  options.max_limit = 50;
  options.max_offset = 200;
  const SearchRequest request = Parse({{"q", "x"}, {"offset", "200"}, {"limit", "50"}}, options);
  EXPECT_EQ(request.offset, 200);
  EXPECT_EQ(request.limit, 50);
  EXPECT_EQ(Parse({{"q", "x"}, {"limit", "0"}}, options).limit, 0);

  for (const std::string value : {"51", "-1", "ten", "5x", "", " 5", "99999999999999999999"}) {
    SCOPED_TRACE(value);
    if (value.empty()) {
      EXPECT_EQ(Parse({{"q", "x"}, {"limit", value}}, options).limit, 10);
      continue;
    }
    const std::string message = ErrorOf({{"q", "x"}, {"limit", value}}, options);
    EXPECT_TRUE(message.starts_with("limit")) << message;
    EXPECT_TRUE(Contains(message, "from 0 to 50")) << message;
  }
  const std::string message = ErrorOf({{"q", "x"}, {"offset", "201"}}, options);
  EXPECT_TRUE(message.starts_with("offset")) << message;
  EXPECT_TRUE(Contains(message, "from 0 to 200")) << message;
  EXPECT_TRUE(ErrorOf({{"q", "x"}, {"offset", "-5"}}, options).starts_with("offset"));
}

TEST(ParseSearchRequest, TranslateIsTurnedOffByFalseZeroOrNo) {
  for (const std::string off : {"false", "0", "no"}) {
    EXPECT_FALSE(Parse({{"q", "x"}, {"translate", off}}).translate) << off;
  }
  for (const std::string on : {"true", "1", "yes", ""}) {
    EXPECT_TRUE(Parse({{"q", "x"}, {"translate", on}}).translate) << on;
  }
}

TEST(ParseSearchRequest, ExactIsTurnedOnByTrueOneOrYes) {
  EXPECT_FALSE(Parse({{"q", "x"}}).exact);
  for (const std::string on : {"true", "1", "yes"}) {
    EXPECT_TRUE(Parse({{"q", "x"}, {"exact", on}}).exact) << on;
  }
  for (const std::string off : {"false", "0", "no", ""}) {
    EXPECT_FALSE(Parse({{"q", "x"}, {"exact", off}}).exact) << off;
  }
}

TEST(ParseSearchRequest, AQueryOverTheServersBoundIsAnErrorNamingQ) {
  ServerOptions options;
  options.max_query_bytes = 20;
  EXPECT_EQ(Parse({{"q", std::string(20, 'a')}}, options).query.size(), 20u);
  const std::string message = ErrorOf({{"q", std::string(21, 'a')}}, options);
  EXPECT_TRUE(message.starts_with("q:")) << message;
  EXPECT_TRUE(Contains(message, "20 bytes")) << message;
}

TEST(ParseSearchRequest, RefusesWhatValidateParametersRefuses) {
  EXPECT_TRUE(ErrorOf({{"q", "x"}, {"speaker", "Jan\xff"}}).starts_with("speaker:"));
  ServerOptions options;
  options.max_parameters = 2;
  EXPECT_TRUE(Contains(ErrorOf({{"q", "x"}, {"party", "A"}, {"party", "B"}}, options),
                       "too many parameters"));
}

TEST(ValidateParameters, AcceptsUtf8ValuesWithinTheBounds) {
  const std::string query = "l’interopérabilité";
  ServerOptions options;
  options.max_parameters = 3;
  options.max_query_bytes = query.size();
  EXPECT_NO_THROW(
      ValidateParameters({{"q", query}, {"speaker", "Zoë Genot"}, {"id", "x"}}, options));
  EXPECT_NO_THROW(ValidateParameters({}, options));
}

TEST(ValidateParameters, TooManyParametersAreAnErrorGivingTheBound) {
  ServerOptions options;
  options.max_parameters = 3;
  QueryParameters parameters = {{"party", "A"}, {"party", "B"}, {"party", "C"}};
  EXPECT_NO_THROW(ValidateParameters(parameters, options));
  parameters.emplace("party", "D");
  const std::string message = ValidationErrorOf(parameters, options);
  EXPECT_TRUE(Contains(message, "too many parameters")) << message;
  EXPECT_TRUE(Contains(message, "3")) << message;
}

TEST(ValidateParameters, AValueThatIsNotUtf8IsAnErrorNamingItsParameter) {
  // A lone continuation byte, a truncated sequence, an overlong encoding of '/'.
  for (const std::string value : {"\x80", "caf\xc3", "\xc0\xaf", "ok\xed\xa0\x80"}) {
    const std::string message = ValidationErrorOf({{"q", "x"}, {"lang", value}});
    EXPECT_EQ(message, "lang: not valid UTF-8");
  }
}

TEST(ValidateParameters, ANameThatIsNotUtf8IsAnErrorThatDoesNotRepeatIt) {
  const std::string message = ValidationErrorOf({{"q\xff", "x"}});
  EXPECT_TRUE(Contains(message, "name is not valid UTF-8")) << message;
  EXPECT_FALSE(Contains(message, "\xff"));
  EXPECT_TRUE(Contains(ValidationErrorOf({{std::string(101, 'n'), "x"}}), "longer than 100"));
  EXPECT_NO_THROW(ValidateParameters({{std::string(100, 'n'), "x"}}, ServerOptions{}));
}

TEST(ValidateParameters, AnOverlongValueOfAnyParameterIsAnErrorNamingIt) {
  ServerOptions options;
  options.max_query_bytes = 8;
  EXPECT_NO_THROW(ValidateParameters({{"section", "12345678"}}, options));
  const std::string message = ValidationErrorOf({{"section", "123456789"}}, options);
  EXPECT_TRUE(message.starts_with("section:")) << message;
  EXPECT_TRUE(Contains(message, "8 bytes")) << message;
  // Counted in bytes, not characters: four two-byte letters and one more.
  EXPECT_NO_THROW(ValidateParameters({{"speaker", "éééé"}}, options));
  EXPECT_TRUE(ValidationErrorOf({{"speaker", "ééééa"}}, options).starts_with("speaker:"));
}

}  // namespace
}  // namespace parlsearch
