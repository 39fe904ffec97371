package com.aftercare.inquiry;

import com.aftercare.domain.shop.ShopProperties;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InquiryProperties.class)
class InquiryConfiguration {

    @Bean
    SlaPolicy inquirySlaPolicy(InquiryProperties properties, ShopProperties shop) {
        BusinessHours hours = BusinessHours.of(shop.zone(), properties.businessHours());
        Map<Priority, SlaPolicy.Target> targets = new EnumMap<>(Priority.class);
        Map<Priority, InquiryProperties.Target> configured = properties.sla().targets();
        if (configured != null) {
            Map<Priority, SlaPolicy.Target> defaults = SlaPolicy.defaults(hours);
            configured.forEach((priority, target) -> targets.put(
                    priority,
                    new SlaPolicy.Target(
                            target.firstResponse() != null
                                    ? target.firstResponse()
                                    : defaults.get(priority).firstResponse(),
                            target.resolution() != null
                                    ? target.resolution()
                                    : defaults.get(priority).resolution())));
        }
        return new SlaPolicy(hours, targets, properties.sla().firstResponseByChannel());
    }

    @Bean
    PhoneHours inquiryPhoneHours(InquiryProperties properties, ShopProperties shop) {
        return new PhoneHours(BusinessHours.of(shop.zone(), properties.phoneHours()));
    }

    @Bean
    @ConditionalOnMissingBean(AssignmentRule.class)
    AssignmentRule ruleBasedAssignment(
            AssignmentRules rules, RoundRobinTeam roundRobin, LeastLoadedMember leastLoaded) {
        return new RuleBasedAssignment(rules, roundRobin, leastLoaded);
    }
}
