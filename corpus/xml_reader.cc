#include "xml_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>

#include <fstream>

#include "parlsearch/error.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// No network, no DTD loading, no entity substitution: a source file cannot make the reader
// fetch or expand anything.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOWARNING;

const char* Chars(const xmlChar* text) { return reinterpret_cast<const char*>(text); }
const xmlChar* XmlChars(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

// The first error libxml2 reports, kept until the reader turns it into an InputError.
struct ParseError {
  bool failed = false;
  std::string message;
  int line = 0;
};

// libxml2 2.12 made the error it passes const.
#if LIBXML_VERSION >= 21200
using ErrorPointer = const xmlError*;
#else
using ErrorPointer = xmlError*;
#endif

// Keeps the first error, with the line where the parser found it (the reader's own locator
// would give the line of the element left open instead).
void RecordError(void* arg, ErrorPointer error) {
  auto* first = static_cast<ParseError*>(arg);
  if (first->failed || error == nullptr || error->level < XML_ERR_ERROR) return;
  first->failed = true;
  first->message = NormalizeSpace(error->message != nullptr ? error->message : "parse error");
  first->line = error->line;
}

}  // namespace

struct XmlReader::State {
  xmlTextReaderPtr reader = nullptr;
  ParseError error;
  bool pending_end = false;  // the current element is empty: its kEnd comes next
  bool positioned = false;   // SkipElement() already moved to the next node
  int positioned_status = 0;

  ~State() {
    if (reader != nullptr) xmlFreeTextReader(reader);
  }
};

XmlReader::XmlReader(const std::string& path) : path_(path), state_(std::make_unique<State>()) {
  if (!std::ifstream(path, std::ios::binary)) throw InputError(path, "cannot read");
  xmlInitParser();
  state_->reader = xmlReaderForFile(path.c_str(), nullptr, kParseOptions);
  if (state_->reader == nullptr) throw InputError(path, "cannot read as XML");
  xmlTextReaderSetStructuredErrorHandler(state_->reader, RecordError, &state_->error);
}

XmlReader::~XmlReader() = default;

XmlReader::Event XmlReader::Next() {
  State& state = *state_;
  if (state.pending_end) {
    state.pending_end = false;
    return Event::kEnd;
  }
  for (;;) {
    int status = 0;
    if (state.positioned) {
      state.positioned = false;
      status = state.positioned_status;
    } else {
      status = xmlTextReaderRead(state.reader);
    }
    if (state.error.failed || status < 0) {
      const int line = state.error.line > 0 ? state.error.line : this->line();
      throw InputError(
          path_,
          "malformed XML: " + (state.error.message.empty() ? "parse error" : state.error.message),
          line);
    }
    if (status == 0) return Event::kDone;
    switch (xmlTextReaderNodeType(state.reader)) {
      case XML_READER_TYPE_ELEMENT:
        state.pending_end = xmlTextReaderIsEmptyElement(state.reader) == 1;
        return Event::kStart;
      case XML_READER_TYPE_END_ELEMENT:
        return Event::kEnd;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        return Event::kText;
      default:
        break;  // comments, processing instructions, the document type: not content
    }
  }
}

void XmlReader::SkipElement() {
  State& state = *state_;
  if (state.pending_end) {
    state.pending_end = false;
    return;
  }
  state.positioned_status = xmlTextReaderNext(state.reader);
  state.positioned = true;
}

std::string_view XmlReader::name() const {
  const xmlChar* name = xmlTextReaderConstLocalName(state_->reader);
  return name != nullptr ? Chars(name) : "";
}

std::string XmlReader::Attribute(const char* qualified_name) const {
  xmlChar* value = xmlTextReaderGetAttribute(state_->reader, XmlChars(qualified_name));
  if (value == nullptr) return "";
  std::string result = Chars(value);
  xmlFree(value);
  return result;
}

std::string XmlReader::Language() const {
  const xmlChar* language = xmlTextReaderConstXmlLang(state_->reader);
  return language != nullptr ? Chars(language) : "";
}

std::string_view XmlReader::text() const {
  const xmlChar* value = xmlTextReaderConstValue(state_->reader);
  return value != nullptr ? Chars(value) : "";
}

std::string XmlReader::ReadText() {
  std::string text;
  if (state_->pending_end) {
    state_->pending_end = false;
    return text;
  }
  for (int depth = 1; depth > 0;) {
    switch (Next()) {
      case Event::kStart:
        ++depth;
        break;
      case Event::kEnd:
        --depth;
        break;
      case Event::kText:
        text += this->text();
        break;
      case Event::kDone:
        depth = 0;
        break;
    }
  }
  return NormalizeSpace(text);
}

int XmlReader::line() const { return xmlTextReaderGetParserLineNumber(state_->reader); }

std::string NormalizeSpace(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '\n') c = ' ';
  }
  return CollapseSpaces(spaced);
}

std::string XmlRootElement(const std::string& path) {
  // Scanned as text, not parsed: a malformed sitting is still recognised as one, and the reader
  // then reports where it is malformed.
  constexpr std::size_t kSniffBytes = 8192;
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::string buffer(kSniffBytes, '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  std::string_view head(buffer.data(), static_cast<std::size_t>(in.gcount()));
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // Before the root: white space, the declaration, processing instructions, comments and a
  // document type (whose internal subset may hold '>').
  for (;;) {
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '<') return "";
    head.remove_prefix(first);
    std::size_t end = std::string_view::npos;
    if (head.starts_with("<?")) {
      end = head.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (head.starts_with("<!--")) {
      end = head.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (head.starts_with("<!")) {
      const std::size_t subset_end = head.find("]>");
      const std::size_t close = head.find('>');
      const std::size_t subset = head.find('[');
      end = subset != std::string_view::npos && subset < close ? subset_end : close;
      if (end != std::string_view::npos) end += head[end] == ']' ? 2 : 1;
    } else {
      break;
    }
    if (end == std::string_view::npos) return "";
    head.remove_prefix(end);
  }
  head.remove_prefix(1);
  const std::size_t name_end = head.find_first_of(" \t\r\n/>");
  if (name_end == std::string_view::npos || name_end == 0) return "";
  std::string_view name = head.substr(0, name_end);
  if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
    name.remove_prefix(colon + 1);  // "tei:TEI"
  }
  return std::string(name);
}

}  // namespace parlsearch
