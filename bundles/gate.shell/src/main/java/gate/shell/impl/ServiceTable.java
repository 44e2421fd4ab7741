package gate.shell.impl;

import java.util.List;

/**
 * The result of {@code gate:services}. Its {@link #toString()} is the formatted table, so the
 * shell prints something readable even where no converter formats it.
 */
public record ServiceTable(List<ServiceRow> rows) {
    public ServiceTable {
        rows = List.copyOf(rows);
    }

    @Override
    public String toString() {
        return TableFormatter.format(this);
    }
}
