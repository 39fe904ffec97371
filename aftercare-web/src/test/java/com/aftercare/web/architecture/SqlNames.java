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
 * statements of Flyway migrations. A name counts when it follows a SQL keyword that introduces a
 * relation ({@code from}, {@code join}, {@code into}, {@code update}, {@code table},
 * {@code references}, {@code view}) and is one of the known tables or views, so English
 * words in messages and aliases of common table expressions are not mistaken for tables.
 */
final class SqlNames {

    /** One name found: where, and whether the statement writes it. */
    record Use(String where, String name, boolean write) {}

    /** One migration statement: the relation it changes and every relation it names. */
    record Statement(String where, String target, List<Use> uses) {}

    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern RELATION = Pattern.compile(
            "\\b(from|join|into|update|table|references|view)\\s+(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_ANNOTATION =
            Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:create\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?(?:table|view|index\\s+\\S+\\s+on)|alter\\s+table|insert\\s+into|update|delete\\s+from|drop\\s+(?:table|view))\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?([a-z_][a-z0-9_]*)",
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
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
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
            if (target.find() && known.contains(target.group(1).toLowerCase(Locale.ROOT))) {
                statements.add(new Statement(at, target.group(1).toLowerCase(Locale.ROOT), inSql(at, statement)));
            }
            line += statement.chars().filter(c -> c == '\n').count();
        }
        return statements;
    }

    /** The known relations a piece of SQL names; {@code into}, {@code update} and {@code table} write. */
    List<Use> inSql(String where, String sql) {
        List<Use> uses = new ArrayList<>();
        Matcher relation = RELATION.matcher(sql);
        while (relation.find()) {
            String name = relation.group(2).toLowerCase(Locale.ROOT);
            if (known.contains(name)) {
                String keyword = relation.group(1).toLowerCase(Locale.ROOT);
                boolean write = keyword.equals("into") || keyword.equals("update") || keyword.equals("table");
                boolean deleteFrom = keyword.equals("from")
                        && sql.substring(0, relation.start())
                                .stripTrailing()
                                .toLowerCase(Locale.ROOT)
                                .endsWith("delete");
                uses.add(new Use(where, name, write || deleteFrom));
            }
        }
        return uses;
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
