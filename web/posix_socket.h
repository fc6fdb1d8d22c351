// The POSIX socket calls the connection code shares, in the form it needs them: a socket's
// addresses as text, and waiting for a socket until a deadline rather than for a timeout, so that
// a deadline holds however many times a wait is resumed.
#ifndef PARLSEARCH_WEB_POSIX_SOCKET_H_
#define PARLSEARCH_WEB_POSIX_SOCKET_H_

#include <chrono>
#include <string>

namespace parlsearch {

// The numeric address of one end of the socket `fd`: the client's with `peer`, else the server's.
// Empty `ip` and a `port` of 0 if the socket cannot say.
void SocketAddress(int fd, bool peer, std::string& ip, int& port);

// The client's numeric IP address, or "an unknown address".
std::string PeerAddress(int fd);

// Waits until `fd` is ready for `events` (poll's POLLIN, POLLOUT) or `deadline` passes; false at
// the deadline. True on a poll error too: the next recv or send reports it.
bool PollUntil(int fd, short events, std::chrono::steady_clock::time_point deadline);

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_POSIX_SOCKET_H_
