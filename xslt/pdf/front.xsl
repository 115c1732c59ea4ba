<?xml version="1.0" encoding="UTF-8"?>
<!-- The printed edition's front matter: title page, table of contents with page
     numbers (CSS target-counter), and the editorial conventions, whose examples go
     through the same views and print rules as the documents. -->
<xsl:stylesheet version="3.0" expand-text="yes"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://tei-edition.example/ns"
  xmlns:pdf="https://tei-edition.example/ns/pdf"
  exclude-result-prefixes="#all">

  <!-- The title page: title, subtitle, editors, imprint and licence. -->
  <xsl:template name="pdf:title-page" as="element(section)">
    <section class="title-page">
      <!-- A title in two parts (main: sub) breaks after its colon. -->
      <h1>
        <xsl:variable name="parts" as="xs:string+" select="tokenize($edition-title, ':\s+')"/>
        <xsl:for-each select="$parts">
          <span class="title-part">{. || (if (position() lt last()) then ':' else '')}</span>
          <xsl:if test="position() lt last()">
            <xsl:text> </xsl:text>
          </xsl:if>
        </xsl:for-each>
      </h1>
      <xsl:if test="$edition-subtitle">
        <p class="subtitle">{$edition-subtitle}</p>
      </xsl:if>
      <xsl:if test="exists($edition-editors)">
        <p class="editors-label">edited by</p>
        <p class="editors">{string-join($edition-editors, ', ')}</p>
      </xsl:if>
      <div class="imprint">
        <p>{string-join(($edition-publisher, $edition-date)[normalize-space()], ', ')}</p>
        <xsl:if test="$edition-licence">
          <p class="licence">Published under the licence {$edition-licence}<xsl:if
            test="$edition-licence-url"> (<a href="{$edition-licence-url}">{$edition-licence-url}</a>)</xsl:if>.</p>
        </xsl:if>
      </div>
    </section>
  </xsl:template>

  <!-- The table of contents: the conventions, every document, the registers. -->
  <xsl:template name="pdf:contents" as="element(nav)">
    <xsl:param name="views" as="document-node()*" required="yes"/>
    <nav class="toc front" id="contents">
      <h1>Contents</h1>
      <ol>
        <li><a href="#conventions">Editorial conventions</a></li>
        <li class="part">Documents</li>
        <xsl:for-each select="$views/tei:TEI">
          <li>
            <a href="#{pdf:chapter-id(.)}"><span class="toc-number">{position()}.</span>
              <span class="toc-date">{pdf:document-date(.)}</span>. {pdf:document-title(.)}</a>
          </li>
        </xsl:for-each>
        <li class="part">Registers</li>
        <li><a href="#register-persons">Persons</a></li>
        <li><a href="#register-places">Places</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- How the documents are printed: in the view the edition was made in. -->
  <xsl:template match=".[. eq 'reading']" mode="pdf:view-statement" as="element(p)">
    <p>Each document is printed in the reading view: words added by hand stand in
      the text, deleted words are left out, errors and garbled readings of the
      source are corrected, abbreviations expanded. Every such change is told in a
      <em>textual note</em>, lettered <i>a</i>, <i>b</i>, <i>c</i> … in italics at
      the foot of the page. The notes of the translator and of the editor of the
      source are <em>explanatory notes</em>, numbered 1, 2, 3 … Each series starts
      again with each document.</p>
  </xsl:template>

  <xsl:template match=".[. eq 'diplomatic']" mode="pdf:view-statement" as="element(p)">
    <p>Each document is printed in the diplomatic view, as the source is written:
      words added by hand stand raised above the line, deleted words are struck
      through, errors (marked <i>[sic]</i>), garbled readings and abbreviations are
      left as they are. Where the hand or the place of a change is known it is told
      in a <em>textual note</em>, lettered <i>a</i>, <i>b</i>, <i>c</i> … in italics
      at the foot of the page. The notes of the translator and of the editor of the
      source are <em>explanatory notes</em>, numbered 1, 2, 3 … Each series starts
      again with each document.</p>
  </xsl:template>

  <!-- The editorial conventions: how to read the notes, then every sign of the
       conventions table with its example printed in both views. -->
  <xsl:template name="pdf:conventions" as="element(section)">
    <section class="conventions front" id="conventions">
      <h1>Editorial conventions</h1>
      <xsl:apply-templates select="$view" mode="pdf:view-statement"/>
      <p>Where a document survives in more than one version (a translation and a
        transcription of the original), the versions follow one another, each in its
        own language.</p>
      <p>Where a text comes down in several witnesses (named with their sigla A, B, C …
        among the document's sources), it is printed as one of them reads, and the
        readings of the others make the <em>critical apparatus</em>, a third series at
        the foot of the page after the notes, marked α, β, γ …: each entry gives the
        words of the text, a square bracket, then the other reading and the sigla of
        the witnesses that have it (<i>om.</i> where a witness has nothing). Minor
        variants say so after the entry: <i>punctuation</i>, <i>case</i>,
        <i>word division</i>.</p>
      <p>The signs of the source texts are printed as follows; each example is shown
        as read and, in the diplomatic view, as written.</p>
      <dl>
        <xsl:for-each select="$te:conventions">
          <dt>{te:label}</dt>
          <dd>
            <p class="noindent">In the source: {te:source}</p>
            <p class="noindent">Read: <xsl:sequence select="pdf:example(te:example/tei:p, 'reading')"/></p>
            <p class="noindent">As written: <xsl:sequence select="pdf:example(te:example/tei:p, 'diplomatic')"/></p>
          </dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- A conventions example in one view, printed as the documents are. -->
  <xsl:function name="pdf:example" as="node()*">
    <xsl:param name="example" as="element(tei:p)"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="viewed" as="element(tei:p)" select="pdf:in-view($example, $view)"/>
    <xsl:apply-templates select="$viewed/node()" mode="pdf:text"/>
  </xsl:function>

</xsl:stylesheet>
