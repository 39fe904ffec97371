package com.aftercare.domain.mail.dispatch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code aftercare.mail.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailDispatchProperties.class)
class MailDispatchConfiguration {}
