#!/usr/bin/env python3
"""Typesets a committee report as a two-column bilingual PDF, for the PDF reader's test fixtures.

The report's paragraphs come from `parlsearch parse` of its text extraction; each page of the
original becomes a page of the PDF with its translation pairs side by side (Dutch left, French
right), section headings across both columns, bullets, the running header with the original page
numbers, and the signature block. LibreOffice (headless, from Debian's libreoffice-writer-nogui)
turns the Flat ODF document into the PDF.

Usage: tools/pdf/make_report_pdf.py PARLSEARCH REPORT.txt ROSTER.tsv OUTPUT.pdf
"""

import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

TITLE_WORDS = re.compile(r"\b(rapporteur|rapporteuse|voorzitter|voorzitster|président|présidente)\b",
                         re.IGNORECASE)


def paragraphs_of(parlsearch, report, roster):
    out = subprocess.run([parlsearch, "parse", report, "--roster", roster], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def signature_parts(text):
    """'De rapporteur De voorzitter Jan JANSSENS Els PEETERS' -> titles, names."""
    last = None
    for last in TITLE_WORDS.finditer(text):
        pass
    if last is None:
        return text, ""
    return text[:last.end()].strip(), text[last.end():].strip()


def cell(records):
    parts = []
    for record in records:
        text = escape(record["text"])
        if record["kind"] == "bullet":
            text = "• " + text
        if record["kind"] == "signature":
            titles, names = signature_parts(record["text"])
            parts.append('<text:p text:style-name="Body">%s</text:p>' % escape(titles))
            parts.append('<text:p text:style-name="Body">%s</text:p>' % escape(names))
            continue
        parts.append('<text:p text:style-name="Body">%s</text:p>' % text)
    return "".join(parts) or '<text:p text:style-name="Body"/>'


def rows_by_page(records):
    """Translation pairs (or lone paragraphs) grouped by the page of their Dutch side."""
    by_pair = collections.OrderedDict()
    lone = []
    for record in records:
        if record["pair"]:
            by_pair.setdefault(record["pair"], {"nl": [], "fr": []})[record["lang"]].append(record)
        else:
            lone.append(record)
    pages = collections.OrderedDict()
    for pair in by_pair.values():
        first = (pair["nl"] or pair["fr"])[0]
        pages.setdefault(first["page"], []).append((pair["nl"], pair["fr"]))
    for record in lone:
        side = (record,) if record["lang"] == "nl" else ()
        pages.setdefault(record["page"], []).append(
            (list(side), [] if side else [record]))
    return pages


def document(records):
    doc_id = records[0]["doc"]
    pages = rows_by_page(records)
    body = []
    for index, (page, rows) in enumerate(pages.items()):
        style = "FirstPage" if index == 0 else "NewPage"
        number = ' text:style-name="%s"' % style
        body.append('<text:p%s/>' % number)
        body.append('<table:table table:style-name="Pairs"><table:table-column '
                    'table:style-name="Column" table:number-columns-repeated="2"/>')
        for dutch, french in rows:
            body.append('<table:table-row><table:table-cell table:style-name="Cell">%s'
                        '</table:table-cell><table:table-cell table:style-name="Cell">%s'
                        '</table:table-cell></table:table-row>' % (cell(dutch), cell(french)))
        body.append("</table:table>")
    first_page = next(iter(pages))
    header = escape(doc_id)
    return TEMPLATE.format(first_page=first_page, header=header, body="\n".join(body))


TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
   xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="7.5pt"
    fo:hyphenate="false" fo:language="nl" fo:country="BE"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="Layout">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="0.8cm" fo:margin-bottom="0.8cm" fo:margin-left="1.6cm" fo:margin-right="1.6cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm"
    fo:margin-bottom="0.4cm"/></style:header-style>
  </style:page-layout>
  <style:style style:name="Pairs" style:family="table">
   <style:table-properties style:width="17.8cm" table:align="margins"/>
  </style:style>
  <style:style style:name="Column" style:family="table-column">
   <style:table-column-properties style:column-width="8.9cm"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding-left="0.35cm" fo:padding-right="0.35cm"
    fo:padding-top="0cm" fo:padding-bottom="0cm" fo:border="none"/>
  </style:style>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.22cm"
    fo:text-align="justify"/>
  </style:style>
  <style:style style:name="FirstPage" style:family="paragraph" style:master-page-name="Report">
   <style:paragraph-properties style:page-number="{first_page}" fo:margin-bottom="0cm"/>
   <style:text-properties fo:font-size="2pt"/>
  </style:style>
  <style:style style:name="NewPage" style:family="paragraph">
   <style:paragraph-properties fo:break-before="page" fo:margin-bottom="0cm"/>
   <style:text-properties fo:font-size="2pt"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Report" style:page-layout-name="Layout">
   <style:header><text:p text:style-name="Header">{header} - <text:page-number
    text:select-page="current"/> - {header}</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
{body}
 </office:text></office:body>
</office:document>
"""


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    parlsearch, report, roster, output = sys.argv[1:]
    records = paragraphs_of(parlsearch, report, roster)
    work = tempfile.mkdtemp(prefix="parlsearch-pdf-")
    try:
        source = os.path.join(work, "report.fodt")
        with open(source, "w", encoding="utf-8") as out:
            out.write(document(records))
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://%s/profile" % work,
                        "--convert-to", "pdf", "--outdir", work, source], check=True,
                       capture_output=True)
        shutil.copyfile(os.path.join(work, "report.pdf"), output)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
