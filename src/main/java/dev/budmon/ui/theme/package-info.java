/**
 * BudMon's look: {@link dev.budmon.ui.theme.BudmonTheme} installs FlatDarkLaf with the palette and fonts of
 * {@code FlatDarkLaf.properties} in this package and names its keys; {@link dev.budmon.ui.theme.Tone} is the
 * colour role a view gives a text. Depends on FlatLaf only. Install the theme once, before any component
 * exists (on the thread that starts the window); colours and fonts are read while building and painting, on
 * the EDT.
 */
package dev.budmon.ui.theme;
