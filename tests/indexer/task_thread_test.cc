#include "task_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
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
  thread.Post([&ran] { ++ran; });
  thread.Post([] { throw std::runtime_error("disk full"); });
  thread.Post([&ran] { ++ran; });
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

}  // namespace
}  // namespace parlsearch
