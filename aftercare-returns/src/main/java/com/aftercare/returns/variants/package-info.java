/**
 * What an exchange may be exchanged for: the other variants of the bought product at the same
 * storefront (learned from its orders, {@code com.aftercare.domain.catalogue}), each with the
 * stock the storefront's callback reports, and the rule that decides whether an exchange can go
 * ahead with that stock. Below the returns module's face: the face uses it, it uses nothing of the
 * face.
 */
@NamedInterface("variants")
package com.aftercare.returns.variants;

import org.springframework.modulith.NamedInterface;
