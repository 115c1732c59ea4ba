<?xml version="1.0" encoding="UTF-8"?>
<!-- The two views of a text, shared by every output: each mode turns TEI into TEI with
     the editorial choices made, so that HTML, PDF and plain text show the same words.

     te:reading      the text as read: additions in place, deletions left out,
                     corrections, regularisations and expansions applied; what it
                     changes is told in textual notes (note type="textual", n="a" …).
     te:diplomatic   the text as written: deletions kept (struck through), additions
                     kept with their hand (raised), sic, original and abbreviated
                     readings as written, editorial expansions (ex) left out.

     Both views keep supplied words (bracketed by the renderers), gaps, page breaks and
     notes, and show the base text of an app with its variants in a textual note; notes
     get their number (n="1" …) and elements with a hand get te:hand, the hand in words.

     te:header       a header as read (te:reading), copied whole where the view changes nothing.
     te:witness      one witness's own text from a collated text (tunnel parameter
                     te:wit): its readings in place of each app; then apply a view. A resolved choice keeps the other reading in te:alt (for hover
     text). An element no rule covers stops the build (xslt/common/elements.xsl). -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <xsl:mode name="te:reading" on-no-match="shallow-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <xsl:mode name="te:diplomatic" on-no-match="shallow-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <xsl:mode name="te:witness" on-no-match="shallow-copy" on-multiple-match="fail" warning-on-no-match="false"/>

  <!-- ===== both views ===== -->

  <!-- An element no rule covers: fail, naming it (never show its text unexplained). Every
       element of a view is tried against this rule first: the name is looked up before
       the ancestors are walked, since nearly every element is known. -->
  <xsl:template match="*[not(te:is-known(.))][ancestor::tei:text]" mode="te:reading te:diplomatic"
    priority="10" as="empty-sequence()">
    <xsl:sequence select="te:fail-unknown(.)"/>
  </xsl:template>

  <!-- Notes keep their place and get their number in the explanatory series. -->
  <xsl:template match="tei:note" mode="te:reading te:diplomatic" as="element(tei:note)">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="#current"/>
      <xsl:attribute name="n" select="te:note-number(.)"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <!-- Gaps and supplied words carry the editor's reason in words (te:reason). -->
  <xsl:template match="tei:gap | tei:supplied" mode="te:reading te:diplomatic" as="element()">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="#current"/>
      <xsl:attribute name="te:reason" select="te:reason-label(.)"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <!-- A page break of some witnesses only (in a collated text): te:sigla names them. -->
  <xsl:template match="tei:pb[@ed]" mode="te:reading te:diplomatic" as="element(tei:pb)">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="#current"/>
      <xsl:attribute name="te:sigla" select="string-join(tokenize(@ed) ! te:witness-siglum(current(), .), ', ')"/>
    </xsl:copy>
  </xsl:template>

  <!-- Any other choice (e.g. two unclear readings): its first reading, the other in te:alt. -->
  <xsl:template match="tei:choice" mode="te:reading te:diplomatic" as="element()">
    <xsl:apply-templates select="*[1]" mode="#current">
      <xsl:with-param name="alternative" select="*[2]" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Variants between witnesses: the base text (lem) in place, every reading in a
       textual note, in both views (the note is the apparatus, not an editorial choice).
       An output that marks variants in the text itself (HTML) passes the tunnel
       parameter te:keep-apparatus: the app then stays, holding its base reading (lem,
       resolved by the view) and its textual note, for the output to show together. -->
  <xsl:template match="tei:app" mode="te:reading te:diplomatic" as="node()*">
    <xsl:param name="te:keep-apparatus" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="base" as="element()?" select="(tei:lem, tei:rdg[1])[1]"/>
    <xsl:choose>
      <xsl:when test="$te:keep-apparatus">
        <xsl:copy>
          <xsl:apply-templates select="@*" mode="#current"/>
          <lem xmlns="http://www.tei-c.org/ns/1.0">
            <xsl:apply-templates select="$base/@*" mode="#current"/>
            <xsl:apply-templates select="$base/node()" mode="#current"/>
          </lem>
          <xsl:sequence select="te:textual-note(.)"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$base/node()" mode="#current"/>
        <xsl:sequence select="te:textual-note(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== a header as read ===== -->

  <!-- te:header: a header as the reading view gives it, copied whole wherever no element
       the reading view changes is inside (most of a header): taking each of its nodes
       through the view's rules one by one cost more than the rest of the view. The
       names are those the rules of te:reading match. -->
  <xsl:mode name="te:header" on-no-match="shallow-copy" on-multiple-match="fail" warning-on-no-match="false"/>

  <xsl:template match="*[not(descendant-or-self::*[self::tei:note or self::tei:gap or self::tei:supplied or self::tei:pb
    or self::tei:choice or self::tei:app or self::tei:add or self::tei:del or self::tei:subst])]" mode="te:header" as="element()">
    <xsl:copy-of select="."/>
  </xsl:template>

  <xsl:template match="tei:note | tei:gap | tei:supplied | tei:pb | tei:choice | tei:app | tei:add | tei:del | tei:subst"
    mode="te:header" as="node()*">
    <xsl:apply-templates select="." mode="te:reading"/>
  </xsl:template>

  <!-- ===== one witness's text ===== -->

  <!-- te:witness (tunnel parameter te:wit, a witness id without '#'): the text as one
       witness has it, read back from the apparatus: its own reading at each app (nothing
       where it has none), its own page breaks only. The result is TEI again, to be put
       through te:reading or te:diplomatic like any text. -->
  <!-- With te:compare (another witness's id), a place where the two differ is kept as
       seg type="variant" (subtype: the app's type, te:other: the other's words), for a
       synopsis to mark. -->
  <xsl:template match="tei:app" mode="te:witness" as="node()*">
    <xsl:param name="te:wit" as="xs:string" tunnel="yes" required="yes"/>
    <xsl:param name="te:compare" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:variable name="own" as="element()?" select="te:witness-reading(., $te:wit)"/>
    <xsl:variable name="other" as="element()?" select="$te:compare ! te:witness-reading(current(), .)"/>
    <xsl:choose>
      <xsl:when test="exists($te:compare) and not($own is $other)">
        <seg xmlns="http://www.tei-c.org/ns/1.0" type="variant" subtype="{(@type, 'substantive')[1]}"
          te:other="{te:witness-siglum(., '#' || $te:compare)}: {if ($other/normalize-space()) then '“' || te:words($other) || '”' else 'nothing'}">
          <xsl:apply-templates select="$own/node()" mode="#current"/>
        </seg>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$own/node()" mode="#current"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A page break of a collated text is a page of the witnesses its @ed names (of all
       when it names none). -->
  <xsl:template match="tei:pb" mode="te:witness" as="element(tei:pb)?">
    <xsl:param name="te:wit" as="xs:string" tunnel="yes" required="yes"/>
    <xsl:if test="not(@ed) or tokenize(@ed) = '#' || $te:wit">
      <xsl:copy>
        <xsl:apply-templates select="@* except @ed" mode="#current"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <!-- The version now holds one witness: @source names it alone. -->
  <xsl:template match="@source" mode="te:witness" as="attribute(source)">
    <xsl:param name="te:wit" as="xs:string" tunnel="yes" required="yes"/>
    <xsl:attribute name="source" select="'#' || $te:wit"/>
  </xsl:template>

  <!-- ===== reading view ===== -->

  <!-- An addition reads in place; a textual note says whose hand added it and where. -->
  <xsl:template match="tei:add[not(parent::tei:subst)]" mode="te:reading" as="node()*">
    <xsl:apply-templates mode="#current"/>
    <xsl:sequence select="te:textual-note(.)"/>
  </xsl:template>

  <!-- A deletion is left out; its words move into a textual note. -->
  <xsl:template match="tei:del[not(parent::tei:subst)]" mode="te:reading" as="element(tei:note)">
    <xsl:sequence select="te:textual-note(.)"/>
  </xsl:template>

  <!-- A substitution reads as its addition; the note keeps what was deleted. -->
  <xsl:template match="tei:subst" mode="te:reading" as="node()*">
    <xsl:apply-templates select="tei:add/node()" mode="#current"/>
    <xsl:sequence select="te:textual-note(.)"/>
  </xsl:template>

  <!-- A correction or regularisation replaces the reading as written; a note keeps it. -->
  <xsl:template match="tei:choice[tei:corr or tei:reg]" mode="te:reading" as="node()*">
    <xsl:apply-templates select="(tei:corr, tei:reg)[1]" mode="#current">
      <xsl:with-param name="alternative" select="(tei:sic, tei:orig)[1]" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:sequence select="te:textual-note(.)[te:has-textual-note(current())]"/>
  </xsl:template>

  <!-- An abbreviation reads expanded; the abbreviation stays at hand in te:alt. -->
  <xsl:template match="tei:choice[tei:expan][not(tei:corr or tei:reg)]" mode="te:reading" as="element()">
    <xsl:apply-templates select="tei:expan" mode="#current">
      <xsl:with-param name="alternative" select="tei:abbr" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ===== diplomatic view ===== -->

  <!-- As written: the sic, original or abbreviated reading of a choice. -->
  <xsl:template match="tei:choice[tei:sic or tei:orig or tei:abbr]" mode="te:diplomatic" as="element()">
    <xsl:apply-templates select="(tei:sic, tei:orig, tei:abbr)[1]" mode="#current">
      <xsl:with-param name="alternative" select="(tei:corr, tei:reg, tei:expan)[1]" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- An editor's expansion inside a word is not in the document: left out. -->
  <xsl:template match="tei:ex" mode="te:diplomatic" as="empty-sequence()"/>

  <!-- An expanded word is, as written, an abbreviation: abbr, its full form in te:alt. -->
  <xsl:template match="tei:expan[tei:ex][not(parent::tei:choice)]" mode="te:diplomatic" as="element(tei:abbr)">
    <abbr xmlns="http://www.tei-c.org/ns/1.0" te:alt="{te:words(.)}">
      <xsl:apply-templates select="@*" mode="#current"/>
      <xsl:apply-templates mode="#current"/>
    </abbr>
  </xsl:template>

  <!-- Additions and deletions keep their hand, named in words in te:hand. -->
  <xsl:template match="tei:add | tei:del" mode="te:diplomatic" as="element()">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="#current"/>
      <xsl:if test="@hand">
        <xsl:attribute name="te:hand" select="te:hand-label(.)"/>
      </xsl:if>
      <xsl:if test="@place">
        <xsl:attribute name="te:place" select="normalize-space(te:place-phrase(@place))"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <!-- ===== helpers ===== -->

  <!-- A choice's chosen reading, with the other reading kept in te:alt. -->
  <xsl:template match="tei:choice/*" mode="te:reading te:diplomatic" as="element()">
    <xsl:param name="alternative" as="element()?" tunnel="yes"/>
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="#current"/>
      <xsl:attribute name="te:alt" select="te:words($alternative)"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <!-- The textual note the reading view puts where a sign was resolved; a variant's note
       also carries its apparatus entry ("lemma] reading SIGLUM") in te:entry and the
       app's class (substantive, punctuation, case, word-division …) in te:variant-type,
       for outputs that print an apparatus and tell minor variants apart. -->
  <xsl:function name="te:textual-note" as="element(tei:note)">
    <xsl:param name="element" as="element()"/>
    <note xmlns="http://www.tei-c.org/ns/1.0" type="textual" n="{te:textual-note-label($element)}"
      te:for="{local-name($element)}" xml:lang="en">
      <xsl:if test="$element/self::tei:app">
        <xsl:attribute name="te:entry" select="te:apparatus-entry($element)"/>
        <xsl:attribute name="te:variant-type" select="($element/@type, 'substantive')[1]"/>
      </xsl:if>
      <xsl:sequence select="te:textual-note-content($element)"/>
    </note>
  </xsl:function>

</xsl:stylesheet>
