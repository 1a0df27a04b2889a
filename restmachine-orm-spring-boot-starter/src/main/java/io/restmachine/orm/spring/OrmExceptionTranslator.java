package io.restmachine.orm.spring;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.MultipleItemsException;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates restmachine-orm exceptions into Spring's {@link DataAccessException} hierarchy, for
 * {@code @Repository} classes under Spring's exception translation; the ORM exception stays the
 * cause, with its message.
 *
 * <table>
 *   <caption>Translations</caption>
 *   <tr><th>ORM</th><th>Spring</th></tr>
 *   <tr><td>DuplicateKeyException</td><td>org.springframework.dao.DuplicateKeyException</td></tr>
 *   <tr><td>ConflictException</td><td>OptimisticLockingFailureException</td></tr>
 *   <tr><td>ConditionFailedException, TransactionCanceledException</td><td>DataIntegrityViolationException</td></tr>
 *   <tr><td>NotFoundException</td><td>DataRetrievalFailureException</td></tr>
 *   <tr><td>MultipleItemsException</td><td>IncorrectResultSizeDataAccessException</td></tr>
 *   <tr><td>ValidationException, SchemaException, InvalidCursorException</td><td>InvalidDataAccessApiUsageException</td></tr>
 *   <tr><td>BackendException</td><td>DataAccessResourceFailureException</td></tr>
 * </table>
 *
 * Anything else, including other {@link OrmException}s, is left as it is.
 */
public final class OrmExceptionTranslator implements PersistenceExceptionTranslator {
    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException e) {
        String message = e.getMessage();
        if (e instanceof DuplicateKeyException) {
            return new org.springframework.dao.DuplicateKeyException(message, e);
        }
        if (e instanceof ConflictException) {
            return new OptimisticLockingFailureException(message, e);
        }
        if (e instanceof ConditionFailedException || e instanceof TransactionCanceledException) {
            return new DataIntegrityViolationException(message, e);
        }
        if (e instanceof NotFoundException) {
            return new DataRetrievalFailureException(message, e);
        }
        if (e instanceof MultipleItemsException) {
            return new IncorrectResultSizeDataAccessException(message, 1, e);
        }
        if (e instanceof ValidationException || e instanceof SchemaException || e instanceof InvalidCursorException) {
            return new InvalidDataAccessApiUsageException(message, e);
        }
        if (e instanceof BackendException) {
            return new DataAccessResourceFailureException(message, e);
        }
        return null;
    }
}
