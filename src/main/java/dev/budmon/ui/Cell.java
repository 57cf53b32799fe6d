package dev.budmon.ui;

import com.formdev.flatlaf.util.UIScale;

import java.awt.GridBagConstraints;
import java.awt.Insets;

/** Grid-bag constraints written as one readable expression: {@code Cell.at(0, 1).span(2).fillX()}. */
final class Cell extends GridBagConstraints {

    private Cell(int x, int y) {
        gridx = x;
        gridy = y;
        anchor = LINE_START;
        insets = new Insets(0, 0, 0, 0);
    }

    static Cell at(int x, int y) {
        return new Cell(x, y);
    }

    Cell span(int columns) {
        gridwidth = columns;
        return this;
    }

    Cell spanRows(int rows) {
        gridheight = rows;
        return this;
    }

    /** Stretch horizontally and take spare width. */
    Cell fillX() {
        fill = HORIZONTAL;
        weightx = 1;
        return this;
    }

    /** Stretch both ways and take spare width and height. */
    Cell fillBoth() {
        fill = BOTH;
        weightx = 1;
        weighty = 1;
        return this;
    }

    /** Take spare width without stretching. */
    Cell grow() {
        weightx = 1;
        return this;
    }

    /** Take spare height. */
    Cell weightY() {
        weighty = 1;
        return this;
    }

    Cell end() {
        anchor = LINE_END;
        return this;
    }

    Cell top() {
        anchor = FIRST_LINE_START;
        return this;
    }

    Cell topEnd() {
        anchor = FIRST_LINE_END;
        return this;
    }

    Cell baseline() {
        anchor = BASELINE_LEADING;
        return this;
    }

    /** Gaps in unscaled pixels; scaled here for the current UI scale. */
    Cell gap(int top, int left, int bottom, int right) {
        insets = new Insets(UIScale.scale(top), UIScale.scale(left), UIScale.scale(bottom), UIScale.scale(right));
        return this;
    }
}
