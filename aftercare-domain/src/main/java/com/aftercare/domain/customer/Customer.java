package com.aftercare.domain.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who bought from the shop, one across all storefronts (matched by normalised email). */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_normalized", nullable = false, unique = true)
    private String emailNormalized;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_kana")
    private String nameKana;

    private String phone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {}

    Customer(EmailAddress email, PersonalDetails details, Instant now) {
        this.email = email.value();
        this.emailNormalized = email.normalized();
        this.createdAt = now;
        this.name = details.name();
        this.nameKana = details.nameKana();
        this.phone = details.phone();
        this.updatedAt = now;
    }

    /** The newest details a storefront sent win; blanks never erase what we know. */
    /**
     * Only what we do not know yet: for details from a source anyone can type into (a contact
     * form), which must never rewrite a known customer's name or phone.
     */
    void learnMissing(PersonalDetails details, Instant now) {
        if (nameKana == null && details.nameKana() != null) {
            this.nameKana = details.nameKana();
        }
        if (phone == null && details.phone() != null) {
            this.phone = details.phone();
        }
        this.updatedAt = now;
    }

    void learn(PersonalDetails details, Instant now) {
        this.name = details.name();
        if (details.nameKana() != null) {
            this.nameKana = details.nameKana();
        }
        if (details.phone() != null) {
            this.phone = details.phone();
        }
        this.updatedAt = now;
    }

    public CustomerId id() {
        return new CustomerId(id);
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String name() {
        return name;
    }

    public String nameKana() {
        return nameKana;
    }

    public String phone() {
        return phone;
    }
}
