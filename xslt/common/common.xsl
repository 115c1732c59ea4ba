<?xml version="1.0" encoding="UTF-8"?>
<!-- The shared module: include this one file to get every mode and function that all
     outputs share (see README.md beside it). -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="elements.xsl"/>
  <xsl:include href="functions.xsl"/>
  <xsl:include href="views.xsl"/>
  <xsl:include href="conventions.xsl"/>
</xsl:stylesheet>
