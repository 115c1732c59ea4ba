<?xml version="1.0" encoding="UTF-8"?>
<!-- Test harness: te:format-date beside format-date's English words, one date a line
     ("ours|theirs"): every day of a leap year, a month, a date-time, a date with a
     time zone, a year before 1000 and one before the common era. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">
  <xsl:include href="../../xslt/common/common.xsl"/>
  <xsl:output method="text"/>
  <xsl:template match="/" as="text()">
    <xsl:value-of separator="" select="
      ((0 to 365) ! (xs:date('1948-01-01') + xs:dayTimeDuration('P' || . || 'D')))
        ! (te:format-date(string(.)) || '|' || format-date(., '[D] [MNn] [Y]', 'en', (), ()) || '&#10;'),
      te:format-date('1950-10') || '|' || format-date(xs:date('1950-10-01'), '[MNn] [Y]', 'en', (), ()) || '&#10;',
      te:format-date('1950-10-09T07:05:00') || '|' || format-date(xs:date('1950-10-09'), '[D] [MNn] [Y]', 'en', (), ()) || ', 07:05&#10;',
      te:format-date('1950-10-09Z') || '|' || format-date(xs:date('1950-10-09Z'), '[D] [MNn] [Y]', 'en', (), ()) || '&#10;',
      te:format-date('0950-07-05') || '|' || format-date(xs:date('0950-07-05'), '[D] [MNn] [Y]', 'en', (), ()) || '&#10;',
      te:format-date('-0950-07-05') || '|' || format-date(xs:date('-0950-07-05'), '[D] [MNn] [Y]', 'en', (), ()) || '&#10;'"/>
  </xsl:template>
</xsl:stylesheet>
