package com.aftercare.domain.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Who claims rows in a table that several running instances drain (mail, webhooks). */
public final class InstanceIds {

    private InstanceIds() {}

    /**
     * Host and pid tell an operator where a claim came from; the random part keeps two containers
     * with the same host name and pid 1 apart.
     */
    public static String ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
