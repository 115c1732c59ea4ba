<?xml version="1.0" encoding="UTF-8"?>
<!-- The conventions table: one row per editorial sign, with a TEI example. Every output's
     conventions page runs each example through the same modes as the texts
     (te:reading, te:diplomatic, then its own rendering), so the page shows what the
     stylesheets really do and cannot drift from them. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <!-- Each te:sign: @element (the TEI that encodes it), te:label (what it is), te:source
       (how the source texts write it) and a te:example (a TEI paragraph; xml:space keeps
       a space that stands between two elements, which a stylesheet would otherwise drop). -->
  <xsl:variable name="te:conventions" as="element(te:sign)+">
    <te:sign element="add">
      <te:label>Words added by hand</te:label>
      <te:source>[handwritten: X], [inserted by hand: X]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">a party <add hand="#hand-1" place="inline">like the Communist Party</add> that</p></te:example>
    </te:sign>
    <te:sign element="del">
      <te:label>Words deleted</te:label>
      <te:source>[crossed out: X], [deleted: X]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">the <del rend="strikethrough">hasty</del> decision</p></te:example>
    </te:sign>
    <te:sign element="subst">
      <te:label>A deletion replaced by an addition</te:label>
      <te:source>a deletion followed by a handwritten insertion</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">the <subst><del rend="strikethrough">old</del><add hand="#hand-1" place="above">new</add></subst> plan</p></te:example>
    </te:sign>
    <te:sign element="choice/sic+corr">
      <te:label>An error in the document and its correction</te:label>
      <te:source>September [sic-October]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">on 7 <choice><sic>September</sic><corr>October</corr></choice></p></te:example>
    </te:sign>
    <te:sign element="sic">
      <te:label>An error kept as written</te:label>
      <te:source>X [sic]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">the <sic>VPK(b)</sic> decided</p></te:example>
    </te:sign>
    <te:sign element="choice/orig+reg">
      <te:label>A reading of the received text regularised (OCR debris, words run together)</te:label>
      <te:source>andKorea</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">China <choice><orig>andKorea</orig><reg>and Korea</reg></choice></p></te:example>
    </te:sign>
    <te:sign element="choice/abbr+expan">
      <te:label>An abbreviation and its expansion</te:label>
      <te:source>CC CPC [Central Committee of the Communist Party of China]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">the <choice><abbr>CC CPC</abbr><expan>Central Committee of the Communist Party of China</expan></choice></p></te:example>
    </te:sign>
    <te:sign element="expan/ex">
      <te:label>An abbreviation expanded inside the word</te:label>
      <te:source>M[inistry of] F[oreign] A[ffairs]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0" xml:space="preserve"><expan>M<ex>inistry of</ex></expan> <expan>F<ex>oreign</ex></expan> <expan>A<ex>ffairs</ex></expan></p></te:example>
    </te:sign>
    <te:sign element="supplied">
      <te:label>Words supplied by the editor of the source</te:label>
      <te:source>[the possibility], People's [Republic of] China</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">People's <supplied reason="omitted" resp="#source-editor">Republic of</supplied> China</p></te:example>
    </te:sign>
    <te:sign element="persName/supplied">
      <te:label>A name identified by the editor of the source</te:label>
      <te:source>Filippov [Stalin]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0"><persName ref="persons.xml#stalin">Filippov <supplied reason="identification" resp="#source-editor">Stalin</supplied></persName></p></te:example>
    </te:sign>
    <te:sign element="gap">
      <te:label>Words omitted by the publisher or illegible</te:label>
      <te:source>[...], [illegible]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">and so <gap reason="omitted"/> the troops</p></te:example>
    </te:sign>
    <te:sign element="foreign">
      <te:label>A word of the original language given by the translator</te:label>
      <te:source>[instantsiya]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">the authority <foreign xml:lang="ru-Latn">instantsiya</foreign></p></te:example>
    </te:sign>
    <te:sign element="note">
      <te:label>A note of the translator or the editor of the source</te:label>
      <te:source>[Translator's note: X], [Ed. note: X], [X - AM]</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">a draft follows.<note type="translator" resp="#translator">A draft version of the above cable follows.</note></p></te:example>
    </te:sign>
    <te:sign element="hi">
      <te:label>Letter-spaced writing</te:label>
      <te:source>G O L O V K O</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0"><hi rend="letterspaced">GOLOVKO</hi></p></te:example>
    </te:sign>
    <te:sign element="pb">
      <te:label>A page break of the document</te:label>
      <te:source>- 2 -</te:source>
      <te:example><p xmlns="http://www.tei-c.org/ns/1.0">the end of one page <pb n="2"/> and the next</p></te:example>
    </te:sign>
  </xsl:variable>

</xsl:stylesheet>
