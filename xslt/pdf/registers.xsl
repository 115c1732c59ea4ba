<?xml version="1.0" encoding="UTF-8"?>
<!-- The registers at the end of the printed edition: every person and place the
     documents mention, under the register's preferred name, with the other forms the
     texts use, the register's note, and the pages of the mentions. The first layout
     points at every mention (CSS target-counter); tei_edition/render/pdf.py then
     measures the pages and lays out again with $occurrence-pages, so that each page is
     named once. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  exclude-result-prefixes="#all">

  <!-- The page of each mention, as measured: mention id → page number. -->
  <xsl:variable name="pdf:mention-pages" as="map(xs:string, xs:integer)" select="map:merge(
    let $tokens := tokenize(normalize-space($occurrence-pages))
    return for $i in 1 to count($tokens) idiv 2
    return map { $tokens[2 * $i - 1]: xs:integer($tokens[2 * $i]) })"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <!-- A register ('persons' or 'places'): one entry per register id the texts point at. -->
  <xsl:template name="pdf:register" as="element(section)">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="views" as="document-node()*" required="yes"/>
    <xsl:variable name="mentions" as="element()*" select="$views/tei:TEI/tei:text//*[@ref]
      [if ($kind eq 'persons') then self::tei:persName else self::tei:placeName or self::tei:geogName]"/>
    <section class="register" id="register-{$kind}">
      <h1>{if ($kind eq 'persons') then 'Persons' else 'Places'}</h1>
      <ul>
        <xsl:for-each-group select="$mentions" group-by="te:ref-id(@ref)">
          <xsl:sort select="lower-case(pdf:name(current-group()[1]))"/>
          <xsl:sort select="current-grouping-key()"/>
          <xsl:call-template name="pdf:register-entry">
            <xsl:with-param name="mentions" select="current-group()"/>
          </xsl:call-template>
        </xsl:for-each-group>
      </ul>
    </section>
  </xsl:template>

  <!-- An entry: name, other forms in the texts, the register's note, pages. -->
  <xsl:template name="pdf:register-entry" as="element(li)">
    <xsl:param name="mentions" as="element()+" required="yes"/>
    <xsl:variable name="entry" as="element()?" select="te:register-entry($mentions[1]/@ref, $registers)"/>
    <xsl:variable name="name" as="xs:string" select="pdf:name($mentions[1])"/>
    <!-- The forms the texts write, each once whatever its case, the listed name left out. -->
    <xsl:variable name="forms" as="xs:string*">
      <xsl:for-each-group select="$mentions ! pdf:name-as-written(.)[normalize-space()]" group-by="lower-case(.)">
        <xsl:sequence select="current-group()[1][current-grouping-key() ne lower-case($name)]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <li id="entry-{te:ref-id($mentions[1]/@ref)}">
      <span class="entry-name">{$name}</span>
      <xsl:if test="exists($forms)">
        <xsl:text> (</xsl:text><span class="entry-forms">{string-join(sort($forms), ', ')}</span>)</xsl:if>
      <xsl:for-each select="$entry/tei:note[1]">
        <xsl:text>. </xsl:text><span class="entry-note">{te:words(.) => replace('\.$', '')}</span>
      </xsl:for-each>
      <xsl:text>: </xsl:text>
      <xsl:sequence select="pdf:page-references($mentions)"/>
    </li>
  </xsl:template>

  <!-- The pages of the mentions: each page once when measured, else every mention. -->
  <xsl:function name="pdf:page-references" as="node()*">
    <xsl:param name="mentions" as="element()+"/>
    <xsl:variable name="ids" as="xs:string+" select="$mentions ! pdf:occurrence-id(.)"/>
    <xsl:variable name="measured" as="xs:boolean" select="every $id in $ids satisfies map:contains($pdf:mention-pages, $id)"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="links" as="element(a)*">
      <xsl:choose>
        <xsl:when test="$measured">
          <xsl:for-each-group select="$ids" group-by="$pdf:mention-pages(.)">
            <xsl:sort select="current-grouping-key()"/>
            <a class="page" href="#{current-group()[1]}">{current-grouping-key()}</a>
          </xsl:for-each-group>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$ids">
            <a class="page-ref" href="#{.}"></a>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="$links">
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:sequence select="."/>
    </xsl:for-each>
  </xsl:function>

  <!-- A mention's words as the text writes them: without the editor's supplied words
       and without notes. -->
  <xsl:function name="pdf:name-as-written" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($mention//text()[not(ancestor::tei:note or ancestor::tei:supplied)]))"/>
  </xsl:function>

</xsl:stylesheet>
