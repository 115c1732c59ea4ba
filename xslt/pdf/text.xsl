<?xml version="1.0" encoding="UTF-8"?>
<!-- Mode pdf:text: a view of a text (the TEI that te:reading or te:diplomatic made)
     as print HTML. Notes become footnotes (CSS float: footnote) in three series:
     textual notes lettered, explanatory notes numbered, and the critical apparatus
     (the variants between witnesses, "lemma] reading SIGLUM") marked α, β, γ … and
     laid after the other notes of its page. Names get an id, so that the
     registers can give the page of every mention. Every element of
     xslt/common/elements.xsl has a rule, here or in the generic rules at the end. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  exclude-result-prefixes="#all">

  <!-- ===== divisions and blocks ===== -->

  <!-- A division inside a version (an attachment, a draft): a section of its own. -->
  <xsl:template match="tei:div" mode="pdf:text" as="element(section)">
    <section class="{(@type, 'part')[1]}">
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:for-each select="pdf:division-heading(.)[not(current()/tei:head)]">
        <h3>{.}</h3>
      </xsl:for-each>
      <xsl:apply-templates mode="pdf:text"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="pdf:text" as="element(h3)">
    <h3>
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </h3>
  </xsl:template>

  <!-- A paragraph of the text: indented after the first. -->
  <xsl:template match="tei:p" mode="pdf:text" as="element()">
    <xsl:element name="{if (pdf:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </xsl:element>
  </xsl:template>

  <!-- Lines that are not paragraphs (address, classification, salute, signature,
       dateline …): set flush, styled by kind. -->
  <xsl:template match="tei:ab | tei:salute | tei:signed | tei:dateline | tei:trailer | tei:byline
                       | tei:docAuthor | tei:docDate | tei:addrLine" mode="pdf:text" as="element()">
    <xsl:element name="{if (pdf:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:attribute name="class" select="string-join(('block', local-name(), @type ! ('ab-' || .)), ' ')"/>
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </xsl:element>
  </xsl:template>

  <!-- Lists keep the labels the document gives. -->
  <xsl:template match="tei:list" mode="pdf:text" as="element()+">
    <xsl:for-each select="tei:head">
      <p class="block list-head"><xsl:apply-templates mode="pdf:text"/></p>
    </xsl:for-each>
    <ul class="list list-{(@type, 'simple')[1]}">
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates select="node() except tei:head" mode="pdf:text"/>
    </ul>
  </xsl:template>

  <xsl:template match="tei:item" mode="pdf:text" as="element(li)">
    <li>
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </li>
  </xsl:template>

  <xsl:template match="tei:label" mode="pdf:text" as="element(span)">
    <span class="label"><xsl:apply-templates mode="pdf:text"/></span>
  </xsl:template>

  <!-- A page break of the document: "page 2", small, in the line. -->
  <xsl:template match="tei:pb" mode="pdf:text" as="element(span)">
    <span class="page-break">page {(@n, '')[1]}</span>
  </xsl:template>

  <xsl:template match="tei:lb" mode="pdf:text" as="element(br)">
    <br/>
  </xsl:template>

  <!-- ===== editorial signs ===== -->

  <!-- Diplomatic view: an addition raised, a deletion struck through; a lettered note
       names the hand and the place on the page. -->
  <xsl:template match="tei:add | tei:del" mode="pdf:text" as="element(span)+">
    <span class="{local-name()}">
      <xsl:apply-templates mode="pdf:text"/>
    </span>
    <xsl:if test="pdf:has-letter(.)">
      <xsl:call-template name="pdf:footnote">
        <xsl:with-param name="series" select="'textual'"/>
        <xsl:with-param name="number" select="pdf:series-index(., 'textual')"/>
        <xsl:with-param name="content" as="text()">{pdf:sign-description(.)}</xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:subst" mode="pdf:text" as="element(span)">
    <span class="subst"><xsl:apply-templates mode="pdf:text"/></span>
  </xsl:template>

  <!-- An error kept as written: the words, then [sic]. -->
  <xsl:template match="tei:sic" mode="pdf:text" as="element(span)">
    <span class="sic"><xsl:apply-templates mode="pdf:text"/><xsl:text> </xsl:text><span class="sic-mark">[sic]</span></span>
  </xsl:template>

  <!-- The editor's expansion inside a word (reading view): in italics. -->
  <xsl:template match="tei:ex" mode="pdf:text" as="element(i)">
    <i class="ex"><xsl:apply-templates mode="pdf:text"/></i>
  </xsl:template>

  <!-- Words supplied by the editor: in square brackets. -->
  <xsl:template match="tei:supplied" mode="pdf:text" as="element(span)">
    <span class="supplied">[<xsl:apply-templates mode="pdf:text"/>]</span>
  </xsl:template>

  <!-- Words missing from the document: […], or [signature]. -->
  <xsl:template match="tei:gap" mode="pdf:text" as="element(span)">
    <span class="gap">[{if (@reason = 'signature') then 'signature' else '…'}]</span>
  </xsl:template>

  <xsl:template match="tei:desc" mode="pdf:text" as="empty-sequence()"/>

  <!-- Words of another language the translator gives: in brackets, in italics. -->
  <xsl:template match="tei:foreign" mode="pdf:text" as="element(i)">
    <i class="foreign"><xsl:apply-templates select="@xml:lang" mode="pdf:text"/>[<xsl:apply-templates mode="pdf:text"/>]</i>
  </xsl:template>

  <xsl:template match="tei:hi" mode="pdf:text" as="element(span)">
    <span class="{tokenize(@rend) ! pdf:class-name(.)}">
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </span>
  </xsl:template>

  <!-- ===== notes ===== -->

  <!-- A note: a footnote at the foot of the page of its call; textual notes lettered,
       explanatory notes numbered and labelled with whose note they are. -->
  <xsl:template match="tei:note" mode="pdf:text" as="element(span)+">
    <xsl:call-template name="pdf:footnote">
      <xsl:with-param name="series" select="if (@type = 'textual') then 'textual' else 'explanatory'"/>
      <xsl:with-param name="number" select="if (@type = 'textual') then pdf:series-index(., 'textual') else xs:integer(@n)"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="not(@type = 'textual')">
          <span class="note-type">{te:note-type-label(@type)}: </span>
        </xsl:if>
        <xsl:apply-templates mode="pdf:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A variant between witnesses: an entry of the critical apparatus, "lemma] reading
       SIGLUM", in the language of its text; a minor variant (punctuation, case, word
       division …) says so after it. -->
  <xsl:template match="tei:note[pdf:is-apparatus(.)]" mode="pdf:text" priority="1" as="element(span)+">
    <xsl:call-template name="pdf:footnote">
      <xsl:with-param name="series" select="'apparatus'"/>
      <xsl:with-param name="number" select="pdf:series-index(., 'apparatus')"/>
      <xsl:with-param name="content" as="element(span)+">
        <span class="entry" lang="{pdf:lang(..)}">{@te:entry}</span>
        <xsl:if test="not(@te:variant-type = 'substantive')">
          <span class="variant-type"> ({translate(@te:variant-type, '-', ' ')})</span>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A footnote of a series, its mark made from its number in the series (a, b …; 1,
       2 …; α, β …). In a document, an anchor at the call and one on the note (named
       destinations of the PDF: note-ID-a, call-ID-a; the apparatus note-ID-app1) let
       readers and tests find both. The apparatus asks to be laid after the other notes
       of its page (data-footnote-order, read by tei_edition/render/pdf_footnotes.py). -->
  <xsl:template name="pdf:footnote" as="element(span)+">
    <xsl:param name="series" as="xs:string" required="yes"/>
    <xsl:param name="number" as="xs:integer" required="yes"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <xsl:variable name="mark" as="xs:string" select="
      if ($series eq 'apparatus') then pdf:greek-mark($number)
      else if ($series eq 'textual') then format-integer($number, 'a')
      else string($number)"/>
    <xsl:variable name="key" as="xs:string?"
      select="ancestor::tei:TEI/@xml:id ! (. || '-' || (if ($series eq 'apparatus') then 'app' || $number else $mark))"/>
    <xsl:if test="$key">
      <span class="note-call" id="call-{$key}"></span>
    </xsl:if>
    <span class="note {$series}" data-mark="{$mark}">
      <xsl:if test="$series eq 'apparatus'">
        <xsl:attribute name="data-footnote-order" select="1"/>
      </xsl:if>
      <xsl:if test="$key">
        <xsl:attribute name="id" select="'note-' || $key"/>
      </xsl:if>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!-- A note standing between blocks (after the text, not inside a sentence): printed
       where it stands, as a paragraph of its own under its number. -->
  <xsl:template match="tei:note[pdf:is-block-note(.)]"
                mode="pdf:text" as="element(p)">
    <p class="block note-in-text" data-mark="{@n}">
      <span class="note-type">{te:note-type-label(@type)}: </span>
      <xsl:apply-templates mode="pdf:text"/>
    </p>
  </xsl:template>

  <!-- ===== names, dates, references ===== -->

  <!-- A name: an anchor the registers point at for its page. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:geogName | tei:name | tei:rs"
                mode="pdf:text" as="element(span)">
    <span class="name {local-name()}">
      <xsl:if test="@ref and ancestor::tei:TEI">
        <xsl:attribute name="id" select="pdf:occurrence-id(.)"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="pdf:text" as="element(a)">
    <a href="{@target}"><xsl:apply-templates mode="pdf:text"/><xsl:if test="self::tei:ptr">{@target}</xsl:if></a>
  </xsl:template>

  <xsl:template match="tei:title | tei:emph | tei:term | tei:mentioned | tei:soCalled" mode="pdf:text" as="element(i)">
    <i class="{local-name()}"><xsl:apply-templates select="@xml:lang" mode="pdf:text"/><xsl:apply-templates mode="pdf:text"/></i>
  </xsl:template>

  <xsl:template match="tei:q | tei:said | tei:quote[not(pdf:holds-blocks(.))]" mode="pdf:text" as="element(q)">
    <q><xsl:apply-templates select="@xml:lang" mode="pdf:text"/><xsl:apply-templates mode="pdf:text"/></q>
  </xsl:template>

  <!-- ===== everything else the edition knows ===== -->

  <!-- Other known blocks (opener, closer, postscript, quotation …): a div named after the element. -->
  <xsl:template match="tei:*[te:is-known(.)][te:is-block(.)]" mode="pdf:text" priority="-1" as="element(div)">
    <div class="{local-name()}{@type ! (' ' || local-name(..) || '-' || .)}">
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </div>
  </xsl:template>

  <!-- Other known phrases (num, idno, date, corr, reg, expan, seg …): a span named after the element. -->
  <xsl:template match="tei:*[te:is-known(.)][not(te:is-block(.))]" mode="pdf:text" priority="-1" as="element(span)">
    <span class="{local-name()}">
      <xsl:apply-templates select="@xml:lang" mode="pdf:text"/>
      <xsl:apply-templates mode="pdf:text"/>
    </span>
  </xsl:template>

  <xsl:template match="text()" mode="pdf:text" as="text()">
    <xsl:sequence select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="pdf:text" as="empty-sequence()"/>

  <!-- Another language than its surroundings: the HTML lang, for hyphenation and fonts. -->
  <xsl:template match="@xml:lang" mode="pdf:text" as="attribute(lang)">
    <xsl:attribute name="lang" select="."/>
  </xsl:template>

  <!-- ===== helpers ===== -->

  <!-- The anchor of a mention of a name: its document's id and its place among the
       document's mentions, so that every layout of the same edition names it alike. -->
  <xsl:function name="pdf:occurrence-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="'mention-' || $name/ancestor::tei:TEI/@xml:id || '-'
      || count($name/preceding::*[@ref][pdf:is-name(.)]) + count($name/ancestor::*[@ref][pdf:is-name(.)]) + 1"/>
  </xsl:function>

  <!-- The elements the registers index. -->
  <xsl:function name="pdf:is-name" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::tei:persName or self::tei:placeName or self::tei:orgName
      or self::tei:geogName or self::tei:name or self::tei:rs])"/>
  </xsl:function>

  <!-- True when a TEI block holds another block (a list), which an HTML p cannot. -->
  <xsl:function name="pdf:holds-blocks" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/*[te:is-block(.) or self::tei:quote[pdf:holds-blocks(.)]])"/>
  </xsl:function>

  <!-- A mark of the apparatus: α, β … ω (the Greek alphabet, no final sigma), then
       αα, αβ …, upright, so as not to be taken for the italic letters or the numbers. -->
  <xsl:function name="pdf:greek-mark" as="xs:string">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:variable name="letters" as="xs:string" select="'αβγδεζηθικλμνξοπρστυφχψω'"/>
    <xsl:sequence select="(if ($number gt 24) then pdf:greek-mark(($number - 1) idiv 24) else '')
      || substring($letters, ($number - 1) mod 24 + 1, 1)"/>
  </xsl:function>

  <!-- A rendition ("letterspaced", "italic") as a class name. -->
  <xsl:function name="pdf:class-name" as="xs:string">
    <xsl:param name="rend" as="xs:string"/>
    <xsl:sequence select="replace($rend, '[^\p{L}\p{N}-]', '-')"/>
  </xsl:function>

</xsl:stylesheet>
