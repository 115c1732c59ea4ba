<?xml version="1.0" encoding="UTF-8"?>
<!-- Mode te:html: a view of a text (the TEI that te:reading or te:diplomatic made) as
     HTML. One rule per element; each element of xslt/common/elements.xsl has one, here
     or in the generic block/phrase rules at the end. The tunnel parameter $view
     ('reading' or 'diplomatic') only decides ids, so that both views can share a page. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- Elements that give their text a place of its own (a passage) and an id to link to. -->
  <xsl:variable name="te:passage-elements" as="xs:string+"
    select="('p', 'ab', 'head', 'item', 'salute', 'signed', 'dateline', 'l', 'trailer', 'byline', 'docAuthor', 'docDate', 'addrLine', 'cell')"/>
  <!-- The same names as a set: every element of a version, and every ancestor of each name
       the site's pieces place, is asked, and comparing its name with each of the list in
       turn cost a page more than its passage ids' map. -->
  <xsl:variable name="te:passage-names" as="map(xs:string, xs:boolean)" select="map:merge($te:passage-elements ! map { .: true() })"/>

  <!-- ===== divisions and blocks ===== -->

  <!-- A version (translation, transcription) or an attachment: a section of its own. -->
  <!-- (An HTML section needs a heading: a division without head is a div.) -->
  <xsl:template match="tei:div" mode="te:html" as="element()">
    <xsl:element name="{if (tei:head) then 'section' else 'div'}">
      <xsl:attribute name="class" select="'div div-' || (@type, 'part')[1]"/>
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates mode="te:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A heading inside a version: one level below the version's own heading (h3), and
       one more for each enclosing division that has a heading of its own. -->
  <xsl:template match="tei:head[parent::tei:div]" mode="te:html" as="element()">
    <xsl:variable name="enclosing" as="element()*"
      select="(ancestor::tei:div except (parent::tei:div, ancestor::tei:div[last()]))[tei:head]"/>
    <xsl:element name="h{min((4 + count($enclosing), 6))}">
      <xsl:attribute name="class" select="'head'"/>
      <xsl:call-template name="te:passage-id-attribute"/>
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates mode="te:html"/>
    </xsl:element>
  </xsl:template>

  <!-- Paragraph-like blocks: p, ab, salute, signed, dateline …; a block holding lists or
       quotations becomes a div, since an HTML p cannot hold them. -->
  <xsl:template match="tei:p | tei:ab | tei:salute | tei:signed | tei:dateline | tei:trailer
                       | tei:byline | tei:docAuthor | tei:docDate | tei:addrLine | tei:head"
                mode="te:html" as="element()">
    <xsl:element name="{if (te:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:attribute name="class" select="string-join((local-name(), @type ! (local-name(..) || '-' || .), @rend ! ('rend-' || .)), ' ')"/>
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:call-template name="te:passage-id-attribute"/>
      <xsl:apply-templates mode="te:html"/>
    </xsl:element>
  </xsl:template>

  <!-- Lists: numbered and lettered ones keep the labels the document gives. -->
  <xsl:template match="tei:list" mode="te:html" as="element()+">
    <xsl:apply-templates select="tei:head" mode="te:html"/>
    <ul class="list list-{(@type, 'simple')[1]}">
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates select="node() except tei:head" mode="te:html"/>
    </ul>
  </xsl:template>

  <xsl:template match="tei:item" mode="te:html" as="element(li)">
    <li>
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:call-template name="te:passage-id-attribute"/>
      <xsl:apply-templates mode="te:html"/>
    </li>
  </xsl:template>

  <!-- Quotations set off from the text. -->
  <xsl:template match="tei:quote[te:holds-blocks(.)]" mode="te:html" as="element(blockquote)">
    <blockquote class="quote">
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates mode="te:html"/>
    </blockquote>
  </xsl:template>

  <!-- A message quoted in the document: a figure captioned with its sender, recipient and
       date (its correspDesc type="embedded" in the page's header); in the reading view
       with its id, which the index links to. -->
  <xsl:template match="tei:floatingText" mode="te:html" as="element(figure)">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:variable name="id" as="xs:string" select="string(@xml:id)"/>
    <xsl:variable name="description" as="element(tei:correspDesc)?"
      select="$te:page-document//tei:correspDesc[@type = 'embedded'][@corresp = '#' || $id][1]"/>
    <figure class="floatingText">
      <xsl:if test="$view eq 'reading' and $id">
        <xsl:attribute name="id" select="$id"/>
      </xsl:if>
      <figcaption lang="en">{string-join(('Quoted message', $description ! te:message-description(.)[.]), ': ')}</figcaption>
      <blockquote>
        <xsl:apply-templates select="@xml:lang" mode="te:html"/>
        <xsl:apply-templates mode="te:html"/>
      </blockquote>
    </figure>
  </xsl:template>

  <!-- A page break of the document: "page 2" on a line of its own ("page 2 of witness C"
       in a collated text when it is a page of some witnesses only). -->
  <xsl:template match="tei:pb" mode="te:html" as="element(span)">
    <span class="pb">page {(@n, '')[1]}{@te:sigla ! (' of witness ' || .)}</span>
  </xsl:template>

  <!-- A division the document marks with a line of signs (rend="asterisks": * * * * *). -->
  <xsl:template match="tei:milestone" mode="te:html" as="element(span)">
    <span class="milestone">{if (@rend eq 'asterisks') then '* * * * *' else '—'}</span>
  </xsl:template>

  <xsl:template match="tei:lb" mode="te:html" as="element(br)">
    <br/>
  </xsl:template>

  <!-- ===== editorial signs ===== -->

  <!-- An addition (diplomatic view): raised, its hand on hover and as a siglum. -->
  <xsl:template match="tei:add" mode="te:html" as="element(ins)">
    <ins class="add place-{(@place, 'inline')[1]}" title="{te:sign-title(.)}">
      <xsl:apply-templates mode="te:html"/>
      <xsl:if test="@hand">
        <sup class="hand-siglum">{te:hand-siglum(@hand)}</sup>
      </xsl:if>
    </ins>
  </xsl:template>

  <!-- A deletion (diplomatic view): struck through. -->
  <xsl:template match="tei:del" mode="te:html" as="element(del)">
    <del class="del" title="{te:sign-title(.)}">
      <xsl:apply-templates mode="te:html"/>
      <xsl:if test="@hand">
        <sup class="hand-siglum">{te:hand-siglum(@hand)}</sup>
      </xsl:if>
    </del>
  </xsl:template>

  <xsl:template match="tei:subst" mode="te:html" as="element(span)">
    <span class="subst">
      <xsl:apply-templates mode="te:html"/>
    </span>
  </xsl:template>

  <!-- An error kept as written: the words, then [sic]; the correction on hover. -->
  <xsl:template match="tei:sic" mode="te:html" as="element(span)">
    <span class="sic" title="{if (@te:alt) then 'sic; read: ' || @te:alt else 'sic: as written in the source'}"><xsl:apply-templates mode="te:html"/><xsl:text> </xsl:text><span class="sign">[sic]</span></span>
  </xsl:template>

  <!-- Readings chosen by the editor: the other reading on hover. -->
  <xsl:template match="tei:corr | tei:reg | tei:orig | tei:expan | tei:abbr[@te:alt]" mode="te:html" as="element()">
    <xsl:element name="{if (self::tei:abbr) then 'abbr' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:if test="@te:alt">
        <xsl:attribute name="title" select="te:alt-title(.)"/>
      </xsl:if>
      <xsl:apply-templates mode="te:html"/>
    </xsl:element>
  </xsl:template>

  <!-- The editor's expansion inside a word (reading view): set in italics. -->
  <xsl:template match="tei:ex" mode="te:html" as="element(span)">
    <span class="ex" title="expanded by the editor of the source"><xsl:apply-templates mode="te:html"/></span>
  </xsl:template>

  <!-- Words supplied by the editor: in square brackets. -->
  <xsl:template match="tei:supplied" mode="te:html" as="element(span)">
    <span class="supplied" title="{@te:reason}">[<xsl:apply-templates mode="te:html"/>]</span>
  </xsl:template>

  <!-- Words missing from the document: […], why on hover. -->
  <xsl:template match="tei:gap" mode="te:html" as="element(span)">
    <span class="gap" title="{@te:reason}">[{if (@reason = 'signature') then 'signature' else '…'}]</span>
  </xsl:template>

  <xsl:template match="tei:desc" mode="te:html" as="empty-sequence()"/>

  <!-- Words of another language the translator gives: in brackets, in italics, with lang. -->
  <xsl:template match="tei:foreign" mode="te:html" as="element(i)">
    <i class="foreign">
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>[<xsl:apply-templates mode="te:html"/>]</i>
  </xsl:template>

  <xsl:template match="tei:hi" mode="te:html" as="element(span)">
    <span class="hi {tokenize(@rend) ! ('rend-' || .)}">
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates mode="te:html"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="te:html" as="element(span)">
    <span class="unclear" title="unclear reading"><xsl:apply-templates mode="te:html"/></span>
  </xsl:template>

  <!-- ===== notes ===== -->

  <!-- A note in the text: its number (explanatory) or letter (textual), linked both ways
       in the two views of a document page; elsewhere (examples, notes) just the number. -->
  <xsl:template match="tei:note" mode="te:html" as="element(sup)">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <sup class="noteref noteref-{(@type, 'note')[1]}">
      <xsl:choose>
        <xsl:when test="$view = ('reading', 'diplomatic')">
          <a href="#{te:note-key(.)}" id="{te:noteref-id(., $view)}" role="doc-noteref"
             aria-label="{te:note-type-label(@type)} {@n}">{@n}</a>
        </xsl:when>
        <xsl:otherwise>{@n}</xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- ===== variants between witnesses ===== -->

  <!-- A place of variation (the app the views keep for HTML: its base reading and its
       textual note): the base words highlighted, then a button lettered like the note;
       hovering the place, or focusing (clicking) the button, shows every witness's
       reading beside it. Minor variants (punctuation, case, word division) carry
       app-minor, which the minor-variants switch unmarks. -->
  <xsl:template match="tei:app" mode="te:html" as="element(span)">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:variable name="note" as="element(tei:note)" select="tei:note"/>
    <xsl:variable name="ref" as="xs:string" select="te:noteref-id($note, $view)"/>
    <span class="{te:variant-classes('app', @type)}">
      <mark class="lem">
        <xsl:apply-templates select="tei:lem/node()" mode="te:html"/>
      </mark>
      <button type="button" class="app-button" id="{$ref}" aria-describedby="{$ref}-readings"
        aria-label="Readings of the witnesses, note {$note/@n}">{$note/@n}</button>
      <span class="app-readings" role="tooltip" id="{$ref}-readings" lang="en">
        <xsl:apply-templates select="$note/node()" mode="te:html">
          <xsl:with-param name="view" select="'note'" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
    </span>
  </xsl:template>

  <!-- Words in which one witness differs from the other of a synopsis: marked, the
       other's reading on hover. -->
  <xsl:template match="tei:seg[@type = 'variant'][@te:other]" mode="te:html" as="element(mark)">
    <mark class="{te:variant-classes('differs', @subtype)}" title="{@te:other}">
      <xsl:apply-templates mode="te:html"/>
    </mark>
  </xsl:template>

  <!-- ===== names, dates, references ===== -->

  <!-- A name: linked to its register entry (where the registers know it). -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:geogName | tei:name | tei:rs"
                mode="te:html" as="element()">
    <xsl:variable name="href" as="xs:string?" select="te:register-href(@ref)[not(current()//tei:note)]"/>
    <xsl:element name="{if ($href) then 'a' else 'span'}">
      <xsl:attribute name="class" select="'name ' || local-name()"/>
      <xsl:if test="$href">
        <xsl:attribute name="href" select="$href"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates mode="te:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A date: an HTML time with the machine-readable date. -->
  <xsl:template match="tei:date | tei:time" mode="te:html" as="element()">
    <xsl:variable name="when" as="xs:string?" select="(@when, @when-iso)[1]"/>
    <xsl:element name="{if (te:is-html-date($when)) then 'time' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:if test="te:is-html-date($when)">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:apply-templates mode="te:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A link the document gives; a pointer gives its address as the text. -->
  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="te:html" as="element(a)">
    <a href="{@target}"><xsl:apply-templates mode="te:html"/><xsl:if test="self::tei:ptr">{@target}</xsl:if></a>
  </xsl:template>

  <xsl:template match="tei:title" mode="te:html" as="element(cite)">
    <cite><xsl:apply-templates select="@xml:lang" mode="te:html"/><xsl:apply-templates mode="te:html"/></cite>
  </xsl:template>

  <xsl:template match="tei:q | tei:said | tei:quote[not(te:holds-blocks(.))]" mode="te:html" as="element(q)">
    <q><xsl:apply-templates select="@xml:lang" mode="te:html"/><xsl:apply-templates mode="te:html"/></q>
  </xsl:template>

  <xsl:template match="tei:emph | tei:term | tei:mentioned | tei:soCalled" mode="te:html" as="element(em)">
    <em class="{local-name()}"><xsl:apply-templates select="@xml:lang" mode="te:html"/><xsl:apply-templates mode="te:html"/></em>
  </xsl:template>

  <!-- ===== everything else the edition knows ===== -->

  <!-- Other known blocks: a div named after the element. -->
  <xsl:template match="tei:*[te:is-known(.)][te:is-block(.)]" mode="te:html" priority="-1" as="element(div)">
    <div class="{local-name()}{@type ! (' ' || local-name(..) || '-' || .)}">
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:call-template name="te:passage-id-attribute"/>
      <xsl:apply-templates mode="te:html"/>
    </div>
  </xsl:template>

  <!-- Other known phrases (label, num, idno, seg …): a span named after the element. -->
  <xsl:template match="tei:*[te:is-known(.)][not(te:is-block(.))]" mode="te:html" priority="-1" as="element(span)">
    <span class="{local-name()}{@type ! (' ' || local-name(..) || '-' || .)}">
      <xsl:apply-templates select="@xml:lang" mode="te:html"/>
      <xsl:apply-templates mode="te:html"/>
    </span>
  </xsl:template>

  <xsl:template match="text()" mode="te:html" as="text()">
    <xsl:sequence select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="te:html" as="empty-sequence()"/>

  <!-- Another language than its surroundings: the HTML lang attribute. -->
  <xsl:template match="@xml:lang" mode="te:html" as="attribute(lang)">
    <xsl:attribute name="lang" select="."/>
  </xsl:template>

  <!-- ===== helpers ===== -->

  <!-- The TEI document of the page being made (none for the site's own pages). -->
  <xsl:variable name="te:page-document" as="document-node()?" select=".[. instance of document-node(element(tei:TEI))]"/>

  <!-- "Mao Zedong to Iosif V. Stalin, 2 October 1950": who sent a message to whom, when
       (as far as its correspDesc says). -->
  <xsl:function name="te:message-description" as="xs:string">
    <xsl:param name="description" as="element(tei:correspDesc)"/>
    <xsl:variable name="from" as="xs:string*" select="$description/tei:correspAction[@type = 'sent']/(tei:persName | tei:orgName) ! te:shown-name(.)"/>
    <xsl:variable name="to" as="xs:string*" select="$description/tei:correspAction[@type = 'received']/(tei:persName | tei:orgName) ! te:shown-name(.)"/>
    <xsl:variable name="when" as="xs:string?" select="($description/tei:correspAction[@type = 'sent']/tei:date/@when)[1]"/>
    <xsl:sequence select="string-join((
      string-join((string-join($from, ', ')[.], string-join($to, ', ')[.] ! ('to ' || .)), ' '),
      $when ! te:format-date(.))[.], ', ')"/>
  </xsl:function>

  <!-- The id of a passage, in the reading view only (the diplomatic copy has none), so
       registers and searches can link to "the passage that mentions": the page passes
       the ids of its version's passages (te:passage-ids) with that view alone, looked up
       here rather than worked out again from each passage's ancestors (not in what the
       view holds but shows otherwise, such as a variant's note). -->
  <xsl:template name="te:passage-id-attribute" as="attribute(id)?">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:param name="te:passage-ids" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:for-each select="$te:passage-ids(generate-id())[$view eq 'reading']">
      <xsl:attribute name="id" select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- "{version id}-{n}": the n-th passage of its version, counted the same in the TEI
       and in its views (views change words, never blocks). The version is what the page
       shows as one (te:versions): in the TEI a division of the document's body, else that
       body (not the TEI element: the view of a body holds none of the header's
       paragraphs); in a view, its root. -->
  <xsl:function name="te:passage-id" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="body" as="element(tei:body)?" select="$block/ancestor-or-self::tei:body[parent::tei:text/parent::tei:TEI]"/>
    <xsl:variable name="version" as="element()"
      select="($block/ancestor-or-self::tei:div[parent::tei:body is $body], $body, $block/ancestor::*[last()])[1]"/>
    <xsl:sequence select="te:passage-ids($version)(generate-id($block))"/>
  </xsl:function>

  <!-- The id of each passage of a version, by generate-id: counted once per version
       (cache), not again for every passage (which grew with the square of its length).
       Only the version is searched: preceding::* would walk every earlier document of a
       corpus. -->
  <xsl:function name="te:passage-ids" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="version" as="element()"/>
    <xsl:variable name="prefix" as="xs:string" select="($version/@xml:id, 'text')[1] || '-'"/>
    <xsl:sequence select="map:merge($version/descendant-or-self::*[map:contains($te:passage-names, local-name())] ! map { generate-id(.): $prefix || position() })"/>
  </xsl:function>

  <!-- The passage (block) an element sits in. -->
  <xsl:function name="te:passage-of" as="element()?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$element/ancestor-or-self::*[map:contains($te:passage-names, local-name())][1]"/>
  </xsl:function>

  <!-- True when a TEI block holds another block (list, quotation …), which an HTML p cannot. -->
  <xsl:function name="te:holds-blocks" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/*[te:is-block(.) or self::tei:quote[te:holds-blocks(.)]])"/>
  </xsl:function>

  <!-- An HTML time element accepts these forms of date. Cached: a page's dates recur
       (header, both views), and a regular expression match is not cheap. -->
  <xsl:function name="te:is-html-date" as="xs:boolean" cache="yes">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:sequence select="matches(string($when), '^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$')"/>
  </xsl:function>

  <!-- "Added in hand 1 (unidentified), at the top" for the hover text of a sign. -->
  <xsl:function name="te:sign-title" as="xs:string">
    <xsl:param name="sign" as="element()"/>
    <xsl:sequence select="(if ($sign/self::tei:add) then 'Added' else 'Deleted')
      || string-join($sign/@te:hand ! (' in ' || .)) || string-join($sign/@te:place[normalize-space()] ! (', ' || .))"/>
  </xsl:function>

  <!-- The hover text of a chosen reading: the other reading. -->
  <xsl:function name="te:alt-title" as="xs:string">
    <xsl:param name="chosen" as="element()"/>
    <xsl:sequence select="(map {
        'corr': 'corrected; the source reads: ', 'reg': 'regularised; as received: ',
        'orig': 'as received; read: ', 'expan': 'abbreviated in the source as: ',
        'abbr': 'abbreviation for: ' }(local-name($chosen)), '')[1] || $chosen/@te:alt"/>
  </xsl:function>

  <!-- A hand's siglum: H1 for hand-1, T for the typescript, else its id. -->
  <xsl:function name="te:hand-siglum" as="xs:string">
    <xsl:param name="hand" as="attribute(hand)"/>
    <xsl:variable name="id" as="xs:string" select="substring-after($hand, '#')"/>
    <xsl:sequence select="if (matches($id, '^hand-\d+$')) then 'H' || substring-after($id, 'hand-')
      else if ($id eq 'hand-typescript') then 'T' else $id"/>
  </xsl:function>

  <!-- The classes of a marked variant: its kind, and app-minor for the kinds the reader
       may choose not to see marked. -->
  <xsl:function name="te:variant-classes" as="xs:string">
    <xsl:param name="base" as="xs:string"/>
    <xsl:param name="type" as="attribute()?"/>
    <xsl:sequence select="string-join(($base, $type ! ($base || '-' || .),
      'app-minor'[$type = ('punctuation', 'case', 'word-division')]), ' ')"/>
  </xsl:function>

  <!-- The id of a note in the notes list: fn-1 (explanatory), tn-a (textual). -->
  <xsl:function name="te:note-key" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="(if ($note/@type eq 'textual') then 'tn-' else 'fn-') || $note/@n"/>
  </xsl:function>

  <!-- The id of a note's reference in the text; the diplomatic view's end in -d. -->
  <xsl:function name="te:noteref-id" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="te:note-key($note) || '-ref' || (if ($view eq 'diplomatic') then '-d' else '')"/>
  </xsl:function>

</xsl:stylesheet>
