// The server's log lines. Their text comes partly from clients (a request's method and path), so
// each line is escaped before it is written: a request must not be able to start a line of its
// own or send a terminal escape sequence to whoever reads the log.
#ifndef PARLSEARCH_WEB_LOG_LINE_H_
#define PARLSEARCH_WEB_LOG_LINE_H_

#include <chrono>
#include <string>
#include <string_view>

namespace parlsearch {

// `text` as one log line: control characters (C0, DEL, C1), backslashes and bytes that are not
// UTF-8 become \xNN.
std::string EscapeForLog(std::string_view text);

// A duration as the log's lines give it: "5000 ms".
std::string FormatMilliseconds(std::chrono::milliseconds duration);

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_LOG_LINE_H_
