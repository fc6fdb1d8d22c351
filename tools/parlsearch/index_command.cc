// parlsearch index, delete, lexicon, stats and check: building and inspecting an index.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "database_path.h"
#include "parlsearch/indexer/index_copy.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/indexer/source_indexer.h"
#include "parlsearch/schema/date.h"
#include "parlsearch/schema/index_check.h"
#include "parlsearch/schema/index_stats.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/schema/schema.h"
#include "progress_bar.h"
#include "remote_timeout_options.h"

namespace parlsearch::cli {
namespace {

struct IndexOptions {
  std::string database;
  std::string roster;
  std::string format = "auto";
  std::string date;
  bool verbose = false;
  std::size_t batch = IndexRunOptions().batch_paragraphs;
  std::size_t shards = 0;
  std::vector<std::string> paths;
};

std::string Plural(std::uint64_t count, const char* word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

void PrintLexiconReport(const LexiconReport& report, const std::string& database) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  std::cout << "lexicon of " << database << ": " << Plural(report.entries, "translation") << " ("
            << report.from_pairs << " learned from " << Plural(report.pairs_read, "pair") << ", "
            << report.from_dictionary << " from the dictionaries (" << report.dictionaries_read
            << " of 2 found), " << report.from_cognates << " cognates) in " << seconds << " s\n";
}

int RunIndex(const IndexOptions& options) {
  const auto format = ParseFormat(options.format);
  if (!format) {
    std::cerr << "parlsearch: unknown format '" << options.format << "' (" << FormatNames()
              << ")\n";
    return kExitUsage;
  }
  Roster roster;
  IndexRunOptions run;
  run.source.format = *format;
  if (!options.date.empty() && !schema::TryCompactDate(options.date)) {
    std::cerr << "parlsearch: --date " << options.date << " is not a date (YYYY-MM-DD)\n";
    return kExitUsage;
  }
  run.source.date = options.date;
  run.batch_paragraphs = options.batch;
  run.shards = options.shards;
  if (!options.roster.empty()) {
    roster = Roster::Load(options.roster);
    run.source.roster = &roster;
  }
  ProgressBar bar;
  run.on_progress = [&bar](const IndexProgress& progress) { bar.Update(progress); };
  if (options.verbose) {
    run.on_note = [&bar](const std::string& note) {
      bar.Finish();
      std::cerr << note << '\n';
    };
  }
  const std::string database = DatabasePath(options.database);
  const IndexReport report = IndexSources(database, options.paths, run);
  bar.Finish();
  for (const FileFailure& failure : report.failures) {
    std::cerr << "parlsearch: " << failure.message
              << (failure.unknown_format ? "; use --format" : "") << '\n';
  }

  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  const double rate = report.seconds > 0 ? report.paragraphs / report.seconds : 0;
  std::cout << "indexed " << Plural(report.documents, "document") << " ("
            << Plural(report.paragraphs, "paragraph") << ") from " << Plural(report.files, "file")
            << " in " << seconds << " s (" << static_cast<long>(rate) << " paragraphs/s) into "
            << database;
  if (!report.failures.empty())
    std::cout << "; " << Plural(report.failures.size(), "file") << " failed";
  std::cout << '\n';
  if (report.lexicon) PrintLexiconReport(*report.lexicon, database);
  return report.failures.empty() ? 0 : kExitFailure;
}

struct ReshardOptions {
  std::string database;
  std::string to;
  std::size_t shards = 1;
  std::size_t batch = IndexRunOptions().batch_paragraphs;
  RemoteTimeouts remote_timeouts;
};

int RunReshard(const ReshardOptions& options) {
  const std::string database = DatabasePath(options.database);
  IndexRunOptions run;
  run.shards = options.shards;
  run.batch_paragraphs = options.batch;
  const IndexReport report = CopyIndex(database, options.to, run, options.remote_timeouts);
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  std::cout << "copied " << Plural(report.documents, "document") << " ("
            << Plural(report.paragraphs, "paragraph") << ") from " << database << " into "
            << options.to << ", "
            << (options.shards > 1 ? Plural(options.shards, "shard") : "one database") << ", in "
            << seconds << " s\n";
  if (report.lexicon) PrintLexiconReport(*report.lexicon, options.to);
  return 0;
}

struct DeleteOptions {
  std::string database;
  std::string document;
};

int RunDelete(const DeleteOptions& options) {
  const std::string database = DatabasePath(options.database);
  schema::OpenForReading(database);  // a clear error if there is no index
  IndexWriter writer(database);
  const std::size_t removed = writer.Remove(options.document);
  if (removed > 0) writer.RebuildLexicon();
  writer.Commit();
  if (removed == 0) {
    std::cerr << "parlsearch: " << database << ": no document '" << options.document << "'\n";
    return kExitFailure;
  }
  std::cout << "removed " << options.document << " (" << Plural(removed, "paragraph") << ") from "
            << database << '\n';
  return 0;
}

struct LexiconCommandOptions {
  std::string database;
  bool print = false;
};

int RunLexicon(const LexiconCommandOptions& options) {
  const std::string database = DatabasePath(options.database);
  const Xapian::Database reader = schema::OpenForReading(database);
  if (options.print) {
    std::cout << ReadLexicon(reader).Serialize();
    return 0;
  }
  IndexWriter writer(database);
  const LexiconReport report = writer.RebuildLexicon();
  writer.Commit();
  PrintLexiconReport(report, database);
  return 0;
}

struct StatsOptions {
  std::string database;
  bool json = false;
  RemoteTimeouts remote_timeouts;
};

int RunStats(const StatsOptions& options) {
  const IndexStats stats = ReadIndexStats(DatabasePath(options.database), options.remote_timeouts);
  if (options.json) {
    std::cout << IndexStatsToJson(stats, /*include_path=*/true, 2) << '\n';
    return 0;
  }
  std::cout << "index        " << stats.path << '\n'
            << "documents    " << stats.documents << '\n'
            << "paragraphs   " << stats.paragraphs << '\n';
  for (const auto& [language, count] : stats.paragraphs_per_language) {
    std::cout << "  " << language << "         " << count << '\n';
  }
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", stats.bytes_on_disk / 1e6);
  std::cout << "speakers     " << stats.speakers << '\n'
            << "parties      " << stats.parties << '\n'
            << "terms        " << stats.terms << '\n'
            << "size on disk " << size << '\n';
  if (!stats.shards.empty()) std::cout << "shards       " << stats.shards.size() << '\n';
  for (const ShardStats& shard : stats.shards) {
    std::cout << "  " << shard.name << ": " << Plural(shard.documents, "document") << ", "
              << Plural(shard.paragraphs, "paragraph");
    if (shard.remote) {
      std::cout << " (remote)";
    } else {
      std::snprintf(size, sizeof size, "%.1f MB", shard.bytes_on_disk / 1e6);
      std::cout << ", " << size;
    }
    std::cout << '\n';
  }
  return 0;
}

struct CheckOptions {
  std::string database;
};

int RunCheck(const CheckOptions& options) {
  const std::string database = DatabasePath(options.database);
  const IndexCheck check = CheckIndex(database);
  if (check.sound()) {
    std::cout << database << ": sound (" << Plural(check.paragraphs, "paragraph")
              << "; every table and record read)\n";
    return 0;
  }
  for (const std::string& problem : check.problems) {
    std::cerr << "parlsearch: " << database << ": " << problem << '\n';
  }
  std::cerr << "parlsearch: " << database
            << ": damaged; rebuild it with parlsearch index into an empty folder\n";
  return kExitFailure;
}

void AddDatabaseOption(CLI::App* command, std::string* database) {
  command->add_option(
      "--db", *database,
      "Index folder (default: $PARLSEARCH_DB, else ~/.local/share/parlsearch/index)");
}

}  // namespace

Action AddIndexCommand(CLI::App& app) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* command = app.add_subcommand(
      "index", "Index source files and folders (a document indexed again is replaced)");
  AddDatabaseOption(command, &options->database);
  command->add_option("--roster", options->roster,
                      "Members and parties (TSV: name party role from to)");
  command->add_option("--date", options->date,
                      "Sitting date (YYYY-MM-DD) of documents whose source and metadata file "
                      "(SOURCE.meta: docs/formats.md) give none");
  command->add_option("--format", options->format, "Source format: " + FormatNames())
      ->default_str("auto");
  command->add_flag("-v,--verbose", options->verbose, "Say how each file is read");
  command
      ->add_option("--batch", options->batch,
                   "Commit once this many paragraphs wait, at the end of a file (larger is "
                   "faster; a stopped run leaves each file whole or out)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--shards", options->shards,
                   "Make a new index of this many shards, written in parallel, each document in "
                   "one (docs/sharding.md); an existing index keeps its number")
      ->check(CLI::Range(1, 256));
  command->add_option("paths", options->paths, "Files and folders (searched recursively)")
      ->required();
  return [options] { return RunIndex(*options); };
}

Action AddReshardCommand(CLI::App& app) {
  auto options = std::make_shared<ReshardOptions>();
  CLI::App* command = app.add_subcommand(
      "reshard",
      "Copy an index into a new one of another number of shards, from the paragraphs it stores "
      "(docs/sharding.md); the index copied is only read");
  AddDatabaseOption(command, &options->database);
  command->add_option("--to", options->to, "The new index's folder (absent or empty)")->required();
  command
      ->add_option("--shards", options->shards,
                   "Shards of the new index (1: one database), each document in one")
      ->required()
      ->check(CLI::Range(1, 256));
  command
      ->add_option("--batch", options->batch,
                   "Commit once this many paragraphs wait (larger is faster)")
      ->check(CLI::PositiveNumber);
  AddRemoteTimeoutOptions(command, &options->remote_timeouts);
  return [options] { return RunReshard(*options); };
}

Action AddDeleteCommand(CLI::App& app) {
  auto options = std::make_shared<DeleteOptions>();
  CLI::App* command = app.add_subcommand("delete", "Remove a document from an index");
  AddDatabaseOption(command, &options->database);
  command->add_option("--doc", options->document, "Document id (as in `parse` output)")->required();
  return [options] { return RunDelete(*options); };
}

Action AddLexiconCommand(CLI::App& app) {
  auto options = std::make_shared<LexiconCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "lexicon",
      "Rebuild the index's Dutch-French lexicon (index and delete do it too): from its "
      "translation pairs, the FreeDict dictionaries and cognates");
  AddDatabaseOption(command, &options->database);
  command->add_flag("--print", options->print,
                    "Print the stored lexicon instead (docs/design.md gives its form)");
  return [options] { return RunLexicon(*options); };
}

Action AddStatsCommand(CLI::App& app) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* command = app.add_subcommand("stats", "Show what an index holds");
  AddDatabaseOption(command, &options->database);
  command->add_flag("--json", options->json, "Print one JSON object");
  AddRemoteTimeoutOptions(command, &options->remote_timeouts);
  return [options] { return RunStats(*options); };
}

Action AddCheckCommand(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "Check that an index is sound: every table, block and record (exit 1 if not)");
  AddDatabaseOption(command, &options->database);
  return [options] { return RunCheck(*options); };
}

}  // namespace parlsearch::cli
