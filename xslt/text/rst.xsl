<?xml version="1.0" encoding="UTF-8"?>
<!-- reStructuredText as plain text: escaping, and the marks of wrapping at a column,
     section adornments, field lists and footnotes (laid out by tei_edition/render/rst.py). The text edition is read in a terminal
     and parsed by docutils, so every string that reaches the output passes through
     here: what a reader sees stays plain, and nothing in the edition's words can
     turn into RST markup by accident. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:rst="https://tei-edition.example/ns/rst"
  exclude-result-prefixes="#all">

  <!-- The column the text edition wraps at: WIDTH of tei_edition/render/rst.py, which wraps. -->
  <xsl:param name="rst:width" as="xs:integer" required="yes"/>

  <!-- ===== escaping ===== -->

  <!-- Backslash-escape the characters that start inline markup (\ * ` |) and an
       underscore that ends a word (a reference): elsewhere they stay as written. Asked
       of every text node of a view: five searches for a character cost less than the
       regular expression (matches) did, which took a fifteenth of a text document. -->
  <xsl:function name="rst:escape" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="if (contains($text, '\') or contains($text, '*') or contains($text, '`') or contains($text, '|')
      or contains($text, '_')) then rst:escape-signs($text) else $text"/>
  </xsl:function>

  <!-- rst:escape of a text that holds one of the signs (most hold none: they pass as they are). -->
  <xsl:function name="rst:escape-signs" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="replace($text, '([\\*`|])', '\\$1')" regex="(_+)([^\p{{L}}\p{{N}}]|$)">
        <xsl:matching-substring>
          <xsl:sequence select="replace(regex-group(1), '_', '\\_') || regex-group(2)"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- ===== layout, left to Python ===== -->

  <!-- Wrapping, a paragraph's escapes at its start and end, and section adornments
       depend on the final words of a block, and in the edition's file a block's words
       depend on the document's place (its number, its notes' labels), known only once
       every document is made. So the stylesheet does not lay blocks out: it marks
       them, and tei_edition/render/rst.py lays them out, for a document's own file,
       for its part of the edition's file at any place, and for the edition's file
       made in one piece. The marks are Unicode noncharacters, which no text holds
       (tei_edition/render/text.py refuses a document that does). -->

  <!-- A block to wrap: $rst:wrap first-line prefix, $rst:next, further lines' prefix,
       $rst:next, the words, $rst:end. -->
  <xsl:variable name="rst:wrap" as="xs:string" select="'&#xFDD0;'"/>
  <!-- A section title: $rst:title, its level, $rst:next, the title, $rst:end. -->
  <xsl:variable name="rst:title" as="xs:string" select="'&#xFDD1;'"/>
  <xsl:variable name="rst:next" as="xs:string" select="'&#xFDD2;'"/>
  <xsl:variable name="rst:end" as="xs:string" select="'&#xFDD3;'"/>
  <!-- Words only a document's part of the edition's file has (those that name its number). -->
  <xsl:variable name="rst:part-start" as="xs:string" select="'&#xFDD4;'"/>
  <xsl:variable name="rst:part-end" as="xs:string" select="'&#xFDD5;'"/>
  <!-- The document's number in the edition's file. -->
  <xsl:variable name="rst:number" as="xs:string" select="'&#xFDD6;'"/>
  <!-- A note's label counted on from the notes before the document: $rst:label, 'a'
       (lettered) or '1' (numbered), its place among the document's own, $rst:label-end. -->
  <xsl:variable name="rst:label" as="xs:string" select="'&#xFDD7;'"/>
  <xsl:variable name="rst:label-end" as="xs:string" select="'&#xFDD8;'"/>
  <!-- A paragraph's words, to be escaped at their start and end (rst.escape_ends). -->
  <xsl:variable name="rst:start" as="xs:string" select="'&#xFDDA;'"/>
  <xsl:variable name="rst:start-end" as="xs:string" select="'&#xFDDB;'"/>

  <!-- ===== wrapping ===== -->

  <!-- Greedy word wrap of one paragraph at rst:width: the first line starts with
       $first, every further line with $rest (the indentation RST's structure needs);
       nothing for no words. -->
  <xsl:function name="rst:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($text)) then $rst:wrap || $first || $rst:next || $rest || $rst:next || $text || $rst:end else ''"/>
  </xsl:function>

  <!-- A paragraph's words, escaped where they start and end so that they read as words,
       not as the marker of a list or a literal block. -->
  <xsl:function name="rst:escape-ends" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="$rst:start || $text || $rst:start-end"/>
  </xsl:function>

  <!-- ===== blocks ===== -->

  <!-- A paragraph: escaped at its start and end, wrapped; $text is already escaped inline. -->
  <xsl:function name="rst:paragraph" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($text)) then rst:wrap(rst:escape-ends($text), $indent, $indent) else ''"/>
  </xsl:function>

  <!-- A bullet list item: "- " then the item's text, continuation lines under it. -->
  <xsl:function name="rst:bullet" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($text)) then rst:wrap(rst:escape-ends($text), $indent || '- ', $indent || '  ') else ''"/>
  </xsl:function>

  <!-- A section title with its adornment: $level 0 is over- and underlined with "=",
       1 underlined with "=", 2 with "-", 3 with "~". Titles are one line. -->
  <xsl:function name="rst:title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:sequence select="$rst:title || $level || $rst:next || $title || $rst:end"/>
  </xsl:function>

  <!-- A title that fits on one line: $title, else $short, else $short cut at a word. -->
  <xsl:function name="rst:fit-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="short" as="xs:string"/>
    <xsl:variable name="candidates" as="xs:string+" select="(normalize-space($title), normalize-space($short))"/>
    <xsl:sequence select="
      ($candidates[string-length(.) le $rst:width],
       replace(substring($candidates[2], 1, $rst:width - 2), '\s+\S*$', '') || ' …')[1]"/>
  </xsl:function>

  <!-- One field of a field list; the body is wrapped under the field name. -->
  <xsl:function name="rst:field" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="body" as="xs:string"/>
    <xsl:sequence select="rst:wrap(rst:escape(normalize-space($body)), ':' || $name || ': ', '    ')"/>
  </xsl:function>

  <!-- A footnote (label "1") or citation (label "a"): ".. [label] text". -->
  <xsl:function name="rst:footnote" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="rst:wrap(normalize-space($text), '.. [' || $label || '] ', '   ')"/>
  </xsl:function>

  <!-- The label of a document's note in its part of the edition's file, $place in its
       series ('a' lettered, '1' numbered), counted on there from the notes before it. -->
  <xsl:function name="rst:label" as="xs:string">
    <xsl:param name="series" as="xs:string"/>
    <xsl:param name="place" as="xs:integer"/>
    <xsl:sequence select="$rst:label || $series || $place || $rst:label-end"/>
  </xsl:function>

  <!-- $words then the document's $number in the edition's file, none without one; for
       the mark of the number (a document's part), words only the part keeps. -->
  <xsl:function name="rst:numbered" as="xs:string?">
    <xsl:param name="words" as="xs:string"/>
    <xsl:param name="number" as="xs:string?"/>
    <xsl:sequence select="$number ! (if (. eq $rst:number) then $rst:part-start || $words || . || $rst:part-end else $words || .)"/>
  </xsl:function>

  <!-- The reference to a footnote or citation, as it stands in the text. -->
  <xsl:function name="rst:footnote-reference" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="' [' || $label || ']_'"/>
  </xsl:function>

</xsl:stylesheet>
