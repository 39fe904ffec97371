package com.aftercare.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The module arrows, down to SQL: every table has one owner (docs/architecture.md, "Table
 * owners"); a module's SQL names only its own tables and the domain's read models, and writes only
 * its own tables; a foreign key points only within a module or down to the domain; a migration
 * statement changes one owner's tables and reads no other module's, unless the migration says it
 * moves data across owners once. Checked on the sources, the migrations and the migrated schema.
 */
@AftercareIntegrationTest
class TableOwnershipTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("domain", "inquiry", "returns", "stepmail", "web");

    /** Migrations up to here were written before owners were; they are history, and the schema check covers what they left. */
    private static final int FIRST_OWNED_MIGRATION = 31;

    private static final Pattern DATA_MOVE = Pattern.compile("--\\s*one-time data move across owners:\\s*([a-z_, ]+)");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private final TableOwners owners = TableOwners.fromArchitectureDoc(ROOT.resolve("docs/architecture.md"));
    private final SqlNames sql = new SqlNames(owners.names());

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldLetEveryModulesSqlNameOnlyItsOwnTablesAndTheReadModels() {
        List<String> violations = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = ROOT.resolve("aftercare-" + module + "/src/main/java");
            for (Path file : SqlNames.javaSources(sources)) {
                String owner = ownerOf(module, sources.relativize(file));
                violations.addAll(
                        violations(owner, sql.inJava(ROOT.relativize(file).toString(), SqlNames.read(file))));
            }
        }
        assertThat(violations).as("SQL naming another owner's tables").isEmpty();
    }

    @Test
    void shouldLetEveryNewMigrationChangeOneOwnersTablesAndReadNoOtherModules() throws Exception {
        List<String> violations = new ArrayList<>();
        try (var files = Files.list(ROOT.resolve("db/migration"))) {
            for (Path file : files.sorted().toList()) {
                Matcher version = VERSION.matcher(file.getFileName().toString());
                if (version.matches() && Integer.parseInt(version.group(1)) >= FIRST_OWNED_MIGRATION) {
                    violations.addAll(migrationViolations(ROOT.relativize(file).toString(), SqlNames.read(file)));
                }
            }
        }
        assertThat(violations).as("migration statements across owners").isEmpty();
    }

    @Test
    void shouldGiveEveryTableAndViewOfTheSchemaAnOwnerAndKeepForeignKeysWithinOrDown() {
        // materialised views count as their owner's tables: information_schema lists neither them nor what they read
        Set<String> schemaTables =
                new TreeSet<>(jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                        union
                        select matviewname from pg_matviews where schemaname = 'public'
                        """).query(String.class).list());
        Set<String> schemaViews =
                new TreeSet<>(jdbc.sql("select table_name from information_schema.views where table_schema = 'public'")
                        .query(String.class)
                        .list());
        assertThat(schemaTables)
                .as("tables in the schema = tables with an owner")
                .isEqualTo(owners.tables().keySet());
        assertThat(schemaViews)
                .as("views in the schema = read models")
                .isEqualTo(owners.readModels().keySet());

        List<String> violations = new ArrayList<>();
        jdbc.sql("""
                        select conrelid::regclass::text as child, confrelid::regclass::text as parent, conname
                          from pg_constraint where contype = 'f'
                        """)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(fk -> {
                    String from = owners.ownerOf(fk.get(0)).orElseThrow();
                    String to = owners.ownerOf(fk.get(1)).orElseThrow();
                    if (!TableOwners.mayReference(from, to)) {
                        violations.add(
                                fk.get(2) + ": " + fk.get(0) + " (" + from + ") -> " + fk.get(1) + " (" + to + ")");
                    }
                });
        jdbc.sql("select view_name, table_name from information_schema.view_table_usage where view_schema = 'public'")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(use -> {
                    String view = owners.readModels().get(use.get(0));
                    if (!owners.mayRead(view, use.get(1))) {
                        violations.add("read model " + use.get(0) + " (" + view + ") reads " + use.get(1));
                    }
                });
        // a materialised view is its owner's table, filled from what its owner may read
        jdbc.sql("""
                        select distinct m.relname, t.relname
                          from pg_class m
                          join pg_rewrite r on r.ev_class = m.oid
                          join pg_depend d on d.objid = r.oid and d.classid = 'pg_rewrite'::regclass
                          join pg_class t on t.oid = d.refobjid
                         where m.relkind = 'm' and t.oid <> m.oid and t.relkind in ('r', 'v', 'm')
                        """)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(use -> {
                    String owner = owners.ownerOf(use.get(0)).orElseThrow();
                    if (!owners.mayRead(owner, use.get(1))) {
                        violations.add("materialised view " + use.get(0) + " (" + owner + ") reads " + use.get(1));
                    }
                });
        assertThat(violations).as("foreign keys and read models across owners").isEmpty();
    }

    @Test
    void shouldCatchAModuleReadingAnotherModulesTableAndAForeignKeyAcrossModules() {
        // the checks above can fail: what step mail did before this step, and what V20 did
        List<SqlNames.Use> stepMailReadingClaims = sql.inJava(
                "Scheduler.java",
                "String q = \"\"\"\n select (select c.rma from claim c where c.id = e.claim_id) from enrolment e\n\"\"\";");
        assertThat(violations("stepmail", stepMailReadingClaims))
                .singleElement()
                .asString()
                .contains("claim");
        assertThat(violations("returns", sql.inJava("Claims.java", "\"update outbound_mail set status = 'X'\"")))
                .singleElement()
                .asString()
                .contains("writes outbound_mail");
        assertThat(migrationViolations(
                        "V99__x.sql", "alter table enrolment add column claim_id bigint references claim (id);"))
                .singleElement()
                .asString()
                .contains("claim");
        assertThat(TableOwners.mayReference("stepmail", "returns")).isFalse();
        assertThat(migrationViolations(
                        "V99__x.sql",
                        "-- one-time data move across owners: claim\n"
                                + "update enrolment e set claim_rma = c.rma from claim c where c.id = e.claim_id;"))
                .as("a declared data move")
                .isEmpty();
    }

    @Test
    void shouldSeeTablesInEveryPlaceSqlPutsThem() {
        // each of these names claim, which step mail may not read or write
        List<String> stepMailSql = List.of(
                "\"select e.id from enrolment e, customer_view c, claim x where x.id = e.claim_id\"",
                "\"delete from step_mail m using enrolment e, claim c where c.id = m.id\"",
                "\"select rma from public.claim\"",
                "\"select rma from \\\"claim\\\" c\"",
                "\"truncate step_mail, claim\"",
                "private static final String FROM = \"claim c left join claim_line l on l.claim_id = c.id\";");
        for (String source : stepMailSql) {
            assertThat(violations("stepmail", sql.inJava("Scheduler.java", source)))
                    .as(source)
                    .anyMatch(v -> v.contains(" claim"));
        }
        assertThat(violations("stepmail", sql.inJava("Scheduler.java", "\"truncate step_mail, claim\"")))
                .as("truncate empties every table of its list")
                .anyMatch(v -> v.contains("writes claim"));
        // and these are not tables
        assertThat(sql.inJava(
                        "Audit.java",
                        "audit.record(by, \"claim.saved\", \"claim\", id); log(\"claim on the order \" + n);"
                                + " sql(\"select extract(epoch from now() - e.triggered_at) from enrolment e\");"))
                .extracting(SqlNames.Use::name)
                .containsExactly("enrolment");
    }

    @Test
    void shouldCheckEveryRelationOfEveryMigrationStatementWhateverItsShape() {
        assertThat(
                        migrationViolations(
                                "V99__x.sql",
                                "with moved as (select id, rma from claim) update enrolment e set claim_rma = m.rma from moved m;"))
                .as("a statement that opens with a common table expression")
                .anyMatch(v -> v.contains("claim"));
        assertThat(migrationViolations(
                        "V99__x.sql",
                        "-- one-time data move across owners: claim\n"
                                + "with gone as (delete from claim returning id) update enrolment set claim_id = null"
                                + " where claim_id in (select id from gone);"))
                .as("a declared data move reads another owner's rows; it never writes them")
                .anyMatch(v -> v.contains("claim"));
        assertThat(migrationViolations("V99__x.sql", "comment on table claim is 'x'; truncate table enrolment, claim;"))
                .as("truncate of a list")
                .anyMatch(v -> v.contains("names claim"));
    }

    private List<String> violations(String owner, List<SqlNames.Use> uses) {
        List<String> violations = new ArrayList<>();
        for (SqlNames.Use use : uses) {
            if (use.write() && !owners.mayWrite(owner, use.name())) {
                violations.add(use.where() + " (" + owner + ") writes " + use.name());
            } else if (!use.write() && !owners.mayRead(owner, use.name())) {
                violations.add(use.where() + " (" + owner + ") reads " + use.name() + " of "
                        + owners.ownerOf(use.name()).orElse("?"));
            }
        }
        return violations;
    }

    private List<String> migrationViolations(String where, String script) {
        Set<String> moved = new TreeSet<>();
        Matcher move = DATA_MOVE.matcher(script);
        while (move.find()) {
            for (String name : move.group(1).split(",")) {
                moved.add(name.strip());
            }
        }
        List<String> violations = new ArrayList<>();
        for (SqlNames.Statement statement : sql.inMigration(where, script)) {
            String owner = owners.ownerOf(statement.target()).orElseThrow();
            for (SqlNames.Use use : statement.uses()) {
                String other = owners.ownerOf(use.name()).orElseThrow();
                boolean own = other.equals(owner) || (!use.write() && owners.mayRead(owner, use.name()));
                boolean referenced = TableOwners.mayReference(owner, other) && !use.write();
                // a declared data move lets a statement read another owner's rows once, never write them
                boolean declaredMove = !use.write() && moved.contains(use.name());
                if (!own && !referenced && !declaredMove) {
                    violations.add(use.where() + " (" + owner + ": " + statement.target() + ") names " + use.name()
                            + " of " + other);
                }
            }
        }
        return violations;
    }

    /** The mail pipeline's and the outgoing webhooks' packages are owners of their own inside the domain. */
    private static String ownerOf(String module, Path source) {
        String path = source.toString().replace('\\', '/');
        if (module.equals("domain") && path.startsWith("com/aftercare/domain/mail/")) {
            return TableOwners.MAIL;
        }
        return module.equals("domain") && path.startsWith("com/aftercare/domain/webhook/")
                ? TableOwners.WEBHOOK
                : module;
    }
}
