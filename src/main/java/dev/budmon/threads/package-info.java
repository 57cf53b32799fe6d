/**
 * BudMon's thread rules made checkable: {@link dev.budmon.threads.ThreadCheck}, which file readers and
 * writers call before their I/O and the window's repaint manager calls when a component changes, and which
 * reports a breach only in debug mode ({@code -Dbudmon.checkThreads=true}). Depends on nothing of BudMon, so
 * that every layer may use it; loads no AWT class unless the check is on. Any thread.
 */
package dev.budmon.threads;
