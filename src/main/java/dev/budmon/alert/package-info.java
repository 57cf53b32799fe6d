/**
 * Alerts before the limit: the pure {@link dev.budmon.alert.AlertEngine}, a function of (previous alert state,
 * new readings, now, config) to (alerts, next state); the readings it is given ({@link dev.budmon.alert.AlertInput},
 * made from the calculator's figures by {@link dev.budmon.alert.AlertInputs}); the texts of the notifications
 * ({@link dev.budmon.alert.AlertTexts}); and the one class that touches a file, {@link dev.budmon.alert.AlertStateStore},
 * which keeps the state across restarts so that no alert is shown twice.
 *
 * <p>Depends on model, calc, config, format and i18n; delivery is the business of {@code dev.budmon.notify}.
 */
package dev.budmon.alert;
