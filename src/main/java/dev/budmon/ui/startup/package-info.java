/**
 * The window's start-up sequence ({@link dev.budmon.ui.startup.WindowStartup}): the config, the quota
 * files, the look and feel, then the window on the EDT. The place for any start-up or warm-up step, each
 * with a comment saying what it buys; a step stays only while BENCHMARKS.md shows it gaining at least 10 %
 * on a figure a user feels. Depends on {@code ui} (the application it starts), {@code config},
 * {@code source} and {@code i18n}; nothing depends on it but {@code cli}. Runs on the thread that starts the
 * window (not the EDT) and hands the window to the EDT.
 */
package dev.budmon.ui.startup;
