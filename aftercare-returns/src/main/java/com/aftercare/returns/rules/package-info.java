/**
 * Automatic approval rules for claims, per storefront: the rule language as pure values
 * ({@link com.aftercare.returns.rules.RuleConditions}, {@link com.aftercare.returns.rules.ApprovalRules}:
 * first match by position wins), the editor ({@link com.aftercare.returns.rules.ClaimRules}), the
 * screening of every new claim (which works the claim only through {@code ClaimWorkflow}) and the
 * dry run over the last 90 days ({@link com.aftercare.returns.rules.RuleDryRun}). Owns
 * {@code claim_rule} and {@code claim_rule_decision}. The language is documented in docs/returns.md.
 */
@NamedInterface("rules")
package com.aftercare.returns.rules;

import org.springframework.modulith.NamedInterface;
