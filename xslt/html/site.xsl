<?xml version="1.0" encoding="UTF-8"?>
<!-- The site's own pages (index with its filters, registers, search, conventions), in two
     steps, so that neither holds every document at once. Per document, with its page
     (mode te:site-piece, on its summary: summary.xsl): its rows of the index, its entry of
     the search index, and for each register entry it names its line of that entry's list,
     each made once as the markup it is on the site's page, with what orders and filters it.
     Then, once for the edition (mode te:site-page, on the facts tei_edition's
     render/summaries.py gathers from every document's pieces: counts, parties, years,
     kinds, name forms, entries named), every page, written into $site-folder with a
     processing instruction where the documents' pieces go in order (te-rows, te-search,
     te-mentions ENTRY-ID), which tei_edition joins in. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The site's facts: a register entry's name forms found in the texts, and whether any
       document names it. -->
  <xsl:key name="te:attested" match="te:form" use="@entry"/>
  <xsl:key name="te:mentioned" match="te:mentioned" use="@entry"/>

  <!-- The folder (a file: URI) the site's pages are written into. -->
  <xsl:param name="site-folder" as="xs:string" select="''"/>

  <!-- How a piece of a page is written: as the page writes it (html/layout.xsl's output). -->
  <xsl:variable name="te:piece-output" as="map(xs:string, item())"
    select="map { 'method': 'html', 'html-version': 5.0, 'indent': false() }"/>

  <!-- ===== one document's pieces ===== -->

  <xsl:mode name="te:site-piece" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A document's pieces, from its summary: a JSON object on one line (its id and date,
       its index rows, its register lines), then its search entry on a line of its own
       (the site joins those as they are, without reading them). -->
  <xsl:template match="tei:TEI" mode="te:site-piece" as="xs:string">
    <xsl:variable name="entries" as="element()+" select="., te:embedded-messages(.)"/>
    <xsl:variable name="rows" as="element(tr)+"><xsl:apply-templates select="$entries" mode="te:index-row"/></xsl:variable>
    <xsl:variable name="groups" as="map(xs:string, item()*)*" select="te:register-groups(.)"/>
    <xsl:variable name="id" as="xs:string" select="te:document-id(.)"/>
    <xsl:variable name="label" as="xs:string" select="te:short-label(.)"/>
    <xsl:variable name="lines" as="element(li)*">
      <xsl:for-each select="$groups">
        <xsl:call-template name="te:mention-line">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="label" select="$label"/>
          <xsl:with-param name="mentions" select="?mentions"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="written" as="xs:string+" select="te:as-written(($rows, $lines))"/>
    <xsl:variable name="pieces" as="map(xs:string, item())" select="map {
      'id': $id,
      'date': te:document-date(.),
      'rows': array { for $at in 1 to count($entries) return te:index-entry($entries[$at], $written[$at]) },
      'mentions': array { for $at in 1 to count($groups) return te:register-line($groups[$at], $written[count($entries) + $at]) }
    }"/>
    <xsl:sequence select="serialize($pieces, map { 'method': 'json' }) || '&#10;' || te:search-entry(.)"/>
  </xsl:template>

  <!-- A row of the index (a document or a message quoted in it; $row: the row as written)
       with what orders it (date, then its document's id, then the quoted message's
       @corresp) and what the filters offer of it: year, kind, senders and recipients
       (register id, shown name). -->
  <xsl:function name="te:index-entry" as="map(xs:string, item())">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="row" as="xs:string"/>
    <xsl:sequence select="map {
      'date': te:entry-date($entry),
      'corresp': string($entry/@corresp),
      'year': substring(te:entry-date($entry), 1, 4),
      'kind': te:entry-kind($entry),
      'sent': te:entry-parties($entry, 'sent'),
      'received': te:entry-parties($entry, 'received'),
      'html': $row
    }"/>
  </xsl:function>

  <!-- An entry's senders or recipients, each [register id, shown name]. -->
  <xsl:function name="te:entry-parties" as="array(array(xs:string))">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="array { te:entry-actions($entry, $type)/(tei:persName | tei:orgName) ! [te:party-id(.), te:shown-name(.)] }"/>
  </xsl:function>

  <!-- The register entries the document names (in its header, or in its text: te:mention),
       each {entry: its id, mentions: the names that point at it}, in the order of their
       first name. -->
  <xsl:function name="te:register-groups" as="map(xs:string, item()*)*">
    <xsl:param name="summary" as="element(tei:TEI)"/>
    <xsl:for-each-group select="$summary/tei:teiHeader//tei:*[@ref], $summary/te:site/te:mention" group-by="te:ref-id(@ref)">
      <xsl:sequence select="map { 'entry': current-grouping-key(), 'mentions': current-group() }"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- A register entry the document names ($group: te:register-groups), as its pieces give
       it: [entry id, its line in the entry's list of documents ($line: as written), [[form,
       language] of each name in the text]]. -->
  <xsl:function name="te:register-line" as="array(item())">
    <xsl:param name="group" as="map(xs:string, item()*)"/>
    <xsl:param name="line" as="xs:string"/>
    <xsl:sequence select="[$group?entry, $line, array { $group?mentions[@form] ! [string(@form), string(@lang)] }]"/>
  </xsl:function>

  <!-- A document ($id, $label) in a register entry's list: linked by its label, with the
       roles its header gives the entry and the passages of its text that name it. -->
  <xsl:template name="te:mention-line" as="element(li)">
    <xsl:param name="id" as="xs:string" required="yes"/>
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="mentions" as="element()+" required="yes"/>
    <li><a href="{$id}.html">{$label}</a>
      <xsl:variable name="roles" as="xs:string*"
        select="distinct-values($mentions[ancestor::tei:teiHeader] ! te:role-label(.))"/>
      <xsl:if test="exists($roles)"> ({string-join($roles, ', ')})</xsl:if>
      <xsl:variable name="passages" as="element(te:mention)*" select="$mentions[@form]"/>
      <xsl:if test="$passages">: <xsl:for-each select="$passages">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="{$id}.html#{@passage}"
            lang="{@lang}">“{@form}”</a></xsl:for-each></xsl:if></li>
  </xsl:template>

  <!-- Elements as the page writes them, each a string: written by one call of the
       serialiser, a line each (one call each when one holds a line end of its own). -->
  <xsl:function name="te:as-written" as="xs:string*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:variable name="lines" as="xs:string*"
      select="tokenize(serialize($elements, map:put($te:piece-output, 'item-separator', '&#10;')), '&#10;')"/>
    <xsl:sequence select="if (count($lines) eq count($elements)) then $lines else $elements ! serialize(., $te:piece-output)"/>
  </xsl:function>

  <!-- ===== the pages ===== -->

  <!-- Every page, from one transformation over the site's facts. The largest page
       (search, with every document's words) first. -->
  <xsl:template match="te:site" mode="te:site-page">
    <xsl:result-document href="{$site-folder}/search.html">
      <xsl:call-template name="te:search-page"/>
    </xsl:result-document>
    <xsl:result-document href="{$site-folder}/index.html">
      <xsl:call-template name="te:index-page"/>
    </xsl:result-document>
    <xsl:variable name="facts" as="document-node()" select="root(.)"/>
    <xsl:for-each select="'persons', 'places', 'organisations'">
      <xsl:result-document href="{$site-folder}/{.}.html">
        <xsl:call-template name="te:register-page">
          <xsl:with-param name="register" select="."/>
          <xsl:with-param name="facts" select="$facts"/>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="{$site-folder}/conventions.html">
      <xsl:call-template name="te:conventions-page"/>
    </xsl:result-document>
  </xsl:template>

  <!-- ===== index ===== -->

  <!-- The index, for the facts (te:site): every row goes where te-rows stands. -->
  <xsl:template name="te:index-page" as="element(html)">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="current" select="'index.html'"/>
      <xsl:with-param name="scripts" select="'filter.js'"/>
      <xsl:with-param name="content" as="node()+">
        <h1>{$edition-title}</h1>
        <xsl:if test="$edition-subtitle"><p class="subtitle">{$edition-subtitle}</p></xsl:if>
        <xsl:if test="exists($edition-editors)"><p class="editors">Edited by {string-join($edition-editors, ', ')}</p></xsl:if>
        <xsl:for-each select="$front//tei:front/tei:div">
          <section class="introduction" aria-labelledby="front-{position()}">
            <h2 id="front-{position()}">{(tei:head ! normalize-space(), te:capitalise(@type), 'Introduction')[.][1]}</h2>
            <xsl:variable name="resolved" as="element()"><xsl:apply-templates select="." mode="te:reading"/></xsl:variable>
            <xsl:apply-templates select="$resolved/node() except $resolved/tei:head" mode="te:html">
              <xsl:with-param name="view" select="'front'" tunnel="yes"/>
            </xsl:apply-templates>
          </section>
        </xsl:for-each>
        <section class="documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading">Documents</h2>
          <form class="filters" id="filters" hidden="">
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'sender'"/>
              <xsl:with-param name="label" select="'Sender'"/>
              <xsl:with-param name="parties" select="te:party[@type = 'sent']"/>
            </xsl:call-template>
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'recipient'"/>
              <xsl:with-param name="label" select="'Recipient'"/>
              <xsl:with-param name="parties" select="te:party[@type = 'received']"/>
            </xsl:call-template>
            <p class="filter">
              <label for="filter-year">Year</label>
              <select id="filter-year" name="year">
                <option value="">all</option>
                <xsl:for-each select="te:year[string(.)]">
                  <xsl:sort select="."/>
                  <option value="{.}">{.}</option>
                </xsl:for-each>
              </select>
            </p>
            <p class="filter">
              <label for="filter-kind">Kind</label>
              <select id="filter-kind" name="kind">
                <option value="">all</option>
                <xsl:for-each select="te:kind[string(.)]">
                  <xsl:sort select="."/>
                  <option value="{.}">{.}</option>
                </xsl:for-each>
              </select>
            </p>
            <p class="filter-count" id="filter-count" aria-live="polite"></p>
          </form>
          <table class="documents-table" id="documents-table">
            <caption>All {@documents} documents of the edition in date order<xsl:if
              test="xs:integer(@embedded) gt 0">, and the {@embedded} messages quoted in them under their own dates</xsl:if></caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Sender</th><th scope="col">Recipient</th>
                <th scope="col">Title</th><th scope="col">Archival reference</th><th scope="col">Languages</th></tr>
            </thead>
            <tbody><xsl:processing-instruction name="te-rows"/></tbody>
          </table>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== rows of the index: documents, and the messages quoted in them ===== -->

  <xsl:mode name="te:index-row" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A document: listed once, with its witnesses when it has several. -->
  <xsl:template match="tei:TEI" mode="te:index-row" as="element(tr)">
    <tr data-sender="{te:entry-party-ids(., 'sent')}" data-recipient="{te:entry-party-ids(., 'received')}"
        data-year="{substring(te:document-date(.), 1, 4)}" data-kind="{te:document-kind(.)}">
      <td><xsl:sequence select="te:actions(., 'sent')[1]/tei:date[1] ! te:html-date(.)"/></td>
      <td>{string-join(te:names-of(., 'sent'), ', ')}</td>
      <td>{string-join(te:names-of(., 'received'), ', ')}</td>
      <td><a href="{te:document-id(.)}.html">{te:document-title(.)}</a>
        <xsl:variable name="witnesses" as="element(tei:witness)*" select="tei:teiHeader//tei:listWit/tei:witness"/>
        <xsl:if test="exists($witnesses)">
          <xsl:text> </xsl:text>
          <span class="index-witnesses">{count($witnesses)} witnesses: {string-join($witnesses ! (te:siglum(.) || ' (' || te:witness-description(.) || ')'), ', ')}</span>
        </xsl:if></td>
      <td>{string-join(.//tei:msDesc ! te:archival-reference(.), '; ')}</td>
      <td>{te:site/@languages}</td>
    </tr>
  </xsl:template>

  <!-- A message quoted in a document (correspDesc type="embedded"): under its own date,
       linked to its place in the document that quotes it. -->
  <xsl:template match="tei:correspDesc" mode="te:index-row" as="element(tr)">
    <xsl:variable name="carrier" as="element(tei:TEI)" select="ancestor::tei:TEI"/>
    <xsl:variable name="quoted" as="element(te:quoted)" select="te:embedded-text(.)"/>
    <xsl:variable name="sent" as="element(tei:correspAction)?" select="tei:correspAction[@type = 'sent'][1]"/>
    <tr class="embedded" data-sender="{te:entry-party-ids(., 'sent')}" data-recipient="{te:entry-party-ids(., 'received')}"
        data-year="{substring(te:entry-date(.), 1, 4)}" data-kind="{te:entry-kind(.)}">
      <td><xsl:sequence select="($sent/tei:date[@when][1] ! te:html-date(.), 'not dated')[1]"/></td>
      <td>{(string-join(te:entry-actions(., 'sent')/(tei:persName | tei:orgName) ! te:shown-name(.), ', ')[.], 'not stated')[1]}</td>
      <td>{(string-join(te:entry-actions(., 'received')/(tei:persName | tei:orgName) ! te:shown-name(.), ', ')[.], 'not stated')[1]}</td>
      <td>Message quoted in <a href="{te:document-id($carrier)}.html{$quoted/@id ! ('#' || .)}">{te:document-title($carrier)}</a></td>
      <td>{string-join($carrier//tei:msDesc ! te:archival-reference(.), '; ')}</td>
      <td>{$quoted/@lang}</td>
    </tr>
  </xsl:template>

  <!-- The messages a document quotes, each described by a correspDesc of its own. -->
  <xsl:function name="te:embedded-messages" as="element(tei:correspDesc)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc[@type = 'embedded']"/>
  </xsl:function>

  <!-- The summary's record of the quoted text a correspDesc describes (its @corresp
       points at it): its id when the text has it, and its language. -->
  <xsl:function name="te:embedded-text" as="element(te:quoted)">
    <xsl:param name="description" as="element(tei:correspDesc)"/>
    <xsl:sequence select="$description/ancestor::tei:TEI/te:site/te:quoted[@corresp = string($description/@corresp)][1]"/>
  </xsl:function>

  <!-- The date of an index entry: a document's; a quoted message's own, else its carrier's. -->
  <xsl:function name="te:entry-date" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:TEI) then te:document-date($entry)
      else string(($entry/tei:correspAction[@type = 'sent']/tei:date/(@when, @notBefore),
                   te:document-date($entry/ancestor::tei:TEI))[1])"/>
  </xsl:function>

  <!-- The senders ('sent') or recipients ('received') of an index entry. -->
  <xsl:function name="te:entry-actions" as="element(tei:correspAction)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="if ($entry/self::tei:TEI) then te:actions($entry, $type)
      else $entry/tei:correspAction[@type = $type]"/>
  </xsl:function>

  <!-- Register ids of an entry's senders or recipients, space-separated (for filters). -->
  <xsl:function name="te:entry-party-ids" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="string-join(te:entry-actions($entry, $type)/(tei:persName | tei:orgName) ! te:party-id(.), ' ')"/>
  </xsl:function>

  <xsl:function name="te:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:TEI) then te:document-kind($entry) else 'Quoted message'"/>
  </xsl:function>

  <!-- A select of senders or recipients (te:party of the facts: each register id once,
       with the name it is first shown under), labelled by that name. -->
  <xsl:template name="te:filter" as="element(p)">
    <xsl:param name="name" as="xs:string" required="yes"/>
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="parties" as="element(te:party)*" required="yes"/>
    <p class="filter">
      <label for="filter-{$name}">{$label}</label>
      <select id="filter-{$name}" name="{$name}">
        <option value="">all</option>
        <xsl:for-each select="$parties">
          <xsl:sort select="string(@name)"/>
          <option value="{@id}">{@name}</option>
        </xsl:for-each>
      </select>
    </p>
  </xsl:template>

  <!-- ===== registers ===== -->

  <!-- A register's page ('persons', 'places', 'organisations'): its entries, each with
       the name forms the texts use and the documents that name it ($facts: te:site). -->
  <xsl:template name="te:register-page" as="element(html)">
    <xsl:param name="register" as="xs:string" required="yes"/>
    <xsl:param name="facts" as="document-node()" required="yes"/>
    <xsl:variable name="entries" as="element()*" select="
      if ($register eq 'persons') then $registers//tei:person
      else if ($register eq 'places') then $registers//tei:place else $registers//tei:org"/>
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="te:capitalise($register)"/>
      <xsl:with-param name="current" select="$register || '.html'"/>
      <xsl:with-param name="content" as="node()+">
        <h1>{te:capitalise($register)}</h1>
        <p class="register-intro">Every {substring($register, 1, string-length($register) - 1)} the documents name, with every
          form of the name they use, and the documents and passages that mention them.</p>
        <nav class="register-toc" aria-label="Entries">
          <ul>
            <xsl:for-each select="$entries">
              <xsl:sort select="te:preferred-name(.)" lang="en"/>
              <li><a href="#{@xml:id}">{te:preferred-name(.)}</a></li>
            </xsl:for-each>
          </ul>
        </nav>
        <xsl:for-each select="$entries">
          <xsl:sort select="te:preferred-name(.)" lang="en"/>
          <xsl:call-template name="te:register-entry">
            <xsl:with-param name="facts" select="$facts"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One register entry: name forms (register and texts), note, and where the documents
       that name it go (te-mentions and its id: their lines, in date order). -->
  <xsl:template name="te:register-entry" as="element(section)">
    <xsl:param name="facts" as="document-node()" required="yes"/>
    <xsl:variable name="names" as="element()*" select="tei:persName | tei:placeName | tei:orgName | tei:geogName"/>
    <xsl:variable name="forms" as="xs:string*" select="$names ! te:words(.)"/>
    <section class="entry" id="{@xml:id}" aria-labelledby="{@xml:id}-name">
      <h2 id="{@xml:id}-name">{te:preferred-name(.)}</h2>
      <xsl:for-each select="tei:note"><p class="entry-note">{normalize-space()}</p></xsl:for-each>
      <dl>
        <dt>Name forms</dt>
        <dd>
          <ul class="name-forms">
            <xsl:for-each select="$names">
              <li><span>
                  <xsl:apply-templates select="@xml:lang" mode="te:html"/>{normalize-space()}</span><xsl:if test="@type"><xsl:text> </xsl:text><span class="form-type">({@type})</span></xsl:if></li>
            </xsl:for-each>
            <xsl:for-each select="key('te:attested', string(@xml:id), $facts)[not(. = $forms)]">
              <li><span lang="{@lang}">{.}</span><xsl:text> </xsl:text><span class="form-type">(in the text)</span></li>
            </xsl:for-each>
          </ul>
        </dd>
        <dt>Mentioned in</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="empty(key('te:mentioned', string(@xml:id), $facts))"><p>no document of this edition</p></xsl:when>
            <xsl:otherwise>
              <ul class="mentions"><xsl:processing-instruction name="te-mentions" select="string(@xml:id)"/></ul>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
    </section>
  </xsl:template>

  <!-- ===== conventions ===== -->

  <xsl:template name="te:conventions-page" as="element(html)">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Encoding conventions'"/>
      <xsl:with-param name="current" select="'conventions.html'"/>
      <xsl:with-param name="content" as="node()+">
        <h1>Encoding conventions</h1>
        <p>Each editorial sign of the source texts is encoded in TEI and shown in two views of
          the text: <strong>as read</strong> (the reading view: additions in place, deletions
          left out, corrections and expansions applied) and <strong>as written</strong> (the
          diplomatic view). The examples below are run through the same stylesheet rules as
          the documents.</p>
        <div class="table-scroll" role="region" aria-label="Editorial signs" tabindex="0">
        <table class="conventions">
          <caption>Editorial signs and how this edition shows them</caption>
          <thead>
            <tr><th scope="col">Sign</th><th scope="col">In the source texts</th><th scope="col">TEI</th>
              <th scope="col">As read</th><th scope="col">As written</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$te:conventions">
              <xsl:variable name="sign" as="element(te:sign)" select="."/>
              <tr>
                <th scope="row">{te:label}</th>
                <td><code>{te:source}</code></td>
                <td><code>{te:example/tei:p/node() ! serialize(.) => string-join('') => replace(' xmlns(:\w+)?="[^"]*"', '')}</code></td>
                <xsl:for-each select="'reading', 'diplomatic'">
                  <xsl:variable name="view" as="xs:string" select="."/>
                  <xsl:variable name="resolved" as="element()">
                    <xsl:choose>
                      <xsl:when test="$view eq 'reading'"><xsl:apply-templates select="$sign/te:example/tei:p" mode="te:reading"/></xsl:when>
                      <xsl:otherwise><xsl:apply-templates select="$sign/te:example/tei:p" mode="te:diplomatic"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:variable>
                  <td class="example">
                    <xsl:apply-templates select="$resolved/node()[not(self::tei:note[@type = 'textual'])]" mode="te:html">
                      <xsl:with-param name="view" select="'example-' || $view" tunnel="yes"/>
                    </xsl:apply-templates>
                    <xsl:for-each select="$resolved/tei:note[@type = 'textual']"><span class="example-note"> (textual note: {.})</span></xsl:for-each>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
        <h2>Notes</h2>
        <p>Notes of the translator and of the editors of the sources are numbered 1, 2, 3 … through
          each document and labelled by kind (translator’s note, editor’s note). Textual notes,
          lettered a, b, c …, say what the reading view changed or left out.</p>
        <h2>Hands</h2>
        <p>Words added or deleted by hand carry the siglum of their hand (H1 for the first
          unidentified hand); the hand is named on hover and in the list of hands below the text.</p>
        <h2>Names, dates and registers</h2>
        <p>Names of persons, places and organisations link to their entries in the registers,
          which list every form of the name the documents use; dates carry their ISO form for
          machines. The metadata of each document show the register's preferred name.</p>
        <h2>Schema guidelines</h2>
        <p>The <a href="guidelines.html">encoding guidelines</a> list every element the
          edition's schema allows, when to use it, its attributes and their values, an example
          from the edition, and the editorial rules every document is checked against.</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== search ===== -->

  <!-- The search page: every document's search entry goes where te-search stands. -->
  <xsl:template name="te:search-page" as="element(html)">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search.html'"/>
      <xsl:with-param name="scripts" select="'search.js'"/>
      <xsl:with-param name="content" as="node()+">
        <h1>Search</h1>
        <form class="search" id="search-form" action="search.html" method="get" role="search">
          <label for="search-q">Words to find (in the text, in both views, and in the metadata)</label>
          <input type="search" id="search-q" name="q"/>
          <button type="submit">Search</button>
        </form>
        <p id="search-status" aria-live="polite">Searching needs JavaScript; without it, the
          <a href="index.html">table of documents</a> and the registers lead to every document.</p>
        <ol id="search-results" class="search-results"></ol>
        <!-- A JSON array of the entries, separated by commas. -->
        <script type="application/json" id="search-index">[<xsl:processing-instruction name="te-search"/>]</script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A document's entry of the search index: its id, label, title, metadata and, version
       by version, its language and the words of both views (from its summary), as JSON
       (safe inside a script element). -->
  <xsl:function name="te:search-entry" as="xs:string">
    <xsl:param name="summary" as="element(tei:TEI)"/>
    <xsl:variable name="json" as="xs:string" select="serialize(map {
      'id': te:document-id($summary),
      'title': te:document-title($summary),
      'label': te:short-label($summary),
      'meta': normalize-space(string-join((te:names-of($summary, 'sent'), te:names-of($summary, 'received'),
                $summary//tei:msDesc ! te:archival-reference(.), $summary//tei:textClass//tei:term, $summary//tei:abstract), ' ')),
      'versions': array { $summary/te:site/te:version ! map { 'lang': string(@lang), 'text': string(@text), 'written': string(@written) } }
    }, map { 'method': 'json' })"/>
    <!-- contains() first: replace() asks its pattern of every character of every text. -->
    <xsl:sequence select="if (contains($json, '&lt;')) then replace($json, '&lt;', '\\u003c') else $json"/>
  </xsl:function>

  <!-- ===== facts for the index ===== -->

  <!-- A party's register id, or its name made into a token when the registers lack it. -->
  <xsl:function name="te:party-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="(te:ref-id($name/@ref)[.], replace(lower-case(te:words($name)), '\W+', '-'))[1]"/>
  </xsl:function>

  <xsl:function name="te:document-kind" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(($tei//tei:textClass//tei:term[@type = 'kind'])[1])"/>
  </xsl:function>

  <!-- How a name in the header takes part in a document: sender, recipient, place of
       sending, decipherer … (from its correspAction), or translator … (its respStmt). -->
  <xsl:function name="te:role-label" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="type" as="xs:string" select="string($name/ancestor::tei:correspAction[1]/@type)"/>
    <xsl:variable name="statement" as="element(tei:respStmt)?" select="$name/ancestor::tei:respStmt[1]"/>
    <xsl:variable name="resp" as="xs:string" select="
      if (ends-with($statement/@xml:id, 'translator')) then 'translator'
      else if (ends-with($statement/@xml:id, 'source-editor')) then 'editor of the source'
      else normalize-space($statement/tei:resp)"/>
    <xsl:variable name="role" as="xs:string" select="if ($name/self::tei:placeName) then
        (map { 'sent': 'place of sending', 'received': 'place of receipt' }($type), 'place')[1]
      else (map { 'sent': 'sender', 'received': 'recipient' }($type), $type)[1]"/>
    <xsl:sequence select="if ($resp) then $resp
      else if (not($type)) then 'named in the header'
      else $role || (if ($name/ancestor::tei:correspDesc[@type = 'embedded']) then ' of a message quoted in it' else '')"/>
  </xsl:function>

</xsl:stylesheet>
