/**
 * Fraud signals on claims: {@link com.aftercare.returns.signals.SignalRules} (pure, which signals
 * a claim's facts raise), {@link com.aftercare.returns.signals.ContactPoints} (contact points as
 * digests) and {@link com.aftercare.returns.signals.ClaimSignals} (finding, keeping and flagging).
 * Owns {@code claim_signal}, {@code claim_contact} and {@code claim_customer_flag}.
 */
@NamedInterface("signals")
package com.aftercare.returns.signals;

import org.springframework.modulith.NamedInterface;
