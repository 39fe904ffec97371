package com.aftercare.domain.shared;

/** Something with that unique name exists already; {@link #field()} names the input that clashed. */
public class AlreadyExists extends DomainException implements FieldRefusal {

    private final String field;

    private AlreadyExists(String field, String message) {
        super(message);
        this.field = field;
    }

    public static AlreadyExists operator(String username) {
        return new AlreadyExists("username", "An operator named " + username + " exists already");
    }

    public static AlreadyExists storefront(String code) {
        return new AlreadyExists("code", "A storefront with code " + code + " exists already");
    }

    public static AlreadyExists macro(String name) {
        return new AlreadyExists("name", "A macro named " + name + " exists already");
    }

    public static AlreadyExists team(String code) {
        return new AlreadyExists("code", "A team with code " + code + " exists already");
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public String code() {
        return "exists";
    }
}
