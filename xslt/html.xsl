<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML edition: one page per TEI document, and the site's own pages (index,
     registers, conventions, search) from the corpus of all documents. tei_edition's
     HTML writer runs this stylesheet once per page and writes the files. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <!-- ===== parameters ===== -->

  <!-- Which page to make from a corpus: 'index', 'persons', 'places', 'organisations',
       'conventions' or 'search'. A single TEI document makes its own page, or with
       'summary' what the site's pages need of it (html/summary.xsl). -->
  <xsl:param name="page" as="xs:string" select="'document'"/>
  <!-- Documents as one teiCorpus: for a document's page, it and its neighbours in date
       order (prev/next; their headers are enough); for the site's pages, every
       document's summary. -->
  <xsl:param name="corpus" as="document-node()?" select="()"/>
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
  <!-- The site page a corpus makes, chosen by $page. -->
  <xsl:mode name="te:site-page" on-no-match="fail" on-multiple-match="fail"/>

  <!-- ===== pages ===== -->

  <!-- A TEI document: its own page. -->
  <xsl:template match="document-node(element(tei:TEI))" as="element(html)">
    <xsl:sequence select="te:check-elements(.)"/>
    <xsl:apply-templates select="tei:TEI" mode="te:document-page"/>
  </xsl:template>

  <!-- A TEI document's summary for the site's pages: XML, not a page. -->
  <xsl:template match="document-node(element(tei:TEI))[$page eq 'summary']" priority="1">
    <xsl:result-document method="xml" indent="no" encoding="UTF-8" omit-xml-declaration="yes">
      <xsl:apply-templates select="tei:TEI" mode="te:summary"/>
    </xsl:result-document>
  </xsl:template>

  <!-- The corpus: the site page $page names. -->
  <xsl:template match="document-node(element(tei:teiCorpus))" as="element(html)">
    <xsl:apply-templates select="tei:teiCorpus" mode="te:site-page"/>
  </xsl:template>

  <!-- ===== sub modules ===== -->
  <xsl:include href="common/common.xsl"/>
  <xsl:include href="html/layout.xsl"/>
  <xsl:include href="html/document.xsl"/>
  <xsl:include href="html/text.xsl"/>
  <xsl:include href="html/site.xsl"/>
  <xsl:include href="html/summary.xsl"/>

</xsl:stylesheet>
