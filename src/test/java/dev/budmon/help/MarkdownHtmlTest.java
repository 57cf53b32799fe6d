package dev.budmon.help;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownHtmlTest {

    private static String html(String md) {
        return MarkdownHtml.render(md);
    }

    @Test
    void headingsOfEveryLevelCarryAnAnchor() {
        assertThat(html("# Title")).isEqualTo("<h1><a name=\"title\">Title</a></h1>\n");
        assertThat(html("###### Six")).isEqualTo("<h6><a name=\"six\">Six</a></h6>\n");
        assertThat(html("## Closed ##")).isEqualTo("<h2><a name=\"closed\">Closed</a></h2>\n");
        assertThat(html("   ### Indented")).startsWith("<h3>");
        assertThat(html("## Levels and `colours`")).isEqualTo(
                "<h2><a name=\"levels-and-colours\">Levels and <code>colours</code></a></h2>\n");
    }

    @Test
    void repeatedHeadingsGetDistinctAnchorsAndPunctuationIsDropped() {
        assertThat(html("## budmon.ini\n## Menüs\n## Menüs")).isEqualTo(
                "<h2><a name=\"budmonini\">budmon.ini</a></h2>\n"
                        + "<h2><a name=\"menüs\">Menüs</a></h2>\n"
                        + "<h2><a name=\"menüs-1\">Menüs</a></h2>\n");
    }

    @Test
    void notHeadings() {
        assertThat(html("#hashtag")).isEqualTo("<p>#hashtag</p>\n");
        assertThat(html("####### seven")).isEqualTo("<p>####### seven</p>\n");
        assertThat(html("\\# escaped")).isEqualTo("<p># escaped</p>\n");
    }

    @Test
    void paragraphsAreSeparatedByBlankLinesAndJoinLines() {
        assertThat(html("one\ntwo\n\nthree")).isEqualTo("<p>one\ntwo</p>\n<p>three</p>\n");
        assertThat(html("hard  \nbreak")).isEqualTo("<p>hard<br>\nbreak</p>\n");
        assertThat(html("\n\n  \n")).isEmpty();
        assertThat(html("windows\r\nline\rends")).isEqualTo("<p>windows\nline\nends</p>\n");
        assertThat(html("nul\u0000char")).isEqualTo("<p>nul\uFFFDchar</p>\n");
        assertThat(html("**strong across\nlines** and `code\nspan`")).isEqualTo(
                "<p><strong>strong across\nlines</strong> and <code>code span</code></p>\n");
    }

    @Test
    void emphasisAndStrong() {
        assertThat(html("*a* _b_ **c** __d__")).isEqualTo(
                "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>\n");
        assertThat(html("**bold with *em* inside**")).isEqualTo(
                "<p><strong>bold with <em>em</em> inside</strong></p>\n");
        assertThat(html("*em with **bold** inside*")).isEqualTo(
                "<p><em>em with <strong>bold</strong> inside</em></p>\n");
        assertThat(html("***both***")).isEqualTo("<p><strong><em>both</em></strong></p>\n");
    }

    @Test
    void delimitersThatAreNotEmphasisStayText() {
        assertThat(html("refresh_ms and cache_write_5m")).isEqualTo("<p>refresh_ms and cache_write_5m</p>\n");
        assertThat(html("2 * 3 * 4")).isEqualTo("<p>2 * 3 * 4</p>\n");
        assertThat(html("**unclosed")).isEqualTo("<p>**unclosed</p>\n");
        assertThat(html("\\*literal\\*")).isEqualTo("<p>*literal*</p>\n");
        assertThat(html("snake_case_name")).isEqualTo("<p>snake_case_name</p>\n");
    }

    @Test
    void inlineCodeIsEscapedAndNotFormatted() {
        assertThat(html("run `budmon --json` now")).isEqualTo("<p>run <code>budmon --json</code> now</p>\n");
        assertThat(html("`a <b> & **c**`")).isEqualTo("<p><code>a &lt;b&gt; &amp; **c**</code></p>\n");
        assertThat(html("`` a ` b ``")).isEqualTo("<p><code>a ` b</code></p>\n");
        assertThat(html("`unclosed")).isEqualTo("<p>`unclosed</p>\n");
        assertThat(html("*a `*` b*")).isEqualTo("<p><em>a <code>*</code> b</em></p>\n");
    }

    @Test
    void textIsEscaped() {
        assertThat(html("a < b && c > d \"q\"")).isEqualTo("<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot;</p>\n");
        assertThat(html("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        assertThat(html("&amp; stays visible")).isEqualTo("<p>&amp;amp; stays visible</p>\n");
        assertThat(html("# <b>head</b>")).contains("&lt;b&gt;head&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void fencedCodeBlocksKeepTheirContentVerbatim() {
        String md = "```sh\n  indented <tag> & **not bold**\n# not a heading\n| a | b |\n|---|---|\n\n- not a list\n```\nafter";
        assertThat(html(md)).isEqualTo("<pre>  indented &lt;tag&gt; &amp; **not bold**\n# not a heading\n"
                + "| a | b |\n|---|---|\n\n- not a list</pre>\n<p>after</p>\n");
        assertThat(html("~~~\nx\n~~~")).isEqualTo("<pre>x</pre>\n");
        assertThat(html("````\n```\n````")).isEqualTo("<pre>```</pre>\n");
        assertThat(html("```\nunclosed\nstill code")).isEqualTo("<pre>unclosed\nstill code</pre>\n");
        assertThat(html("  ```\n  two\n    four\n  ```")).isEqualTo("<pre>two\n  four</pre>\n");
    }

    @Test
    void bulletLists() {
        assertThat(html("- one\n- two\n* star")).isEqualTo(
                "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ul>\n<li>star</li>\n</ul>\n");
        assertThat(html("- first line\n  continued\nlazy")).isEqualTo(
                "<ul>\n<li>first line\ncontinued\nlazy</li>\n</ul>\n");
        assertThat(html("text\n- interrupts")).isEqualTo("<p>text</p>\n<ul>\n<li>interrupts</li>\n</ul>\n");
        assertThat(html("- **bold** `code`")).isEqualTo(
                "<ul>\n<li><strong>bold</strong> <code>code</code></li>\n</ul>\n");
    }

    @Test
    void looseListsWrapParagraphs() {
        assertThat(html("- one\n\n- two")).isEqualTo("<ul>\n<li><p>one</p></li>\n<li><p>two</p></li>\n</ul>\n");
        assertThat(html("- one\n\n  more\n- two")).isEqualTo(
                "<ul>\n<li><p>one</p>\n<p>more</p></li>\n<li><p>two</p></li>\n</ul>\n");
    }

    @Test
    void nestedLists() {
        assertThat(html("- a\n  - a1\n  - a2\n- b")).isEqualTo(
                "<ul>\n<li>a\n<ul>\n<li>a1</li>\n<li>a2</li>\n</ul></li>\n<li>b</li>\n</ul>\n");
        assertThat(html("1. a\n   - x\n2. b")).isEqualTo(
                "<ol>\n<li>a\n<ul>\n<li>x</li>\n</ul></li>\n<li>b</li>\n</ol>\n");
    }

    @Test
    void numberedLists() {
        assertThat(html("1. one\n2. two")).isEqualTo("<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n");
        assertThat(html("3) three\n4) four")).isEqualTo("<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n");
        // Only a list starting at 1 interrupts a paragraph, so a year in running text stays text.
        assertThat(html("In\n2026. was a year")).isEqualTo("<p>In\n2026. was a year</p>\n");
    }

    @Test
    void tablesWithAlignmentInlineMarkupAndEscapedPipes() {
        String md = "| Key | Default | Note |\n|:---|:---:|---:|\n| `a|b` | **x** | 1 \\| 2 |\n| short |";
        assertThat(html(md)).isEqualTo("<table border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n"
                + "<tr><th align=\"left\">Key</th><th align=\"center\">Default</th><th align=\"right\">Note</th></tr>\n"
                + "<tr><td align=\"left\" valign=\"top\"><code>a|b</code></td>"
                + "<td align=\"center\" valign=\"top\"><strong>x</strong></td>"
                + "<td align=\"right\" valign=\"top\">1 | 2</td></tr>\n"
                + "<tr><td align=\"left\" valign=\"top\">short</td><td align=\"center\" valign=\"top\"></td>"
                + "<td align=\"right\" valign=\"top\"></td></tr>\n"
                + "</table>\n");
    }

    @Test
    void aTableEndsAtABlankLineAndNeedsItsDelimiterRow() {
        assertThat(html("a | b\n--- | ---\n1 | 2\n\nafter")).isEqualTo(
                "<table border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n"
                        + "<tr><th align=\"left\">a</th><th align=\"left\">b</th></tr>\n"
                        + "<tr><td align=\"left\" valign=\"top\">1</td><td align=\"left\" valign=\"top\">2</td></tr>\n"
                        + "</table>\n<p>after</p>\n");
        assertThat(html("a | b\nno delimiter")).isEqualTo("<p>a | b\nno delimiter</p>\n");
        assertThat(html("text\n| a | b |\n|---|---|")).startsWith("<p>text</p>\n<table");
    }

    @Test
    void links() {
        assertThat(html("see [the guide](https://example.org/a?b=1&c=2)")).isEqualTo(
                "<p>see <a href=\"https://example.org/a?b=1&amp;c=2\">the guide</a></p>\n");
        assertThat(html("[**bold** link](#levels \"title\")")).isEqualTo(
                "<p><a href=\"#levels\"><strong>bold</strong> link</a></p>\n");
        assertThat(html("<https://budmon.dev>")).isEqualTo(
                "<p><a href=\"https://budmon.dev\">https://budmon.dev</a></p>\n");
        assertThat(html("[not a link] and [x]")).isEqualTo("<p>[not a link] and [x]</p>\n");
        assertThat(html("[q](\"><script>)")).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void horizontalRulesAndNotRules() {
        assertThat(html("---")).isEqualTo("<hr>\n");
        assertThat(html("* * *")).isEqualTo("<hr>\n");
        assertThat(html("___")).isEqualTo("<hr>\n");
        assertThat(html("a\n\n---\n\nb")).isEqualTo("<p>a</p>\n<hr>\n<p>b</p>\n");
        assertThat(html("--")).isEqualTo("<p>--</p>\n");
    }

    @Test
    void blockQuotes() {
        assertThat(html("> quoted **text**\n> more")).isEqualTo(
                "<blockquote>\n<p>quoted <strong>text</strong>\nmore</p>\n</blockquote>\n");
        assertThat(html("a > b")).isEqualTo("<p>a &gt; b</p>\n");
    }

    @Test
    void documentWrapsTheBody() {
        assertThat(MarkdownHtml.document("x")).isEqualTo("<html><head></head><body>\n<p>x</p>\n</body></html>\n");
        assertThat(MarkdownHtml.render(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theUserGuideRendersWithoutLeftoverMarkdown(String language) {
        String md = HelpPages.load(language);
        String html = MarkdownHtml.render(md);
        assertThat(html).contains("<h1>", "<h2>", "<h3>", "<table", "<ul>", "<pre>", "<code>", "<strong>",
                "<a href=\"#");
        String text = html.replaceAll("(?s)<pre>.*?</pre>", "").replaceAll("<code>[^<]*</code>", "CODE");
        String visible = text.replaceAll("<[^>]+>", "");
        assertThat(visible).doesNotContain("**").doesNotContain("__").doesNotContain("`")
                .doesNotContain("](").doesNotContain("|---").doesNotContain("---|").doesNotContain("| ");
        for (String line : visible.split("\n")) {
            assertThat(line).as("line of %s", language).doesNotStartWith("#").doesNotStartWith("- ")
                    .doesNotStartWith("* ").doesNotStartWith("> ").doesNotStartWith("```");
        }
        // Every in-page link points at a heading.
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            assertThat(html).as("anchor %s", links.group(1)).contains("<a name=\"" + links.group(1) + "\">");
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(7);
    }
}
