package dev.dlfs.model;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import java.util.ArrayList;
import java.util.List;

/** The table {@link Network#summary()} prints: layer, type, output shape, parameters. */
final class NetworkSummary {
    private NetworkSummary() {
    }

    static String of(Network net) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "type", "output shape", "parameters"});
        rows.add(new String[] {"input", "", Shapes.format(net.inputShape()), "0"});
        for (NamedLayer l : net.layers()) {
            long count = 0;
            for (Parameter p : l.layer().parameters()) {
                count += p.value().size();
            }
            rows.add(new String[] {l.name(), l.type(), Shapes.format(l.outputShape()), grouped(count)});
        }
        rows.add(new String[] {"loss", net.config().loss().type(), "()", "0"});
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < 4; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            sb.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %" + width[3]
                    + "s%n", (Object[]) r));
            if (i == 0) {
                sb.append("-".repeat(width[0] + width[1] + width[2] + width[3] + 6)).append(System.lineSeparator());
            }
        }
        sb.append("total: ").append(grouped(net.parameterCount())).append(" parameters (").append(net.dtype())
                .append(')').append(System.lineSeparator());
        return sb.toString();
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
