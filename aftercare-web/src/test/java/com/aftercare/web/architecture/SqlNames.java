package com.aftercare.web.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the tables and views SQL names: in the string literals of Java sources (JdbcClient SQL,
 * text blocks and concatenated pieces alike), in JPA {@code @Table} annotations, and in the
 * statements of Flyway migrations. A name counts when it is one of the known tables or views and
 * stands where SQL puts a relation: after {@code from}, {@code join}, {@code using},
 * {@code into}, {@code update}, {@code table}, {@code truncate}, {@code references} or
 * {@code view}, further along a comma list after {@code from} or {@code using}, schema-qualified
 * or quoted ({@code public."claim"}), or at the head of a SQL fragment kept in a constant and
 * joined later ({@code "operator_view o left join …"}). English words in messages and aliases of
 * common table expressions are not mistaken for tables.
 */
final class SqlNames {

    /** One name found: where, and whether the statement writes it. */
    record Use(String where, String name, boolean write) {}

    /** One migration statement: the relation it changes and every relation it names. */
    record Statement(String where, String target, List<Use> uses) {}

    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A relation's name, perhaps quoted and schema-qualified; group 1 is the bare name. */
    private static final String NAME = "(?:\"?public\"?\\s*\\.\\s*)?\"?([a-z_][a-z0-9_]*)\"?";

    private static final Pattern RELATION = Pattern.compile(
            "\\b(from|join|using|into|update|table|truncate|references|view)\\s+(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?"
                    + NAME,
            Pattern.CASE_INSENSITIVE);

    /** The next relation of a comma list: {@code , name} after a name and its alias. */
    private static final Pattern NEXT_IN_LIST = Pattern.compile(
            "(?:\\s+(?:as\\s+)?(?!(?:where|join|left|right|inner|full|cross|on|using|set|group|order|limit|returning|for|union|natural|lateral)\\b)[a-z_][a-z0-9_]*)?\\s*,\\s*"
                    + NAME,
            Pattern.CASE_INSENSITIVE);

    /** A fragment that begins with a relation and goes on as SQL: {@code "operator_view o left join"}. */
    private static final Pattern FRAGMENT_HEAD = Pattern.compile(
            "^\\s*" + NAME
                    + "(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s*(?:,|\\b(?:(?:left|right|inner|full|cross)\\s+)?join\\b|\\bwhere\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TABLE_ANNOTATION =
            Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:create\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?(?:table|(?:materialized\\s+)?view|index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?\\S+\\s+on)|alter\\s+table|insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|drop\\s+(?:table|view))\\s+(?:only\\s+)?(?:if\\s+(?:not\\s+)?exists\\s+)?"
                    + NAME,
            Pattern.CASE_INSENSITIVE);

    private final Set<String> known;

    SqlNames(Set<String> known) {
        this.known = known;
    }

    /** The names the SQL in one Java source names. */
    List<Use> inJava(String where, String source) {
        List<Use> uses = new ArrayList<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            // a quoted identifier in an ordinary string literal is escaped: \"claim\"
            String text = (literal.group(1) != null ? literal.group(1) : literal.group(2)).replace("\\\"", "\"");
            uses.addAll(inSql(where + ":" + lineOf(source, literal.start()), text));
        }
        Matcher table = TABLE_ANNOTATION.matcher(source);
        while (table.find()) {
            uses.add(new Use(where + ":" + lineOf(source, table.start()), table.group(1), true));
        }
        return uses;
    }

    /** The statements of one migration, each with the relation it changes. */
    List<Statement> inMigration(String where, String script) {
        List<Statement> statements = new ArrayList<>();
        String withoutComments = script.replaceAll("--[^\\n]*", "");
        int line = 1;
        for (String statement : withoutComments.split(";")) {
            Matcher target = TARGET.matcher(statement);
            String at = where + ":" + (line + leadingNewlines(statement));
            List<Use> uses = inSql(at, statement);
            if (target.find() && known.contains(target.group(1).toLowerCase(Locale.ROOT))) {
                statements.add(new Statement(at, target.group(1).toLowerCase(Locale.ROOT), uses));
            } else if (!uses.isEmpty()) {
                // a statement of another shape (with …, comment on, create trigger …) belongs to the
                // first relation it names, and every other one it names is checked against that
                statements.add(new Statement(at, uses.get(0).name(), uses));
            }
            line += statement.chars().filter(c -> c == '\n').count();
        }
        return statements;
    }

    /**
     * The known relations a piece of SQL names; {@code into}, {@code update}, {@code table},
     * {@code truncate} and {@code delete from} write.
     */
    List<Use> inSql(String where, String sql) {
        List<Use> uses = new ArrayList<>();
        Matcher head = FRAGMENT_HEAD.matcher(sql);
        if (head.find() && known.contains(head.group(1).toLowerCase(Locale.ROOT))) {
            uses.add(new Use(where, head.group(1).toLowerCase(Locale.ROOT), false));
        }
        Matcher relation = RELATION.matcher(sql);
        while (relation.find()) {
            String keyword = relation.group(1).toLowerCase(Locale.ROOT);
            boolean deleteFrom = keyword.equals("from")
                    && sql.substring(0, relation.start())
                            .stripTrailing()
                            .toLowerCase(Locale.ROOT)
                            .endsWith("delete");
            boolean write =
                    deleteFrom || Set.of("into", "update", "table", "truncate").contains(keyword);
            add(uses, where, relation.group(2), write);
            if (keyword.equals("from") || keyword.equals("using") || keyword.equals("truncate")) {
                // from a, b / using a, b / truncate a, b: the rest of the list is read (or emptied) too
                Matcher next = NEXT_IN_LIST.matcher(sql);
                int at = relation.end();
                while (next.region(at, sql.length()).lookingAt()) {
                    add(uses, where, next.group(1), keyword.equals("truncate"));
                    at = next.end();
                }
            }
        }
        return uses;
    }

    private void add(List<Use> uses, String where, String name, boolean write) {
        String relation = name.toLowerCase(Locale.ROOT);
        if (known.contains(relation)) {
            uses.add(new Use(where, relation, write));
        }
    }

    /** The main Java sources under a module's source root. */
    static List<Path> javaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int index) {
        return 1 + (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
    }

    private static int leadingNewlines(String statement) {
        int n = 0;
        for (int i = 0; i < statement.length() && Character.isWhitespace(statement.charAt(i)); i++) {
            if (statement.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
