package com.aftercare.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private static String inward(String address) throws Exception {
        return WebhookTargets.inward(InetAddress.getByName(address));
    }

    @Test
    void shouldNameEveryInwardRange() throws Exception {
        assertThat(inward("127.0.0.1")).isEqualTo("loopback");
        assertThat(inward("::1")).isEqualTo("loopback");
        assertThat(inward("0.0.0.0")).isEqualTo("unspecified");
        assertThat(inward("0.1.2.3")).isEqualTo("this network");
        assertThat(inward("169.254.169.254")).isEqualTo("link-local");
        assertThat(inward("fe80::1")).isEqualTo("link-local");
        assertThat(inward("10.0.0.1")).isEqualTo("private");
        assertThat(inward("172.16.0.1")).isEqualTo("private");
        assertThat(inward("172.31.255.255")).isEqualTo("private");
        assertThat(inward("192.168.0.1")).isEqualTo("private");
        assertThat(inward("100.64.0.1")).isEqualTo("carrier-grade NAT");
        assertThat(inward("100.127.255.255")).isEqualTo("carrier-grade NAT");
        assertThat(inward("fd12:3456::1")).isEqualTo("unique local");
        assertThat(inward("224.0.0.1")).isEqualTo("multicast");
        assertThat(inward("255.255.255.255")).isEqualTo("reserved");
        assertThat(inward("64:ff9b::a00:1")).isEqualTo("private");
        assertThat(inward("::ffff:127.0.0.1")).isEqualTo("loopback");
    }

    @Test
    void shouldRefuseIpv6FormsThatTunnelToAnIpv4Address() throws Exception {
        assertThat(inward("::127.0.0.1")).isEqualTo("IPv4-compatible");
        assertThat(inward("::a9fe:a9fe")).isEqualTo("IPv4-compatible");
        assertThat(inward("2002:7f00:1::")).isEqualTo("6to4 tunnel");
        assertThat(inward("2002:a9fe:a9fe::1")).isEqualTo("6to4 tunnel");
        assertThat(inward("2001:0:4136:e378:8000:63bf:3fff:fdd2")).isEqualTo("Teredo tunnel");
        assertThat(inward("64:ff9b:1::a00:1")).isEqualTo("local NAT64");
    }

    @Test
    void shouldLetPublicAddressesThrough() throws Exception {
        assertThat(inward("93.184.216.34")).isNull();
        assertThat(inward("172.32.0.1")).isNull();
        assertThat(inward("100.128.0.1")).isNull();
        assertThat(inward("2001:db8::1")).isNull();
    }

    @Test
    void shouldRefuseUrlsWeNeverSendTo() {
        assertThatThrownBy(() -> WebhookTargets.parse("ftp://shop.example.jp/x"))
                .isInstanceOf(URISyntaxException.class);
        assertThatThrownBy(() -> WebhookTargets.parse("https:///x")).isInstanceOf(URISyntaxException.class);
        assertThatThrownBy(() -> WebhookTargets.parse("https://u:p@shop.example.jp/x"))
                .isInstanceOf(URISyntaxException.class);
        assertThatThrownBy(() -> WebhookTargets.parse("https://shop.example.jp/x#y"))
                .isInstanceOf(URISyntaxException.class);
    }
}
