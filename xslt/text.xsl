<?xml version="1.0" encoding="UTF-8"?>
<!-- The plain-text edition: TEI to UTF-8 text that is valid reStructuredText,
     wrapped at 78 columns. A single TEI document makes its own file (title, a field
     list of its metadata, each version of the text, its notes) and its part of the
     edition's file; a teiCorpus makes the whole edition (title and imprint, editorial
     conventions, the documents in date order). Notes are RST footnotes: lettered
     (textual notes, or the hands of the diplomatic view) and numbered (explanatory
     notes), numbered through the file. The result marks its blocks for layout
     (xslt/text/rst.xsl); tei_edition/render/text.py has tei_edition/render/rst.py lay
     them out, and writes the files. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  xmlns:txt="https://tei-edition.example/ns/text"
  xmlns:rst="https://tei-edition.example/ns/rst"
  exclude-result-prefixes="#all">

  <!-- ===== parameters ===== -->

  <!-- Which view of the texts: 'reading' (default) or 'diplomatic'. -->
  <xsl:param name="view" as="xs:string" select="'reading'"/>
  <!-- The registers of persons, places and organisations (TEI documents). -->
  <xsl:param name="registers" as="document-node()*" select="()"/>
  <!-- The edition, from edition.toml. -->
  <xsl:param name="edition-title" as="xs:string" required="yes"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string*" select="()"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-date" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <!-- What to make of a teiCorpus: 'file' the edition's file; 'head' its beginning
       (title, imprint, conventions) for $document-count documents. The build makes the
       edition's file from the head and one part per document, one document at a time,
       so that no run holds every document in one tree (tei_edition/render/text.py). -->
  <xsl:param name="part" as="xs:string" select="'file'"/>
  <xsl:param name="document-count" as="xs:integer" select="0"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- ===== modes ===== -->

  <!-- The input: a teiCorpus (the edition) or one TEI document. -->
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <!-- A view of a text as RST blocks (strings marked for layout, without the blank lines between). -->
  <xsl:mode name="txt:blocks" on-no-match="fail" on-multiple-match="fail"/>
  <!-- A view's phrases as RST inline text (strings, escaped). -->
  <xsl:mode name="txt:inline" on-no-match="fail" on-multiple-match="fail"/>

  <!-- ===== files ===== -->

  <!-- The whole edition: title and imprint, conventions, every document by date. -->
  <xsl:template match="document-node(element(tei:teiCorpus))" as="xs:string">
    <xsl:choose>
      <xsl:when test="$part eq 'head'">
        <xsl:sequence select="txt:edition-head($document-count)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="views" as="document-node()*" select="txt:with-offsets(pdf:views(tei:teiCorpus/tei:TEI))"/>
        <xsl:variable name="documents" as="xs:string*">
          <xsl:for-each select="$views/tei:TEI">
            <xsl:sequence select="txt:document(., 1, string(position()))"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:sequence select="txt:file((txt:edition-head(count($views)), $documents))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One document, made once for its own file and for its part of the edition's file
       at any place: its place in the edition and its notes (the sort key, then the
       counts of lettered and of numbered notes, one a line), then, separated by
       $txt:separator, the head of its own file, the head of its part, and the rest that
       both share, where the part's number and its notes' labels are marks. -->
  <xsl:template match="document-node(element(tei:TEI))" as="xs:string">
    <xsl:variable name="viewed" as="element(tei:TEI)" select="pdf:views(tei:TEI)/tei:TEI"/>
    <xsl:sequence select="string-join((pdf:sort-key(tei:TEI), txt:note-counts($viewed) ! string(.)), '&#10;') || '&#10;'
      || string-join((txt:document-heads($viewed, 0, ('', $rst:number)), txt:document-body($viewed, 0, $rst:number)), $txt:separator)"/>
  </xsl:template>

  <!-- Between the pieces of a document (the head of its file, of its part, the rest). -->
  <xsl:variable name="txt:separator" as="xs:string" select="'&#xFDD9;'"/>

  <!-- The beginning of the edition's file: title, imprint with the number of documents,
       conventions. -->
  <xsl:function name="txt:edition-head" as="xs:string">
    <xsl:param name="documents" as="xs:integer"/>
    <xsl:sequence select="string-join((
      rst:title(rst:fit-title($edition-title, $edition-title), 0),
      string-join((
        $edition-subtitle[.] ! rst:field('Subtitle', .),
        rst:field('Editors', string-join($edition-editors, ', '))[exists($edition-editors)],
        rst:field('Publisher', string-join(($edition-publisher, $edition-date)[.], ', ')),
        $edition-licence[.] ! rst:field('Licence', string-join(($edition-licence, $edition-licence-url)[.], ', ')),
        rst:field('Documents', string($documents)),
        txt:view-field()), '&#10;'),
      txt:conventions())[normalize-space()], '&#10;&#10;')"/>
  </xsl:function>

  <!-- ===== a document ===== -->

  <!-- A document in the edition's file made in one piece: title at $level, metadata
       fields, versions, notes; $number its place there. -->
  <xsl:function name="txt:document" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:sequence select="string-join((txt:document-heads($document, $level, $number),
      txt:document-body($document, $level, $number))[normalize-space()], '&#10;&#10;')"/>
  </xsl:function>

  <!-- A document's title and metadata fields, one head for each of $numbers: the
       document's number in the edition's file, or '' for a file of its own, which names
       the edition and the view instead. The header is read once for all. -->
  <xsl:function name="txt:document-heads" as="xs:string+">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="numbers" as="xs:string+"/>
    <xsl:variable name="title" as="xs:string" select="pdf:document-title($document)"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)*" select="pdf:metadata($document)"/>
    <xsl:variable name="heading" as="xs:string" select="rst:title(rst:fit-title($title, txt:short-title($facts)), $level)"/>
    <xsl:variable name="about" as="xs:string" select="rst:field('Document', string($document/@xml:id))"/>
    <xsl:variable name="fields" as="xs:string+" select="rst:field('Title', $title), $facts ! rst:field(?name, ?value)"/>
    <xsl:for-each select="$numbers">
      <xsl:sequence select="$heading || '&#10;&#10;' || string-join(($about, .[.] ! rst:field('Number', .), $fields,
        if (.) then () else ($edition-title ! rst:field('Edition', .), txt:view-field())), '&#10;')"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A document's versions, notes and apparatus, their titles at $level + 1. -->
  <xsl:function name="txt:document-body" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="number" as="xs:string?"/>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="$document/tei:text/tei:body/tei:div" mode="txt:blocks">
        <xsl:with-param name="level" select="$level + 1" tunnel="yes"/>
        <xsl:with-param name="number" select="$number" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:sequence select="txt:notes($document, $level + 1, $number)"/>
      <xsl:sequence select="txt:apparatus($document, $level + 1, $number)"/>
    </xsl:variable>
    <xsl:sequence select="string-join($blocks[normalize-space()], '&#10;&#10;')"/>
  </xsl:function>

  <!-- The notes after the text: the lettered series, then the numbered one; in the
       edition's file headed with the document's number. -->
  <xsl:function name="txt:notes" as="xs:string?">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="number" as="xs:string?"/>
    <xsl:variable name="notes" as="xs:string*"
      select="(txt:lettered-notes($document), txt:numbered-notes($document)) ! rst:footnote(txt:note-label(.), txt:note-text(.))"/>
    <xsl:sequence select="string-join((rst:title('Notes' || rst:numbered(' to document ', $number), $level), $notes),
      '&#10;&#10;')[exists($notes)]"/>
  </xsl:function>

  <!-- The critical apparatus after the notes: one line per place of variation between
       witnesses, "lemma] reading SIGLUM" (te:entry of the variant's note), led by the
       label of that note, whose reference stands at the place in the text. -->
  <xsl:function name="txt:apparatus" as="xs:string?">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="number" as="xs:string?"/>
    <xsl:variable name="entries" as="xs:string*" select="$document/tei:text//tei:note[@te:entry]
      ! rst:wrap('[' || txt:note-label(.) || '] ' || rst:escape(@te:entry), '- ', '  ')"/>
    <xsl:sequence select="string-join((rst:title('Apparatus' || rst:numbered(' to document ', $number), $level),
      string-join($entries, '&#10;')), '&#10;&#10;')[exists($entries)]"/>
  </xsl:function>

  <!-- The documents with the counts of lettered and numbered notes before each
       (txt:offsets="lettered numbered"), so that labels run through the file. -->
  <xsl:function name="txt:with-offsets" as="document-node()*">
    <xsl:param name="views" as="document-node()*"/>
    <!-- Running totals carried from document to document: each document's notes are counted once. -->
    <xsl:iterate select="$views">
      <xsl:param name="offsets" as="xs:integer+" select="(0, 0)"/>
      <xsl:sequence select="txt:offset(tei:TEI, $offsets)"/>
      <xsl:next-iteration>
        <xsl:with-param name="offsets" select="for-each-pair($offsets, txt:note-counts(tei:TEI), function($a, $b) { $a + $b })"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- A document in a view with the counts of the notes before it, lettered and numbered. -->
  <xsl:function name="txt:offset" as="document-node()">
    <xsl:param name="view" as="element(tei:TEI)"/>
    <xsl:param name="offsets" as="xs:integer+"/>
    <xsl:document>
      <xsl:for-each select="$view">
        <xsl:copy>
          <xsl:attribute name="txt:offsets" select="$offsets"/>
          <xsl:sequence select="@*, node()"/>
        </xsl:copy>
      </xsl:for-each>
    </xsl:document>
  </xsl:function>

  <!-- How many notes of a document in a view the labels of the documents after it count
       on from: lettered, then numbered. -->
  <xsl:function name="txt:note-counts" as="xs:integer+">
    <xsl:param name="view" as="element(tei:TEI)"/>
    <xsl:sequence select="count(txt:lettered-notes($view)), count($view/tei:text//tei:note[not(@type = 'textual')])"/>
  </xsl:function>

  <!-- ===== conventions ===== -->

  <!-- How to read the text edition: its signs, and each sign of the sources in both views. -->
  <xsl:function name="txt:conventions" as="xs:string">
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:sequence select="rst:title('Editorial conventions', 1)"/>
      <xsl:sequence select="rst:paragraph(rst:escape('Each document is given in the ' || $view || ' view. In the reading
        view, words added by hand stand in the text, deleted words are left out, errors and garbled
        readings of the source are corrected and abbreviations expanded; every such change is told in a
        textual note, lettered [a], [b], [c] … In the diplomatic view the text stands as written:
        deleted words between {- and -}, added words between {+ and +}, each with a lettered note naming
        the hand. The notes of the translator and of the editor of the source are numbered [1], [2],
        [3] … Both series run through the file; the notes follow each document. Words supplied by the
        editor of the source stand in square brackets, omissions as […], page breaks of the document
        as ‖ page 2 ‖.'), '')"/>
      <xsl:sequence select="rst:paragraph(rst:escape('The signs of the source texts read as follows (notes of the
        examples in parentheses):'), '')"/>
      <xsl:for-each select="$te:conventions">
        <xsl:sequence select="rst:bullet(rst:escape(te:label || '. In the source: ' || te:source || '. ')
          || 'Read: ' || txt:example(te:example/tei:p, 'reading')
          || ' — As written: ' || txt:example(te:example/tei:p, 'diplomatic'), '')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($blocks, '&#10;&#10;')"/>
  </xsl:function>

  <!-- A conventions example in one view, its notes in parentheses where they stand. -->
  <xsl:function name="txt:example" as="xs:string">
    <xsl:param name="example" as="element(tei:p)"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="viewed" as="element(tei:p)" select="pdf:in-view($example, $view)"/>
    <xsl:variable name="inline" as="xs:string*">
      <xsl:apply-templates select="$viewed/node()" mode="txt:inline">
        <xsl:with-param name="notes-inline" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($inline))"/>
  </xsl:function>

  <!-- ===== helpers ===== -->

  <!-- The file: its blocks separated by blank lines, one final newline. -->
  <xsl:function name="txt:file" as="xs:string">
    <xsl:param name="blocks" as="xs:string*"/>
    <xsl:sequence select="string-join($blocks[normalize-space()], '&#10;&#10;') || '&#10;'"/>
  </xsl:function>

  <!-- The view the file shows and its signs. -->
  <xsl:function name="txt:view-field" as="xs:string">
    <xsl:sequence select="rst:field('View', if ($view eq 'diplomatic')
      then 'diplomatic (as written: {-deleted-} {+added+}, lettered notes name the hands)'
      else 'reading (as read: changes told in lettered notes)')"/>
  </xsl:function>

  <!-- "1 October 1950: Stalin to Mao Zedong": a title that fits where the source's does not. -->
  <xsl:function name="txt:short-title" as="xs:string">
    <xsl:param name="facts" as="map(xs:string, xs:string)*"/>
    <xsl:sequence select="string-join(($facts[?name eq 'Date']?value,
      string-join(($facts[?name eq 'From']?value, $facts[?name eq 'To']?value), ' to ')), ': ')"/>
  </xsl:function>

  <!-- ===== sub modules ===== -->
  <xsl:include href="common/common.xsl"/>
  <xsl:include href="pdf/documents.xsl"/>
  <xsl:include href="text/rst.xsl"/>
  <xsl:include href="text/blocks.xsl"/>

</xsl:stylesheet>
