package io.github.migrationtest.assertions.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two short texts (view and function definitions): unchanged lines start with two spaces,
 * removed ones with {@code - }, added ones with {@code + }; runs of more than {@value #CONTEXT} unchanged lines
 * away from a change are cut to {@code ...}.
 */
final class LineDiff {

    static final int CONTEXT = 2;

    private LineDiff() {
    }

    static String render(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                lines.add("  " + before.get(i));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + before.get(i));
                i++;
            } else {
                lines.add("+ " + after.get(j));
                j++;
            }
        }
        return withContext(lines);
    }

    private static String withContext(List<String> lines) {
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                text.append(lines.get(k).stripTrailing()).append('\n');
                skipped = false;
            } else if (!skipped) {
                text.append("  ...\n");
                skipped = true;
            }
        }
        return text.toString().stripTrailing();
    }
}
