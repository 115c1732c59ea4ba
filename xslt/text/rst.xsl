<?xml version="1.0" encoding="UTF-8"?>
<!-- reStructuredText as plain text: escaping, wrapping at a column, section
     adornments, field lists and footnotes. The text edition is read in a terminal
     and parsed by docutils, so every string that reaches the output passes through
     here: what a reader sees stays plain, and nothing in the edition's words can
     turn into RST markup by accident. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:rst="https://tei-edition.example/ns/rst"
  exclude-result-prefixes="#all">

  <!-- The column the text edition wraps at. -->
  <xsl:param name="rst:width" as="xs:integer" select="78"/>

  <!-- ===== escaping ===== -->

  <!-- Backslash-escape the characters that start inline markup (\ * ` |) and an
       underscore that ends a word (a reference): elsewhere they stay as written. -->
  <xsl:function name="rst:escape" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="replace($text, '([\\*`|])', '\\$1')" regex="(_+)([^\p{{L}}\p{{N}}]|$)">
        <xsl:matching-substring>
          <xsl:sequence select="replace(regex-group(1), '_', '\\_') || regex-group(2)"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- A paragraph's first word must not read as the marker of a list, a field, a
       directive, a line block or a doctest: escape its first character when it would. -->
  <xsl:function name="rst:escape-start" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="
      if (matches($text, '^([-+*&#8226;&#8227;&#8259;](\s|$)|\(?([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)[.)](\s|$)|\.\.(\s|$)|:[^:\s][^:]*:(\s|$)|&gt;&gt;&gt;|[!-/:-@\[-`{-~]{4,}$)'))
      then '\' || $text
      else $text"/>
  </xsl:function>

  <!-- A paragraph that ends in "::" would announce a literal block: escape the second colon. -->
  <xsl:function name="rst:escape-end" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="replace($text, '::$', ':\\:')"/>
  </xsl:function>

  <!-- ===== wrapping ===== -->

  <!-- Greedy word wrap of one paragraph at rst:width: the first line starts with
       $first, every further line with $rest (the indentation RST's structure needs).
       A word longer than a line (an address) stands on a line of its own. -->
  <xsl:function name="rst:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize(normalize-space($text), ' ')"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:iterate select="$words">
        <xsl:param name="line" as="xs:string" select="$first"/>
        <xsl:param name="empty" as="xs:boolean" select="true()"/>
        <xsl:on-completion>
          <xsl:sequence select="$line[not($empty)]"/>
        </xsl:on-completion>
        <xsl:choose>
          <xsl:when test="$empty">
            <xsl:next-iteration>
              <xsl:with-param name="line" select="$line || ."/>
              <xsl:with-param name="empty" select="false()"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:when test="string-length($line) + 1 + string-length(.) le $rst:width">
            <xsl:next-iteration>
              <xsl:with-param name="line" select="$line || ' ' || ."/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:when test="rst:unsafe-line-start(.)">
            <!-- A line must not start with a word RST would read as markup there:
                 keep it on this line even if the line runs long. -->
            <xsl:next-iteration>
              <xsl:with-param name="line" select="$line || ' ' || ."/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$line"/>
            <xsl:next-iteration>
              <xsl:with-param name="line" select="$rest || ."/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, '&#10;')"/>
  </xsl:function>

  <!-- A continuation line made only of four or more punctuation signs would read as a
       section underline. -->
  <xsl:function name="rst:unsafe-line-start" as="xs:boolean">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="matches($word, '^[!-/:-@\[-`{-~]{4,}$')"/>
  </xsl:function>

  <!-- ===== blocks ===== -->

  <!-- A paragraph: escaped at its start and end, wrapped; $text is already escaped inline. -->
  <xsl:function name="rst:paragraph" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="rst:wrap(rst:escape-end(rst:escape-start(normalize-space($text))), $indent, $indent)"/>
  </xsl:function>

  <!-- A bullet list item: "- " then the item's text, continuation lines under it. -->
  <xsl:function name="rst:bullet" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="rst:wrap(rst:escape-end(rst:escape-start(normalize-space($text))), $indent || '- ', $indent || '  ')"/>
  </xsl:function>

  <!-- A section title with its adornment: $level 0 is over- and underlined with "=",
       1 underlined with "=", 2 with "-", 3 with "~". Titles are one line. -->
  <xsl:function name="rst:title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:variable name="line" as="xs:string" select="rst:escape-start(normalize-space($title))"/>
    <xsl:variable name="rule" as="xs:string"
      select="string-join((1 to max((string-length($line), 1))) ! substring('==-~', $level + 1, 1))"/>
    <xsl:sequence select="if ($level eq 0) then string-join(($rule, $line, $rule), '&#10;')
                          else $line || '&#10;' || $rule"/>
  </xsl:function>

  <!-- A title that fits on one line: $title, else $short, else $short cut at a word. -->
  <xsl:function name="rst:fit-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="short" as="xs:string"/>
    <xsl:variable name="candidates" as="xs:string+" select="(normalize-space($title), normalize-space($short))"/>
    <xsl:sequence select="
      ($candidates[string-length(.) le $rst:width],
       replace(substring($candidates[2], 1, $rst:width - 2), '\s+\S*$', '') || ' …')[1]"/>
  </xsl:function>

  <!-- One field of a field list; the body is wrapped under the field name. -->
  <xsl:function name="rst:field" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="body" as="xs:string"/>
    <xsl:sequence select="rst:wrap(rst:escape(normalize-space($body)), ':' || $name || ': ', '    ')"/>
  </xsl:function>

  <!-- A footnote (label "1") or citation (label "a"): ".. [label] text". -->
  <xsl:function name="rst:footnote" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="rst:wrap(normalize-space($text), '.. [' || $label || '] ', '   ')"/>
  </xsl:function>

  <!-- The reference to a footnote or citation, as it stands in the text. -->
  <xsl:function name="rst:footnote-reference" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="' [' || $label || ']_'"/>
  </xsl:function>

</xsl:stylesheet>
