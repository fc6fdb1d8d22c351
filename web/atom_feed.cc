#include "atom_feed.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace parlsearch {
namespace {

std::string Escaped(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        // XML 1.0 has no place for other control characters; they become spaces.
        escaped += static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' ? ' ' : c;
    }
  }
  return escaped;
}

// A path segment of a URL: every byte but unreserved characters percent-encoded.
std::string PathSegment(const std::string& text) {
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return encoded;
}

std::string Timestamp(const std::string& date, const std::string& fallback) {
  return date.size() == 10 ? date + "T00:00:00Z" : fallback;
}

std::string Title(const Paragraph& paragraph) {
  std::string title = paragraph.speaker.empty() ? paragraph.doc : paragraph.speaker;
  if (!paragraph.party.empty()) title += " (" + paragraph.party + ")";
  if (!paragraph.speaker.empty()) title += ", " + paragraph.doc;
  return title;
}

}  // namespace

std::string AtomFeed(const SearchResult& result, const FeedLinks& links) {
  std::string updated;
  for (const Hit& hit : result.hits) updated = std::max(updated, hit.matched.paragraph.date);
  std::string feed =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  feed += "  <id>" + Escaped(links.base + links.self) + "</id>\n";
  feed += "  <title>parlsearch: " + Escaped(result.query) + "</title>\n";
  feed += "  <updated>" + Timestamp(updated, links.now) + "</updated>\n";
  feed += "  <author><name>parlsearch</name></author>\n";
  feed += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
          Escaped(links.base + links.self) + "\"/>\n";
  feed += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
          Escaped(links.base + links.page) + "\"/>\n";
  for (const Hit& hit : result.hits) {
    const Paragraph& paragraph = hit.matched.paragraph;
    const std::string url = links.base + "/api/paragraphs/" + PathSegment(paragraph.id);
    // The page shows the paragraph in its context, under the feed's search.
    const std::string page = links.base + links.page +
                             (links.page.find('?') == std::string::npos ? "?" : "&") +
                             "paragraph=" + PathSegment(paragraph.id);
    std::string text = paragraph.text;
    if (hit.translation) text += "\n\n" + hit.translation->paragraph.text;
    feed += "  <entry>\n";
    feed += "    <id>" + Escaped(url) + "</id>\n";
    feed += "    <title>" + Escaped(Title(paragraph)) + "</title>\n";
    feed += "    <updated>" + Timestamp(paragraph.date, links.now) + "</updated>\n";
    if (!paragraph.speaker.empty()) {
      feed += "    <author><name>" + Escaped(paragraph.speaker) + "</name></author>\n";
    }
    feed += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + Escaped(page) + "\"/>\n";
    feed +=
        "    <link rel=\"alternate\" type=\"application/json\" href=\"" + Escaped(url) + "\"/>\n";
    feed += "    <content type=\"text\" xml:lang=\"" + std::string(LanguageCode(paragraph.lang)) +
            "\">" + Escaped(text) + "</content>\n";
    feed += "  </entry>\n";
  }
  feed += "</feed>\n";
  return feed;
}

}  // namespace parlsearch
