/**
 * Turning changes of files into new states: {@link dev.budmon.watch.ClaudeDirWatcher} watches the Claude
 * directories and their transcript folders (debounced, with a safety-net poll that walks every transcript
 * only now and then) and {@link dev.budmon.watch.LiveState} feeds a {@code StateReader} with it and hands
 * each changed state to a listener; {@link dev.budmon.watch.HistoryFeed} adds the quota history's figures on
 * the same thread. Depends on {@code source}, {@code model}, {@code threads} and, for the history figures, on
 * {@code history}, {@code quotacost}, {@code calc} and {@code config}; nothing of Swing. Runs on daemon threads of its own ({@code budmon-watch} takes the events, {@code budmon-refresh}
 * reads); listeners are called there and pass states on to the EDT themselves.
 */
package dev.budmon.watch;
