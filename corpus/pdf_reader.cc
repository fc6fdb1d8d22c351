#include "parlsearch/corpus/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

#include "parlsearch/corpus/source_text.h"
#include "parlsearch/error.h"
#include "parlsearch/stemming/language_identifier.h"
#include "parlsearch/stemming/normalizer.h"
#include "pdf_layout.h"

namespace parlsearch {
namespace {

// poppler reports problems of damaged files on stderr; they become our one-line error instead.
void IgnorePopplerMessage(const std::string&, void*) {}

std::string Utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

Document ReadReportPdf(const std::string& path, const ReportReaderOptions& options) {
  poppler::set_debug_error_function(&IgnorePopplerMessage, nullptr);
  // Read the bytes ourselves: the same errors as other sources for a missing or unreadable file.
  const std::string data = ReadSourceFile(path);
  if (data.rfind("%PDF-", 0) != 0) throw InputError(path, "not a PDF file");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!document) throw InputError(path, "damaged or truncated PDF");
  if (document->is_locked()) throw InputError(path, "encrypted PDF");

  const LanguageIdentifier identifier;
  ReportLayout layout;
  bool has_text = false;
  int offset = 0;  // printed page number minus page index, once a header gives it
  bool numbered = false;
  for (int index = 0; index < document->pages(); ++index) {
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) throw InputError(path, "damaged page", 0, index + 1);
    const poppler::rectf size = page->page_rect();
    std::vector<PlacedWord> words;
    for (const poppler::text_box& box : page->text_list()) {
      const poppler::rectf bounds = box.bbox();
      std::string text = Utf8(box.text());
      if (FindInvalidUtf8(text)) continue;
      words.push_back(
          {std::move(text), bounds.left(), bounds.top(), bounds.right(), bounds.bottom()});
    }
    has_text |= !words.empty();
    int printed_page = 0;
    ReportPage report_page;
    report_page.regions = LayOutPdfPage(words, size.width(), size.height(), identifier,
                                        &layout.document_id, &printed_page);
    if (printed_page > 0 && !numbered) {
      offset = printed_page - index;
      numbered = true;
    }
    report_page.number = index + (numbered ? offset : 1);
    layout.pages.push_back(std::move(report_page));
  }
  // Pages before the first numbered one take their numbers from it.
  if (numbered) {
    for (std::size_t i = 0; i < layout.pages.size(); ++i) {
      layout.pages[i].number = static_cast<int>(i) + offset;
    }
  }
  if (!has_text) throw InputError(path, "PDF has no text (a scan?)");
  return BuildReport(layout, path, options);
}

}  // namespace parlsearch
