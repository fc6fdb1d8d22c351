#include "testing/processes.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

extern char** environ;

namespace parlsearch::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

pid_t Spawn(std::vector<std::string> arguments, const std::string& out, const std::string& err) {
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return error == 0 ? pid : 0;
}

// Stops `pid` and waits for it.
void Terminate(pid_t pid) {
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
}

// The processes whose parent is `parent`, from /proc.
std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> children;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return children;
  while (const dirent* entry = readdir(proc)) {
    const std::string name = entry->d_name;
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    // /proc/PID/stat: "PID (COMMAND) STATE PPID ..."; the command may hold spaces.
    const std::string stat = ReadFile("/proc/" + name + "/stat");
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 1));
    std::string state;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent) children.push_back(static_cast<pid_t>(std::stoi(name)));
  }
  closedir(proc);
  return children;
}

bool Connects(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return connected;
}

}  // namespace

ServeProcess::ServeProcess(const std::string& database, const std::string& log,
                           const std::vector<std::string>& extra_arguments)
    : log_(log) {
  std::vector<std::string> arguments = {PARLSEARCH_BINARY, "serve", "--db",      database,
                                        "--port",          "0",     "--threads", "2"};
  arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());
  pid_ = Spawn(arguments, "/dev/null", log);
  const std::regex serving(R"(serving .* on http://127\.0\.0\.1:(\d+)/)");
  for (int i = 0; i < 500 && port_ == 0 && pid_ > 0; ++i) {
    std::smatch match;
    const std::string text = ReadFile(log);
    if (std::regex_search(text, match, serving)) port_ = std::stoi(match[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Stop();
}

int ServeProcess::Stop() {
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = 0;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ServeProcess::log() const { return ReadFile(log_); }

int FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

ShardServer::ShardServer(const std::string& database) : database_(database) {
  // A port found free may be taken before the server binds it: try a few.
  for (int attempt = 0; attempt < 5 && pid_ == 0; ++attempt) StartOn(FreeLoopbackPort());
}

ShardServer::~ShardServer() { Stop(); }

bool ShardServer::StartOn(int port) {
  pid_ = Spawn({"xapian-tcpsrv", "--port", std::to_string(port), "--interface", "127.0.0.1",
                "--quiet", database_},
               "/dev/null", "/dev/null");
  if (pid_ == 0) return false;
  for (int i = 0; i < 500; ++i) {
    if (Connects(port)) {
      port_ = port;
      return true;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) break;  // it could not listen there
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Terminate(pid_);
  pid_ = 0;
  return false;
}

void ShardServer::Stop() {
  if (pid_ == 0) return;
  Resume();
  // The server forks a process per connection: stop those first, each by its id, then the
  // server, which would otherwise fork new ones.
  kill(pid_, SIGSTOP);
  // The connections close as each process dies (it is the server's to reap, not ours).
  for (const pid_t child : ChildrenOf(pid_)) kill(child, SIGKILL);
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
}

void ShardServer::Pause() {
  if (pid_ == 0 || !paused_.empty()) return;
  kill(pid_, SIGSTOP);
  paused_ = {pid_};
  for (const pid_t child : ChildrenOf(pid_)) {
    kill(child, SIGSTOP);
    paused_.push_back(child);
  }
}

void ShardServer::Resume() {
  for (const pid_t process : paused_) kill(process, SIGCONT);
  paused_.clear();
}

bool ShardServer::Start() {
  if (pid_ != 0) return true;
  for (int i = 0; i < 100; ++i) {
    if (StartOn(port_)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string ShardServer::StubLine() const {
  return "remote 127.0.0.1:" + std::to_string(port_) + "\n";
}

}  // namespace parlsearch::testing
