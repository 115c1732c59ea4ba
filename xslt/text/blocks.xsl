<?xml version="1.0" encoding="UTF-8"?>
<!-- Modes txt:blocks and txt:inline: a view of a text (the TEI that te:reading or
     te:diplomatic made) as reStructuredText. Blocks are strings already wrapped;
     phrases are strings already escaped, with footnote references where notes stand.
     The signs read as in the HTML and PDF editions: supplied words and words of the
     original language in square brackets, omissions […], an error kept as written
     followed by [sic]; the diplomatic view marks deletions {-…-} and additions {+…+}. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  xmlns:txt="https://tei-edition.example/ns/text"
  xmlns:rst="https://tei-edition.example/ns/rst"
  exclude-result-prefixes="#all">

  <!-- Blocks whose content is a line of text (a paragraph), not further blocks. -->
  <xsl:variable name="txt:paragraph-elements" as="xs:string+" select="('p', 'ab', 'head', 'salute',
    'signed', 'dateline', 'trailer', 'byline', 'docAuthor', 'docDate', 'addrLine', 'l', 'cell', 'item')"/>

  <!-- ===== blocks ===== -->

  <!-- A version of the text (or a division inside it): a section with its heading. -->
  <!-- A version of the text: a section with its heading. In the edition's file, where
       every document has its versions, the heading names its document: RST section
       titles must differ. -->
  <xsl:template match="tei:div[parent::tei:body]" mode="txt:blocks" as="xs:string*">
    <xsl:param name="level" as="xs:integer" tunnel="yes"/>
    <xsl:param name="number" as="xs:string?" tunnel="yes"/>
    <xsl:sequence select="rst:title(rst:escape(pdf:version-heading(.)) || rst:numbered(' of document ', $number), $level)"/>
    <xsl:call-template name="txt:content"/>
  </xsl:template>

  <!-- A division inside a version (an attachment, a draft): its heading as a line of
       its own, then its content; not a section, whose title would repeat. -->
  <xsl:template match="tei:div" mode="txt:blocks" as="xs:string*">
    <xsl:sequence select="pdf:division-heading(.) ! rst:paragraph(rst:escape(.), '')"/>
    <xsl:call-template name="txt:content"/>
  </xsl:template>

  <!-- A paragraph, or a line that is not one (address, salute, signature …). Inside one,
       only a block element makes a block (txt:is-block: a note or a page break in a
       paragraph stands in its line), so that is all its children are asked. -->
  <xsl:template match="tei:*[local-name() = $txt:paragraph-elements]" mode="txt:blocks" as="xs:string*">
    <xsl:choose>
      <xsl:when test="*[te:is-block(.)]">
        <xsl:call-template name="txt:content"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="rst:paragraph(txt:inline(node()), '')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list: enumerated when the document's labels count 1, 2, 3 or a, b, c as RST
       does, else a bullet list that keeps the labels. -->
  <xsl:template match="tei:list" mode="txt:blocks" as="xs:string*">
    <xsl:variable name="labels" as="xs:string*" select="tei:item ! normalize-space(tei:label[1])"/>
    <xsl:variable name="enumerated" as="xs:boolean" select="txt:is-enumeration($labels) and count($labels) eq count(tei:item)"/>
    <xsl:for-each select="tei:head">
      <xsl:sequence select="rst:paragraph(txt:inline(node()), '')"/>
    </xsl:for-each>
    <xsl:for-each select="tei:item | tei:note[pdf:is-block-note(.)] | tei:pb">
      <xsl:choose>
        <xsl:when test="self::tei:item and $enumerated">
          <xsl:variable name="label" as="xs:string" select="normalize-space(tei:label[1])"/>
          <xsl:variable name="rest" as="xs:string"
            select="normalize-space(txt:inline(node() except tei:label[1]))"/>
          <xsl:sequence select="rst:wrap($label || ' ' || rst:escape-ends($rest),
            '', string-join((1 to string-length($label) + 1) ! ' '))"/>
        </xsl:when>
        <xsl:when test="self::tei:item">
          <xsl:sequence select="rst:bullet(txt:inline(node()), '')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="txt:blocks"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A note standing between blocks: where it stands, under its number. -->
  <xsl:template match="tei:note[pdf:is-block-note(.)]" mode="txt:blocks" as="xs:string">
    <xsl:sequence select="rst:paragraph('[' || txt:note-label(.) || '] ' || txt:note-text(.), '')"/>
  </xsl:template>

  <!-- A page break between blocks: a line of its own. -->
  <xsl:template match="tei:pb" mode="txt:blocks" as="xs:string">
    <xsl:sequence select="rst:paragraph(txt:inline(.), '')"/>
  </xsl:template>

  <!-- Any other block (opener, closer, postscript, quotation …): its content. -->
  <xsl:template match="tei:*[te:is-block(.)]" mode="txt:blocks" priority="-1" as="xs:string*">
    <xsl:call-template name="txt:content"/>
  </xsl:template>

  <!-- The content of a block: its blocks, and each run of phrases between them as a paragraph. -->
  <xsl:template name="txt:content" as="xs:string*">
    <xsl:for-each-group select="node() except tei:head[parent::tei:div]" group-adjacent="txt:is-block(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:apply-templates select="current-group()" mode="txt:blocks"/>
        </xsl:when>
        <xsl:when test="normalize-space(string-join(current-group())) or current-group()/self::*">
          <xsl:sequence select="rst:paragraph(txt:inline(current-group()), '')[normalize-space()]"/>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <!-- ===== phrases ===== -->

  <xsl:template match="text()" mode="txt:inline" as="xs:string">
    <xsl:sequence select="rst:escape(.)"/>
  </xsl:template>

  <!-- A note: its footnote reference (lettered or numbered), or in parentheses
       where notes stand in the text (the conventions' examples). -->
  <xsl:template match="tei:note" mode="txt:inline" as="xs:string">
    <xsl:param name="notes-inline" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:sequence select="if ($notes-inline) then ' (' || txt:note-text(.) || ')'
      else rst:footnote-reference(txt:note-label(.))"/>
  </xsl:template>

  <!-- Diplomatic view: a deletion {-…-}, an addition {+…+}, a lettered note for the hand. -->
  <xsl:template match="tei:add | tei:del" mode="txt:inline" as="xs:string+">
    <xsl:param name="notes-inline" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="sign" as="xs:string" select="if (self::tei:add) then '+' else '-'"/>
    <xsl:sequence select="'{' || $sign"/>
    <xsl:apply-templates mode="txt:inline"/>
    <xsl:sequence select="$sign || '}'"/>
    <xsl:if test="pdf:has-letter(.)">
      <xsl:sequence select="if ($notes-inline) then ' (' || rst:escape(pdf:sign-description(.)) || ')'
        else rst:footnote-reference(txt:note-label(.))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:sic" mode="txt:inline" as="xs:string+">
    <xsl:apply-templates mode="txt:inline"/>
    <xsl:sequence select="' [sic]'"/>
  </xsl:template>

  <!-- Supplied words and words of the original language: in square brackets. -->
  <xsl:template match="tei:supplied | tei:foreign" mode="txt:inline" as="xs:string+">
    <xsl:sequence select="'['"/>
    <xsl:apply-templates mode="txt:inline"/>
    <xsl:sequence select="']'"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="txt:inline" as="xs:string">
    <xsl:sequence select="if (@reason = 'signature') then '[signature]' else '[…]'"/>
  </xsl:template>

  <xsl:template match="tei:desc" mode="txt:inline" as="empty-sequence()"/>

  <xsl:template match="tei:pb" mode="txt:inline" as="xs:string">
    <xsl:sequence select="' ‖ page ' || rst:escape(string(@n)) || ' ‖ '"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="txt:inline" as="xs:string">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- A link: its words and its address; a pointer: its address. -->
  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="txt:inline" as="xs:string+">
    <xsl:variable name="words" as="xs:string" select="normalize-space(string-join(txt:inline(node())))"/>
    <xsl:sequence select="if ($words and $words ne @target) then $words || ' &lt;' || @target || '&gt;' else string(@target)"/>
  </xsl:template>

  <!-- Every other phrase (names, dates, hi, expan, corr, label …): its words. No element
       the stylesheets do not know reaches here: a document's view refuses a text that
       holds one (te:check-elements in pdf:views), and the conventions' examples are the
       stylesheets' own; so the rule does not ask again of every phrase. -->
  <xsl:template match="tei:*" mode="txt:inline" priority="-1" as="xs:string*">
    <xsl:apply-templates mode="txt:inline"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="txt:inline" as="empty-sequence()"/>

  <!-- ===== notes ===== -->

  <!-- The notes of a document: lettered (textual, hands) and numbered (explanatory),
       those printed in place left out. The lettered ones are found once per document
       (cache): its note counts and its notes both ask, and each walk of the text cost
       a fiftieth of the document. -->
  <xsl:function name="txt:lettered-notes" as="element()*" cache="yes">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:sequence select="pdf:lettered($document/tei:text//*)"/>
  </xsl:function>

  <xsl:function name="txt:numbered-notes" as="element(tei:note)*">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:sequence select="$document/tei:text//tei:note[not(@type = 'textual')][not(pdf:is-block-note(.))]"/>
  </xsl:function>

  <!-- A note's label in the file: its letter or number after the notes of the documents
       before it (txt:offsets on the document's TEI element, set by xslt/text.xsl for
       the edition's file made in one piece); in a document made alone, the mark of its
       place among the document's own (rst:label), counted on in Python. -->
  <xsl:function name="txt:note-label" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="offsets" as="xs:integer*"
      select="tokenize($element/ancestor::tei:TEI/@txt:offsets) ! xs:integer(.)"/>
    <xsl:variable name="letter" as="xs:boolean" select="pdf:has-letter($element)"/>
    <xsl:variable name="place" as="xs:integer" select="if ($letter) then pdf:letter-index($element) else xs:integer($element/@n)"/>
    <xsl:sequence select="if (empty($offsets)) then rst:label(if ($letter) then 'a' else '1', $place)
      else if ($letter) then txt:letter($place + $offsets[1]) else string($place + $offsets[2])"/>
  </xsl:function>

  <!-- What a note says: a textual note its words, an explanatory note whose it is and
       its words, a sign of the diplomatic view its hand. -->
  <xsl:function name="txt:note-text" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="normalize-space(
      if ($element/self::tei:note[@type = 'textual']) then txt:inline($element/node())
      else if ($element/self::tei:note) then rst:escape(te:note-type-label($element/@type) || ': ') || txt:inline($element/node())
      else rst:escape(pdf:sign-description($element)))"/>
  </xsl:function>

  <!-- 1 → a, 27 → aa: the letters of the lettered series. -->
  <xsl:function name="txt:letter" as="xs:string">
    <xsl:param name="index" as="xs:integer"/>
    <xsl:sequence select="format-integer($index, 'a')"/>
  </xsl:function>

  <!-- ===== helpers ===== -->

  <!-- Phrases as one escaped string. -->
  <xsl:function name="txt:inline" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="txt:inline"/>
    </xsl:variable>
    <xsl:sequence select="txt:separate-references(string-join($parts))"/>
  </xsl:function>

  <!-- A footnote reference must be followed by a space or by punctuation RST allows
       there: a space is put between it and a word (or an opening sign) that follows. -->
  <xsl:function name="txt:separate-references" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="if (not(contains($text, ']_'))) then $text else replace($text, '(\[([0-9a-z]+|&#xFDD7;[a1][0-9]+&#xFDD8;)\]_)([^\s\-.,:;!?\\/''&quot;)\]}&gt;\p{Pd}\p{Po}\p{Pe}\p{Pf}\p{Pi}])', '$1 $3')"/>
  </xsl:function>

  <!-- True for nodes that make a block of their own: blocks, and notes and page breaks
       standing between blocks. -->
  <xsl:function name="txt:is-block" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node instance of element() and (
      te:is-block($node) or $node/self::tei:note[pdf:is-block-note(.)]
      or $node/self::tei:pb[not(parent::*[local-name() = $txt:paragraph-elements])])"/>
  </xsl:function>

  <!-- True when labels count as an RST enumerated list does: 1. 2. 3. or a) b) c) …,
       one format, from the first ordinal. -->
  <xsl:function name="txt:is-enumeration" as="xs:boolean">
    <xsl:param name="labels" as="xs:string*"/>
    <xsl:variable name="pattern" as="xs:string" select="'^(\(?)([0-9]+|[a-z]|[A-Z])([.)])$'"/>
    <xsl:sequence select="exists($labels) and (every $label in $labels satisfies matches($label, $pattern))
      and count(distinct-values($labels ! replace(., $pattern, '$1$3'))) eq 1
      and count(distinct-values($labels ! (if (matches(., '[0-9]')) then 'n' else if (matches(., '[a-z]')) then 'a' else 'A'))) eq 1
      and (every $i in 1 to count($labels) satisfies txt:ordinal(replace($labels[$i], $pattern, '$2')) eq $i)"/>
  </xsl:function>

  <!-- 3 → 3, c → 3, C → 3. -->
  <xsl:function name="txt:ordinal" as="xs:integer">
    <xsl:param name="enumerator" as="xs:string"/>
    <xsl:sequence select="if (matches($enumerator, '^[0-9]+$')) then xs:integer($enumerator)
      else string-to-codepoints(lower-case($enumerator)) - 96"/>
  </xsl:function>

</xsl:stylesheet>
