<?xml version="1.0" encoding="UTF-8"?>
<!-- Test harness: both views of a document's body, as TEI, side by side; then each
     witness's own text (te:witness), and each witness compared with the first
     (te:compare), as TEI. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">
  <xsl:include href="../../xslt/common/common.xsl"/>
  <xsl:output method="xml" indent="no"/>
  <xsl:template match="/" as="element(te:views)">
    <xsl:variable name="witnesses" as="element(tei:witness)*" select="//tei:listWit/tei:witness"/>
    <te:views>
      <te:reading><xsl:apply-templates select="//tei:body" mode="te:reading"/></te:reading>
      <te:diplomatic><xsl:apply-templates select="//tei:body" mode="te:diplomatic"/></te:diplomatic>
      <xsl:for-each select="$witnesses">
        <te:witness n="{@n}">
          <xsl:apply-templates select="root(.)//tei:body" mode="te:witness">
            <xsl:with-param name="te:wit" select="string(@xml:id)" tunnel="yes"/>
          </xsl:apply-templates>
        </te:witness>
        <te:compared n="{@n}">
          <xsl:apply-templates select="root(.)//tei:body" mode="te:witness">
            <xsl:with-param name="te:wit" select="string(@xml:id)" tunnel="yes"/>
            <xsl:with-param name="te:compare" select="string($witnesses[1]/@xml:id)" tunnel="yes"/>
          </xsl:apply-templates>
        </te:compared>
      </xsl:for-each>
    </te:views>
  </xsl:template>
</xsl:stylesheet>
