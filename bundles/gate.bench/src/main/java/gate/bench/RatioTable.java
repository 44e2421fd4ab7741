package gate.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The summary of a side-by-side run as a Markdown table: per file, every engine's median and its
 * ratio to the baseline (the first engine), then each Gate engine against each other peer (below
 * 1: the Gate engine is faster); a row of geometric means and a row with the largest ratio to the
 * baseline. A cell is {@code -} where an engine failed on that file.
 */
final class RatioTable {
    private final List<String> engines;
    private final Set<String> gateEngines;
    /** file -> engine -> median ms, files in report order. */
    private final Map<String, Map<String, Double>> medians = new LinkedHashMap<>();

    RatioTable(List<String> engines, Set<String> gateEngines) {
        this.engines = List.copyOf(engines);
        this.gateEngines = Set.copyOf(gateEngines);
    }

    void add(Measurement m) {
        medians.computeIfAbsent(kernel(m.file()), k -> new HashMap<>()).put(m.engine(), m.medianMs());
    }

    /** {@code dir/fib.wasm} -> {@code fib}. */
    private static String kernel(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".wasm") ? name.substring(0, name.length() - 5) : name;
    }

    /** A ratio column: numerator engine over denominator engine. */
    private record Ratio(String over, String under) {
        String title() {
            return over + "/" + under;
        }
    }

    String render() {
        String baseline = engines.get(0);
        List<Object> columns = new ArrayList<>(); // engine names (median columns) and Ratios
        for (String e : engines) {
            columns.add(e);
            if (!e.equals(baseline)) {
                columns.add(new Ratio(e, baseline));
            }
        }
        for (String g : engines) {
            for (String peer : engines) {
                if (gateEngines.contains(g) && !gateEngines.contains(peer) && !peer.equals(baseline)) {
                    columns.add(new Ratio(g, peer));
                }
            }
        }
        StringBuilder out = new StringBuilder("| kernel |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Object c : columns) {
            out.append(' ').append(c instanceof Ratio r ? r.title() : c + " ms").append(" |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        Map<Ratio, double[]> logs = new HashMap<>(); // sum of logs, count
        Map<Ratio, String> largest = new HashMap<>();
        Map<Ratio, Double> largestValue = new HashMap<>();
        for (var file : medians.entrySet()) {
            out.append("| ").append(file.getKey()).append(" |");
            for (Object c : columns) {
                String cell = "-";
                if (c instanceof Ratio r) {
                    Double a = file.getValue().get(r.over());
                    Double b = file.getValue().get(r.under());
                    if (a != null && b != null && b > 0 && a > 0) {
                        double ratio = a / b;
                        cell = format(ratio);
                        double[] acc = logs.computeIfAbsent(r, k -> new double[2]);
                        acc[0] += Math.log(ratio);
                        acc[1]++;
                        if (ratio > largestValue.getOrDefault(r, 0.0)) {
                            largestValue.put(r, ratio);
                            largest.put(r, file.getKey());
                        }
                    }
                } else if (file.getValue().get((String) c) != null) {
                    cell = String.format(Locale.ROOT, "%.1f", file.getValue().get((String) c));
                }
                out.append(' ').append(cell).append(" |");
            }
            out.append('\n');
        }
        out.append("| geometric mean |");
        for (Object c : columns) {
            double[] acc = c instanceof Ratio r ? logs.get(r) : null;
            out.append(' ').append(acc == null ? "" : format(Math.exp(acc[0] / acc[1]))).append(" |");
        }
        out.append("\n| largest |");
        for (Object c : columns) {
            String cell = "";
            if (c instanceof Ratio r && largest.containsKey(r)) {
                cell = format(largestValue.get(r)) + " (" + largest.get(r) + ")";
            }
            out.append(' ').append(cell).append(" |");
        }
        return out.append('\n').toString();
    }

    private static String format(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
