/**
 * The dashboard's custom-painted components — quota bar, countdown ring, heartbeat dot, cache sparkline, the
 * 24-hour quota trail, the quota history chart —
 * each showing one immutable model record through {@link dev.budmon.ui.widget.ModelWidget}, which ignores an
 * equal model and repaints on a new one. Depends on {@code ui.theme} for colours and on FlatLaf's
 * {@code UIScale} for sizes; nothing else of BudMon. The components are EDT only; their model records are
 * immutable and may be built on any thread.
 */
package dev.budmon.ui.widget;
