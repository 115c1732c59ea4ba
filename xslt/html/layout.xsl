<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every page: head, banner with the site navigation and search box,
     footer with the licence; and the helpers that link into the site. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  exclude-result-prefixes="#all">

  <!-- The site's pages in the navigation: file, label. -->
  <xsl:variable name="te:site-pages" as="map(xs:string, xs:string)*" select="(
    map { 'file': 'index.html', 'label': 'Documents' },
    map { 'file': 'persons.html', 'label': 'Persons' },
    map { 'file': 'places.html', 'label': 'Places' },
    map { 'file': 'organisations.html', 'label': 'Organisations' },
    map { 'file': 'conventions.html', 'label': 'Conventions' },
    map { 'file': 'search.html', 'label': 'Search' })"/>

  <!-- Fills the main part of a page from its subject (a document's page: its TEI element). -->
  <xsl:mode name="te:page-main" on-no-match="fail" on-multiple-match="fail"/>

  <!-- A whole page: $title for the tab and heading, $current the file it is; the main part
       $content, or what mode te:page-main makes of $subject. The mode writes straight into
       the page, where nodes made first and passed in as $content are copied into it: for a
       document's text, copying costs Saxon as much as making the nodes did. -->
  <xsl:template name="te:page" as="element(html)">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="current" as="xs:string" required="yes"/>
    <xsl:param name="content" as="node()*" select="()"/>
    <xsl:param name="subject" as="node()?" select="()"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <!-- Style rules of this page alone (the text switch of a document with witnesses). -->
    <xsl:param name="style" as="xs:string?" select="()"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title} · {$edition-title}</title>
        <link rel="stylesheet" href="assets/edition.css"/>
        <xsl:if test="$style">
          <style>{$style}</style>
        </xsl:if>
        <script src="assets/edition.js" defer=""></script>
        <xsl:for-each select="$scripts">
          <script src="assets/{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="banner">
          <p class="site-title"><a href="index.html">{$edition-title}</a></p>
          <nav aria-label="Edition">
            <ul>
              <xsl:for-each select="$te:site-pages">
                <li>
                  <a href="{?file}">
                    <xsl:if test="?file eq $current">
                      <xsl:attribute name="aria-current" select="'page'"/>
                    </xsl:if>
                    <xsl:sequence select="?label"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
          <form class="quick-search" action="search.html" method="get" role="search">
            <label for="quick-q" class="visually-hidden">Search the edition</label>
            <input type="search" id="quick-q" name="q" placeholder="Search the edition"/>
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="main">
          <xsl:sequence select="$content"/>
          <xsl:apply-templates select="$subject" mode="te:page-main"/>
        </main>
        <footer class="site-footer">
          <p>{$edition-title}<xsl:if test="$edition-subtitle">. {$edition-subtitle}</xsl:if>.
            <xsl:if test="exists($edition-editors)"> Edited by {string-join($edition-editors, ', ')}.</xsl:if>
            <xsl:if test="$edition-publisher"> Published by {$edition-publisher}<xsl:if test="$edition-date">, {$edition-date}</xsl:if>.</xsl:if>
            <xsl:if test="$edition-licence"> Licence: <a href="{$edition-licence-url}" rel="license">{$edition-licence}</a>.</xsl:if></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The page of a register entry or document a @ref points at ("persons.xml#stalin"
       → "persons.html#stalin"), or nothing when the registers lack it. Cached: a page
       names the same few people and places again and again. -->
  <xsl:function name="te:register-href" as="xs:string?" cache="yes">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="entry" as="element()?" select="te:register-entry($ref, $registers)"/>
    <xsl:sequence select="$entry ! (te:register-page(.) || '#' || @xml:id)"/>
  </xsl:function>

  <!-- The register page an entry is listed on. -->
  <xsl:function name="te:register-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person) then 'persons.html'
      else if ($entry/self::tei:place) then 'places.html' else 'organisations.html'"/>
  </xsl:function>

  <!-- A name linked to its register entry when the registers have it. -->
  <xsl:function name="te:linked-name" as="node()">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="href" as="xs:string?" select="te:register-href($name/@ref)"/>
    <xsl:choose>
      <xsl:when test="$href">
        <a href="{$href}">{te:shown-name($name)}</a>
      </xsl:when>
      <xsl:otherwise>
        <span>{te:shown-name($name)}</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A name as metadata shows it: the register's preferred form, else as written. -->
  <xsl:function name="te:shown-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="(te:register-name($name/@ref), te:words($name))[1]"/>
  </xsl:function>

  <!-- The preferred name of the register entry a @ref points at, if the registers have it
       (cached, as te:register-href). -->
  <xsl:function name="te:register-name" as="xs:string?" cache="yes">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="te:register-entry($ref, $registers) ! te:preferred-name(.)"/>
  </xsl:function>


</xsl:stylesheet>
