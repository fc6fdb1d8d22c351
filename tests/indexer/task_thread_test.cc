#include "task_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace parlsearch {
namespace {

TEST(TaskThread, RunsTasksInTheOrderGiven) {
  std::vector<int> order;
  {
    TaskThread thread(2);
    for (int i = 0; i < 100; ++i) thread.Post([&order, i] { order.push_back(i); });
    thread.Drain();
    EXPECT_EQ(order.size(), 100u);
    for (int i = 0; i < 100; ++i) thread.Post([&order, i] { order.push_back(100 + i); });
  }  // the destructor runs what was given
  ASSERT_EQ(order.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(order[i], i);
}

TEST(TaskThread, AFailedTaskDropsTheRestAndIsReportedOnce) {
  TaskThread thread(100);
  std::atomic<int> ran = 0;
  // The first task waits until all three are given, so that none is given after the failure
  // (Post() would report it instead).
  std::promise<void> given;
  std::shared_future<void> all_given = given.get_future().share();
  thread.Post([&ran, all_given] {
    all_given.wait();
    ++ran;
  });
  thread.Post([] { throw std::runtime_error("disk full"); });
  thread.Post([&ran] { ++ran; });
  given.set_value();
  try {
    thread.Drain();
    ADD_FAILURE() << "no failure reported";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "disk full");
  }
  EXPECT_EQ(ran, 1) << "the task after the failed one depended on it";
  thread.Post([&ran] { ++ran; });
  EXPECT_NO_THROW(thread.Drain());
  EXPECT_EQ(ran, 2);
}

TEST(TaskThread, AFailureIsReportedByTheNextPostIfNoDrainCameFirst) {
  TaskThread thread(100);
  thread.Post([] { throw std::runtime_error("disk full"); });
  // Without Drain(), a later Post() reports it (tasks given before that are dropped).
  bool reported = false;
  for (int i = 0; i < 1000000 && !reported; ++i) {
    try {
      thread.Post([] {});
    } catch (const std::runtime_error& error) {
      EXPECT_STREQ(error.what(), "disk full");
      reported = true;
    }
    std::this_thread::yield();
  }
  EXPECT_TRUE(reported);
  EXPECT_NO_THROW(thread.Drain()) << "reported once";
}

}  // namespace
}  // namespace parlsearch
