package com.aftercare.domain.webhook;

import com.aftercare.domain.shared.InvalidValue;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may be sent (SSRF): https to a host whose every address is public. Loopback,
 * link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), carrier-grade NAT (100.64/10), "this network" (0/8), multicast and broadcast are
 * refused, and so is plain http, unless the host is allowed ({@link WebhookAllowedHosts}).
 * Checked when a storefront subscribes and again before every attempt, since a name can be
 * pointed elsewhere later. The HTTP client resolves the name once more when it connects; a DNS
 * answer that changes within that moment is not caught (see docs/integrations-webhooks.md).
 */
@Component
class WebhookTargets {

    /** What a check found. */
    enum Kind {
        ALLOWED,
        REFUSED,
        /** The name does not resolve now: refused when subscribing, retried when delivering. */
        UNRESOLVED
    }

    record Verdict(Kind kind, String reason) {

        static final Verdict OK = new Verdict(Kind.ALLOWED, null);

        boolean allowed() {
            return kind == Kind.ALLOWED;
        }
    }

    private static final int MAX_URL_LENGTH = 2000;

    private final WebhookAllowedHosts allowed;

    WebhookTargets(WebhookAllowedHosts allowed) {
        this.allowed = allowed;
    }

    /** The URL as a URI, or the reason it is not one we send to (without looking the host up). */
    static URI parse(String url) throws URISyntaxException {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new URISyntaxException(url, "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new URISyntaxException(url, "has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new URISyntaxException(url, "must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new URISyntaxException(url, "must not have a #fragment");
        }
        return uri;
    }

    /**
     * A URL a storefront gave us to call, checked now: well formed and allowed ({@link #check}).
     *
     * @throws InvalidValue on {@code field} when it is not
     */
    URI requireSendable(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidValue(field, "must not be blank");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidValue(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = parse(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidValue(field, e.getReason());
        }
        Verdict verdict = check(uri);
        if (!verdict.allowed()) {
            throw new InvalidValue(field, verdict.reason());
        }
        return uri;
    }

    Verdict check(URI uri) {
        String host = WebhookAllowedHosts.normalized(uri.getHost());
        if (allowed.allows(host)) {
            return Verdict.OK;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return new Verdict(Kind.REFUSED, "must use https (http only for a host on the allowed list)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Verdict(Kind.UNRESOLVED, "host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            String inward = inward(address);
            if (inward != null) {
                return new Verdict(
                        Kind.REFUSED,
                        "points inward: " + host + " is " + address.getHostAddress() + " (" + inward
                                + "); an administrator can allow the host");
            }
        }
        return Verdict.OK;
    }

    /** Why an address is not on the public internet, or null when it is. */
    static String inward(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "this network";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "carrier-grade NAT";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first >= 240) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique local";
            }
            String tunnel = tunnelled(b);
            if (tunnel != null) {
                return tunnel;
            }
            if (isMappedOrCompatibleIpv4(b)) {
                try {
                    return inward(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "unreadable";
                }
            }
        }
        return null;
    }

    /**
     * IPv6 forms that reach an IPv4 address through a gateway or tunnel, refused outright whatever
     * the address they carry: 6to4 (2002::/16), Teredo (2001::/32), the local-use NAT64 prefix
     * (64:ff9b:1::/48) and the deprecated IPv4-compatible ::a.b.c.d (::/96).
     */
    private static String tunnelled(byte[] b) {
        int word0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int word2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        if (word0 == 0x2002) {
            return "6to4 tunnel";
        }
        if (word0 == 0x2001 && word1 == 0) {
            return "Teredo tunnel";
        }
        if (word0 == 0x0064 && word1 == 0xff9b && word2 == 0x0001) {
            return "local NAT64";
        }
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        return compatible ? "IPv4-compatible" : null;
    }

    /** ::ffff:a.b.c.d and 64:ff9b::a.b.c.d carry an IPv4 address that decides. */
    private static boolean isMappedOrCompatibleIpv4(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || nat64;
    }
}
