// Reading XML as a stream of element and text events, on libxml2's xmlTextReader: the one place
// the corpus module touches libxml2. Internal to the corpus module.
#ifndef PARLSEARCH_CORPUS_XML_READER_H_
#define PARLSEARCH_CORPUS_XML_READER_H_

#include <memory>
#include <string>
#include <string_view>

namespace parlsearch {

// A forward-only reader of one XML file. The file is never loaded whole, so sittings of any
// size read in constant memory. No network access, no external DTDs, no entity expansion beyond
// the predefined entities (&amp; …).
class XmlReader {
 public:
  enum class Event {
    kStart,  // an element's start tag (an empty element gives kStart then kEnd)
    kEnd,    // an element's end tag
    kText,   // character data, white space included
    kDone,   // the end of the document
  };

  // Opens `path`. Throws InputError if it cannot be read.
  explicit XmlReader(const std::string& path);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Moves to the next event. Throws InputError naming the file and line if the XML is not
  // well-formed (or not UTF-8 where it says it is).
  Event Next();

  // The local name (without namespace prefix) of the element of a kStart or kEnd event.
  std::string_view name() const;
  // The value of attribute `qualified_name` ("who", "xml:id") of a kStart event; "" if absent.
  std::string Attribute(const char* qualified_name) const;
  // The xml:lang in force at the current node, inherited from the nearest ancestor that sets
  // it; "" if none does.
  std::string Language() const;
  // The characters of a kText event.
  std::string_view text() const;
  // The line of the current node, 1-based (0 if unknown).
  int line() const;
  // The file being read.
  const std::string& path() const { return path_; }

  // Skips the rest of the element whose kStart event is current: the next event is the one
  // after its kEnd.
  void SkipElement();

  // Reads the rest of the element whose kStart event is current, through its kEnd, and returns
  // the text in it (that of nested elements included), white space collapsed.
  std::string ReadText();

 private:
  struct State;
  std::string path_;
  std::unique_ptr<State> state_;
};

// `text` trimmed, with every run of white space (line breaks and no-break spaces included)
// turned into one space: how XML text reads.
std::string NormalizeSpace(std::string_view text);

// The local name of the root element of the XML file at `path`, read from its first few
// kilobytes; "" if the file cannot be read or does not start like XML.
std::string XmlRootElement(const std::string& path);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_XML_READER_H_
