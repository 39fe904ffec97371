package com.aftercare.web.security;

import com.aftercare.domain.storefront.StorefrontId;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a storefront's API key: it acts for that storefront only. */
public final class StorefrontAuthentication extends AbstractAuthenticationToken {

    private final StorefrontId storefront;

    StorefrontAuthentication(StorefrontId storefront) {
        super(List.of(new SimpleGrantedAuthority("ROLE_STOREFRONT")));
        this.storefront = storefront;
        setAuthenticated(true);
    }

    public StorefrontId storefront() {
        return storefront;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return storefront;
    }
}
