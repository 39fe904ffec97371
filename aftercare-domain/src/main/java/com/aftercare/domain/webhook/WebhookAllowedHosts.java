package com.aftercare.domain.webhook;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosts a webhook may point at although they resolve to loopback, link-local or private
 * addresses, and that may be reached over plain http: the configured list
 * ({@code AFTERCARE_WEBHOOKS_ALLOWED_HOSTS}) plus the one an administrator edits in the console.
 * A host matches by its name as written in the URL (or its IP literal), case-insensitively.
 */
@Service
public class WebhookAllowedHosts {

    private static final Pattern HOST = Pattern.compile("[a-z0-9._:\\-]{1,253}");

    /** A host and whether it comes from the configuration (not removable in the console). */
    public record AllowedHost(String host, boolean configured, String addedBy) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Set<String> configured;

    WebhookAllowedHosts(JdbcClient jdbc, AuditLog audit, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.configured = new TreeSet<>();
        properties.allowedHosts().stream()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(WebhookAllowedHosts::normalized)
                .forEach(configured::add);
    }

    /** Whether {@code host} (as in a URL, brackets of an IPv6 literal allowed) is allowed. */
    @Transactional(readOnly = true)
    public boolean allows(String host) {
        String h = normalized(host);
        if (configured.contains(h)) {
            return true;
        }
        return jdbc.sql("select exists (select 1 from webhook_allowed_host where host = :host)")
                .param("host", h)
                .query(Boolean.class)
                .single();
    }

    @Transactional(readOnly = true)
    public List<AllowedHost> list() {
        List<AllowedHost> all = new java.util.ArrayList<>(
                configured.stream().map(h -> new AllowedHost(h, true, null)).toList());
        jdbc
                .sql("select host, added_by from webhook_allowed_host order by host")
                .query((rs, i) -> new AllowedHost(rs.getString(1), false, rs.getString(2)))
                .list()
                .stream()
                .filter(h -> !configured.contains(h.host()))
                .forEach(all::add);
        return all;
    }

    /** Adds a host (audited). */
    @Transactional
    public void add(String host, String by) {
        String h = host == null ? "" : normalized(host.strip());
        if (!HOST.matcher(h).matches()) {
            throw new InvalidValue("host", "must be a host name or IP address, without scheme, port or path");
        }
        jdbc.sql("insert into webhook_allowed_host (host, added_by) values (:host, :by) on conflict do nothing")
                .param("host", h)
                .param("by", by)
                .update();
        audit.record(by, "webhook.allowed-host.added", "webhook-allowed-host", h, Map.of());
    }

    /** Removes a host an administrator added (audited); the configured ones stay. */
    @Transactional
    public void remove(String host, String by) {
        String h = host == null ? "" : normalized(host.strip());
        int removed = jdbc.sql("delete from webhook_allowed_host where host = :host")
                .param("host", h)
                .update();
        if (removed == 0) {
            throw new InvalidValue(
                    "host", configured.contains(h) ? "is configured, not editable here" : "is not listed");
        }
        audit.record(by, "webhook.allowed-host.removed", "webhook-allowed-host", h, Map.of());
    }

    static String normalized(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
