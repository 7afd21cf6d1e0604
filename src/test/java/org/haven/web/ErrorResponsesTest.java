package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private final ErrorResponses errors = new ErrorResponses();

    @Test
    void aRefusalKeepsItsStatusAndMessage() {
        Problem p = errors.classify(ApiException.conflict("This thread is locked."));

        assertEquals(409, p.status());
        assertEquals("This thread is locked.", p.detail());
    }

    @Test
    void anOptimisticLockFailureAtCommitIsAConflict() {
        var atCommit = new TransactionalException("commit", new RollbackException("rolled back"));
        atCommit.getCause().initCause(new OptimisticLockException("stale"));

        assertEquals(409, errors.classify(atCommit).status());
    }

    @Test
    void unreadableJsonIsA400() {
        assertEquals(400, errors.classify(new ProcessingException(new JsonbException("Unexpected char"))).status());
    }

    @Test
    void anUnexpectedFailureIsA500WithAnIncidentIdAndNoneOfTheExceptionText() {
        Problem p = errors.classify(new IllegalStateException("secret detail: post text here"));

        assertEquals(500, p.status());
        assertNotNull(p.incident());
        assertFalse(p.detail().contains("secret"));
        assertFalse(p.title().contains("IllegalState"));
    }
}
