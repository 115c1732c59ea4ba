<?xml version="1.0" encoding="UTF-8"?>
<!-- Test harness: both views of a document's body, as TEI, side by side. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">
  <xsl:include href="../../xslt/common/common.xsl"/>
  <xsl:output method="xml" indent="no"/>
  <xsl:template match="/" as="element(te:views)">
    <te:views>
      <te:reading><xsl:apply-templates select="//tei:body" mode="te:reading"/></te:reading>
      <te:diplomatic><xsl:apply-templates select="//tei:body" mode="te:diplomatic"/></te:diplomatic>
    </te:views>
  </xsl:template>
</xsl:stylesheet>
