// Servers the end-to-end tests start on loopback: `parlsearch serve` and Xapian's
// `xapian-tcpsrv`. Each is stopped by its own process id when the object goes.
#ifndef PARLSEARCH_TESTS_TESTING_PROCESSES_H_
#define PARLSEARCH_TESTS_TESTING_PROCESSES_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace parlsearch::testing {

// `parlsearch serve --db DATABASE --port 0 --threads 2` in the background, its log in `log`; its
// port is read from the line it prints (0 if it did not start).
class ServeProcess {
 public:
  ServeProcess(const std::string& database, const std::string& log,
               const std::vector<std::string>& extra_arguments = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // Sends SIGTERM and returns the exit status.
  int Stop();
  int port() const { return port_; }
  std::string log() const;

 private:
  std::string log_;
  pid_t pid_ = 0;
  int port_ = 0;
};

// `xapian-tcpsrv` serving `database` read-only on a free port of 127.0.0.1, ready to answer when
// the constructor returns.
class ShardServer {
 public:
  explicit ShardServer(const std::string& database);
  ~ShardServer();
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;

  // Stops the server and the processes it forked for its connections, so that the shard is
  // down for everyone.
  void Stop();
  // Starts it again on the same port. False if it could not (the port was taken meanwhile).
  bool Start();
  // Freezes the server and its connections' processes, as a shard that hangs: connections stay
  // open (new ones too, in the kernel's queue) but nothing answers. Resume() thaws them.
  void Pause();
  void Resume();

  int port() const { return port_; }
  // The stub file line for this shard.
  std::string StubLine() const;

 private:
  bool StartOn(int port);
  std::string database_;
  pid_t pid_ = 0;
  int port_ = 0;
  std::vector<pid_t> paused_;
};

// A free TCP port on 127.0.0.1 (free when asked: start the server soon).
int FreeLoopbackPort();

}  // namespace parlsearch::testing

#endif  // PARLSEARCH_TESTS_TESTING_PROCESSES_H_
