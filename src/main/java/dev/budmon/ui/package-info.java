/**
 * The dashboard window: the application ({@link dev.budmon.ui.DashboardApp}) that turns states, config and
 * the clock into views and shows them, what its menus do, the frame with its panels, and its dialogs. The
 * start-up sequence is in {@code ui.startup}, the view model in {@code ui.view}, the painted widgets in
 * {@code ui.widget}, the look in {@code ui.theme}.
 *
 * <p>Depends on the core ({@code model}, {@code calc}, {@code config}, {@code format}, {@code i18n}), on the
 * readers ({@code source}, {@code watch}), on {@code help} and {@code threads}; never on {@code cli},
 * {@code setup} or {@code statusline} (the first-run dialog's setup comes in as a {@link
 * dev.budmon.ui.SetupRunner}). Swing objects are touched on the EDT only; files are read and written on the
 * watcher's thread and on one I/O thread, never on the EDT.
 */
package dev.budmon.ui;
