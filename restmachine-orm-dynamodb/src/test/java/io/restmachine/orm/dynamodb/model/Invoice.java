package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.BeforeSave;
import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.UpdatedAt;
import io.restmachine.orm.Version;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A mutable class with everything a write changes: a version, both timestamps and a
 * {@code @BeforeSave} hook, for the tests that a failed write leaves the caller's object as it was.
 */
@PartitionKey("CUSTOMER#{customerId}")
@SortKey("INVOICE#{invoiceId}")
public class Invoice {
    private @Nullable String customerId;
    private @Nullable String invoiceId;
    private @Nullable String status;

    @Version
    private long version;

    @CreatedAt
    private @Nullable Instant createdAt;

    @UpdatedAt
    private @Nullable Instant updatedAt;

    public Invoice() {}

    public Invoice(@Nullable String customerId, @Nullable String invoiceId, String status) {
        this.customerId = customerId;
        this.invoiceId = invoiceId;
        this.status = status;
    }

    @BeforeSave
    void normaliseStatus() {
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
        }
    }

    public @Nullable String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public @Nullable String getInvoiceId() {
        return invoiceId;
    }

    public void setInvoiceId(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    public @Nullable String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public @Nullable Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(@Nullable Instant createdAt) {
        this.createdAt = createdAt;
    }

    public @Nullable Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(@Nullable Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** Every mapped field, to compare an instance before and after a call. */
    public String state() {
        return customerId + "|" + invoiceId + "|" + status + "|v" + version + "|" + createdAt + "|" + updatedAt;
    }
}
