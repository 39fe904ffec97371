package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.rules.MailRulesProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code aftercare.mail.*}: the dispatcher's settings, and the quiet hours it keeps too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailDispatchProperties.class, MailRulesProperties.class})
class MailDispatchConfiguration {}
