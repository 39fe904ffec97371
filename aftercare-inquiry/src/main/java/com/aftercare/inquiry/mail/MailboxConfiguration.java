package com.aftercare.inquiry.mail;

import com.aftercare.inquiry.AttachmentPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailboxProperties.class)
class MailboxConfiguration {

    /** One policy for the files of every channel (mail attachments, LINE files and images). */
    @Bean
    AttachmentPolicy attachmentPolicy(MailboxProperties properties) {
        return new AttachmentPolicy(properties.maxAttachmentSize().toBytes(), properties.allowedTypes());
    }
}
