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

  <!-- The metadata block: one line per fact of the header (pdf:metadata). -->
  <xsl:template match="tei:teiHeader" mode="pdf:chapter" as="element(dl)">
    <dl class="metadata">
      <xsl:for-each select="pdf:metadata(ancestor::tei:TEI)">
        <dt>{?name}</dt>
        <dd>{?value}</dd>
      </xsl:for-each>
    </dl>
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

</xsl:stylesheet>
