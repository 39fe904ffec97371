package com.aftercare.returns.logistics;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront's return logistics as supervisors keep them in the console: the settings, the
 * return addresses with their rules, and the non-working days. Each change is audited here, in
 * its own transaction, as the acting operator; a refused value is an {@link InvalidValue} on its
 * field and saves nothing.
 */
@Service
public class ReturnLogisticsSetup {

    private final JdbcClient jdbc;
    private final Storefronts storefronts;
    private final AuditLog audit;

    ReturnLogisticsSetup(JdbcClient jdbc, Storefronts storefronts, AuditLog audit) {
        this.jdbc = jdbc;
        this.storefronts = storefronts;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public LogisticsSettings settings(StorefrontId storefront) {
        return jdbc.sql("""
                        select carrier, pickup_offered, reminder_after_days, carrier_customer_code
                          from return_logistics_settings where storefront_id = :s
                        """)
                .param("s", storefront.value())
                .query((rs, i) -> new LogisticsSettings(
                        Carrier.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getInt(3), rs.getString(4)))
                .optional()
                .orElse(LogisticsSettings.DEFAULTS);
    }

    @Transactional
    public void saveSettings(StorefrontId storefront, LogisticsSettings settings, String operator) {
        known(storefront);
        jdbc.sql("""
                        insert into return_logistics_settings
                               (storefront_id, carrier, pickup_offered, reminder_after_days, carrier_customer_code, updated_at)
                        values (:s, :carrier, :pickup, :days, :code, now())
                        on conflict (storefront_id) do update
                           set carrier = excluded.carrier, pickup_offered = excluded.pickup_offered,
                               reminder_after_days = excluded.reminder_after_days,
                               carrier_customer_code = excluded.carrier_customer_code, updated_at = now()
                        """)
                .param("s", storefront.value())
                .param("carrier", settings.carrier().name())
                .param("pickup", settings.pickupOffered())
                .param("days", settings.reminderAfterDays())
                .param("code", settings.carrierCustomerCode())
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("carrier", settings.carrier().name());
        details.put("pickupOffered", settings.pickupOffered());
        details.put("reminderAfterDays", settings.reminderAfterDays());
        audit.record(operator, "returns.logistics.saved", "storefront", Long.toString(storefront.value()), details);
    }

    @Transactional(readOnly = true)
    public List<ReturnAddress> addresses(StorefrontId storefront) {
        return jdbc.sql("""
                        select id, storefront_id, label, recipient, postal_code, address, phone, request_type, reason, category
                          from return_address where storefront_id = :s order by id
                        """)
                .param("s", storefront.value())
                .query((rs, i) -> address(rs, 1))
                .list();
    }

    /** Adds an address (its {@code id} is ignored); answers its id. */
    @Transactional
    public long addAddress(ReturnAddress address, String operator) {
        known(address.storefront());
        long id = jdbc.sql("""
                        insert into return_address
                               (storefront_id, label, recipient, postal_code, address, phone, request_type, reason, category)
                        values (:s, :label, :recipient, :postal, :address, :phone, :type, :reason, :category)
                        returning id
                        """)
                .param("s", address.storefront().value())
                .param("label", address.label())
                .param("recipient", address.recipient())
                .param("postal", address.postalCode())
                .param("address", address.address())
                .param("phone", address.phone())
                .param(
                        "type",
                        address.requestType() == null
                                ? null
                                : address.requestType().name())
                .param(
                        "reason",
                        address.reason() == null ? null : address.reason().name())
                .param("category", address.category())
                .query(Long.class)
                .single();
        audit.record(
                operator,
                "returns.address.added",
                "return_address",
                Long.toString(id),
                AuditLog.details("storefront", address.storefront().value(), "label", address.label()));
        return id;
    }

    /**
     * Removes an address of the storefront. One a shipment already goes to stays, since a parcel
     * may be on its way there: that is refused on {@code address}.
     */
    @Transactional
    public void removeAddress(StorefrontId storefront, long id, String operator) {
        boolean used = jdbc.sql("select exists (select 1 from return_shipment where address_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (used) {
            throw new InvalidValue("address", "returns already go to this address");
        }
        int removed = jdbc.sql("delete from return_address where id = :id and storefront_id = :s")
                .param("id", id)
                .param("s", storefront.value())
                .update();
        if (removed == 0) {
            throw NotFound.storefront(storefront.value());
        }
        audit.record(operator, "returns.address.removed", "return_address", Long.toString(id), Map.of());
    }

    @Transactional(readOnly = true)
    public Set<LocalDate> nonWorkingDays(StorefrontId storefront) {
        return new TreeSet<>(jdbc.sql("select day from return_non_working_day where storefront_id = :s")
                .param("s", storefront.value())
                .query(LocalDate.class)
                .list());
    }

    /** Marks a day without pick-ups (again is no change). */
    @Transactional
    public void addNonWorkingDay(StorefrontId storefront, LocalDate day, String operator) {
        known(storefront);
        if (day == null) {
            throw new InvalidValue("day", "choose a day");
        }
        jdbc.sql("insert into return_non_working_day (storefront_id, day) values (:s, :d) on conflict do nothing")
                .param("s", storefront.value())
                .param("d", day)
                .update();
        audit.record(
                operator,
                "returns.calendar.closed",
                "storefront",
                Long.toString(storefront.value()),
                Map.of("day", day.toString()));
    }

    @Transactional
    public void removeNonWorkingDay(StorefrontId storefront, LocalDate day, String operator) {
        jdbc.sql("delete from return_non_working_day where storefront_id = :s and day = :d")
                .param("s", storefront.value())
                .param("d", day)
                .update();
        audit.record(
                operator,
                "returns.calendar.opened",
                "storefront",
                Long.toString(storefront.value()),
                Map.of("day", day.toString()));
    }

    /** An address from the columns starting at {@code first}, in the order {@code addresses} selects them. */
    static ReturnAddress address(ResultSet rs, int first) throws SQLException {
        return new ReturnAddress(
                rs.getLong(first),
                new StorefrontId(rs.getLong(first + 1)),
                rs.getString(first + 2),
                rs.getString(first + 3),
                rs.getString(first + 4),
                rs.getString(first + 5),
                rs.getString(first + 6),
                rs.getString(first + 7) == null ? null : RequestType.valueOf(rs.getString(first + 7)),
                rs.getString(first + 8) == null ? null : ReturnReason.valueOf(rs.getString(first + 8)),
                rs.getString(first + 9));
    }

    private void known(StorefrontId storefront) {
        if (storefronts.find(storefront).isEmpty()) {
            throw new InvalidValue("storefront", "no such storefront");
        }
    }
}
