package com.aftercare.domain.customer;

import com.aftercare.domain.storefront.StorefrontId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A person who bought from or contacted the shop: one across all storefronts when we know their
 * email (matched by normalised email); without one (a caller who gave a phone, a LINE user) they
 * belong to the storefront they were recorded at and are found again by normalised phone.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Column(name = "email_normalized", unique = true)
    private String emailNormalized;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_kana")
    private String nameKana;

    private String phone;

    @Column(name = "phone_normalized")
    private String phoneNormalized;

    /** Only for a customer without an email: the storefront that recorded them. */
    @Column(name = "storefront_id")
    private Long storefront;

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
        setPhone(details.phone());
        this.updatedAt = now;
    }

    /** A customer without an email, recorded at {@code storefront}; reached by phone or LINE. */
    Customer(StorefrontId storefront, PersonalDetails details, Instant now) {
        this.storefront = storefront.value();
        this.createdAt = now;
        this.name = details.name();
        this.nameKana = details.nameKana();
        setPhone(details.phone());
        this.updatedAt = now;
    }

    private void setPhone(String phone) {
        this.phone = phone;
        this.phoneNormalized = PhoneNumber.normalized(phone);
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
            setPhone(details.phone());
        }
        this.updatedAt = now;
    }

    void learn(PersonalDetails details, Instant now) {
        this.name = details.name();
        if (details.nameKana() != null) {
            this.nameKana = details.nameKana();
        }
        if (details.phone() != null) {
            setPhone(details.phone());
        }
        this.updatedAt = now;
    }

    /** The storefront that recorded a customer without an email; empty for one known by email. */
    public Optional<StorefrontId> recordedAt() {
        return Optional.ofNullable(storefront).map(StorefrontId::new);
    }

    public CustomerId id() {
        return new CustomerId(id);
    }

    /** The email, or null for a customer reached only by phone or LINE. */
    public EmailAddress email() {
        return email == null ? null : new EmailAddress(email);
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
