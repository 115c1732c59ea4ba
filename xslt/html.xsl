<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML edition: one page per TEI document, and the site's own pages (index,
     registers, conventions, search) from the pieces each document's page leaves. tei_edition's
     HTML writer runs this stylesheet once per page and writes the files. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <!-- ===== parameters ===== -->

  <!-- What to make of a single TEI document: its own page ('document'), with
       'summary' its pieces of the site's pages (html/summary.xsl), or with
       'document-and-summary' both (the pieces as a result document). -->
  <xsl:param name="page" as="xs:string" select="'document'"/>
  <!-- A document's page: the documents just before and after it in date order (prev/next). -->
  <xsl:param name="neighbours" as="document-node()*" select="()"/>
  <!-- The registers of persons, places and organisations (TEI documents). -->
  <xsl:param name="registers" as="document-node()*" select="()"/>
  <!-- The front matter (xml/front.xml): the introduction on the index page. -->
  <xsl:param name="front" as="document-node()?" select="()"/>
  <!-- The edition, from edition.toml. -->
  <xsl:param name="edition-title" as="xs:string" required="yes"/>
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string*" select="()"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-date" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <!-- The address the site is published at, for citations; empty: cite by identifier. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- ===== modes ===== -->

  <!-- Pages: the document node of a TEI file or of the corpus. -->
  <xsl:mode on-no-match="fail" on-multiple-match="fail"/>
  <!-- A TEI view (output of te:reading / te:diplomatic) as HTML. -->
  <xsl:mode name="te:html" on-no-match="fail" on-multiple-match="fail"/>
  <!-- The site's pages the site's facts make (html/site.xsl). -->
  <xsl:mode name="te:site-page" on-no-match="fail" on-multiple-match="fail"/>

  <!-- ===== pages ===== -->

  <!-- A TEI document: its own page. -->
  <xsl:template match="document-node(element(tei:TEI))" as="element(html)">
    <xsl:sequence select="te:check-elements(.)"/>
    <xsl:apply-templates select="tei:TEI" mode="te:document-page"/>
  </xsl:template>

  <!-- A TEI document's pieces of the site's pages: text, not a page. -->
  <xsl:template match="document-node(element(tei:TEI))[$page eq 'summary']" priority="1">
    <xsl:result-document method="text">
      <xsl:apply-templates select="tei:TEI" mode="te:summary"/>
    </xsl:result-document>
  </xsl:template>

  <!-- A TEI document's page and its pieces of the site's pages (the build's workers): one
       transformation, so that both are made from the same views of its text. The page is
       the result; the pieces the text of the result document "summary.txt" (kept in
       memory by tei_edition.xslt, never written by Saxon). -->
  <xsl:template match="document-node(element(tei:TEI))[$page eq 'document-and-summary']" priority="1" as="element(html)">
    <xsl:sequence select="te:check-elements(.)"/>
    <xsl:variable name="views" as="map(xs:string, element()+)" select="te:document-views(tei:TEI)"/>
    <xsl:result-document href="summary.txt" method="text">
      <xsl:apply-templates select="tei:TEI" mode="te:summary">
        <xsl:with-param name="views" select="$views"/>
      </xsl:apply-templates>
    </xsl:result-document>
    <xsl:apply-templates select="tei:TEI" mode="te:document-page">
      <xsl:with-param name="views" select="$views"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- The site's facts: every site page, each written as a result document (html/site.xsl). -->
  <xsl:template match="document-node(element(te:site))">
    <xsl:apply-templates select="te:site" mode="te:site-page"/>
  </xsl:template>

  <!-- ===== sub modules ===== -->
  <xsl:include href="common/common.xsl"/>
  <xsl:include href="html/layout.xsl"/>
  <xsl:include href="html/document.xsl"/>
  <xsl:include href="html/text.xsl"/>
  <xsl:include href="html/site.xsl"/>
  <xsl:include href="html/summary.xsl"/>

</xsl:stylesheet>
