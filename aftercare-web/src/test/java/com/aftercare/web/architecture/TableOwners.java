package com.aftercare.web.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who owns each table and read model, as docs/architecture.md says under "Table owners": the one
 * place the list is kept, so the page can never drift from what the tests hold the code to.
 *
 * <p>Owners are the modules ({@code domain}, {@code inquiry}, {@code returns}, {@code stepmail},
 * {@code web}) and the mail pipeline inside the domain ({@code domain.mail}), whose tables the
 * rest of the domain may not name either.
 *
 * @param tables table → owner
 * @param readModels view → owner: read-only for every module
 */
record TableOwners(Map<String, String> tables, Map<String, String> readModels) {

    static final String DOMAIN = "domain";
    static final String MAIL = "domain.mail";
    static final String WEBHOOK = "domain.webhook";

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`?([a-z.]+)`?\\s*\\|(.*)\\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([a-z_][a-z0-9_]*)`");

    /** Reads the two tables under "## Table owners": the owners' tables, then "### Read models". */
    static TableOwners fromArchitectureDoc(Path doc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> views = new LinkedHashMap<>();
        Map<String, String> into = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                into = line.strip().equals("## Table owners") ? tables : null;
            } else if (line.startsWith("### ") && into != null) {
                into = line.strip().equals("### Read models") ? views : null;
            } else if (into != null) {
                Matcher row = ROW.matcher(line);
                if (row.matches() && !row.group(1).equals("owner")) {
                    Matcher name = NAME.matcher(row.group(2));
                    while (name.find()) {
                        into.put(name.group(1), row.group(1));
                    }
                }
            }
        }
        if (tables.isEmpty() || views.isEmpty()) {
            throw new IllegalStateException(doc + " has no '## Table owners' table with a '### Read models' one");
        }
        return new TableOwners(Map.copyOf(tables), Map.copyOf(views));
    }

    Set<String> names() {
        Set<String> all = new java.util.HashSet<>(tables.keySet());
        all.addAll(readModels.keySet());
        return all;
    }

    Optional<String> ownerOf(String name) {
        return Optional.ofNullable(tables.getOrDefault(name, readModels.get(name)));
    }

    boolean isReadModel(String name) {
        return readModels.containsKey(name);
    }

    /**
     * Whether code of {@code owner} may name {@code name} in its SQL: its own tables, the read
     * models (reading only), and for the mail pipeline the rest of the domain's tables as well
     * (it is part of the domain; the rest of the domain is not part of it).
     */
    boolean mayRead(String owner, String name) {
        String tableOwner = tables.get(name);
        if (tableOwner == null) {
            return readModels.containsKey(name);
        }
        return tableOwner.equals(owner) || (owner.equals(MAIL) && tableOwner.equals(DOMAIN));
    }

    /** Whether code of {@code owner} may write {@code name}: only its own tables, never a read model. */
    boolean mayWrite(String owner, String name) {
        String tableOwner = tables.get(name);
        return tableOwner != null && (tableOwner.equals(owner) || (owner.equals(MAIL) && tableOwner.equals(DOMAIN)));
    }

    /**
     * Whether a foreign key from a table of {@code from} may point at a table of {@code to}: within
     * a module, or down to the domain (a feature's row names a customer or an order); never up or
     * sideways.
     */
    static boolean mayReference(String from, String to) {
        return from.equals(to) || to.equals(DOMAIN) || to.equals(MAIL);
    }
}
