/**
 * BudMon: a desktop budget monitor for Claude Code. This package holds only {@link dev.budmon.Version};
 * the packages below it are named for what they hold (see the README's Layout table).
 */
package dev.budmon;
