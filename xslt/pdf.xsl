<?xml version="1.0" encoding="UTF-8"?>
<!-- The printed edition: TEI to the HTML that WeasyPrint lays out as a book with
     xslt/pdf/print.css (CSS Paged Media). A teiCorpus makes the whole edition (title
     page, contents, editorial conventions, one chapter per document in date order,
     registers of persons and places with page references); a single TEI document
     makes a PDF of its own (its chapter, with the edition named above it).
     tei_edition/render/pdf.py runs it and hands the result to WeasyPrint. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  exclude-result-prefixes="#all">

  <!-- ===== parameters ===== -->

  <!-- Which view of the texts to print: 'reading' (default) or 'diplomatic'. -->
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
  <xsl:param name="edition-language" as="xs:string" select="'en'"/>
  <!-- The PDF's creation date (W3C date-time, from SOURCE_DATE_EPOCH); empty: no date,
       so that the same edition always makes the same bytes. -->
  <xsl:param name="created" as="xs:string" select="''"/>
  <!-- The page of every name in the text ("id page id page …"), measured by a first
       layout; empty on that first layout, when the registers point at every mention. -->
  <xsl:param name="occurrence-pages" as="xs:string" select="''"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- ===== modes ===== -->

  <!-- The input: a teiCorpus (the edition) or one TEI document. -->
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <!-- A document's chapter: heading, metadata, its versions. -->
  <xsl:mode name="pdf:chapter" on-no-match="fail" on-multiple-match="fail"/>
  <!-- A view of a text (the TEI te:reading or te:diplomatic made) as print HTML. -->
  <xsl:mode name="pdf:text" on-no-match="fail" on-multiple-match="fail"/>
  <!-- The conventions page's account of the view the documents are printed in. -->
  <xsl:mode name="pdf:view-statement" on-no-match="fail" on-multiple-match="fail"/>

  <!-- ===== the book ===== -->

  <!-- The whole edition: front matter, the documents by date, the registers. -->
  <xsl:template match="document-node(element(tei:teiCorpus))" as="element(html)">
    <xsl:variable name="views" as="document-node()*" select="pdf:views(tei:teiCorpus/tei:TEI)"/>
    <xsl:call-template name="pdf:html">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="content" as="element()*">
        <xsl:call-template name="pdf:title-page"/>
        <xsl:call-template name="pdf:contents">
          <xsl:with-param name="views" select="$views"/>
        </xsl:call-template>
        <xsl:call-template name="pdf:conventions"/>
        <xsl:for-each select="$views/tei:TEI">
          <xsl:apply-templates select="." mode="pdf:chapter">
            <xsl:with-param name="number" select="position()"/>
          </xsl:apply-templates>
        </xsl:for-each>
        <xsl:call-template name="pdf:register">
          <xsl:with-param name="kind" select="'persons'"/>
          <xsl:with-param name="views" select="$views"/>
        </xsl:call-template>
        <xsl:call-template name="pdf:register">
          <xsl:with-param name="kind" select="'places'"/>
          <xsl:with-param name="views" select="$views"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One document: its chapter alone, the edition named in its running head. -->
  <xsl:template match="document-node(element(tei:TEI))" as="element(html)">
    <xsl:variable name="views" as="document-node()" select="pdf:views(tei:TEI)"/>
    <xsl:call-template name="pdf:html">
      <xsl:with-param name="title" select="pdf:document-title($views/tei:TEI)"/>
      <xsl:with-param name="content" as="element()*">
        <xsl:apply-templates select="$views/tei:TEI" mode="pdf:chapter"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The HTML page WeasyPrint lays out: PDF metadata in the head, the book in the body. -->
  <xsl:template name="pdf:html" as="element(html)">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="content" as="element()*" required="yes"/>
    <html lang="{$edition-language}">
      <head>
        <meta charset="utf-8"/>
        <title>{$title}</title>
        <xsl:for-each select="$edition-editors">
          <meta name="author" content="{.}"/>
        </xsl:for-each>
        <xsl:if test="$edition-subtitle">
          <meta name="description" content="{$edition-subtitle}"/>
        </xsl:if>
        <meta name="generator" content="tei-edition"/>
        <xsl:if test="$created">
          <meta name="dcterms.created" content="{$created}"/>
          <meta name="dcterms.modified" content="{$created}"/>
        </xsl:if>
      </head>
      <body>
        <xsl:sequence select="$content"/>
      </body>
    </html>
  </xsl:template>

  <!-- ===== sub modules ===== -->
  <xsl:include href="common/common.xsl"/>
  <xsl:include href="pdf/documents.xsl"/>
  <xsl:include href="pdf/front.xsl"/>
  <xsl:include href="pdf/chapter.xsl"/>
  <xsl:include href="pdf/text.xsl"/>
  <xsl:include href="pdf/registers.xsl"/>

</xsl:stylesheet>
