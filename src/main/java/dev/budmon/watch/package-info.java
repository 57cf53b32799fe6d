/**
 * Turning changes of files into new states: {@link dev.budmon.watch.ClaudeDirWatcher} watches the Claude
 * directories and their transcript folders (debounced, with a safety-net poll that walks every transcript
 * only now and then) and {@link dev.budmon.watch.LiveState} feeds a {@code StateReader} with it and hands
 * each changed state to a listener. Depends on {@code source}, {@code model} and {@code threads}; nothing of
 * Swing. Runs on daemon threads of its own ({@code budmon-watch} takes the events, {@code budmon-refresh}
 * reads); listeners are called there and pass states on to the EDT themselves.
 */
package dev.budmon.watch;
