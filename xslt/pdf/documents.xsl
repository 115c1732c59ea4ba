<?xml version="1.0" encoding="UTF-8"?>
<!-- The documents of the printed and the plain-text editions (xslt/pdf.xsl and
     xslt/text.xsl include this module): in date order, each in the chosen view, and
     the facts of its header (date, sender, recipient, archive references, translator,
     source publication) as plain words, so that both editions say the same. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- Header elements of a view as plain words (titles, metadata). -->
  <xsl:mode name="pdf:plain" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- ===== documents in a view ===== -->

  <!-- Each document in the chosen view, in date order; each a document of its own, so
       that look-ups inside one (hands, note numbers) never reach into another. The
       header is the editor's description, not the document's words: it is always
       read (corr not sic, expan not abbr, reg not orig), so that titles, dates and
       names in contents, running heads, bookmarks and metadata are the same in
       either view; only the text is in the chosen view. -->
  <xsl:function name="pdf:views" as="document-node()*">
    <xsl:param name="documents" as="element(tei:TEI)*"/>
    <xsl:for-each select="sort($documents, (), function($d) { pdf:sort-key($d) })">
      <!-- A document that is its own tree already is not copied into one. -->
      <xsl:variable name="alone" as="document-node()">
        <xsl:choose>
          <xsl:when test="root(.)/* is ."><xsl:sequence select="root(.)"/></xsl:when>
          <xsl:otherwise><xsl:document><xsl:sequence select="."/></xsl:document></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:sequence select="te:check-elements($alone)"/>
      <xsl:document>
        <xsl:for-each select="$alone/tei:TEI">
          <xsl:copy>
            <xsl:apply-templates select="@*" mode="te:reading"/>
            <xsl:apply-templates select="tei:teiHeader" mode="te:header"/>
            <xsl:sequence select="pdf:in-view(node() except tei:teiHeader, $view)"/>
          </xsl:copy>
        </xsl:for-each>
      </xsl:document>
    </xsl:for-each>
  </xsl:function>

  <!-- TEI in a view: 'diplomatic' as written, anything else as read. -->
  <xsl:function name="pdf:in-view" as="node()*">
    <xsl:param name="tei" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$view eq 'diplomatic'">
        <xsl:apply-templates select="$tei" mode="te:diplomatic"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$tei" mode="te:reading"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A document's place in the book: its date of sending, then its identifier. -->
  <xsl:function name="pdf:sort-key" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:sequence select="string(($document/tei:teiHeader/tei:profileDesc/tei:correspDesc
      /tei:correspAction[@type = 'sent']/tei:date/(@when, @from, @notBefore))[1])
      || ' ' || $document/@xml:id"/>
  </xsl:function>

  <!-- ===== notes in a view ===== -->

  <!-- True for an element of a view that carries a lettered note (pdf:lettered). -->
  <xsl:function name="pdf:has-letter" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists(pdf:lettered($element))"/>
  </xsl:function>

  <!-- Those of $elements that carry a lettered note: the reading view's textual notes,
       the diplomatic view's additions and deletions with a hand or a place. A filter
       over all the elements of a text at once: a function called for each of them cost
       a twentieth of a text document. -->
  <xsl:function name="pdf:lettered" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="$elements[self::tei:note[@type = 'textual']
      or self::*[self::tei:add or self::tei:del][@te:hand or @te:place]]"/>
  </xsl:function>

  <!-- The place of a lettered note in its text: 1 for a, 2 for b … -->
  <xsl:function name="pdf:letter-index" as="xs:integer">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="pdf:series-index($element, 'lettered')"/>
  </xsl:function>

  <!-- The place (1 for the first) of an element in a series of notes of its text:
       'lettered' (pdf:has-letter: the text edition's lettered notes), 'textual' (the
       printed edition's lettered series: those but the variants), 'apparatus' (the
       variants' notes, pdf:is-apparatus). -->
  <xsl:function name="pdf:series-index" as="xs:integer">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:sequence select="pdf:series-places(($element/ancestor::tei:text, root($element))[1], $series)(generate-id($element))"/>
  </xsl:function>

  <!-- The places of the elements of a text's series, by generate-id: made once per text
       and series (cache), not counted again for every note. -->
  <xsl:function name="pdf:series-places" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:variable name="members" as="element()*" select="pdf:series-members($scope/descendant::*, $series)
      [(ancestor::tei:text, root(.))[1] is $scope]"/>
    <xsl:sequence select="map:merge($members ! map { generate-id(.): position() })"/>
  </xsl:function>

  <!-- Those of $elements that belong to a series of notes (pdf:series-index). -->
  <xsl:function name="pdf:series-members" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:sequence select="if ($series eq 'apparatus') then $elements[pdf:is-apparatus(.)]
      else pdf:lettered($elements)[not($series eq 'textual' and pdf:is-apparatus(.))]"/>
  </xsl:function>

  <!-- The notes of the apparatus: the variants' notes (with an apparatus entry). -->
  <xsl:function name="pdf:is-apparatus" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::tei:note[@te:entry]])"/>
  </xsl:function>

  <!-- "added in hand 1 (unidentified), at the top": the note of a sign in the diplomatic view. -->
  <xsl:function name="pdf:sign-description" as="xs:string">
    <xsl:param name="sign" as="element()"/>
    <xsl:sequence select="(if ($sign/self::tei:add) then 'added' else 'deleted')
      || string-join($sign/@te:hand ! (' in ' || replace(., '\.$', '')))
      || string-join($sign/@te:place[normalize-space()] ! (', ' || .))"/>
  </xsl:function>

  <!-- A note standing between blocks (after the text, not inside a sentence): both
       editions print it where it stands, under its number. -->
  <xsl:function name="pdf:is-block-note" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists($note[parent::tei:div or parent::tei:body or parent::tei:postscript or parent::tei:list])"/>
  </xsl:function>

  <!-- ===== header facts ===== -->

  <!-- The facts of a document's header, in the order both editions show them: a
       sequence of maps with 'name' and 'value' (plain words); facts the header does
       not give are left out. -->
  <xsl:function name="pdf:metadata" as="map(xs:string, xs:string)*">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:variable name="header" as="element(tei:teiHeader)" select="$document/tei:teiHeader"/>
    <xsl:variable name="actions" as="element(tei:correspAction)*" select="$header/tei:profileDesc/tei:correspDesc/tei:correspAction"/>
    <xsl:variable name="source" as="element(tei:sourceDesc)" select="$header/tei:fileDesc/tei:sourceDesc"/>
    <xsl:sequence select="(
      pdf:fact('Date', pdf:document-date($document)),
      pdf:fact('From', pdf:party($actions[@type = 'sent'])),
      pdf:fact('To', pdf:party($actions[@type = 'received'])),
      $actions[not(@type = ('sent', 'received'))] ! pdf:fact(pdf:capitalise((@subtype, @type)[1]), pdf:party(.)),
      $source/tei:msDesc/tei:msIdentifier ! pdf:fact('Archive', pdf:archive-reference(.)),
      pdf:fact('Cable number', string-join($source/tei:msDesc/tei:msIdentifier
        /tei:altIdentifier[@type = 'cable']/tei:idno ! pdf:words(.), ', ')),
      pdf:fact('Classification', string-join($header/tei:profileDesc/tei:textClass/tei:keywords
        /tei:term[@type = ('classification', 'priority')] ! pdf:words(.), ', ')),
      pdf:fact('Original language', pdf:words(($source/tei:msDesc/tei:msContents/tei:textLang)[1])),
      pdf:fact('Translator', string-join($header/tei:fileDesc/tei:titleStmt/tei:respStmt[@xml:id = 'translator']
        /(tei:persName | tei:name | tei:orgName) ! pdf:name(.), ', ')),
      $source/tei:bibl[@type = 'publication'] ! pdf:fact('Source', pdf:publication(.)),
      pdf:fact('Summary', pdf:words($header/tei:profileDesc/tei:abstract)))"/>
  </xsl:function>

  <!-- One fact, or nothing when its value is empty. -->
  <xsl:function name="pdf:fact" as="map(xs:string, xs:string)?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="map { 'name': $name, 'value': normalize-space($value) }[normalize-space($value)]"/>
  </xsl:function>

  <!-- The publication the text comes from: article, editor, journal or book, issue, address. -->
  <xsl:function name="pdf:publication" as="xs:string">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <xsl:sequence select="string-join((
      $bibl/tei:title[@level = 'a'] ! ('“' || pdf:words(.) || '”'),
      $bibl/tei:editor ! ('ed. ' || pdf:words(.)),
      $bibl/tei:title[not(@level = 'a')] ! pdf:words(.),
      $bibl/tei:biblScope ! pdf:words(.),
      $bibl/tei:ref/@target ! string(.)), ', ')"/>
  </xsl:function>

  <!-- Who sent or received, where and when: names as the registers give them. -->
  <xsl:function name="pdf:party" as="xs:string?">
    <xsl:param name="actions" as="element(tei:correspAction)*"/>
    <xsl:variable name="names" as="xs:string*"
      select="$actions/(tei:persName | tei:orgName | tei:name) ! pdf:name(.)"/>
    <xsl:variable name="places" as="xs:string*" select="$actions/tei:placeName ! pdf:name(.)"/>
    <xsl:variable name="dates" as="xs:string*"
      select="$actions[not(@type = 'sent')]/tei:date ! te:format-date((@when, string(.))[1])"/>
    <xsl:variable name="who" as="xs:string" select="string-join((string-join($names, ', ')[.],
      string-join($places, ', ')[.] ! ('(' || . || ')')), ' ')"/>
    <xsl:sequence select="string-join(($who[.], $dates), ', ')[normalize-space()]"/>
  </xsl:function>

  <!-- An archival reference as the source writes it, else built from its parts. -->
  <xsl:function name="pdf:archive-reference" as="xs:string">
    <xsl:param name="identifier" as="element(tei:msIdentifier)"/>
    <xsl:variable name="as-written" as="element()?" select="$identifier/tei:altIdentifier[@type = 'as-written']/tei:idno"/>
    <xsl:sequence select="
      if ($as-written) then pdf:words($as-written)
      else if ($identifier/tei:msName) then pdf:words($identifier/tei:msName)
      else string-join(($identifier/tei:repository, $identifier/tei:idno) ! pdf:words(.), ', ')"/>
  </xsl:function>

  <!-- A name as the metadata shows it: the register's preferred form, else as written. -->
  <xsl:function name="pdf:name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" as="element()?" select="te:register-entry($name/@ref, $registers)"/>
    <xsl:sequence select="if ($entry) then te:preferred-name($entry) else te:words($name)"/>
  </xsl:function>

  <!-- The id of a document's chapter: its xml:id. -->
  <xsl:function name="pdf:chapter-id" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:sequence select="string(($document/@xml:id, 'document')[1])"/>
  </xsl:function>

  <xsl:function name="pdf:document-title" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:sequence select="pdf:words($document/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
  </xsl:function>

  <!-- The date a document was sent, in words. -->
  <xsl:function name="pdf:document-date" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:variable name="date" as="element(tei:date)?"
      select="($document/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date)[1]"/>
    <xsl:sequence select="if ($date/@when) then te:format-date($date/@when) else pdf:words($date)"/>
  </xsl:function>

  <!-- "English translation", "Russian transcription 2": the version's language and kind. -->
  <xsl:function name="pdf:version-heading" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="lang" as="xs:string" select="pdf:lang($div)"/>
    <xsl:variable name="language" as="xs:string?" select="
      ($div/ancestor::tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $lang])[1] ! pdf:words(.)"/>
    <xsl:variable name="several" as="xs:boolean"
      select="count($div/../tei:div[@type = $div/@type][pdf:lang(.) eq $lang]) gt 1"/>
    <xsl:sequence select="string-join((($language, $lang)[normalize-space()][1],
      ($div/@type, 'text')[1], $div[$several]/@n), ' ')"/>
  </xsl:function>

  <!-- The heading of a division inside a version: its head, or its kind when it is an
       attachment; a division that only groups the text (main, letter) has none. -->
  <xsl:function name="pdf:division-heading" as="xs:string?">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:sequence select="if ($div/tei:head) then pdf:words($div/tei:head[1])
      else if ($div/@type = 'attachment') then 'Attachment' else ()"/>
  </xsl:function>

  <!-- The language a node is written in (the nearest xml:lang). -->
  <xsl:function name="pdf:lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(($node/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <!-- The words of header elements as the reading view gives them: without notes,
       supplied words in brackets, gaps as […]. -->
  <xsl:function name="pdf:words" as="xs:string">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="normalize-space(string-join($elements ! string-join(pdf:plain(.)), ' '))"/>
  </xsl:function>

  <xsl:function name="pdf:plain" as="xs:string*">
    <xsl:param name="node" as="node()"/>
    <xsl:apply-templates select="$node" mode="pdf:plain"/>
  </xsl:function>

  <xsl:template match="tei:note" mode="pdf:plain" as="empty-sequence()"/>
  <xsl:template match="tei:supplied" mode="pdf:plain" as="xs:string*">
    <xsl:sequence select="'['"/>
    <xsl:apply-templates mode="pdf:plain"/>
    <xsl:sequence select="']'"/>
  </xsl:template>
  <xsl:template match="tei:gap" mode="pdf:plain" as="xs:string">
    <xsl:sequence select="'[…]'"/>
  </xsl:template>
  <xsl:template match="text()" mode="pdf:plain" as="xs:string">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <xsl:function name="pdf:capitalise" as="xs:string">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($word, 1, 1)) || substring($word, 2)"/>
  </xsl:function>

</xsl:stylesheet>
