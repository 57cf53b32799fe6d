/**
 * BudMon: a desktop budget monitor for Claude Code. This package holds what every other package may use:
 * {@link dev.budmon.Version}, {@link dev.budmon.Os} and {@link dev.budmon.DaemonThreads}. The packages below it
 * are named for what they hold (see the README's Layout table).
 */
package dev.budmon;
