package com.aftercare.returns;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnsProperties.class)
class ReturnsConfiguration {

    @Bean
    BankAccountCipher bankAccountCipher(ReturnsProperties properties) {
        return BankAccountCipher.fromBase64(properties.bankAccountKey());
    }
}
