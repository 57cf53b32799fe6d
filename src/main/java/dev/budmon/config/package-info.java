/**
 * {@code budmon.ini}: the one INI module. {@link dev.budmon.config.ConfigParser} reads the text with ini4j's
 * parser and turns it into a {@link dev.budmon.config.BudmonConfig} with a warning per value it cannot use;
 * {@link dev.budmon.config.IniDocument} keeps the file's lines as written so that a save from the Settings menu
 * changes one value and keeps every comment, key order and line ending; {@link dev.budmon.config.ConfigStore}
 * reads and saves the file.
 *
 * <p>Depends on model, files and ini4j. Parsing is pure and runs on any thread; {@code ConfigStore} does file
 * I/O and never runs on the EDT (but {@code current()}).
 */
package dev.budmon.config;
