<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's page: metadata panel, the text in both views with a switch, hands,
     notes, citation and downloads, previous and next document in date order. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <xsl:mode name="te:document-page" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="tei:TEI" mode="te:document-page" as="element(html)">
    <!-- Each version in both views, made once for the text and its notes (and the summary). -->
    <xsl:param name="views" as="map(xs:string, element()+)" select="te:document-views(.)"/>
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="te:document-title(.)"/>
      <xsl:with-param name="current" select="te:document-id(.) || '.html'"/>
      <xsl:with-param name="style" select="te:text-switch-style(.)"/>
      <xsl:with-param name="subject" select="."/>
      <xsl:with-param name="views" select="$views" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="te:page-main" as="element(article)">
    <xsl:param name="views" as="map(xs:string, element()+)" tunnel="yes" required="yes"/>
    <article class="document" aria-labelledby="document-title">
      <h1 id="document-title">{te:document-title(.)}</h1>
      <xsl:call-template name="te:prev-next"/>
      <xsl:call-template name="te:metadata"/>
      <xsl:call-template name="te:text-views">
        <xsl:with-param name="views" select="$views"/>
      </xsl:call-template>
      <xsl:call-template name="te:notes">
        <xsl:with-param name="views" select="$views"/>
      </xsl:call-template>
      <xsl:call-template name="te:cite"/>
    </article>
  </xsl:template>

  <!-- ===== previous / next ===== -->

  <xsl:template name="te:prev-next" as="element(nav)?">
    <xsl:variable name="id" as="xs:string" select="te:document-id(.)"/>
    <xsl:variable name="ordered" as="element(tei:TEI)*" select="te:in-date-order((root(), $neighbours)/tei:TEI)"/>
    <xsl:variable name="at" as="xs:integer?" select="index-of($ordered ! te:document-id(.), $id)[1]"/>
    <xsl:if test="exists($at) and count($ordered) gt 1">
      <nav class="prev-next" aria-label="Documents in date order">
        <xsl:for-each select="$ordered[$at - 1]">
          <a rel="prev" href="{te:document-id(.)}.html">← Previous: {te:short-label(.)}</a>
        </xsl:for-each>
        <xsl:for-each select="$ordered[$at + 1]">
          <a rel="next" href="{te:document-id(.)}.html">Next: {te:short-label(.)} →</a>
        </xsl:for-each>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- ===== metadata ===== -->

  <xsl:template name="te:metadata" as="element(section)">
    <xsl:variable name="header" as="element(tei:teiHeader)" select="tei:teiHeader"/>
    <xsl:variable name="sent" as="element(tei:correspAction)?" select="te:actions(., 'sent')[1]"/>
    <section class="metadata" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">About this document</h2>
      <dl>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="value" as="node()*">
            <xsl:sequence select="$sent/tei:date ! te:html-date(.)"/>
            <xsl:for-each select="$sent/tei:placeName">, <xsl:sequence select="te:linked-name(.)"/></xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'From'"/>
          <xsl:with-param name="value" select="te:name-list($sent/(tei:persName | tei:orgName))"/>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'To'"/>
          <xsl:with-param name="value" select="te:name-list(te:actions(., 'received')/(tei:persName | tei:orgName))"/>
        </xsl:call-template>
        <xsl:for-each-group select="$header//tei:textClass//tei:term" group-by="(@type, 'term')[1]">
          <xsl:call-template name="te:field">
            <xsl:with-param name="label" select="te:capitalise(current-grouping-key())"/>
            <xsl:with-param name="value" select="(string-join(current-group() ! normalize-space(), ', '))[normalize-space()]"/>
          </xsl:call-template>
        </xsl:for-each-group>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Cable numbers'"/>
          <xsl:with-param name="value" select="(string-join(distinct-values($header//tei:altIdentifier[@type = 'cable']/tei:idno ! normalize-space()), ', '))[normalize-space()]"/>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Archival references'"/>
          <xsl:with-param name="value" as="element()?">
            <xsl:if test="$header//tei:msDesc">
              <ul>
                <xsl:for-each select="$header//tei:msDesc">
                  <li>{te:archival-reference(.)}</li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Original language'"/>
          <xsl:with-param name="value" select="(($header//tei:textLang)[1] ! normalize-space())[normalize-space()]"/>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Languages of this text'"/>
          <xsl:with-param name="value" select="(string-join($header//tei:langUsage/tei:language ! (normalize-space(.), @ident)[.][1], ', '))[normalize-space()]"/>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Translator'"/>
          <xsl:with-param name="value" select="te:name-list($header//tei:respStmt[@xml:id = 'translator']/(tei:persName | tei:name | tei:orgName))"/>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Source'"/>
          <xsl:with-param name="value" as="node()*">
            <xsl:apply-templates select="$header//tei:bibl[@type = 'publication'][1]" mode="te:bibl"/>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Witnesses'"/>
          <xsl:with-param name="value" as="element()?">
            <xsl:if test="$header//tei:witness">
              <ul>
                <xsl:for-each select="$header//tei:witness">
                  <li id="{@xml:id}"><strong>{te:siglum(.)}</strong>: {te:witness-description(.)}<xsl:text>: </xsl:text>
                    <xsl:apply-templates select="tei:bibl" mode="te:bibl"/></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Citation as given'"/>
          <xsl:with-param name="value" select="(normalize-space($header//tei:bibl[@type = 'citation'][1]))[normalize-space()]"/>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Transmission'"/>
          <xsl:with-param name="value" as="element()?">
            <xsl:variable name="steps" as="element()*" select="te:correspondence(.)/tei:correspAction[not(@type = ('sent', 'received'))]"/>
            <xsl:if test="$steps">
              <ul>
                <xsl:for-each select="$steps">
                  <li>{te:capitalise((@subtype, @type)[1])}: <xsl:sequence select="tei:date ! te:html-date(.)"/>
                    <xsl:for-each select="tei:persName | tei:orgName"><xsl:if test="position() eq 1">{if (../tei:date) then ', by ' else 'by '}</xsl:if><xsl:if test="position() gt 1">, </xsl:if><xsl:sequence select="te:linked-name(.)"/></xsl:for-each>
                    <xsl:for-each select="tei:note"> (<q lang="{te:text-lang(.)}">{normalize-space()}</q>)</xsl:for-each></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Messages quoted in it'"/>
          <xsl:with-param name="value" as="element()?">
            <xsl:variable name="embedded" as="element(tei:correspDesc)*" select="$header//tei:correspDesc except te:correspondence(.)"/>
            <xsl:if test="$embedded">
              <ul>
                <xsl:for-each select="$embedded">
                  <li><xsl:sequence select="te:name-list(tei:correspAction[@type = 'sent']/(tei:persName | tei:orgName))"/> to <xsl:sequence
                    select="te:name-list(tei:correspAction[@type = 'received']/(tei:persName | tei:orgName))"/><xsl:for-each
                    select="tei:correspAction[@type = 'sent']/tei:date[@when]">, <xsl:sequence select="te:html-date(.)"/></xsl:for-each><xsl:for-each
                    select="@corresp[starts-with(., '#')]"> (<a href="{.}">the quoted text</a>)</xsl:for-each></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="te:field">
          <xsl:with-param name="label" select="'Summary'"/>
          <xsl:with-param name="value" select="(normalize-space($header//tei:abstract))[normalize-space()]"/>
        </xsl:call-template>
      </dl>
    </section>
  </xsl:template>

  <!-- One row of the metadata list; nothing when there is no value. -->
  <xsl:template name="te:field" as="element()*">
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="value" as="item()*" required="yes"/>
    <xsl:if test="exists($value)">
      <dt>{$label}</dt>
      <dd><xsl:sequence select="$value"/></dd>
    </xsl:if>
  </xsl:template>

  <!-- The publication the text comes from: author, titles, volume, link. -->
  <xsl:mode name="te:bibl" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:template match="tei:bibl" mode="te:bibl" as="node()+">
    <xsl:variable name="parts" as="item()*">
      <xsl:sequence select="(tei:editor | tei:author) ! normalize-space()"/>
      <xsl:sequence select="tei:title[@level = 'a'] ! ('“' || normalize-space() || '”')"/>
      <xsl:for-each select="tei:title[not(@level = 'a')]"><cite>{normalize-space()}</cite></xsl:for-each>
      <xsl:sequence select="tei:biblScope ! normalize-space()"/>
      <xsl:for-each select="tei:ref[@target]"><a href="{@target}">{(normalize-space(.)[.], string(@target))[1]}</a></xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="if (exists($parts)) then $parts else normalize-space(.)">
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:choose>
        <xsl:when test=". instance of node()"><xsl:sequence select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== the text ===== -->

  <!-- The text: the collated text in two views (as read, as written) with its variants
       marked; when the document has witnesses, also each witness's own text and each
       other witness side by side with the base witness. Radio buttons choose what is
       shown, with no script (the page's own style rules, te:text-switch-style, link each
       button to its block); edition.js remembers the choice. The hands are listed after. -->
  <xsl:template name="te:text-views" as="element(section)">
    <xsl:param name="views" as="map(xs:string, element()+)" required="yes"/>
    <section class="text" aria-labelledby="text-heading">
      <h2 id="text-heading">Text</h2>
      <xsl:choose>
        <xsl:when test="exists(te:shown-witnesses(.))">
          <xsl:call-template name="te:text-switch">
            <xsl:with-param name="views" select="$views"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="te:texts">
            <xsl:with-param name="views" select="$views"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="te:hand-legend"/>
    </section>
  </xsl:template>

  <!-- The texts the page can show: the view switch and the collated text in both views,
       then each witness's own text and each synopsis. Made where they are shown (not in a
       variable handed on: Saxon would copy every node of them again). -->
  <xsl:template name="te:texts" as="element()+">
    <xsl:param name="views" as="map(xs:string, element()+)" required="yes"/>
    <xsl:variable name="versions" as="element()+" select="te:versions(.)"/>
    <fieldset class="view-switch">
      <legend>Show the text</legend>
      <input type="radio" name="view" id="view-reading" value="reading" checked=""/>
      <label for="view-reading">as read (corrections applied, deletions left out)</label>
      <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
      <label for="view-diplomatic">as written (diplomatic: deletions struck through, additions raised)</label>
    </fieldset>
    <xsl:if test="tei:text//tei:app">
      <p class="minor-switch">
        <input type="checkbox" id="show-minor" checked=""/>
        <label for="show-minor">Mark minor variants too (punctuation, case, word division)</label>
      </p>
    </xsl:if>
    <xsl:for-each select="'reading', 'diplomatic'">
      <xsl:variable name="view" as="xs:string" select="."/>
      <div class="view view-{$view}" id="{$view}-view">
        <div class="versions versions-{count($versions)}">
          <xsl:for-each select="$versions">
            <xsl:variable name="at" as="xs:integer" select="position()"/>
            <xsl:variable name="resolved" as="element()" select="$views($view)[$at]"/>
            <section class="version version-{(@type, 'text')[1]}" lang="{te:lang(.)}">
              <h3>
                <xsl:if test="te:lang(.) ne 'en'"><xsl:attribute name="lang" select="'en'"/></xsl:if>
                <xsl:sequence select="te:version-label(.)"/>
                <xsl:if test="@source">
                  <span class="version-witnesses">: the text of {te:siglum(te:version-witnesses(.)[1])}, the readings of {string-join(tail(te:version-witnesses(.)) ! te:siglum(.), ', ')} marked</span>
                </xsl:if>
              </h3>
              <xsl:apply-templates select="$resolved/node()" mode="te:html">
                <xsl:with-param name="view" select="$view" tunnel="yes"/>
                <xsl:with-param name="te:passage-ids" select="if ($view eq 'reading') then te:passage-ids($resolved) else map {}" tunnel="yes"/>
              </xsl:apply-templates>
            </section>
          </xsl:for-each>
        </div>
      </div>
    </xsl:for-each>
    <xsl:apply-templates select="te:shown-witnesses(.)" mode="te:witness-text"/>
    <xsl:for-each select="te:synopses(.)">
      <xsl:call-template name="te:synopsis">
        <xsl:with-param name="version" select="?version"/>
        <xsl:with-param name="pair" select="?pair"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== witnesses: the switch, each witness's text, synopses ===== -->

  <!-- What the text shows: the collated text, one witness, or two side by side. The
       radio buttons come before the texts as their siblings, so that the page's own
       style rules (te:text-switch-style) can show the block of the checked one. -->
  <xsl:template name="te:text-switch" as="element(fieldset)">
    <xsl:param name="views" as="map(xs:string, element()+)" required="yes"/>
    <fieldset class="text-switch">
      <legend>Text of the witnesses</legend>
      <xsl:for-each select="te:text-choices(.)">
        <input type="radio" name="text" id="{?input}" value="{?value}">
          <xsl:if test="position() eq 1"><xsl:attribute name="checked" select="''"/></xsl:if>
        </input>
        <label for="{?input}">{?label}</label>
      </xsl:for-each>
      <div class="text-blocks">
        <xsl:call-template name="te:texts">
          <xsl:with-param name="views" select="$views"/>
        </xsl:call-template>
      </div>
    </fieldset>
  </xsl:template>

  <!-- One witness's own text, every version it witnesses, as read; shown by its button. -->
  <xsl:mode name="te:witness-text" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:template match="tei:witness" mode="te:witness-text" as="element(div)">
    <xsl:variable name="witness" as="element(tei:witness)" select="."/>
    <xsl:variable name="own-text" as="element(tei:text)">
      <xsl:apply-templates select="root(.)/tei:TEI/tei:text" mode="te:witness">
        <xsl:with-param name="te:wit" select="string(@xml:id)" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="versions" as="element()*"
      select="root(.)/tei:TEI/tei:text/tei:body/tei:div[te:version-witnesses(.) intersect $witness]"/>
    <div class="witness-text" id="{te:text-block-id(.)}">
      <div class="versions versions-1">
        <xsl:for-each select="$versions">
          <xsl:variable name="id" as="xs:string" select="string(@xml:id)"/>
          <xsl:variable name="resolved" as="element()">
            <xsl:apply-templates select="$own-text//tei:div[@xml:id = $id]" mode="te:reading"/>
          </xsl:variable>
          <section class="version version-{(@type, 'text')[1]}" lang="{te:lang(.)}">
            <h3>
              <xsl:if test="te:lang(.) ne 'en'"><xsl:attribute name="lang" select="'en'"/></xsl:if>
              <xsl:text>Witness {te:siglum($witness)}: {te:witness-description($witness)} (its own text, as read)</xsl:text>
            </h3>
            <xsl:apply-templates select="$resolved/node()" mode="te:html">
              <xsl:with-param name="view" select="'witness'" tunnel="yes"/>
            </xsl:apply-templates>
          </section>
        </xsl:for-each>
      </div>
    </div>
  </xsl:template>

  <!-- Two witnesses of a version side by side, passage by passage (a table row each),
       the words where they differ marked (minor variants as the switch says). -->
  <xsl:template name="te:synopsis" as="element(div)">
    <xsl:param name="version" as="element()" required="yes"/>
    <xsl:param name="pair" as="element(tei:witness)+" required="yes"/>
    <xsl:variable name="texts" as="element()+">
      <xsl:for-each select="$pair">
        <xsl:variable name="own" as="element()">
          <xsl:apply-templates select="$version" mode="te:witness">
            <xsl:with-param name="te:wit" select="string(@xml:id)" tunnel="yes"/>
            <xsl:with-param name="te:compare" select="string(($pair except current())/@xml:id)" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:variable>
        <xsl:apply-templates select="$own" mode="te:reading"/>
      </xsl:for-each>
    </xsl:variable>
    <div class="synopsis" id="{te:synopsis-id($pair)}">
      <table class="synopsis-table" lang="{te:lang($version)}">
        <caption lang="en">{te:version-label($version)}: witnesses {te:siglum($pair[1])} and {te:siglum($pair[2])} side by side, the words in which they differ marked</caption>
        <thead lang="en">
          <tr>
            <xsl:for-each select="$pair">
              <th scope="col">{te:siglum(.)}: {te:witness-description(.)}</th>
            </xsl:for-each>
          </tr>
        </thead>
        <!-- Each text's rows, found once: not again for every row of the table (a walk of
             the whole text per row grew with the square of its length). -->
        <xsl:variable name="rows" as="array(element())+" select="$texts ! array { te:synopsis-rows(.) }"/>
        <tbody>
          <xsl:for-each select="1 to count(te:synopsis-rows($version))">
            <xsl:variable name="row" as="xs:integer" select="."/>
            <tr>
              <xsl:for-each select="$rows">
                <xsl:variable name="block" as="element()" select="?($row)"/>
                <td>
                  <xsl:apply-templates select="$block/preceding-sibling::*[1][self::tei:pb], $block" mode="te:html">
                    <xsl:with-param name="view" select="'synopsis'" tunnel="yes"/>
                  </xsl:apply-templates>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- The blocks a synopsis pairs, in order: the blocks of a version and of its nested
       divisions (page breaks between blocks go with the block after them). -->
  <xsl:function name="te:synopsis-rows" as="element()*">
    <xsl:param name="version" as="element()"/>
    <xsl:sequence select="$version//*[parent::tei:div or parent::tei:body][not(self::tei:div or self::tei:pb)]"/>
  </xsl:function>

  <!-- The choices of the text switch, in order: collated text, each witness, each synopsis
       (input id, value remembered, label, id of the block it shows). -->
  <xsl:function name="te:text-choices" as="map(xs:string, xs:string)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="map { 'input': 'text-collated', 'value': 'collated', 'block': '',
      'label': 'collated (the base text, variants of the other witnesses marked)' }"/>
    <xsl:for-each select="te:shown-witnesses($tei)">
      <xsl:sequence select="map { 'input': 'text-' || @xml:id, 'value': string(@xml:id), 'block': te:text-block-id(.),
        'label': te:siglum(.) || ' alone (' || te:witness-description(.) || ')' }"/>
    </xsl:for-each>
    <xsl:for-each select="te:synopses($tei)">
      <xsl:variable name="pair" as="element(tei:witness)+" select="?pair"/>
      <xsl:sequence select="map { 'input': 'text-' || te:synopsis-id($pair), 'value': te:synopsis-id($pair),
        'block': te:synopsis-id($pair), 'label': te:siglum($pair[1]) || ' and ' || te:siglum($pair[2]) || ' side by side' }"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The versions of a text (translations, transcriptions): the body's divisions, else the body. -->
  <xsl:function name="te:versions" as="element()+">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="if ($tei/tei:text/tei:body/tei:div) then $tei/tei:text/tei:body/tei:div else $tei/tei:text/tei:body"/>
  </xsl:function>

  <!-- Each version of a document in both views: map { 'reading': …, 'diplomatic': … }. -->
  <xsl:function name="te:document-views" as="map(xs:string, element()+)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="map { 'reading': te:version-views($tei, 'reading'), 'diplomatic': te:version-views($tei, 'diplomatic') }"/>
  </xsl:function>

  <!-- Each version in one view ('reading' or 'diplomatic'), its variants kept in place
       (te:keep-apparatus) for the page to mark. -->
  <xsl:function name="te:version-views" as="element()+">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:for-each select="te:versions($tei)">
      <xsl:choose>
        <xsl:when test="$view eq 'reading'">
          <xsl:apply-templates select="." mode="te:reading">
            <xsl:with-param name="te:keep-apparatus" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="te:diplomatic">
            <xsl:with-param name="te:keep-apparatus" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- The synopses a document offers: each other witness of a version beside its base
       witness (version: the div, pair: base and other witness). -->
  <xsl:function name="te:synopses" as="map(xs:string, element()+)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:for-each select="$tei/tei:text/tei:body/tei:div">
      <xsl:variable name="version" as="element(tei:div)" select="."/>
      <xsl:variable name="witnesses" as="element(tei:witness)*" select="te:version-witnesses(.)"/>
      <xsl:for-each select="tail($witnesses)">
        <xsl:sequence select="map { 'version': $version, 'pair': ($witnesses[1], .) }"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

  <!-- The page's own style rules for the text switch: the checked button shows its block
       (edition.css hides the blocks, and the collated text when another is chosen). -->
  <xsl:function name="te:text-switch-style" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="choices" as="map(xs:string, xs:string)*" select="tail(te:text-choices($tei))"/>
    <xsl:sequence select="if (empty($choices)) then () else string-join($choices ! (
      '#' || ?input || ':checked ~ .text-blocks #' || ?block || ' { display: block; }'), '&#10;')"/>
  </xsl:function>

  <!-- The witnesses whose own text the page can show: those a version names in @source. -->
  <xsl:function name="te:shown-witnesses" as="element(tei:witness)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="named" as="element(tei:witness)*" select="$tei/tei:text/tei:body/tei:div ! te:version-witnesses(.)"/>
    <xsl:sequence select="$tei/tei:teiHeader//tei:listWit/tei:witness intersect $named"/>
  </xsl:function>

  <xsl:function name="te:text-block-id" as="xs:string">
    <xsl:param name="witness" as="element(tei:witness)"/>
    <xsl:sequence select="string($witness/@xml:id) || '-text'"/>
  </xsl:function>

  <xsl:function name="te:synopsis-id" as="xs:string">
    <xsl:param name="pair" as="element(tei:witness)+"/>
    <xsl:sequence select="'synopsis-' || string-join($pair ! string(@xml:id), '-')"/>
  </xsl:function>

  <!-- A witness's siglum: its @n, else its id. -->
  <xsl:function name="te:siglum" as="xs:string">
    <xsl:param name="witness" as="element(tei:witness)"/>
    <xsl:sequence select="string(($witness/@n, $witness/@xml:id)[1])"/>
  </xsl:function>

  <!-- What a witness is, in the words of its listWit entry before the publication
       ("English translation"). -->
  <xsl:function name="te:witness-description" as="xs:string">
    <xsl:param name="witness" as="element(tei:witness)"/>
    <xsl:variable name="words" as="xs:string" select="replace(normalize-space(string-join($witness/text(), ' ')), '\s*:$', '')"/>
    <xsl:sequence select="if ($words) then $words else te:words($witness)"/>
  </xsl:function>

  <!-- The hands that added or deleted words: siglum and description. -->
  <xsl:template name="te:hand-legend" as="element(section)?">
    <xsl:variable name="signs" as="element()*" select="tei:text//*[@hand]"/>
    <xsl:if test="$signs">
      <section class="hands" aria-labelledby="hands-heading">
        <h3 id="hands-heading">Hands</h3>
        <dl>
          <xsl:for-each-group select="$signs" group-by="string(@hand)">
            <dt>{te:hand-siglum(@hand)}</dt>
            <dd>{te:hand-label(.)}: {count(current-group())} {if (count(current-group()) eq 1) then 'sign' else 'signs'} (shown raised in the diplomatic view)</dd>
          </xsl:for-each-group>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== notes ===== -->

  <!-- The notes are those of the views of the text: the versions' views when the versions
       are all the body holds, else views of the whole body. -->
  <xsl:template name="te:notes" as="element(section)?">
    <xsl:param name="views" as="map(xs:string, element()+)" required="yes"/>
    <xsl:variable name="body" as="element(tei:body)?" select="tei:text/tei:body"/>
    <xsl:variable name="whole" as="xs:boolean" select="exists($body/tei:div) and exists($body/(* except tei:div))"/>
    <xsl:variable name="reading" as="element()*">
      <xsl:apply-templates select="$body[$whole]" mode="te:reading"/>
      <xsl:sequence select="$views?reading[not($whole)]"/>
    </xsl:variable>
    <xsl:variable name="diplomatic" as="element()*">
      <xsl:apply-templates select="$body[$whole]" mode="te:diplomatic"/>
      <xsl:sequence select="$views?diplomatic[not($whole)]"/>
    </xsl:variable>
    <xsl:variable name="explanatory" as="element(tei:note)*" select="$reading//tei:note[not(@type = 'textual')]"/>
    <xsl:variable name="textual" as="element(tei:note)*" select="$reading//tei:note[@type = 'textual']"/>
    <xsl:variable name="in-diplomatic" as="xs:string*" select="$diplomatic//tei:note ! te:note-key(.)"/>
    <xsl:if test="$explanatory or $textual">
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <xsl:if test="$explanatory">
          <h3>Notes of the translator and the editors</h3>
          <ol class="footnotes">
            <xsl:for-each select="$explanatory">
              <li id="{te:note-key(.)}" class="note note-{(@type, 'note')[1]}">
                <span class="note-number">{@n}</span>
                <span class="note-label">{te:note-type-label(@type)}.</span>
                <xsl:text> </xsl:text>
                <xsl:apply-templates mode="te:html">
                  <xsl:with-param name="view" select="'note'" tunnel="yes"/>
                </xsl:apply-templates>
                <xsl:call-template name="te:backrefs">
                  <xsl:with-param name="in-diplomatic" select="te:note-key(.) = $in-diplomatic"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:if>
        <xsl:if test="$textual">
          <h3>Textual notes</h3>
          <p class="notes-explained">What the reading view changed or left out (the diplomatic
            view shows it in place), and the readings of other witnesses.</p>
          <ol class="footnotes textual-notes">
            <xsl:for-each select="$textual">
              <li id="{te:note-key(.)}" class="note note-textual">
                <span class="note-number">{@n}</span>
                <xsl:text> </xsl:text>
                <xsl:apply-templates mode="te:html">
                  <xsl:with-param name="view" select="'note'" tunnel="yes"/>
                </xsl:apply-templates>
                <xsl:call-template name="te:backrefs">
                  <xsl:with-param name="in-diplomatic" select="te:note-key(.) = $in-diplomatic"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Links from a note back to its place in the text: one per view that shows it; the
       stylesheet hides the one of the view not shown. -->
  <xsl:template name="te:backrefs" as="node()+">
    <xsl:param name="in-diplomatic" as="xs:boolean" required="yes"/>
    <xsl:text> </xsl:text>
    <a class="backref backref-reading" href="#{te:noteref-id(., 'reading')}" role="doc-backlink"
       aria-label="Back to note {@n} in the text">↩</a>
    <xsl:if test="$in-diplomatic">
      <a class="backref backref-diplomatic" href="#{te:noteref-id(., 'diplomatic')}" role="doc-backlink"
         aria-label="Back to note {@n} in the text">↩</a>
    </xsl:if>
  </xsl:template>

  <!-- ===== citation and other formats ===== -->

  <xsl:template name="te:cite" as="element(section)">
    <xsl:variable name="id" as="xs:string" select="te:document-id(.)"/>
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this document</h2>
      <p class="citation">“{te:document-title(.)}”, {te:format-date(te:document-date(.))}, in: <cite>{$edition-title}</cite><xsl:if
        test="exists($edition-editors)">, edited by {string-join($edition-editors, ', ')}</xsl:if><xsl:if
        test="$edition-date"> ({$edition-date})</xsl:if>, document <code>{$id}</code><xsl:if
        test="$base-url">, <a href="{$base-url}{$id}.html">{$base-url}{$id}.html</a></xsl:if>.</p>
      <h3>This document in other formats</h3>
      <ul class="formats">
        <li><a href="tei/{$id}.xml" type="application/tei+xml">TEI P5 source (XML)</a></li>
        <li><a href="../text/{$id}.txt" type="text/plain">Plain text</a></li>
        <li><a href="../pdf/{$id}.pdf" type="application/pdf">PDF</a></li>
      </ul>
    </section>
  </xsl:template>

  <!-- ===== document facts, shared with the site pages ===== -->

  <xsl:function name="te:document-id" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string(($tei/@xml:id, $tei//tei:publicationStmt/tei:idno[@type = 'document'])[1])"/>
  </xsl:function>

  <!-- The title as read: a title may hold editorial signs (a corrected date, an expanded
       abbreviation), and a reader wants the corrected words, not both readings run
       together ("87 October"); notes (the reading view's textual ones too) are left out.
       Cached: a page shows it three times. -->
  <xsl:function name="te:document-title" as="xs:string" cache="yes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="read" as="element()*">
      <xsl:apply-templates select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]" mode="te:reading"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($read//text()[not(ancestor::tei:note)]))"/>
  </xsl:function>

  <!-- The date the document was sent (else written), as in the header. Cached: a page
       and its pieces of the site's pages ask for it six times or more. -->
  <xsl:function name="te:document-date" as="xs:string" cache="yes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string((te:actions($tei, 'sent')/tei:date/(@when, @notBefore),
                                  te:correspondence($tei)/tei:correspAction/tei:date/@when, '')[1])"/>
  </xsl:function>

  <!-- The document's own correspondence: the first correspDesc that is not of a message
       embedded in it (type="embedded": a letter quoted in a cable). Only the header is
       searched, where correspDesc belongs: a site's summary holds much besides. Cached:
       a page asks for senders, recipients and dates a dozen times, each a walk of the
       header. -->
  <xsl:function name="te:correspondence" as="element(tei:correspDesc)?" cache="yes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="descriptions" as="element(tei:correspDesc)*" select="$tei/tei:teiHeader//tei:correspDesc"/>
    <xsl:sequence select="($descriptions[not(@type = 'embedded')], $descriptions)[1]"/>
  </xsl:function>

  <!-- The document's correspActions of one type ('sent', 'received' …). -->
  <xsl:function name="te:actions" as="element(tei:correspAction)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="te:correspondence($tei)/tei:correspAction[@type = $type]"/>
  </xsl:function>

  <!-- Documents in date order (then by id, so the order is total and stable). -->
  <xsl:function name="te:in-date-order" as="element(tei:TEI)*">
    <xsl:param name="documents" as="element(tei:TEI)*"/>
    <xsl:perform-sort select="$documents">
      <xsl:sort select="te:document-date(.)"/>
      <xsl:sort select="te:document-id(.)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- "1 October 1950, Stalin to Mao Zedong" for links between documents. Cached: a
       document's pieces of the site's pages label it twice (register lines, search). -->
  <xsl:function name="te:short-label" as="xs:string" cache="yes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="te:format-date(te:document-date($tei)) || ', '
      || string-join(te:names-of($tei, 'sent'), ' and ') || ' to ' || string-join(te:names-of($tei, 'received'), ' and ')"/>
  </xsl:function>

  <!-- The shown names of a document's senders or recipients. -->
  <xsl:function name="te:names-of" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="te:actions($tei, $type)/(tei:persName | tei:orgName) ! te:shown-name(.)"/>
  </xsl:function>

  <!-- The heading of a version: "English translation", "Russian transcription 2". -->
  <xsl:function name="te:version-label" as="xs:string">
    <xsl:param name="version" as="element()"/>
    <xsl:variable name="lang" as="xs:string" select="te:lang($version)"/>
    <xsl:variable name="language" as="xs:string"
      select="(root($version)//tei:langUsage/tei:language[@ident = $lang] ! normalize-space(.)[.], $lang)[1]"/>
    <xsl:sequence select="if (not($version/self::tei:div)) then 'Text'
      else if ($version/@type eq 'original') then 'Original (' || $language || ')'
      else $language || ' ' || ($version/@type, 'text')[1] || string-join($version/@n ! (' ' || .))"/>
  </xsl:function>

  <!-- An archival reference: as written, else composed from its parts. -->
  <xsl:function name="te:archival-reference" as="xs:string">
    <xsl:param name="ms" as="element(tei:msDesc)"/>
    <xsl:variable name="id" as="element(tei:msIdentifier)?" select="$ms/tei:msIdentifier"/>
    <xsl:variable name="written" as="xs:string" select="normalize-space($id/tei:altIdentifier[@type = 'as-written'][1])"/>
    <xsl:variable name="parts" as="xs:string" select="string-join((
      $id/tei:repository, $id/tei:idno[@type = 'fond'] ! ('f. ' || .), $id/tei:idno[@type = 'opis'] ! ('op. ' || .),
      $id/tei:idno[@type = 'delo'] ! ('d. ' || .), $ms//tei:locus) ! normalize-space(), ', ')"/>
    <xsl:sequence select="if ($written) then $written || (if ($id/tei:repository) then ' (' || normalize-space($id/tei:repository) || ')' else '')
      else if (normalize-space($parts)) then $parts else normalize-space($id/tei:msName)"/>
  </xsl:function>

  <!-- Names separated by commas, each linked to its register entry. -->
  <xsl:function name="te:name-list" as="node()*">
    <xsl:param name="names" as="element()*"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:sequence select="te:linked-name(.)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A header date as an HTML time, in words. -->
  <xsl:function name="te:html-date" as="element()">
    <xsl:param name="date" as="element(tei:date)"/>
    <xsl:choose>
      <xsl:when test="te:is-html-date($date/@when)">
        <time datetime="{$date/@when}">{te:format-date($date/@when)}</time>
      </xsl:when>
      <xsl:otherwise><span>{normalize-space($date)}</span></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The language of a header note quoting the document: its own xml:lang, else told by
       its script (a Cyrillic, Chinese or Korean quotation in an English header). The
       ranges are written out: Saxon's \p{Is…} block names print a line per block. -->
  <xsl:function name="te:text-lang" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if ($element/@xml:lang) then string($element/@xml:lang)
      else if (matches($element, '[Ѐ-ӿ]')) then 'ru'
      else if (matches($element, '[一-鿿]')) then 'zh'
      else if (matches($element, '[가-힯]')) then 'ko'
      else te:lang($element)"/>
  </xsl:function>

  <xsl:function name="te:capitalise" as="xs:string">
    <xsl:param name="word" as="xs:string?"/>
    <xsl:sequence select="upper-case(substring($word, 1, 1)) || substring($word, 2)"/>
  </xsl:function>

</xsl:stylesheet>
