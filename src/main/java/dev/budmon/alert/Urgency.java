package dev.budmon.alert;

/** How urgent a notification is, as the freedesktop notification specification grades it. */
public enum Urgency {
    /** News that needs no action (a quota is back). */
    LOW,
    /** Worth a look (a warning threshold, no quota figures). */
    NORMAL,
    /** Act now (the alarm threshold, the quota runs out soon, requests refused). */
    CRITICAL;

    /** The value of the specification's {@code urgency} hint: 0, 1 or 2. */
    public byte hint() {
        return (byte) ordinal();
    }
}
