/**
 * The user guide shown by Help › User Guide: {@link dev.budmon.help.HelpPages} reads
 * {@code help/help_<language>.md} from the jar, {@link dev.budmon.help.MarkdownHtml} turns the guide's small
 * Markdown subset into HTML, and {@link dev.budmon.help.HelpStyle} styles it for Swing's HTML editor kit.
 * Depends on no other BudMon package. Reading and converting run on any thread but the EDT (a resource is
 * read); the editor kit is for the EDT.
 */
package dev.budmon.help;
