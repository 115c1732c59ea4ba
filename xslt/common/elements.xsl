<?xml version="1.0" encoding="UTF-8"?>
<!-- The TEI elements the edition's stylesheets know how to show, listed once; any other
     element in a text is a build error (te:check-elements), never silently dropped text. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- Block-level elements: each starts its own line or box in every output. -->
  <xsl:variable name="te:block-elements" as="xs:string+" select="(
    'text', 'front', 'body', 'back', 'div', 'head', 'p', 'ab', 'opener', 'closer',
    'postscript', 'salute', 'signed', 'dateline', 'list', 'item', 'lg', 'l', 'table',
    'row', 'cell', 'floatingText', 'trailer', 'byline', 'docAuthor', 'docDate',
    'address', 'addrLine', 'quote', 'figure', 'listBibl', 'bibl', 'argument', 'epigraph')"/>

  <!-- Phrase-level elements: they sit inside a line and never break it. -->
  <xsl:variable name="te:inline-elements" as="xs:string+" select="(
    'label', 'num', 'idno', 'date', 'time', 'persName', 'placeName', 'orgName', 'geogName',
    'name', 'rs', 'roleName', 'forename', 'surname', 'add', 'del', 'subst', 'note',
    'choice', 'sic', 'corr', 'abbr', 'expan', 'ex', 'am', 'orig', 'reg', 'supplied',
    'unclear', 'foreign', 'gap', 'desc', 'hi', 'emph', 'term', 'title', 'ref', 'ptr',
    'seg', 'q', 'said', 'mentioned', 'soCalled', 'measure', 'pb', 'lb', 'cb', 'milestone',
    'space', 'handShift', 'fw', 'damage', 'restore', 'surplus', 'w', 'c', 'pc', 'graphic',
    'app', 'lem', 'rdg', 'rdgGrp', 'wit')"/>

  <!-- Every element a text may contain. -->
  <xsl:variable name="te:known-elements" as="xs:string+"
    select="($te:block-elements, $te:inline-elements)"/>

  <!-- The lists as sets (name: true for a block, false for a phrase): every element of
       every view is checked, and a look-up must not compare its name with each of the
       hundred names in turn. -->
  <xsl:variable name="te:element-kinds" as="map(xs:string, xs:boolean)"
    select="map:merge(($te:block-elements ! map { .: true() }, $te:inline-elements ! map { .: false() }))"/>

  <!-- True when the stylesheets have a rule for this element (a TEI element of the list).
       Asked of every element of every view: the namespace is tested as a step (self::tei:*),
       which compares a code, not namespace-uri() as a string (a third of the cost). -->
  <xsl:function name="te:is-known" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/self::tei:*) and map:contains($te:element-kinds, local-name($element))"/>
  </xsl:function>

  <!-- True for elements that make their own block (paragraph-like) in every output. -->
  <xsl:function name="te:is-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$te:element-kinds(local-name($element)) = true()"/>
  </xsl:function>

  <!-- Fail the build, naming element and place, when a text holds an element no rule
       covers: its text would otherwise be shown without the meaning its tag gives it. -->
  <xsl:function name="te:check-elements" as="empty-sequence()">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="scope" as="node()*"
      select="if ($root//tei:text) then $root//tei:text else $root"/>
    <xsl:sequence select="($scope/descendant-or-self::*[not(te:is-known(.))])[1] ! te:fail-unknown(.)"/>
  </xsl:function>

  <!-- The error for an element without a rule: its name, where it is, what to do. -->
  <xsl:function name="te:fail-unknown" as="empty-sequence()">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="error(xs:QName('te:E-UNKNOWN-ELEMENT'),
      'no stylesheet rule for the element &lt;' || name($element) || '&gt; at '
      || te:node-path($element) || ' : add it to xslt/common/elements.xsl and give it a rule in every output')"/>
  </xsl:function>

</xsl:stylesheet>
