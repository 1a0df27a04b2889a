package io.restmachine.orm.dynamodb;

/** Sealed repositories on the embedded engine, in-process. */
class EmbeddedSealedTest extends SealedContract {
    EmbeddedSealedTest() {
        super(Server.embedded());
    }
}
