<?xml version="1.0" encoding="UTF-8"?>
<!-- What the site's own pages (index, registers, search; site.xsl) need of one document,
     made from that document alone ($page = 'summary', or with its page), so that the
     pages of a whole edition are joined from small pieces rather than made from one tree
     of every full text. First its summary: the TEI element with its header as it is
     (index rows, labels, roles of names), and in te:site the facts of its text, ready
     made: the languages of its versions, the words of each version in both views
     (search), each quoted message's place and language, each name that points into a
     register with the passage it is in. Then, from the summary, its pieces of the site's
     pages (mode te:site-piece, site.xsl), which name register entries by the preferred
     names of the entries it points at. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <xsl:mode name="te:summary" on-no-match="fail" on-multiple-match="fail"/>

  <!-- $views: the versions in both views, as the page shows them (te:document-views; the
       variants kept in place add no words to a view outside its textual notes). -->
  <xsl:template match="tei:TEI" mode="te:summary" as="xs:string">
    <xsl:param name="views" as="map(xs:string, element()+)" select="te:document-views(.)"/>
    <xsl:variable name="summary" as="element(tei:TEI)">
      <xsl:copy>
        <xsl:sequence select="@*, tei:teiHeader"/>
        <te:site languages="{string-join(distinct-values(.//tei:text/tei:body/tei:div/@xml:lang ! string()), ', ')}">
          <xsl:for-each select="te:versions(.)">
            <xsl:variable name="at" as="xs:integer" select="position()"/>
            <te:version lang="{te:lang(.)}" text="{te:view-words($views?reading[$at])}" written="{te:view-words($views?diplomatic[$at])}"/>
          </xsl:for-each>
          <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:correspDesc[@type = 'embedded']">
            <xsl:variable name="id" as="xs:string" select="replace(string(@corresp), '^#', '')"/>
            <xsl:variable name="quoted" as="element()?" select="(ancestor::tei:TEI/tei:text//*[@xml:id = $id])[1]"/>
            <te:quoted corresp="{@corresp}" lang="{($quoted, ancestor::tei:TEI//tei:text)[1] ! te:lang(.)}">
              <xsl:if test="$quoted"><xsl:attribute name="id" select="$id"/></xsl:if>
            </te:quoted>
          </xsl:for-each>
          <xsl:for-each select="(* except tei:teiHeader)//tei:*[@ref]">
            <te:mention ref="{@ref}">
              <xsl:if test="ancestor::tei:text">
                <xsl:attribute name="form" select="te:name-form(.)"/>
                <xsl:attribute name="lang" select="te:lang(.)"/>
                <xsl:attribute name="passage" select="te:passage-id(te:passage-of(.))"/>
              </xsl:if>
            </te:mention>
          </xsl:for-each>
        </te:site>
      </xsl:copy>
    </xsl:variable>
    <xsl:apply-templates select="$summary" mode="te:site-piece"/>
  </xsl:template>

  <!-- The words of a view of a version, as the search finds them (textual notes left out).
       A view without textual notes is taken whole: asking every text node for its
       ancestors costs more than the rest of the summary's words. -->
  <xsl:function name="te:view-words" as="xs:string">
    <xsl:param name="view" as="element()"/>
    <xsl:sequence select="normalize-space(if ($view//tei:note[@type = 'textual'])
      then string-join($view//text()[not(ancestor::tei:note[@type = 'textual'])], '')
      else string($view))"/>
  </xsl:function>

  <!-- A name as the text reads it: without the editor's identification or notes, and
       with corrections applied (the forms as written are in the register already). -->
  <xsl:function name="te:name-form" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($name//text()[not(ancestor::*[self::tei:supplied
      or self::tei:note or self::tei:sic[parent::tei:choice] or self::tei:orig
      or self::tei:abbr[parent::tei:choice] or self::tei:del])]))"/>
  </xsl:function>

</xsl:stylesheet>
