package dev.budmon.format;

/** What every format gives for a figure that is not known (a {@code null}, NaN or infinite value). */
public final class Unknown {

    /** Two hyphens, as in the Python original and the screenshots. */
    public static final String FIGURE = "--";

    private Unknown() {
    }
}
