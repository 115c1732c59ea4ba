<?xml version="1.0" encoding="UTF-8"?>
<!-- The site's own pages, made from the corpus of every document's summary (the
     summaries: summary.xsl) in one transformation (mode te:site-page), each page written
     into $site-folder: index with introduction and table of documents, registers,
     conventions and search. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- Every element that points into a register, by the id it points at: names in the
       headers, and the summaries' records of the names elsewhere (te:mention). -->
  <xsl:key name="te:mentions" match="tei:*[@ref] | te:mention" use="te:ref-id(@ref)"/>

  <!-- The folder (a file: URI) the site's pages are written into. -->
  <xsl:param name="site-folder" as="xs:string" select="''"/>

  <!-- ===== the pages ===== -->

  <!-- Every page, from one transformation: what several pages need of each document (its
       place in date order, its title and link text, the index of the names) is made once,
       not once per page. The largest page (search, with every document's words) first. -->
  <xsl:template match="tei:teiCorpus" mode="te:site-page">
    <xsl:variable name="documents" as="element(tei:TEI)*" select="te:in-date-order(tei:TEI)"/>
    <xsl:variable name="titles" as="map(xs:string, xs:string)" select="map:merge($documents ! map { te:document-id(.): te:document-title(.) })"/>
    <xsl:variable name="labels" as="map(xs:string, xs:string)" select="map:merge($documents ! map { te:document-id(.): te:short-label(.) })"/>
    <xsl:result-document href="{$site-folder}/search.html">
      <xsl:call-template name="te:search-page">
        <xsl:with-param name="documents" select="$documents"/>
        <xsl:with-param name="titles" select="$titles"/>
        <xsl:with-param name="labels" select="$labels"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:result-document href="{$site-folder}/index.html">
      <xsl:call-template name="te:index-page">
        <xsl:with-param name="documents" select="$documents"/>
        <xsl:with-param name="titles" select="$titles" tunnel="yes"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:variable name="corpus-node" as="document-node()" select="root(.)"/>
    <xsl:for-each select="'persons', 'places', 'organisations'">
      <xsl:result-document href="{$site-folder}/{.}.html">
        <xsl:call-template name="te:register-page">
          <xsl:with-param name="register" select="."/>
          <xsl:with-param name="corpus-node" select="$corpus-node"/>
          <xsl:with-param name="documents" select="$documents"/>
          <xsl:with-param name="labels" select="$labels"/>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="{$site-folder}/conventions.html">
      <xsl:call-template name="te:conventions-page"/>
    </xsl:result-document>
  </xsl:template>

  <!-- ===== index ===== -->

  <xsl:template name="te:index-page" as="element(html)">
    <xsl:param name="documents" as="element(tei:TEI)*" required="yes"/>
    <xsl:variable name="embedded" as="element(tei:correspDesc)*" select="$documents ! te:embedded-messages(.)"/>
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
              <xsl:with-param name="names" select="($documents, $embedded) ! te:entry-actions(., 'sent')/(tei:persName | tei:orgName)"/>
            </xsl:call-template>
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'recipient'"/>
              <xsl:with-param name="label" select="'Recipient'"/>
              <xsl:with-param name="names" select="($documents, $embedded) ! te:entry-actions(., 'received')/(tei:persName | tei:orgName)"/>
            </xsl:call-template>
            <p class="filter">
              <label for="filter-year">Year</label>
              <select id="filter-year" name="year">
                <option value="">all</option>
                <xsl:for-each select="distinct-values(($documents, $embedded) ! substring(te:entry-date(.), 1, 4))[.]">
                  <xsl:sort select="."/>
                  <option value="{.}">{.}</option>
                </xsl:for-each>
              </select>
            </p>
            <p class="filter">
              <label for="filter-kind">Kind</label>
              <select id="filter-kind" name="kind">
                <option value="">all</option>
                <xsl:for-each select="distinct-values(($documents, $embedded) ! te:entry-kind(.))[.]">
                  <xsl:sort select="."/>
                  <option value="{.}">{.}</option>
                </xsl:for-each>
              </select>
            </p>
            <p class="filter-count" id="filter-count" aria-live="polite"></p>
          </form>
          <table class="documents-table" id="documents-table">
            <caption>All {count($documents)} documents of the edition in date order<xsl:if
              test="exists($embedded)">, and the {count($embedded)} messages quoted in them under their own dates</xsl:if></caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Sender</th><th scope="col">Recipient</th>
                <th scope="col">Title</th><th scope="col">Archival reference</th><th scope="col">Languages</th></tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="te:in-index-order(($documents, $embedded))" mode="te:index-row"/>
            </tbody>
          </table>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== rows of the index: documents, and the messages quoted in them ===== -->

  <xsl:mode name="te:index-row" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A document: listed once, with its witnesses when it has several. -->
  <xsl:template match="tei:TEI" mode="te:index-row" as="element(tr)">
    <xsl:param name="titles" as="map(xs:string, xs:string)" tunnel="yes" required="yes"/>
    <tr data-sender="{te:entry-party-ids(., 'sent')}" data-recipient="{te:entry-party-ids(., 'received')}"
        data-year="{substring(te:document-date(.), 1, 4)}" data-kind="{te:document-kind(.)}">
      <td><xsl:sequence select="te:actions(., 'sent')[1]/tei:date[1] ! te:html-date(.)"/></td>
      <td>{string-join(te:names-of(., 'sent'), ', ')}</td>
      <td>{string-join(te:names-of(., 'received'), ', ')}</td>
      <td><a href="{te:document-id(.)}.html">{$titles(te:document-id(.))}</a>
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
    <xsl:param name="titles" as="map(xs:string, xs:string)" tunnel="yes" required="yes"/>
    <xsl:variable name="carrier" as="element(tei:TEI)" select="ancestor::tei:TEI"/>
    <xsl:variable name="quoted" as="element(te:quoted)" select="te:embedded-text(.)"/>
    <xsl:variable name="sent" as="element(tei:correspAction)?" select="tei:correspAction[@type = 'sent'][1]"/>
    <tr class="embedded" data-sender="{te:entry-party-ids(., 'sent')}" data-recipient="{te:entry-party-ids(., 'received')}"
        data-year="{substring(te:entry-date(.), 1, 4)}" data-kind="{te:entry-kind(.)}">
      <td><xsl:sequence select="($sent/tei:date[@when][1] ! te:html-date(.), 'not dated')[1]"/></td>
      <td>{(string-join(te:entry-actions(., 'sent')/(tei:persName | tei:orgName) ! te:shown-name(.), ', ')[.], 'not stated')[1]}</td>
      <td>{(string-join(te:entry-actions(., 'received')/(tei:persName | tei:orgName) ! te:shown-name(.), ', ')[.], 'not stated')[1]}</td>
      <td>Message quoted in <a href="{te:document-id($carrier)}.html{$quoted/@id ! ('#' || .)}">{$titles(te:document-id($carrier))}</a></td>
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

  <!-- Index entries, documents and quoted messages together, by date (then by id). -->
  <xsl:function name="te:in-index-order" as="element()*">
    <xsl:param name="entries" as="element()*"/>
    <xsl:perform-sort select="$entries">
      <xsl:sort select="te:entry-date(.)"/>
      <xsl:sort select="te:document-id(ancestor-or-self::tei:TEI)"/>
      <xsl:sort select="string(@corresp)"/>
    </xsl:perform-sort>
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

  <!-- A select of senders or recipients, by register id, labelled by preferred name. -->
  <xsl:template name="te:filter" as="element(p)">
    <xsl:param name="name" as="xs:string" required="yes"/>
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="names" as="element()*" required="yes"/>
    <p class="filter">
      <label for="filter-{$name}">{$label}</label>
      <select id="filter-{$name}" name="{$name}">
        <option value="">all</option>
        <xsl:for-each-group select="$names" group-by="te:party-id(.)">
          <xsl:sort select="te:shown-name(.)"/>
          <option value="{current-grouping-key()}">{te:shown-name(.)}</option>
        </xsl:for-each-group>
      </select>
    </p>
  </xsl:template>

  <!-- ===== registers ===== -->

  <!-- A register's page ('persons', 'places', 'organisations'): its entries, each with the
       documents of the corpus ($documents: all, in date order; $labels: their link texts)
       that name it. -->
  <xsl:template name="te:register-page" as="element(html)">
    <xsl:param name="register" as="xs:string" required="yes"/>
    <xsl:param name="corpus-node" as="document-node()" required="yes"/>
    <xsl:param name="documents" as="element(tei:TEI)*" required="yes"/>
    <xsl:param name="labels" as="map(xs:string, xs:string)" required="yes"/>
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
        <!-- Each document's place in date order: an entry lists its documents in that order. -->
        <xsl:variable name="ranks" as="map(xs:string, xs:integer)" select="map:merge($documents ! map { te:document-id(.): position() })"/>
        <xsl:for-each select="$entries">
          <xsl:sort select="te:preferred-name(.)" lang="en"/>
          <xsl:call-template name="te:register-entry">
            <xsl:with-param name="mentions" select="key('te:mentions', string(@xml:id), $corpus-node)"/>
            <xsl:with-param name="labels" select="$labels"/>
            <xsl:with-param name="ranks" select="$ranks"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One register entry: name forms (register and texts), note, documents and passages. -->
  <xsl:template name="te:register-entry" as="element(section)">
    <xsl:param name="mentions" as="element()*" required="yes"/>
    <xsl:param name="labels" as="map(xs:string, xs:string)" required="yes"/>
    <xsl:param name="ranks" as="map(xs:string, xs:integer)" required="yes"/>
    <xsl:variable name="names" as="element()*" select="tei:persName | tei:placeName | tei:orgName | tei:geogName"/>
    <xsl:variable name="forms" as="xs:string*" select="$names ! te:words(.)"/>
    <xsl:variable name="attested" as="element()*" select="$mentions[@form][not(@form = $forms)]"/>
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
            <xsl:for-each-group select="$attested" group-by="string(@form)">
              <li><span lang="{@lang}">{current-grouping-key()}</span><xsl:text> </xsl:text><span class="form-type">(in the text)</span></li>
            </xsl:for-each-group>
          </ul>
        </dd>
        <dt>Mentioned in</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="empty($mentions)"><p>no document of this edition</p></xsl:when>
            <xsl:otherwise>
              <ul class="mentions">
                <xsl:for-each-group select="$mentions" group-by="te:document-id(ancestor::tei:TEI)">
                  <xsl:sort select="$ranks(current-grouping-key())"/>
                  <li><a href="{current-grouping-key()}.html">{$labels(current-grouping-key())}</a>
                    <xsl:variable name="roles" as="xs:string*"
                      select="distinct-values(current-group()[ancestor::tei:teiHeader] ! te:role-label(.))"/>
                    <xsl:if test="exists($roles)"> ({string-join($roles, ', ')})</xsl:if>
                    <xsl:variable name="passages" as="element(te:mention)*" select="current-group()[@form]"/>
                    <xsl:if test="$passages">: <xsl:for-each select="$passages">
                        <xsl:if test="position() gt 1">, </xsl:if>
                        <a href="{current-grouping-key()}.html#{@passage}"
                          lang="{@lang}">“{@form}”</a></xsl:for-each></xsl:if></li>
                </xsl:for-each-group>
              </ul>
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

  <!-- The search page: $documents in date order, with their $titles and link texts ($labels). -->
  <xsl:template name="te:search-page" as="element(html)">
    <xsl:param name="documents" as="element(tei:TEI)*" required="yes"/>
    <xsl:param name="titles" as="map(xs:string, xs:string)" required="yes"/>
    <xsl:param name="labels" as="map(xs:string, xs:string)" required="yes"/>
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
        <!-- A JSON array of the entries, written as they are (joining them into one string
             first held the largest page in memory several times over). -->
        <script type="application/json" id="search-index">[<xsl:value-of select="te:search-index($documents, $titles, $labels)" separator=","/>]</script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The search index's entries: per document its id, label, title, metadata and,
       version by version, its language and the words of both views (from its summary),
       each as JSON (safe inside a script element). -->
  <xsl:function name="te:search-index" as="xs:string*">
    <xsl:param name="documents" as="element(tei:TEI)*"/>
    <xsl:param name="titles" as="map(xs:string, xs:string)"/>
    <xsl:param name="labels" as="map(xs:string, xs:string)"/>
    <xsl:for-each select="$documents">
      <xsl:variable name="id" as="xs:string" select="te:document-id(.)"/>
      <xsl:sequence select="serialize(map {
        'id': $id,
        'title': $titles($id),
        'label': $labels($id),
        'meta': normalize-space(string-join((te:names-of(., 'sent'), te:names-of(., 'received'),
                  .//tei:msDesc ! te:archival-reference(.), .//tei:textClass//tei:term, .//tei:abstract), ' ')),
        'versions': array { te:site/te:version ! map { 'lang': string(@lang), 'text': string(@text), 'written': string(@written) } }
      }, map { 'method': 'json' }) => replace('&lt;', '\\u003c')"/>
    </xsl:for-each>
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
