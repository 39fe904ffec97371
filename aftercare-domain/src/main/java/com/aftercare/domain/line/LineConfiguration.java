package com.aftercare.domain.line;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code aftercare.line.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LineProperties.class)
class LineConfiguration {}
