#include "searcher_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using Clock = std::chrono::steady_clock;

class SearcherPoolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    IndexWriter writer(directory_->path());
    writer.Replace(ReportReader().ReadFile(testing::BundledReport()));
    writer.Commit();
  }
  static void TearDownTestSuite() { delete directory_; }

  static testing::TempDir* directory_;
};

testing::TempDir* SearcherPoolTest::directory_ = nullptr;

TEST_F(SearcherPoolTest, AWaiterThatGivesUpIsBusyAndDoesNotHoldUpThoseBehind) {
  SearcherPool pool(directory_->path(), 1);
  std::optional<SearcherPool::Lease> held(pool.Acquire());
  // Every searcher is lent: a deadline passes.
  EXPECT_THROW(pool.Acquire(Clock::now() + std::chrono::milliseconds(50)), SearchersBusy);

  // A waiter without a deadline, behind the one that gave up, is served when the searcher is
  // back.
  bool served = false;
  std::thread waiter([&] {
    auto lease = pool.Acquire();
    served = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(served);
  held.reset();
  waiter.join();
  EXPECT_TRUE(served);
  EXPECT_NO_THROW(pool.Acquire(Clock::now() + std::chrono::milliseconds(50)));
}

}  // namespace
}  // namespace parlsearch
