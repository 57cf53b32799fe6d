/**
 * The dashboard's view model: immutable records holding every text already formatted and translated, and
 * every colour as a {@link dev.budmon.ui.theme.Tone}. Pure builders make a {@link dev.budmon.ui.view.DashboardView}
 * from (state, now, config, messages); the window only lays it out and paints it. Depends on {@code calc},
 * {@code config}, {@code format}, {@code i18n}, {@code model} and on the model records of {@code ui.widget}
 * and {@code ui.theme}; no Swing component, no file. All records are safe to build on any thread and to hand
 * to the EDT.
 */
package dev.budmon.ui.view;
