package io.github.migrationtest.assertions.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Prints a schema tree as the canonical text and parses it back.
 *
 * <pre>
 * table public.users
 *   comment: people who sign in
 *   column id
 *     type: bigint
 *     not null
 *     identity: always
 *   index users_email_key
 *     definition: CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)
 *
 * view public.active_users
 *   definition:
 *      SELECT users.id
 *        FROM users;
 * </pre>
 *
 * An object is a line {@code kind name}; its attributes follow, indented by two spaces, as {@code key: value},
 * a bare key for a flag, or {@code key:} followed by a block of lines indented two more spaces. Children
 * (columns, constraints, indexes, triggers) are indented like attributes and carry their own. Objects at the
 * top are separated by a blank line; lines starting with {@code --} at the left margin are comments.
 */
public final class CanonicalText {

    /** The first line of every canonical text. */
    public static final String HEADER = "-- migrationtest schema snapshot, format 1."
            + " Rewrite with -Dmigrationtest.update-snapshots=true";

    private CanonicalText() {
    }

    /** The canonical text of a tree, ending with a newline. */
    public static String render(List<Node> roots) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Node root : roots) {
            text.append('\n');
            render(root, 0, text);
        }
        return text.toString();
    }

    private static void render(Node node, int indent, StringBuilder text) {
        text.append(" ".repeat(indent)).append(node.kind()).append(' ').append(node.name()).append('\n');
        String pad = " ".repeat(indent + 2);
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            if (Node.isFlag(key) && value.equals(Node.TRUE)) {
                text.append(pad).append(key).append('\n');
            } else if (value.isEmpty()) {
                text.append(pad).append(key).append(":\n");
            } else if (value.contains("\n")) {
                text.append(pad).append(key).append(":\n");
                for (String line : value.split("\n", -1)) {
                    text.append(line.isEmpty() ? "" : pad + "  " + line).append('\n');
                }
            } else {
                text.append(pad).append(key).append(": ").append(value).append('\n');
            }
        }
        for (Node child : node.children()) {
            render(child, indent + 2, text);
        }
    }

    /**
     * Parses a canonical text back into a tree.
     *
     * @throws IllegalArgumentException with the line number if the text is not canonical text
     */
    public static List<Node> parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Node> roots = new ArrayList<>();
        Node top = null;
        Node child = null;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("--")) {
                i++;
                continue;
            }
            int indent = indentOf(line);
            String content = line.strip();
            if (indent == 0) {
                top = header(content, Node.TOP_KINDS, null, i);
                roots.add(top);
                child = null;
                i++;
                continue;
            }
            if (top == null || indent % 2 != 0 || indent > 4) {
                throw malformed(i, line);
            }
            if (indent == 2 && startsWithKind(content, Node.CHILD_KINDS)) {
                child = header(content, Node.CHILD_KINDS, top, i);
                i++;
                continue;
            }
            Node owner = indent == 2 ? top : child;
            if (owner == null) {
                throw malformed(i, line);
            }
            int separator = content.indexOf(": ");
            if (separator > 0) {
                owner.attribute(content.substring(0, separator), line.substring(indent + separator + 2));
                i++;
            } else if (content.endsWith(":")) {
                List<String> block = new ArrayList<>();
                int blockIndent = indent + 2;
                i++;
                while (i < lines.length && (lines[i].isBlank() || indentOf(lines[i]) >= blockIndent)) {
                    block.add(lines[i].isBlank() ? "" : lines[i].substring(blockIndent));
                    i++;
                }
                owner.attribute(content.substring(0, content.length() - 1), String.join("\n", block));
            } else {
                owner.attribute(content, Node.TRUE);
                i++;
            }
        }
        return SchemaTree.sorted(roots);
    }

    private static Node header(String content, List<String> kinds, Node parent, int lineIndex) {
        String kind = kinds.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .filter(k -> content.startsWith(k + " ")).findFirst()
                .orElseThrow(() -> malformed(lineIndex, content));
        return new Node(kind, content.substring(kind.length() + 1), parent);
    }

    private static boolean startsWithKind(String content, List<String> kinds) {
        return kinds.stream().anyMatch(k -> content.startsWith(k + " "));
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    private static IllegalArgumentException malformed(int lineIndex, String line) {
        return new IllegalArgumentException("Line " + (lineIndex + 1) + " is not canonical schema text: " + line);
    }
}
