/**
 * The figures derived from a state: burn rate, expiry, reserve, levels, the overall status
 * ({@link dev.budmon.calc.Calculator}, {@link dev.budmon.calc.QuotaForecast}), the pace now from the quota
 * history and the window that binds first ({@link dev.budmon.calc.Pace}, {@link dev.budmon.calc.BindingLimit})
 * and prices ({@link dev.budmon.calc.PriceTable}, {@link dev.budmon.calc.Pricing}).
 *
 * <p>Pure functions of (state, now, config): no file access, no clock reads. Depends on model, config and
 * json (the bundled price table). Any thread.
 */
package dev.budmon.calc;
