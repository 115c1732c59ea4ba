<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions every output shares: note numbering and labels, dates, names from the
     registers, hands, and the path of a node for error messages. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- ===== where a node is ===== -->

  <!-- A node's path as /TEI[1]/text[1]/...; tei_edition.xslt turns it into a source line. -->
  <xsl:function name="te:node-path" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string-join($node/ancestor-or-self::* ! (let $step := . return
      '/' || local-name($step) || '[' || count($step/preceding-sibling::*[node-name() eq node-name($step)]) + 1 || ']'))"/>
  </xsl:function>

  <!-- The text a node belongs to: the scope of its note numbers. -->
  <xsl:function name="te:text-of" as="node()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::tei:text[1], $node/ancestor::te:example[1], root($node))[1]"/>
  </xsl:function>

  <!-- ===== notes ===== -->

  <!-- Elements that the reading view replaces by a textual note (the apparatus): what
       it leaves out or changes silently must still be told. An app (variants between
       witnesses) gets its note in both views. -->
  <xsl:function name="te:has-textual-note" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::tei:add[not(parent::tei:subst)]
      or self::tei:del[not(parent::tei:subst)] or self::tei:subst
      or self::tei:choice[tei:sic or tei:orig] or self::tei:app])"/>
  </xsl:function>

  <!-- Explanatory notes (translator's, editor's) are numbered 1, 2, 3 through a text. -->
  <xsl:function name="te:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="text" as="node()" select="te:text-of($note)"/>
    <xsl:variable name="numbers" as="map(xs:string, xs:integer)" select="te:note-series($text, 'explanatory')"/>
    <xsl:sequence select="if (map:contains($numbers, generate-id($note)) and not($note/ancestor::tei:note)) then $numbers(generate-id($note))
      else count($note/preceding::tei:note[not(ancestor::tei:teiHeader)][te:text-of(.) is $text]) + 1"/>
  </xsl:function>

  <!-- The place (1, 2 …) of each element of a text's note series, 'explanatory' (notes)
       or 'textual' (signs the reading view notes), by generate-id; made once per text
       (cache): numbering each note by counting every element before it grew with the
       square of the text, and of the edition in a corpus. -->
  <xsl:function name="te:note-series" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="text" as="node()"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:variable name="members" as="element()*" select="if ($series eq 'textual')
      then $text/descendant::*[te:has-textual-note(.)][te:text-of(.) is $text]
      else $text/descendant::tei:note[not(ancestor::tei:teiHeader)][te:text-of(.) is $text]"/>
    <xsl:sequence select="map:merge($members ! map { generate-id(.): position() })"/>
  </xsl:function>

  <!-- Textual notes are lettered a, b, c … z, aa … through a text: a separate series. -->
  <xsl:function name="te:textual-note-label" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="text" as="node()" select="te:text-of($element)"/>
    <xsl:variable name="numbers" as="map(xs:string, xs:integer)" select="te:note-series($text, 'textual')"/>
    <xsl:sequence select="format-integer(if (map:contains($numbers, generate-id($element))) then $numbers(generate-id($element))
      else count($element/(preceding::* | ancestor::*)[te:has-textual-note(.)][te:text-of(.) is $text]) + 1, 'a')"/>
  </xsl:function>

  <!-- What a textual note says about the sign it replaces: English words, with the
       document's own words quoted in a seg that carries their language. -->
  <xsl:function name="te:textual-note-content" as="node()+">
    <xsl:param name="element" as="element()"/>
    <xsl:choose>
      <xsl:when test="$element/self::tei:subst">deleted <xsl:sequence select="te:quoted($element/tei:del)"/>, replaced by <xsl:sequence
        select="te:quoted($element/tei:add)"/>{te:hand-phrase($element/tei:add[1], ' in ')}</xsl:when>
      <xsl:when test="$element/self::tei:add">added{te:hand-phrase($element, ' in ')}{te:place-phrase($element/@place)}</xsl:when>
      <xsl:when test="$element/self::tei:del">deleted{te:hand-phrase($element, ' by ')}: <xsl:sequence select="te:quoted($element)"/></xsl:when>
      <xsl:when test="$element/tei:sic">the source reads <xsl:sequence select="te:quoted($element/tei:sic)"/></xsl:when>
      <xsl:when test="$element/self::tei:app">
        <xsl:text>variant{string-join($element/@type ! (' (' || . || ')'))}: </xsl:text>
        <xsl:for-each select="$element/(tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:text>{string-join(tokenize(@wit) ! te:witness-siglum($element, .), ', ')}: </xsl:text>
          <xsl:choose>
            <xsl:when test="normalize-space(.)"><xsl:sequence select="te:quoted(.)"/></xsl:when>
            <xsl:otherwise>nothing</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>as received: <xsl:sequence select="te:quoted($element/tei:orig)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The note's content as one string (for outputs without markup). -->
  <xsl:function name="te:textual-note-text" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="string-join(te:textual-note-content($element))"/>
  </xsl:function>

  <!-- Words of the document in quotation marks, in a seg with their language. -->
  <xsl:function name="te:quoted" as="node()+">
    <xsl:param name="elements" as="element()+"/>
    <xsl:text>“</xsl:text>
    <seg xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{te:lang($elements[1])}">{te:plain-words($elements)}</seg>
    <xsl:text>”</xsl:text>
  </xsl:function>

  <!-- A witness's siglum (its @n, else its id) from the listWit of the element's document. -->
  <xsl:function name="te:witness-siglum" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="id" as="xs:string" select="replace($pointer, '^#', '')"/>
    <xsl:sequence select="(root($context)//tei:witness[@xml:id = $id]/@n ! string(), $id)[1]"/>
  </xsl:function>

  <!-- The reading of an app one witness has (lem or rdg whose @wit names it), none when
       the apparatus gives it none (the witness lacks the passage). -->
  <xsl:function name="te:witness-reading" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:param name="wit" as="xs:string"/>
    <xsl:sequence select="$app/(tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[tokenize(@wit) = '#' || $wit][1]"/>
  </xsl:function>

  <!-- A place of variation as one line of a critical apparatus: "lemma] reading SIGLA",
       each further reading after a semicolon; "om." for a reading of nothing. -->
  <xsl:function name="te:apparatus-entry" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:variable name="lemma" as="element()?" select="($app/tei:lem, $app/tei:rdg[1])[1]"/>
    <xsl:variable name="readings" as="element()*" select="$app/(tei:rdg | tei:rdgGrp/tei:rdg) except $lemma"/>
    <xsl:sequence select="te:apparatus-words($lemma) || '] '
      || string-join($readings ! (te:apparatus-words(.) || ' ' || string-join(tokenize(@wit) ! te:witness-siglum($app, .), ' ')), '; ')"/>
  </xsl:function>

  <!-- The words of a lemma or reading in an apparatus entry: "om." when it has none. -->
  <xsl:function name="te:apparatus-words" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <xsl:sequence select="(te:plain-words($reading)[.], 'om.')[1]"/>
  </xsl:function>

  <!-- Elements' words as one line of plain text, read as the reading view reads them
       (mode te:plain-words), for apparatus entries and quoted readings. -->
  <xsl:function name="te:plain-words" as="xs:string">
    <xsl:param name="elements" as="element()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$elements/node()" mode="te:plain-words"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <!-- What the editor supplied in brackets, the corrected, regularised or expanded form,
       a line or page break as a space, no notes. -->
  <xsl:mode name="te:plain-words" on-no-match="text-only-copy" warning-on-no-match="false"/>
  <xsl:template match="tei:lb | tei:pb | tei:cb" mode="te:plain-words" as="xs:string">{' '}</xsl:template>
  <xsl:template match="tei:note" mode="te:plain-words" as="empty-sequence()"/>
  <xsl:template match="tei:supplied" mode="te:plain-words" as="xs:string*">
    <xsl:sequence select="'['"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:sequence select="']'"/>
  </xsl:template>
  <xsl:template match="tei:choice" mode="te:plain-words" as="xs:string*">
    <xsl:apply-templates select="(tei:corr, tei:reg, tei:expan, *)[1]/node()" mode="#current"/>
  </xsl:template>

  <!-- The witnesses of a collated version (its @source, base first) from the listWit. -->
  <xsl:function name="te:version-witnesses" as="element(tei:witness)*">
    <xsl:param name="version" as="element()"/>
    <xsl:variable name="witnesses" as="element(tei:witness)*" select="root($version)//tei:listWit/tei:witness"/>
    <xsl:sequence select="tokenize($version/@source) ! replace(., '^#', '') ! (let $id := . return $witnesses[@xml:id = $id])"/>
  </xsl:function>

  <!-- The words of an element with its spacing normalised. -->
  <xsl:function name="te:words" as="xs:string">
    <xsl:param name="element" as="element()*"/>
    <xsl:sequence select="normalize-space(string-join($element ! string(.), ' '))"/>
  </xsl:function>

  <!-- The language of a node: the nearest xml:lang (a BCP 47 tag such as ru-Latn). -->
  <xsl:function name="te:lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(($node/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>
  <!-- How each kind of note is labelled for a reader. -->
  <xsl:function name="te:note-type-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="(map {
        'translator': 'Translator’s note', 'editorial': 'Editor’s note',
        'textual': 'Textual note', 'unclassified': 'Note in the source' }($type), 'Note')[1]"/>
  </xsl:function>

  <!-- ===== hands and places ===== -->

  <!-- The handNote a @hand pointer names, from the header of the element's document. -->
  <xsl:function name="te:hand-note" as="element(tei:handNote)?">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="id" as="xs:string" select="substring-after(string($element/@hand), '#')"/>
    <xsl:sequence select="(root($element)//tei:handNote[@xml:id = $id])[1]"/>
  </xsl:function>

  <!-- A hand in words: its description in the header, or "hand N (unidentified)". -->
  <xsl:function name="te:hand-label" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="note" as="element(tei:handNote)?" select="te:hand-note($element)"/>
    <xsl:variable name="id" as="xs:string" select="substring-after(string($element/@hand), '#')"/>
    <xsl:sequence select="
      if (not($element/@hand)) then ()
      else if (normalize-space($note)) then normalize-space($note)
      else if (matches($id, '^hand-\d+$')) then 'hand ' || substring-after($id, 'hand-') || ' (unidentified)'
      else $id"/>
  </xsl:function>

  <!-- " in hand 1 (unidentified)", or nothing when no hand is named. -->
  <xsl:function name="te:hand-phrase" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:param name="preposition" as="xs:string"/>
    <xsl:sequence select="string-join($element ! te:hand-label(.) ! ($preposition || .))"/>
  </xsl:function>

  <!-- Where on the page an addition sits, in words. -->
  <xsl:function name="te:place-phrase" as="xs:string">
    <xsl:param name="place" as="attribute(place)?"/>
    <xsl:sequence select="(map {
        'top': ' at the top', 'bottom': ' at the bottom', 'margin': ' in the margin',
        'above': ' above the line', 'below': ' below the line', 'inline': ' in the line'
      }(string($place)), '')[1]"/>
  </xsl:function>

  <!-- ===== editorial reasons ===== -->

  <!-- Why words are missing (gap) or were supplied, in words. -->
  <xsl:function name="te:reason-label" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="reason" as="xs:string" select="string($element/@reason)"/>
    <xsl:sequence select="
      if ($element/self::tei:gap) then
        (map { 'omitted': 'omitted by the publisher of the source', 'illegible': 'illegible',
               'signature': 'signature' }($reason), 'missing')[1]
        || string-join($element/tei:desc ! (': ' || normalize-space(.)))
      else
        (map { 'identification': 'identified by the editor of the source',
               'omitted': 'supplied by the editor of the source',
               'gloss': 'explained by the editor of the source',
               'normalisation': 'date normalised by the editor of the source' }($reason),
         'supplied by the editor')[1]"/>
  </xsl:function>

  <!-- ===== dates ===== -->

  <!-- An ISO date or date-time (1950, 1950-10, 1950-10-09, 1950-10-09T07:05) in words.
       Cached: a document's page and its pieces of the site's pages write its date five
       times or more, and two regular expressions, two casts and format-date cost more
       than a look-up. -->
  <xsl:function name="te:format-date" as="xs:string" cache="yes">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:variable name="w" as="xs:string" select="normalize-space($when)"/>
    <xsl:sequence select="
      if (matches($w, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}')) then
        format-date(xs:date(substring($w, 1, 10)), '[D] [MNn] [Y]', 'en', (), ()) || ', ' || substring($w, 12, 5)
      else if ($w castable as xs:date) then format-date(xs:date($w), '[D] [MNn] [Y]', 'en', (), ())
      else if ($w castable as xs:gYearMonth) then format-date(xs:date($w || '-01'), '[MNn] [Y]', 'en', (), ())
      else $w"/>
  </xsl:function>

  <!-- ===== registers ===== -->

  <!-- Register entries by id: a page looks up every name it shows, so a look-up must not
       walk the registers. -->
  <xsl:key name="te:register-entries" match="tei:person[@xml:id] | tei:place[@xml:id] | tei:org[@xml:id]" use="string(@xml:id)"/>

  <!-- The register entry a @ref ("persons.xml#stalin") points at, among the registers. -->
  <xsl:function name="te:register-entry" as="element()?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="registers" as="document-node()*"/>
    <xsl:variable name="id" as="xs:string" select="substring-after(string($ref), '#')"/>
    <xsl:sequence select="($registers ! key('te:register-entries', $id, .))[1]"/>
  </xsl:function>

  <!-- The one name an entry is shown under (type="preferred", else its first name). -->
  <xsl:function name="te:preferred-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" as="element()*" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:geogName)"/>
    <xsl:sequence select="normalize-space(($names[@type = 'preferred'], $names)[1])"/>
  </xsl:function>

  <!-- The register id of a pointer ("persons.xml#stalin" → "stalin"). -->
  <xsl:function name="te:ref-id" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="substring-after(string($ref), '#')"/>
  </xsl:function>

</xsl:stylesheet>
