<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's chapter in the printed edition: its number and title, a metadata
     block read from the teiHeader (date, sender, recipient, archive references,
     translator, source publication), then each version of the text (translation,
     transcription, original) in its own language. Input: the document in a view. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  exclude-result-prefixes="#all">

  <!-- The chapter: heading, metadata block, versions. -->
  <xsl:template match="tei:TEI" mode="pdf:chapter" as="element(article)">
    <!-- Its place in the book; none when the document is printed alone. -->
    <xsl:param name="number" as="xs:integer?" select="()"/>
    <article class="document" id="{pdf:chapter-id(.)}" lang="{(@xml:lang, $edition-language)[1]}">
      <xsl:choose>
        <xsl:when test="exists($number)">
          <p class="document-number">Document {$number}</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="document-number edition-name">{$edition-title}</p>
        </xsl:otherwise>
      </xsl:choose>
      <h1>{pdf:document-title(.)}</h1>
      <xsl:apply-templates select="tei:teiHeader" mode="pdf:chapter"/>
      <xsl:apply-templates select="tei:text/tei:body/tei:div" mode="pdf:chapter"/>
    </article>
  </xsl:template>

  <!-- The metadata block: one line per fact the header gives. -->
  <xsl:template match="tei:teiHeader" mode="pdf:chapter" as="element(dl)">
    <xsl:variable name="actions" as="element(tei:correspAction)*" select="tei:profileDesc/tei:correspDesc/tei:correspAction"/>
    <xsl:variable name="source" as="element(tei:sourceDesc)" select="tei:fileDesc/tei:sourceDesc"/>
    <dl class="metadata">
      <xsl:sequence select="pdf:field('Date', pdf:document-date(ancestor::tei:TEI))"/>
      <xsl:sequence select="pdf:field('From', pdf:party($actions[@type = 'sent']))"/>
      <xsl:sequence select="pdf:field('To', pdf:party($actions[@type = 'received']))"/>
      <xsl:for-each select="$actions[not(@type = ('sent', 'received'))]">
        <xsl:sequence select="pdf:field(pdf:capitalise(@type), pdf:party(.))"/>
      </xsl:for-each>
      <xsl:for-each select="$source/tei:msDesc/tei:msIdentifier">
        <xsl:sequence select="pdf:field('Archive', pdf:archive-reference(.))"/>
      </xsl:for-each>
      <xsl:sequence select="pdf:field('Cable number',
        string-join($source/tei:msDesc/tei:msIdentifier/tei:altIdentifier[@type = 'cable']/tei:idno ! te:words(.), ', '))"/>
      <xsl:sequence select="pdf:field('Classification',
        string-join(tei:profileDesc/tei:textClass/tei:keywords/tei:term[@type = ('classification', 'priority')] ! te:words(.), ', '))"/>
      <xsl:sequence select="pdf:field('Original language', te:words(($source/tei:msDesc/tei:msContents/tei:textLang)[1]))"/>
      <xsl:sequence select="pdf:field('Translator', string-join(
        tei:fileDesc/tei:titleStmt/tei:respStmt[@xml:id = 'translator']/(tei:persName | tei:name | tei:orgName) ! pdf:name(.), ', '))"/>
      <xsl:for-each select="$source/tei:bibl[@type = 'publication']">
        <dt>Source</dt>
        <dd><xsl:apply-templates select="." mode="pdf:chapter"/></dd>
      </xsl:for-each>
      <xsl:sequence select="pdf:field('Summary', te:words(tei:profileDesc/tei:abstract))"/>
    </dl>
  </xsl:template>

  <!-- The publication the text comes from: article, editor, journal or book, issue, address. -->
  <xsl:template match="tei:bibl" mode="pdf:chapter" as="node()*">
    <xsl:variable name="parts" as="item()*">
      <xsl:for-each select="tei:title[@level = 'a']">
        <span>“{te:words(.)}”</span>
      </xsl:for-each>
      <xsl:for-each select="tei:editor">
        <span>ed. {te:words(.)}</span>
      </xsl:for-each>
      <xsl:for-each select="tei:title[not(@level = 'a')]">
        <i>{te:words(.)}</i>
      </xsl:for-each>
      <xsl:for-each select="tei:biblScope">
        <span>{te:words(.)}</span>
      </xsl:for-each>
      <xsl:for-each select="tei:ref[@target]">
        <a href="{@target}">{@target}</a>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$parts">
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:sequence select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- A version of the text: a section in its language, headed by what it is. -->
  <xsl:template match="tei:div" mode="pdf:chapter" as="element(section)">
    <section class="version {(@type, 'text')[1]}" lang="{pdf:lang(.)}">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="@xml:id"/>
      </xsl:if>
      <h2 lang="{$edition-language}">{pdf:version-heading(.)}</h2>
      <xsl:apply-templates mode="pdf:text"/>
    </section>
  </xsl:template>

  <!-- ===== helpers ===== -->

  <!-- A dt/dd pair, or nothing when the header does not give the fact. -->
  <xsl:function name="pdf:field" as="element()*">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <dt>{$name}</dt>
      <dd>{normalize-space($value)}</dd>
    </xsl:if>
  </xsl:function>

  <!-- Who sent or received, where and when: names as the registers give them. -->
  <xsl:function name="pdf:party" as="xs:string?">
    <xsl:param name="actions" as="element(tei:correspAction)*"/>
    <xsl:variable name="names" as="xs:string*"
      select="$actions/(tei:persName | tei:orgName | tei:name) ! pdf:name(.)"/>
    <xsl:variable name="places" as="xs:string*" select="$actions/tei:placeName ! pdf:name(.)"/>
    <xsl:variable name="dates" as="xs:string*"
      select="$actions[not(@type = 'sent')]/tei:date ! te:format-date((@when, string(.))[1])"/>
    <xsl:sequence select="string-join((string-join($names, ', ')[.],
      string-join($places, ', ')[.] ! ('(' || . || ')'), $dates), ' ')[normalize-space()]"/>
  </xsl:function>

  <!-- An archival reference as the source writes it, else built from its parts. -->
  <xsl:function name="pdf:archive-reference" as="xs:string">
    <xsl:param name="identifier" as="element(tei:msIdentifier)"/>
    <xsl:variable name="as-written" as="element()?" select="$identifier/tei:altIdentifier[@type = 'as-written']/tei:idno"/>
    <xsl:sequence select="
      if ($as-written) then te:words($as-written)
      else if ($identifier/tei:msName) then te:words($identifier/tei:msName)
      else string-join(($identifier/tei:repository, $identifier/tei:idno) ! te:words(.), ', ')"/>
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
    <xsl:sequence select="te:words($document/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
  </xsl:function>

  <!-- The date a document was sent, in words. -->
  <xsl:function name="pdf:document-date" as="xs:string">
    <xsl:param name="document" as="element(tei:TEI)"/>
    <xsl:variable name="date" as="element(tei:date)?"
      select="($document/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date)[1]"/>
    <xsl:sequence select="if ($date/@when) then te:format-date($date/@when) else te:words($date)"/>
  </xsl:function>

  <!-- "English translation", "Russian transcription 2": the version's language and kind. -->
  <xsl:function name="pdf:version-heading" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="lang" as="xs:string" select="pdf:lang($div)"/>
    <xsl:variable name="language" as="xs:string?" select="
      ($div/ancestor::tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $lang])[1] ! te:words(.)"/>
    <xsl:variable name="several" as="xs:boolean"
      select="count($div/../tei:div[@type = $div/@type][pdf:lang(.) eq $lang]) gt 1"/>
    <xsl:sequence select="string-join((($language, $lang)[normalize-space()][1],
      ($div/@type, 'text')[1], $div[$several]/@n), ' ')"/>
  </xsl:function>

  <!-- The language a node is written in (the nearest xml:lang). -->
  <xsl:function name="pdf:lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(($node/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <xsl:function name="pdf:capitalise" as="xs:string">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($word, 1, 1)) || substring($word, 2)"/>
  </xsl:function>

</xsl:stylesheet>
